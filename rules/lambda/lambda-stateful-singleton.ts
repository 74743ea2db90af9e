import { defineRule } from '../../src/engine/rule.js';
import { FUNCTION_TYPES } from '../../src/graph/index.js';

export default defineRule({
  id: 'lambda-stateful-singleton',
  severity: 'info',
  category: 'lambda',
  description: 'ReservedConcurrentExecutions of 1: a function serialised to protect state kept inside it.',
  seed: 'Stateful applications - Lambda is stateless, use DynamoBD to store stateful data or use stateful services',
  suggest: ['Amazon DynamoDB (conditional writes)', 'Amazon S3', 'Amazon SQS FIFO', 'AWS Step Functions'],
  sources: ['https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html', 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html'],
  messages: {
    singleton: 'Lambda function "{{fn}}" has ReservedConcurrentExecutions 1: only one instance may run, which usually protects state kept in the function.',
  },
  check({ graph, report }) {
    for (const fn of graph.ofType(...FUNCTION_TYPES)) {
      for (const r of fn.numbers('ReservedConcurrentExecutions')) if (r.value === 1) report({ message: 'singleton', at: r.path, data: { fn: fn.id } });
    }
  },
});
