import { defineRule } from '../../src/engine/rule.js';

/** Mapping settings that exist only for streams (and Kafka); an SQS mapping refuses them. */
const STREAM_ONLY = ['StartingPosition', 'StartingPositionTimestamp', 'ParallelizationFactor', 'MaximumRetryAttempts', 'MaximumRecordAgeInSeconds', 'BisectBatchOnFunctionError', 'DestinationConfig', 'TumblingWindowInSeconds'];

export default defineRule({
  id: 'esm-stream-only-property-on-queue',
  severity: 'error',
  category: 'event-sources',
  description: 'A stream-only setting (StartingPosition, ParallelizationFactor, MaximumRetryAttempts, BisectBatchOnFunctionError, DestinationConfig, ...) on an SQS mapping: the deployment fails.',
  suggest: [],
  sources: ['https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html', 'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-parameters.html'],
  messages: {
    streamOnly: 'Event source mapping "{{name}}" reads an SQS queue but sets {{property}}, which only stream and Kafka sources accept. {{hint}}',
  },
  check({ graph, report }) {
    for (const link of graph.eventSources) {
      if (link.source.kind !== 'sqs' && link.source.kind !== 'sqs-fifo') continue;
      for (const property of STREAM_ONLY) {
        if (!Object.hasOwn(link.settings.raw, property)) continue;
        const hint =
          property === 'DestinationConfig' || property === 'MaximumRetryAttempts'
            ? "For failed messages, give the queue a RedrivePolicy (a dead-letter queue) instead."
            : 'Remove it.';
        report({ message: 'streamOnly', at: link.settings.pathOf(property), data: { name: link.name, property, hint } });
      }
    }
  },
});
