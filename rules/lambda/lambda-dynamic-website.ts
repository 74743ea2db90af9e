import { defineRule } from '../../src/engine/rule.js';
import type { ApiIntegration } from '../../src/graph/index.js';

const FRONT: Record<ApiIntegration['kind'], string> = {
  rest: 'REST API',
  http: 'HTTP API',
  websocket: 'WebSocket API',
  url: 'function URL',
  alb: 'load balancer target group',
};

export default defineRule({
  id: 'lambda-dynamic-website',
  severity: 'info',
  category: 'lambda',
  description: 'A function that is the whole web server: the only integration of an API with a catch-all route, a function URL, or a load balancer target.',
  seed: 'Dynamic websites - Too much queries, use servers like EC2 instead',
  suggest: ['Amazon ECS on AWS Fargate', 'AWS App Runner', 'AWS Elastic Beanstalk', 'Amazon EC2'],
  sources: ['https://docs.aws.amazon.com/lambda/latest/dg/urls-configuration.html', 'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-set-up-simple-proxy.html'],
  messages: {
    wholeServer: 'Lambda function "{{fn}}" alone serves every path of {{front}} "{{api}}": if this is a website, its whole web server runs inside one function.',
  },
  check({ graph, report }) {
    const byApi = new Map<string, ApiIntegration[]>();
    for (const i of graph.apiIntegrations) {
      if (i.kind === 'websocket') continue; // a WebSocket $default route is a message handler, not a web server
      const key = `${i.kind}:${i.api ?? i.fn.id}`;
      byApi.set(key, [...(byApi.get(key) ?? []), i]);
    }
    for (const integrations of byApi.values()) {
      const fns = new Set(integrations.map((i) => i.fn));
      const catchAll = integrations.find((i) => i.catchAll);
      if (fns.size !== 1 || !catchAll) continue;
      report({ message: 'wholeServer', at: catchAll.path, data: { fn: catchAll.fn.id, front: FRONT[catchAll.kind], api: catchAll.api ?? catchAll.fn.id } });
    }
  },
});
