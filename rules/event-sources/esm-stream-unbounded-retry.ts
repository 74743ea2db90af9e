import { DYNAMODB_STREAMS, ESM_DEFAULTS, KINESIS } from '../../src/data/limits.js';
import { defineRule } from '../../src/engine/rule.js';
import { EVENT_SOURCE_LABEL, STREAM_KINDS, withArticle } from '../../src/graph/index.js';

export default defineRule({
  id: 'esm-stream-unbounded-retry',
  severity: 'warning',
  category: 'event-sources',
  description: 'Kinesis or DynamoDB stream mapping that retries a failing batch until the records expire, blocking the shard.',
  seed: 'Lambda will keep retrying until succeeds or data expires; Retrying still uses shards',
  suggest: ['MaximumRetryAttempts / MaximumRecordAgeInSeconds', 'BisectBatchOnFunctionError', 'ReportBatchItemFailures', 'an on-failure destination (Amazon SQS, Amazon SNS, Amazon S3)'],
  sources: [
    'https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-parameters.html',
    'https://docs.aws.amazon.com/lambda/latest/dg/kinesis-on-failure-destination.html',
  ],
  messages: {
    unbounded:
      'Event source mapping "{{name}}" retries a failing batch from {{source}} until its records expire: one bad record blocks the shard for up to {{hours}} h. Set MaximumRetryAttempts or MaximumRecordAgeInSeconds.',
  },
  check({ graph, report }) {
    for (const link of graph.eventSources) {
      const kind = link.source.kind;
      if (!kind || !STREAM_KINDS.has(kind)) continue;
      const retries = link.settings.numbers('MaximumRetryAttempts', ESM_DEFAULTS.maximumRetryAttempts.value);
      const ages = link.settings.numbers('MaximumRecordAgeInSeconds', ESM_DEFAULTS.maximumRecordAgeInSeconds.value);
      const unboundedRetry = retries.find((r) => r.value === -1);
      const unboundedAge = ages.find((a) => a.value === -1);
      if (!unboundedRetry || !unboundedAge) continue;

      const stream = link.source.node;
      const source = stream ? `${EVENT_SOURCE_LABEL[kind]} "${stream.id}"` : withArticle(EVENT_SOURCE_LABEL[kind]);
      const retention = kind === 'kinesis' && stream ? stream.numbers('RetentionPeriodHours', KINESIS.defaultRetentionHours.value) : [];
      const hours =
        kind === 'dynamodb'
          ? DYNAMODB_STREAMS.retentionHours.value
          : retention.length > 0
            ? Math.max(...retention.map((r) => r.value))
            : KINESIS.defaultRetentionHours.value;
      const longest = retention.find((r) => r.value === hours);
      report({
        message: 'unbounded',
        at: unboundedRetry.path,
        data: { name: link.name, source, hours },
        related: longest && !longest.isDefault ? [{ at: longest.path, message: `the stream keeps records for ${hours} h` }] : [],
      });
    }
  },
});
