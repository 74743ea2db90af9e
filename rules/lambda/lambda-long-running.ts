import { LAMBDA } from '../../src/data/limits.js';
import { defineRule, originOf } from '../../src/engine/rule.js';
import { FUNCTION_TYPES, isCustomResourceHandler, isDurableFunction } from '../../src/graph/index.js';
import { LONG_RUNNING_SERVICES } from './lambda-timeout-exceeds-max.js';

export default defineRule({
  id: 'lambda-long-running',
  severity: 'warning',
  category: 'lambda',
  description: 'Lambda Timeout at 90% or more of the maximum: long-running work belongs in a service without a 15-minute cap.',
  seed: 'Long-running applications - Max running time is 900s, use other services like Elastic Beanstalk',
  suggest: LONG_RUNNING_SERVICES,
  sources: ['https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html'],
  options: {
    percent: { type: 'number', default: 90, description: 'Warn when Timeout is at least this percentage of the maximum.' },
  },
  messages: {
    nearMax: 'Lambda function "{{fn}}" has Timeout {{timeout}} s, {{percent}}% of the {{max}} s maximum (warning from {{threshold}} s).',
  },
  check({ graph, options, report }) {
    const percent = Number(options.percent);
    for (const fn of graph.ofType(...FUNCTION_TYPES)) {
      // Custom resource handlers and durable functions are built for long runs; the warning would be noise.
      if (isCustomResourceHandler(graph, fn) || isDurableFunction(fn)) continue;
      const max = fn.has('CapacityProviderConfig') ? LAMBDA.maxTimeoutManagedInstances.value : LAMBDA.maxTimeout.value;
      const threshold = Math.ceil((max * percent) / 100);
      for (const t of fn.numbers('Timeout')) {
        // Above the maximum is lambda-timeout-exceeds-max's error; this rule warns only on valid values.
        if (t.value < threshold || t.value > max) continue;
        report({
          message: 'nearMax',
          at: t.path,
          data: { fn: fn.id, timeout: t.value, percent: Math.floor((t.value / max) * 100), max, threshold },
          related: originOf(t),
        });
      }
    }
  },
});
