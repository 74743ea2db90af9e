import { LAMBDA, SQS } from '../../src/data/limits.js';
import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  id: 'sqs-visibility-vs-function-timeout',
  severity: 'warning',
  category: 'event-sources',
  description: "SQS queue consumed by a Lambda function with a VisibilityTimeout below 6× the function's Timeout (error below 1×).",
  suggest: [],
  sources: ['https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html'],
  messages: {
    belowTimeout: 'Queue "{{queue}}" has VisibilityTimeout {{vis}} s{{note}}, below the Timeout {{timeout}} s of function "{{fn}}" that consumes it.',
    below6x: 'Queue "{{queue}}" has VisibilityTimeout {{vis}} s{{note}}, below 6 × the Timeout {{timeout}} s of function "{{fn}}" = {{min}} s.',
  },
  check({ graph, report }) {
    const ratio = SQS.visibilityToTimeoutRatio.value;
    for (const link of graph.eventSources) {
      const queue = link.source.node;
      const fn = link.fn;
      if (!queue || !fn || queue.type !== 'AWS::SQS::Queue') continue;
      for (const vis of queue.numbers('VisibilityTimeout', SQS.defaultVisibilityTimeout.value)) {
        for (const timeout of fn.numbers('Timeout', LAMBDA.defaultTimeout.value)) {
          if (vis.value >= ratio * timeout.value) continue;
          const below = vis.value < timeout.value;
          report({
            message: below ? 'belowTimeout' : 'below6x',
            severity: below ? 'error' : 'warning',
            at: vis.path,
            data: { queue: queue.id, vis: vis.value, note: vis.isDefault ? ' (the default)' : '', fn: fn.id, timeout: timeout.value, min: ratio * timeout.value },
            related: [
              { at: timeout.path, message: `function "${fn.id}" Timeout ${timeout.value} s${timeout.isDefault ? ' (default)' : ''}` },
              { at: link.path, message: `"${link.name}" connects the queue to the function` },
            ],
          });
        }
      }
    }
  },
});
