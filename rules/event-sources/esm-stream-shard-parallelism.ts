import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  id: 'esm-stream-shard-parallelism',
  severity: 'warning',
  category: 'event-sources',
  description: "Provisioned Kinesis stream whose ShardCount × ParallelizationFactor exceeds the consuming function's reserved concurrency: throttling and a growing iterator age.",
  seed: 'Lambda processes shard data synchronously',
  suggest: ['raise ReservedConcurrentExecutions', 'fewer shards per function', 'enhanced fan-out consumers'],
  sources: ['https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html', 'https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-parameters.html'],
  messages: {
    throttled:
      'Event source mapping "{{name}}" needs {{needed}} concurrent executions ({{shards}} shards × ParallelizationFactor {{factor}}) but function "{{fn}}" reserves only {{reserved}}: shards wait and their iterator age grows.',
  },
  check({ graph, report }) {
    for (const link of graph.eventSources) {
      const stream = link.source.node;
      if (link.source.kind !== 'kinesis' || !stream || stream.type !== 'AWS::Kinesis::Stream' || !link.fn) continue;
      if (stream.strings(['StreamModeDetails', 'StreamMode'], 'PROVISIONED').every((m) => m.value === 'ON_DEMAND')) continue;
      const reserved = link.fn.numbers('ReservedConcurrentExecutions');
      if (reserved.length === 0) continue;
      const least = reserved.reduce((a, b) => (b.value < a.value ? b : a));
      for (const shards of stream.numbers('ShardCount')) {
        for (const factor of link.settings.numbers('ParallelizationFactor', 1)) {
          const needed = shards.value * factor.value;
          if (needed <= least.value) continue;
          report({
            message: 'throttled',
            at: factor.isDefault ? link.path : factor.path,
            data: { name: link.name, needed, shards: shards.value, factor: factor.value, fn: link.fn.id, reserved: least.value },
            related: [
              { at: shards.path, message: `stream "${stream.id}" ShardCount ${shards.value}` },
              { at: least.path, message: `function "${link.fn.id}" ReservedConcurrentExecutions ${least.value}` },
            ],
          });
        }
      }
    }
  },
});
