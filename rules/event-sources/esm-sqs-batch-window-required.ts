import { ESM_DEFAULTS } from '../../src/data/limits.js';
import { defineRule, originOf } from '../../src/engine/rule.js';

export default defineRule({
  id: 'esm-sqs-batch-window-required',
  severity: 'error',
  category: 'event-sources',
  description: 'SQS standard queue mapping with BatchSize above 10 and no MaximumBatchingWindowInSeconds of at least 1 s: the deployment fails.',
  suggest: [],
  sources: ['https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-parameters.html', 'https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html'],
  messages: {
    windowRequired: 'Event source mapping "{{name}}" reads an SQS queue with BatchSize {{size}} and MaximumBatchingWindowInSeconds {{window}}{{note}}: a batch above 10 needs a window of at least 1 s.',
  },
  check({ graph, report }) {
    for (const link of graph.eventSources) {
      if (link.source.kind !== 'sqs') continue;
      const windows = link.settings.numbers('MaximumBatchingWindowInSeconds', ESM_DEFAULTS.batchingWindow.value);
      for (const size of link.settings.numbers('BatchSize')) {
        if (size.value <= 10) continue;
        for (const w of windows) {
          if (w.value >= 1) continue;
          report({
            message: 'windowRequired',
            at: w.isDefault ? size.path : w.path,
            data: { name: link.name, size: size.value, window: w.value, note: w.isDefault ? ' (the default)' : '' },
            related: originOf(size),
          });
        }
      }
    }
  },
});
