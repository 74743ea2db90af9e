import { defineRule } from '../../src/engine/rule.js';
import { FUNCTION_TYPES, type EdgeKind, type EventSourceLink, type ResourceNode } from '../../src/graph/index.js';
import { append } from '../../src/multimap.js';

/** Edges that invoke a function asynchronously, where a DLQ does apply. */
const ASYNC_EDGES: readonly EdgeKind[] = ['notification', 'subscription', 'rule-target'];

export default defineRule({
  id: 'function-dlq-not-for-event-source',
  severity: 'info',
  category: 'event-sources',
  description: "A function's DeadLetterConfig or EventInvokeConfig destinations when the function is only invoked by event source mappings: those settings cover asynchronous invocations only.",
  suggest: ["the mapping's own on-failure destination (DestinationConfig.OnFailure)", "the queue's RedrivePolicy for SQS sources"],
  sources: ['https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html', 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventsourcemapping.html'],
  messages: {
    unused: 'Function "{{fn}}" has {{setting}}, but it is only invoked by event source mappings ({{mappings}}), which never use it: failed records are not sent there.',
  },
  check({ graph, report }) {
    // Indexed once: a template with thousands of functions must not compare each with every link.
    const linksOf = new Map<ResourceNode, EventSourceLink[]>();
    for (const l of graph.eventSources) if (l.fn) append(linksOf, l.fn, l);
    const behindApi = new Set(graph.apiIntegrations.map((i) => i.fn));
    const permitted = new Set(graph.ofType('AWS::Lambda::Permission').flatMap((p) => graph.referencesIn(p.properties.get('FunctionName'), p.pathOf('FunctionName')).map((r) => r.node)));
    const configsOf = new Map<ResourceNode, ResourceNode[]>();
    for (const cfg of graph.ofType('AWS::Lambda::EventInvokeConfig')) {
      if (!cfg.has('DestinationConfig')) continue;
      for (const fn of new Set(graph.referencesIn(cfg.properties.get('FunctionName'), cfg.pathOf('FunctionName')).map((r) => r.node))) append(configsOf, fn, cfg);
    }
    for (const fn of graph.ofType(...FUNCTION_TYPES)) {
      const links = linksOf.get(fn) ?? [];
      if (links.length === 0) continue;
      const otherInvokers =
        ASYNC_EDGES.some((kind) => graph.incoming(fn, kind).length > 0) ||
        behindApi.has(fn) ||
        permitted.has(fn) ||
        hasAsyncSamEvent(fn.properties.get('Events'));
      if (otherInvokers) continue;
      const settings: Array<{ setting: string; at: readonly (string | number)[] }> = [];
      if (fn.has('DeadLetterConfig')) settings.push({ setting: 'DeadLetterConfig', at: fn.pathOf('DeadLetterConfig') });
      if (fn.type === 'AWS::Serverless::Function' && fn.has('DeadLetterQueue')) settings.push({ setting: 'DeadLetterQueue', at: fn.pathOf('DeadLetterQueue') });
      if (fn.has('EventInvokeConfig')) settings.push({ setting: 'EventInvokeConfig', at: fn.pathOf('EventInvokeConfig') });
      for (const cfg of configsOf.get(fn) ?? []) {
        settings.push({ setting: `EventInvokeConfig "${cfg.id}" destinations`, at: cfg.pathOf('DestinationConfig') });
      }
      for (const s of settings) report({ message: 'unused', at: s.at, data: { fn: fn.id, setting: s.setting, mappings: links.map((l) => l.name).join(', ') } });
    }
  },
});

/** SAM events other than polled sources invoke the function asynchronously or synchronously: the DLQ may be in use. */
function hasAsyncSamEvent(events: unknown): boolean {
  if (events === null || typeof events !== 'object') return false;
  const polled = new Set(['SQS', 'Kinesis', 'DynamoDB', 'MSK', 'MQ', 'SelfManagedKafka', 'DocumentDB']);
  return Object.values(events as Record<string, { Type?: unknown }>).some((e) => typeof e?.Type === 'string' && !polled.has(e.Type));
}
