import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  id: 'sqs-source-without-redrive',
  severity: 'warning',
  category: 'event-sources',
  description: 'SQS queue consumed by a Lambda function without a RedrivePolicy: a poison message is retried until it expires.',
  seed: 'Avoid errors',
  suggest: ['an Amazon SQS dead-letter queue (RedrivePolicy with maxReceiveCount of 5 or more)'],
  sources: ['https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html', 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html'],
  messages: {
    noRedrive: 'Queue "{{queue}}" feeds function "{{fn}}" but has no RedrivePolicy: a message the function cannot process is retried until the queue drops it ({{retention}}).',
  },
  check({ graph, report }) {
    const seen = new Set<string>();
    for (const link of graph.eventSources) {
      const queue = link.source.node;
      if (!queue || queue.type !== 'AWS::SQS::Queue' || !link.fn || seen.has(queue.id)) continue;
      if (queue.has('RedrivePolicy')) continue;
      seen.add(queue.id);
      const retention = queue.numbers('MessageRetentionPeriod', 345600).map((r) => r.value);
      const longest = Math.max(...retention);
      report({
        message: 'noRedrive',
        at: queue.pathOf('RedrivePolicy'),
        data: { queue: queue.id, fn: link.fn.id, retention: longest % 86400 === 0 ? `${longest / 86400} days` : `${longest} s` },
        related: [{ at: link.path, message: `"${link.name}" connects the queue to the function` }],
      });
    }
  },
});
