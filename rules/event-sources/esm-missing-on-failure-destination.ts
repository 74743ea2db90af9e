import { ESM_DEFAULTS } from '../../src/data/limits.js';
import { defineRule } from '../../src/engine/rule.js';
import { EVENT_SOURCE_LABEL, withArticle } from '../../src/graph/index.js';

const KINDS = new Set(['kinesis', 'dynamodb', 'kafka']);

export default defineRule({
  id: 'esm-missing-on-failure-destination',
  severity: 'warning',
  category: 'event-sources',
  description: 'Stream or Kafka mapping with bounded retries and no on-failure destination: discarded batches vanish.',
  seed: 'Avoid errors',
  suggest: ['an Amazon SQS or Amazon SNS on-failure destination', 'Amazon S3 (on-failure destination for the whole batch)'],
  sources: ['https://docs.aws.amazon.com/lambda/latest/dg/kinesis-on-failure-destination.html', 'https://docs.aws.amazon.com/lambda/latest/api/API_OnFailure.html'],
  messages: {
    noDestination: 'Event source mapping "{{name}}" gives up on a failing batch from {{source}} after {{bound}}, and has no DestinationConfig.OnFailure: the records are dropped without a trace.',
  },
  check({ graph, report }) {
    for (const link of graph.eventSources) {
      const kind = link.source.kind;
      if (!kind || !KINDS.has(kind)) continue;
      if (link.settings.candidates(['DestinationConfig', 'OnFailure', 'Destination']).some((c) => c.kind !== 'absent')) continue;
      const retries = link.settings.numbers('MaximumRetryAttempts', ESM_DEFAULTS.maximumRetryAttempts.value).find((r) => r.value >= 0);
      const age = link.settings.numbers('MaximumRecordAgeInSeconds', ESM_DEFAULTS.maximumRecordAgeInSeconds.value).find((a) => a.value >= 0);
      const bound = retries ?? age;
      if (!bound) continue;
      report({
        message: 'noDestination',
        at: bound.path,
        data: { name: link.name, source: withArticle(EVENT_SOURCE_LABEL[kind]), bound: retries ? `${retries.value} retries` : `${age!.value} s` },
      });
    }
  },
});
