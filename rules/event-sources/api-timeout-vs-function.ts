import { API_GATEWAY, LAMBDA } from '../../src/data/limits.js';
import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  id: 'api-timeout-vs-function',
  severity: 'warning',
  category: 'event-sources',
  description: "Function behind API Gateway with a Timeout above the integration's (29 s for REST, 30 s for HTTP APIs): the caller gives up while the function keeps running.",
  seed: 'Dynamic websites',
  suggest: ['an asynchronous pattern (Amazon SQS or AWS Step Functions, then poll or notify)', 'Amazon ECS or Amazon EC2 behind a load balancer'],
  sources: ['https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html', 'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html'],
  messages: {
    outlives: 'Function "{{fn}}" has Timeout {{timeout}} s behind {{api}}, which answers the caller with a 504 after {{limit}} s while the function keeps running (and billing).',
  },
  check({ graph, report }) {
    for (const i of graph.apiIntegrations) {
      // WebSocket routes, function URLs and load balancers do not hold a caller to 29 s; streaming responses may run 15 minutes.
      if ((i.kind !== 'rest' && i.kind !== 'http') || i.streaming) continue;
      const fallback = i.kind === 'rest' ? API_GATEWAY.restIntegrationTimeout.value : API_GATEWAY.httpIntegrationTimeout.value;
      const limits = i.timeoutMs.length > 0 ? i.timeoutMs.map((t) => t.value / 1000) : [fallback];
      const limit = Math.max(...limits);
      for (const t of i.fn.numbers('Timeout', LAMBDA.defaultTimeout.value)) {
        if (t.value <= limit) continue;
        report({
          message: 'outlives',
          at: t.path,
          data: { fn: i.fn.id, timeout: t.value, api: `${i.kind === 'rest' ? 'REST API' : 'HTTP API'} ${i.api ? `"${i.api}"` : ''}`.trim(), limit },
          related: [{ at: i.path, message: 'the API integration' }],
        });
      }
    }
  },
});
