import { LAMBDA } from '../../src/data/limits.js';
import { defineRule, originOf } from '../../src/engine/rule.js';
import { FUNCTION_TYPES } from '../../src/graph/index.js';

export const LONG_RUNNING_SERVICES = ['AWS Step Functions', 'Amazon ECS on AWS Fargate', 'AWS Batch', 'AWS Elastic Beanstalk'];

export default defineRule({
  id: 'lambda-timeout-exceeds-max',
  severity: 'error',
  category: 'lambda',
  description: 'Lambda Timeout outside 1–900 s (5,400 s with Lambda Managed Instances): the deployment fails.',
  seed: 'Max timeout can be set is 900 seconds',
  suggest: LONG_RUNNING_SERVICES,
  sources: ['https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html'],
  messages: {
    aboveMax: 'Lambda function "{{fn}}" has Timeout {{timeout}} s; the maximum is {{max}} s.',
    belowMin: 'Lambda function "{{fn}}" has Timeout {{timeout}} s; the minimum is {{min}} s.',
  },
  check({ graph, report }) {
    for (const fn of graph.ofType(...FUNCTION_TYPES)) {
      const max = fn.has('CapacityProviderConfig') ? LAMBDA.maxTimeoutManagedInstances.value : LAMBDA.maxTimeout.value;
      for (const t of fn.numbers('Timeout')) {
        if (t.value > max) report({ message: 'aboveMax', at: t.path, data: { fn: fn.id, timeout: t.value, max }, related: originOf(t) });
        else if (t.value < LAMBDA.minTimeout.value) {
          report({ message: 'belowMin', at: t.path, data: { fn: fn.id, timeout: t.value, min: LAMBDA.minTimeout.value }, related: originOf(t) });
        }
      }
    }
  },
});
