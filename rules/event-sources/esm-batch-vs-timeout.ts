import { LAMBDA } from '../../src/data/limits.js';
import { defineRule } from '../../src/engine/rule.js';
import { STREAM_KINDS } from '../../src/graph/index.js';

const LARGE_BATCH = 1000;
const SHORT_TIMEOUT = 10;

export default defineRule({
  id: 'esm-batch-vs-timeout',
  severity: 'warning',
  category: 'event-sources',
  description: 'Stream mapping with BatchSize of 1,000 or more into a function whose Timeout is 10 s or less: a full batch times out and is retried whole.',
  seed: 'Smaller batch size or longer timeout',
  suggest: ['a smaller BatchSize', 'a longer function Timeout', 'ParallelizationFactor'],
  sources: ['https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-parameters.html', 'https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html'],
  messages: {
    tooShort: 'Event source mapping "{{name}}" sends batches of up to {{size}} records to function "{{fn}}", whose Timeout is {{timeout}} s: a batch that does not finish in time is retried as a whole.',
  },
  check({ graph, report }) {
    for (const link of graph.eventSources) {
      if (!link.fn || !link.source.kind || !STREAM_KINDS.has(link.source.kind)) continue;
      const fn = link.fn;
      for (const size of link.settings.numbers('BatchSize')) {
        if (size.value < LARGE_BATCH) continue;
        for (const t of fn.numbers('Timeout', LAMBDA.defaultTimeout.value)) {
          if (t.value > SHORT_TIMEOUT) continue;
          report({
            message: 'tooShort',
            at: size.path,
            data: { name: link.name, size: size.value, fn: fn.id, timeout: t.value },
            related: [{ at: t.path, message: `function "${fn.id}" Timeout ${t.value} s${t.isDefault ? ' (default)' : ''}` }],
          });
        }
      }
    }
  },
});
