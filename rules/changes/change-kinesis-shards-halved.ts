import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  id: 'change-kinesis-shards-halved',
  severity: 'error',
  category: 'changes',
  kind: 'change',
  description: 'A change cuts a Kinesis stream to half its shards or fewer: one resharding cannot go below half the current count, so the update fails.',
  seed: 'Provision more shards',
  suggest: ['lower ShardCount in steps of at most half', 'ON_DEMAND capacity mode'],
  sources: ['https://docs.aws.amazon.com/kinesis/latest/APIReference/API_UpdateShardCount.html'],
  messages: {
    halved: 'Kinesis stream "{{stream}}" goes from {{before}} to {{after}} shards; one update can scale down to half the current count at most ({{min}}).',
  },
  check({ graph, base, changes, report }) {
    if (!base) return;
    for (const stream of graph.ofType('AWS::Kinesis::Stream')) {
      const old = base.resource(stream.id);
      if (!old || old.type !== stream.type) continue;
      // A replaced stream starts fresh with its new count: nothing is resharded.
      if (changes?.some((c) => c.id === stream.id && (c.impact === 'replace' || c.impact === 'may-replace'))) continue;
      const before = old.numbers('ShardCount');
      if (before.length !== 1) continue;
      for (const after of stream.numbers('ShardCount')) {
        const min = Math.ceil(before[0].value / 2);
        if (after.value < min) report({ message: 'halved', at: after.path, data: { stream: stream.id, before: before[0].value, after: after.value, min } });
      }
    }
  },
});
