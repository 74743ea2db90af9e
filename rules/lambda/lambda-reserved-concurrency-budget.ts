import { LAMBDA, LAMBDA_RANGES } from '../../src/data/limits.js';
import { defineRule } from '../../src/engine/rule.js';
import { FUNCTION_TYPES, type Known } from '../../src/graph/index.js';

export default defineRule({
  id: 'lambda-reserved-concurrency-budget',
  severity: 'warning',
  category: 'lambda',
  description: "Reserved concurrency of the template's functions above the account limit minus the 100 Lambda keeps unreserved; info for a function reserving 0.",
  seed: 'Unlimited scalability (soft limit of 1000 concurrent)',
  suggest: ['a Lambda concurrency quota increase (Service Quotas)', 'Amazon SQS buffering in front of the functions'],
  sources: ['https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html', 'https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html'],
  options: {
    accountLimit: { type: 'number', default: LAMBDA.accountConcurrency.value, description: "The account's concurrent executions quota in the Region." },
  },
  messages: {
    overBudget:
      'Functions of this template reserve {{total}} concurrent executions; with an account limit of {{limit}}, at most {{budget}} can be reserved (Lambda keeps {{unreserved}} unreserved).',
    throttled: 'Lambda function "{{fn}}" has ReservedConcurrentExecutions 0: every invocation is throttled.',
  },
  check({ graph, options, report }) {
    const limit = Number(options.accountLimit);
    const unreserved = LAMBDA_RANGES.unreservedMinimum.value;
    const budget = limit - unreserved;
    const largest: Array<{ fn: string; r: Known<number> }> = [];
    for (const fn of graph.ofType(...FUNCTION_TYPES)) {
      const values = fn.numbers('ReservedConcurrentExecutions');
      for (const zero of values.filter((v) => v.value === 0)) report({ message: 'throttled', severity: 'info', at: zero.path, data: { fn: fn.id } });
      // With Fn::If, the worst case is the larger branch.
      const max = values.reduce<Known<number> | undefined>((a, b) => (!a || b.value > a.value ? b : a), undefined);
      if (max && max.value > 0) largest.push({ fn: fn.id, r: max });
    }
    const total = largest.reduce((sum, x) => sum + x.r.value, 0);
    if (total <= budget) return;
    largest.sort((a, b) => b.r.value - a.r.value || (a.fn < b.fn ? -1 : 1));
    const [top, ...rest] = largest;
    report({
      message: 'overBudget',
      at: top.r.path,
      data: { total, limit, budget, unreserved },
      related: rest.map((x) => ({ at: x.r.path, message: `function "${x.fn}" reserves ${x.r.value}` })),
    });
  },
});
