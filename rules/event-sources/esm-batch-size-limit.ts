import { ESM_DEFAULTS, ESM_MAX_BATCH_SIZE } from '../../src/data/limits.js';
import { defineRule, originOf } from '../../src/engine/rule.js';
import { EVENT_SOURCE_LABEL, withArticle } from '../../src/graph/index.js';

const LARGEST_MAXIMUM = Math.max(...Object.values(ESM_MAX_BATCH_SIZE).map((l) => l.value));

export default defineRule({
  id: 'esm-batch-size-limit',
  severity: 'error',
  category: 'event-sources',
  description: "Event source mapping BatchSize above the source's maximum (10,000; 10 for SQS FIFO).",
  seed: 'Up to 10,000 records in a batch',
  suggest: [],
  sources: ['https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html'],
  messages: {
    tooLarge: 'Event source mapping "{{name}}" has BatchSize {{size}}; the maximum for {{source}} is {{max}}.',
    tooLargeAnySource: 'Event source mapping "{{name}}" has BatchSize {{size}}; no event source accepts more than {{max}}.',
  },
  check({ graph, report }) {
    for (const link of graph.eventSources) {
      const kind = link.source.kind;
      const fallback = kind === 'sqs' || kind === 'sqs-fifo' ? ESM_DEFAULTS.batchSizeSqs.value : ESM_DEFAULTS.batchSizeOther.value;
      for (const size of link.settings.numbers('BatchSize', fallback)) {
        if (kind) {
          const max = ESM_MAX_BATCH_SIZE[kind].value;
          if (size.value > max) {
            report({ message: 'tooLarge', at: size.path, data: { name: link.name, size: size.value, source: withArticle(EVENT_SOURCE_LABEL[kind]), max }, related: originOf(size) });
          }
        } else if (size.value > LARGEST_MAXIMUM) {
          // The source is unknown, but no source accepts this: not a guess.
          report({ message: 'tooLargeAnySource', at: size.path, data: { name: link.name, size: size.value, max: LARGEST_MAXIMUM }, related: originOf(size) });
        }
      }
    }
  },
});
