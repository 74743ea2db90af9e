import { foreignRoot, type Path, type PathSegment, type Template } from '../load/types.js';
import { classifyArn, classifyResource, FUNCTION_TYPES } from './event-sources.js';
import { type ApiIntegration, type Edge, type EdgeKind, type EventSourceKind, type EventSourceLink, NONE, PropertyView, type Reference, type ResourceGraph, ResourceNode } from './model.js';
import { asObject, intrinsic, intrinsicName, Resolver } from './resolve.js';
import { own } from '../own.js';
import { append } from '../multimap.js';

/** The Globals section SAM merges into each of its resource types. */
const SAM_GLOBALS: ReadonlyMap<string, string> = new Map([
  ['AWS::Serverless::Function', 'Function'],
  ['AWS::Serverless::Api', 'Api'],
  ['AWS::Serverless::HttpApi', 'HttpApi'],
  ['AWS::Serverless::SimpleTable', 'SimpleTable'],
  ['AWS::Serverless::StateMachine', 'StateMachine'],
]);

/** SAM event types that create a rule or schedule targeting the function (or state machine). */
const SAM_RULE_EVENTS: Record<string, string> = {
  Schedule: 'AWS::Events::Rule',
  CloudWatchEvent: 'AWS::Events::Rule',
  EventBridgeRule: 'AWS::Events::Rule',
  ScheduleV2: 'AWS::Scheduler::Schedule',
};

/** SAM event types that become an event source mapping, and the property naming their source. */
const SAM_POLLED_EVENTS: Record<string, { kind?: EventSourceKind; source: string }> = {
  SQS: { source: 'Queue' },
  Kinesis: { kind: 'kinesis', source: 'Stream' },
  DynamoDB: { kind: 'dynamodb', source: 'Stream' },
  MSK: { kind: 'kafka', source: 'Stream' },
  MQ: { kind: 'mq', source: 'Broker' },
  SelfManagedKafka: { kind: 'kafka', source: 'KafkaBootstrapServers' },
  DocumentDB: { kind: 'docdb', source: 'Cluster' },
};

export interface BuildOptions {
  /** `--parameter Key=Value` (or a parent stack's values): used instead of the parameters' defaults. */
  parameters?: ReadonlyMap<string, string>;
  /** Exports of the other templates in the run, for Fn::ImportValue. */
  imports?: (name: string) => ImportedResource | undefined;
  /** Prefixed to every path (for a graph whose template is not the one being reported: a change's base version). */
  root?: Path;
}

/** The resource behind another template's export. */
export interface ImportedResource {
  template: Template;
  id: string;
  parameters?: ReadonlyMap<string, string>;
}


/** Builds the resource graph of one template, once: nodes, reference edges, semantic edges, event source links. */
export function buildGraph(template: Template, options: BuildOptions = {}): ResourceGraph {
  const root = options.root ?? [];
  const resolver = new Resolver(template.body, options.parameters, root);
  const byId = new Map<string, ResourceNode>();
  const nodes: ResourceNode[] = [];
  const globals = asObject(template.body.Globals);
  const resources = asObject(template.body.Resources);
  const logicalIds: string[] = [];
  const untyped: string[] = [];
  for (const id in resources) {
    logicalIds.push(id);
    const res = asObject(resources[id]);
    // A resource without a string Type cannot be deployed; it is left out of the graph rather than guessed at.
    if (typeof res.Type !== 'string') {
      untyped.push(id);
      continue;
    }
    // A Map: asked once per resource, where a lookup guarded against `__proto__` costs more.
    const section = SAM_GLOBALS.get(res.Type);
    const global = section && Object.hasOwn(globals, section) ? { path: ['Globals', section], raw: asObject(globals[section]) } : undefined;
    const globalBlock = global && { ...global, path: [...root, ...global.path] };
    const node = new ResourceNode(resolver, id, sharedType(res.Type), root.length === 0 ? undefined : [...root, 'Resources', id], res, globalBlock);
    nodes.push(node);
    byId.set(id, node);
  }
  return new Graph(template, resolver, byId, nodes, logicalIds, untyped, options.imports).build();
}

/** Resource types met, each kept as one string (see sharedType). */
const TYPES = new Map<string, string>();
/** Past this many types (a template may invent any), the others are not kept. */
const MAX_TYPES = 10_000;

/**
 * The one string kept for a resource type. Rules and the graph compare types all the time; a YAML
 * template's type strings point into its text, each at its own place, and in a large template
 * each comparison was a read from memory far from the last one.
 */
function sharedType(type: string): string {
  const kept = TYPES.get(type);
  if (kept !== undefined) return kept;
  if (TYPES.size >= MAX_TYPES) return type;
  // A copy of its own: the template's string may be a slice of its text, which keeping would keep
  // that whole text for the rest of the run.
  const own = JSON.parse(JSON.stringify(type)) as string;
  TYPES.set(own, own);
  return own;
}

class Graph implements ResourceGraph {
  readonly eventSources: EventSourceLink[] = [];
  readonly apiIntegrations: ApiIntegration[] = [];
  private readonly byType = new Map<string, ResourceNode[]>();
  /** Edges by kind: the semantic kinds from the start, the reference kinds once referenceEdges() ran. */
  private readonly byKind = new Map<EdgeKind, Edge[]>();
  /** Semantic edges by end, in the order they were made. */
  private readonly semanticOut = new Map<ResourceNode, Edge[]>();
  private readonly semanticIn = new Map<ResourceNode, Edge[]>();
  private readonly semantic: Edge[] = [];
  /** The path referencesIn was given, while it walks. */
  private walkRoot: Path = [];
  /** Every edge by end (reference edges first, as a resource's Properties are read, then semantic ones): made on first use. */
  private everyOut?: Map<ResourceNode, Edge[]>;
  private everyIn?: Map<ResourceNode, Edge[]>;
  /** The template's own resources; SAM's implicit rules are appended after them while building. */
  private readonly declared: number;

  private readonly foreign = new Map<string, ResourceNode>();
  /** ofType's unions of several types, kept once the graph is complete (building adds SAM's implicit rules). */
  private readonly unions = new Map<string, ResourceNode[]>();
  private built = false;
  private byFunctionName?: Map<string, { node: ResourceNode; order: number }>;
  private routesByIntegration?: Map<ResourceNode, ResourceNode[]>;

  constructor(
    readonly template: Template,
    readonly resolver: Resolver,
    private readonly byId: Map<string, ResourceNode>,
    /** The nodes of byId, in its order. */
    readonly resources: ResourceNode[],
    readonly logicalIds: readonly string[],
    readonly untyped: readonly string[],
    private readonly imports?: (name: string) => ImportedResource | undefined,
  ) {
    this.declared = this.resources.length;
    // Indexed loops over every resource: they run once per lint, mostly before V8 optimises them.
    for (let i = 0; i < this.resources.length; i++) append(this.byType, this.resources[i].type, this.resources[i]);
  }

  resource(id: string): ResourceNode | undefined {
    return this.byId.get(id);
  }

  ofType(...types: string[]): readonly ResourceNode[] {
    if (types.length === 1) return this.byType.get(types[0]) ?? NONE;
    // Every Lambda rule asks for both function types: the union is made once per graph once built.
    const key = types.join('\u0000');
    const cached = this.built ? this.unions.get(key) : undefined;
    if (cached) return cached;
    const union = types.flatMap((t) => this.byType.get(t) ?? []);
    if (this.built) this.unions.set(key, union);
    return union;
  }

  edges(kind: EdgeKind, filter: { from?: string; to?: string } = {}): readonly Edge[] {
    if (REFERENCE_KINDS.has(kind)) this.referenceEdges();
    const all = this.byKind.get(kind) ?? NONE;
    if (!filter.from && !filter.to) return all;
    return all.filter((e) => (!filter.from || e.from.type === filter.from) && (!filter.to || e.to.type === filter.to));
  }

  outgoing(node: ResourceNode, kind?: EdgeKind): readonly Edge[] {
    const all = (kind && !REFERENCE_KINDS.has(kind) ? this.semanticOut : this.referenceEdges().out).get(node) ?? NONE;
    return kind && all.length > 0 ? all.filter((e) => e.kind === kind) : all;
  }

  incoming(node: ResourceNode, kind?: EdgeKind): readonly Edge[] {
    const all = (kind && !REFERENCE_KINDS.has(kind) ? this.semanticIn : this.referenceEdges().in).get(node) ?? NONE;
    return kind && all.length > 0 ? all.filter((e) => e.kind === kind) : all;
  }

  build(): this {
    for (let i = 0; i < this.resources.length; i++) this.semanticEdges(this.resources[i]);
    this.built = true;
    return this;
  }

  /** The connections rules follow (event source, notification, subscription, rule target, dead letter). */
  private add(edge: Edge): void {
    append(this.byKind, edge.kind, edge);
    append(this.semanticOut, edge.from, edge);
    append(this.semanticIn, edge.to, edge);
    this.semantic.push(edge);
    if (this.everyOut && this.everyIn) {
      append(this.everyOut, edge.from, edge);
      append(this.everyIn, edge.to, edge);
    }
  }

  /**
   * The reference edges (Ref, Fn::GetAtt, ${...}, Fn::ImportValue, DependsOn) of every resource,
   * made the first time something asks for them: that walks every property of every resource, and
   * no shipped rule needs it for a template without custom resources.
   */
  private referenceEdges(): { out: Map<ResourceNode, Edge[]>; in: Map<ResourceNode, Edge[]> } {
    if (this.everyOut && this.everyIn) return { out: this.everyOut, in: this.everyIn };
    const out = new Map<ResourceNode, Edge[]>();
    const into = new Map<ResourceNode, Edge[]>();
    const addReference = (edge: Edge) => {
      append(this.byKind, edge.kind, edge);
      append(out, edge.from, edge);
      append(into, edge.to, edge);
    };
    for (let n = 0; n < this.declared; n++) {
      const node = this.resources[n];
      for (const r of this.referencesIn(node.raw.Properties, node.properties.path)) {
        addReference({ kind: r.kind, from: node, to: r.node, path: r.path, attribute: r.attribute });
      }
      if (node.properties.globals) {
        for (const r of this.referencesIn(node.properties.globals.raw, node.properties.globals.path)) {
          addReference({ kind: r.kind, from: node, to: r.node, path: r.path, attribute: r.attribute });
        }
      }
      const deps = node.raw.DependsOn;
      const list = Array.isArray(deps) ? deps : [deps];
      list.forEach((dep, i) => {
        const target = typeof dep === 'string' ? this.byId.get(dep) : undefined;
        if (target) addReference({ kind: 'depends-on', from: node, to: target, path: [...node.path, 'DependsOn', ...(Array.isArray(deps) ? [i] : [])] });
      });
    }
    for (const edge of this.semantic) {
      append(out, edge.from, edge);
      append(into, edge.to, edge);
    }
    this.everyOut = out;
    this.everyIn = into;
    return { out, in: into };
  }

  /**
   * Every Ref, Fn::GetAtt and ${Res}/${Res.Attr} in `value` that names a resource, in document
   * order. This runs over every property of every resource: the walk writes one shared path buffer
   * as it goes, and a path array is made only for a reference found.
   */
  referencesIn(value: unknown, path: Path): Reference[] {
    if (value === null || typeof value !== 'object') return [];
    for (let i = 0; i < path.length; i++) PATH_BUFFER[i] = path[i];
    this.walkRoot = path;
    // Found into a shared list and copied out at their number: most values hold none or one, and a
    // list of its own grown by push() would reserve 16 slots.
    FOUND_BUFFER.length = 0;
    this.walkReferences(value, path.length, path.length + MAX_WALK_DEPTH, FOUND_BUFFER);
    const found = FOUND_BUFFER.length === 0 ? [] : FOUND_BUFFER.slice();
    FOUND_BUFFER.length = 0;
    return found;
  }

  /** The walk's path so far, as a list of its own; the caller's own when the reference is the value itself (`Role: !GetAtt R.Arn`): paths are never changed. */
  private walkedPath(len: number): Path {
    return len === this.walkRoot.length ? this.walkRoot : PATH_BUFFER.slice(0, len);
  }

  /** referencesIn below PATH_BUFFER[0..len): recursive, as parsing bounds nesting (512 levels); `limit` guards values built otherwise. */
  private walkReferences(v: object, len: number, limit: number, found: Reference[]): void {
    if (len > limit) return;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const c: unknown = v[i];
        if (c === null || typeof c !== 'object') continue;
        PATH_BUFFER[len] = i;
        this.walkReferences(c, len + 1, limit, found);
      }
      return;
    }
    const name = intrinsicName(v);
    if (name !== undefined) {
      const arg = (v as Record<string, unknown>)[name];
      if (name === 'Ref') {
        const node = typeof arg === 'string' ? this.byId.get(arg) : undefined;
        if (node) found.push({ node, path: this.walkedPath(len), kind: 'ref' });
        return;
      }
      if (name === 'Fn::GetAtt') {
        const [id, attribute] = typeof arg === 'string' ? splitOnce(arg) : Array.isArray(arg) ? arg : [];
        const node = typeof id === 'string' ? this.byId.get(id) : undefined;
        if (node) found.push({ node, path: this.walkedPath(len), kind: 'getatt', attribute: typeof attribute === 'string' ? attribute : undefined });
        else if (Array.isArray(arg)) {
          PATH_BUFFER[len] = 'Fn::GetAtt';
          this.walkReferences(arg, len + 1, limit, found);
        }
        return;
      }
      if (name === 'Fn::ImportValue') {
        const node = this.imported(arg, [...PATH_BUFFER.slice(0, len), 'Fn::ImportValue']);
        if (node) found.push({ node, path: this.walkedPath(len), kind: 'import' });
        return;
      }
      if (name === 'Fn::Sub') {
        const [text, vars] = Array.isArray(arg) ? arg : [arg, undefined];
        if (typeof text === 'string' && text.includes('${')) {
          const local = asObject(vars);
          const placeholder = /\$\{([^!}][^}]*)\}/g;
          for (let m = placeholder.exec(text); m; m = placeholder.exec(text)) {
            const [id, attribute] = splitOnce(m[1].trim());
            const node = Object.hasOwn(local, id) ? undefined : this.byId.get(id);
            if (node) found.push({ node, path: [...PATH_BUFFER.slice(0, len), 'Fn::Sub', ...(Array.isArray(arg) ? [0] : [])], kind: 'sub', attribute });
          }
        }
        if (vars !== null && typeof vars === 'object') {
          PATH_BUFFER[len] = 'Fn::Sub';
          PATH_BUFFER[len + 1] = 1;
          this.walkReferences(vars, len + 2, limit, found);
        }
        return;
      }
    }
    for (const key in v) {
      const c: unknown = (v as Record<string, unknown>)[key];
      if (c === null || typeof c !== 'object') continue;
      PATH_BUFFER[len] = key;
      this.walkReferences(c, len + 1, limit, found);
    }
  }

  /** The resource of another template whose export `nameExpr` names; a node of its own, with paths into that template. */
  private imported(nameExpr: unknown, path: Path): ResourceNode | undefined {
    if (!this.imports) return undefined;
    const names = this.resolver.resolve(nameExpr, path).filter((c) => c.kind === 'value' && typeof c.value === 'string');
    if (names.length !== 1) return undefined;
    const target = this.imports((names[0] as { value: string }).value);
    if (!target || target.template === this.template) return undefined;
    const key = `${target.template.file}\u0000${target.id}`;
    let node = this.foreign.get(key);
    if (!node) {
      const raw = asObject(asObject(target.template.body.Resources)[target.id]);
      if (typeof raw.Type !== 'string') return undefined;
      const root = foreignRoot(target.template.file);
      node = new ResourceNode(new Resolver(target.template.body, target.parameters, root), target.id, sharedType(raw.Type), [...root, 'Resources', target.id], raw);
      this.foreign.set(key, node);
    }
    return node;
  }

  /** The resources a property names, through any intrinsic (both branches of Fn::If included). */
  private targets(view: PropertyView, key: string | Path, at?: Path): Reference[] {
    let raw: unknown = view.get(typeof key === 'string' ? key : String(key[0]));
    if (typeof key !== 'string') for (let i = 1; i < key.length; i++) raw = raw !== null && typeof raw === 'object' ? (raw as Record<string | number, unknown>)[key[i]] : undefined;
    // A literal name or ARN references nothing here: rules match it by value where they need to.
    return raw === undefined ? [] : this.referencesIn(raw, at ?? view.pathOf(key));
  }

  private semanticEdges(node: ResourceNode): void {
    switch (node.type) {
      case 'AWS::Lambda::EventSourceMapping':
        return this.eventSourceMapping(node);
      case 'AWS::Serverless::Function':
        return this.samFunction(node);
      case 'AWS::Serverless::StateMachine':
        return this.samRuleEvents(node);
      case 'AWS::ApiGateway::Method':
        return this.restMethod(node);
      case 'AWS::ApiGatewayV2::Integration':
        return this.httpIntegration(node);
      case 'AWS::Lambda::Url':
        for (const t of this.targets(node.properties, 'TargetFunctionArn')) {
          const fn = this.functionBehind(t.node);
          if (FUNCTION_TYPES.has(fn.type)) this.apiIntegrations.push({ kind: 'url', fn, path: node.path, api: node.id, catchAll: true, timeoutMs: [] });
        }
        return;
      case 'AWS::ElasticLoadBalancingV2::TargetGroup': {
        const targets = node.properties.get('Targets');
        if (Array.isArray(targets)) {
          targets.forEach((_, i) => {
            for (const t of this.targets(node.properties, ['Targets', i, 'Id'])) {
              const fn = this.functionBehind(t.node);
              if (FUNCTION_TYPES.has(fn.type)) this.apiIntegrations.push({ kind: 'alb', fn, path: t.path, api: node.id, catchAll: true, timeoutMs: [] });
            }
          });
        }
        return;
      }
      case 'AWS::S3::Bucket': {
        const config = asObject(node.properties.raw.NotificationConfiguration);
        for (const list of ['LambdaConfigurations', 'QueueConfigurations', 'TopicConfigurations'] as const) {
          const key = list === 'LambdaConfigurations' ? 'Function' : list === 'QueueConfigurations' ? 'Queue' : 'Topic';
          const entries = Array.isArray(config[list]) ? (config[list] as unknown[]) : [];
          entries.forEach((_, i) => {
            for (const t of this.targets(node.properties, ['NotificationConfiguration', list, i, key])) {
              this.add({ kind: 'notification', from: node, to: t.node, path: t.path });
            }
          });
        }
        return;
      }
      case 'AWS::SNS::Subscription': {
        const topics = this.targets(node.properties, 'TopicArn');
        const endpoints = this.targets(node.properties, 'Endpoint');
        for (const topic of topics) for (const e of endpoints) this.add({ kind: 'subscription', from: topic.node, to: this.functionBehind(e.node), path: e.path, via: node });
        return;
      }
      case 'AWS::SNS::Topic': {
        const subs = node.properties.raw.Subscription;
        if (Array.isArray(subs)) {
          subs.forEach((_, i) => {
            for (const e of this.targets(node.properties, ['Subscription', i, 'Endpoint'])) {
              this.add({ kind: 'subscription', from: node, to: this.functionBehind(e.node), path: e.path });
            }
          });
        }
        return;
      }
      case 'AWS::Events::Rule': {
        const targets = node.properties.raw.Targets;
        if (Array.isArray(targets)) {
          targets.forEach((_, i) => {
            for (const t of this.targets(node.properties, ['Targets', i, 'Arn'])) this.add({ kind: 'rule-target', from: node, to: this.functionBehind(t.node), path: t.path });
          });
        }
        return;
      }
      case 'AWS::Scheduler::Schedule':
        for (const t of this.targets(node.properties, ['Target', 'Arn'])) this.add({ kind: 'rule-target', from: node, to: this.functionBehind(t.node), path: t.path });
        return;
      case 'AWS::SQS::Queue': {
        let redrive = asObject(node.raw.Properties).RedrivePolicy;
        // Older templates give RedrivePolicy as a JSON string.
        if (typeof redrive === 'string') {
          try {
            redrive = JSON.parse(redrive);
          } catch {
            return;
          }
        }
        if (redrive && typeof redrive === 'object') {
          const targets = this.referencesIn(asObject(redrive).deadLetterTargetArn, node.pathOf(['RedrivePolicy', 'deadLetterTargetArn']));
          for (let i = 0; i < targets.length; i++) this.add({ kind: 'dead-letter', from: node, to: targets[i].node, path: targets[i].path });
        }
        return;
      }
    }
  }

  /** SAM events: polled sources become event source links, S3/SNS events edges, Api/HttpApi events integrations. */
  private samFunction(fn: ResourceNode): void {
    this.samRuleEvents(fn);
    const events = asObject(fn.properties.get('Events'));
    const eventsPath = fn.properties.pathOf('Events');
    for (const [name, rawEvent] of Object.entries(events)) {
      const event = asObject(rawEvent);
      const type = typeof event.Type === 'string' ? event.Type : '';
      const settings = new PropertyView(this.resolver, [...eventsPath, name, 'Properties'], asObject(event.Properties));
      const polled = own(SAM_POLLED_EVENTS, type);
      if (polled) {
        const sourceRef = this.referencesIn(settings.raw[polled.source], settings.pathOf(polled.source))[0];
        const link: EventSourceLink = {
          name: `${fn.id}.Events.${name}`,
          settings,
          path: [...eventsPath, name],
          source: { kind: polled.kind, path: settings.pathOf(polled.source) },
          fn,
          functionPath: fn.path,
        };
        if (sourceRef) {
          link.source = { kind: polled.kind ?? classifyResource(sourceRef.node), node: sourceRef.node, path: sourceRef.path };
        } else if (!polled.kind) {
          link.source.kind = settings.strings(polled.source).map((s) => classifyArn(s.value)).find((k) => k !== undefined);
        }
        this.eventSources.push(link);
        if (link.source.node) this.add({ kind: 'event-source', from: link.source.node, to: fn, path: link.source.path });
        continue;
      }
      const from = (key: string) => this.referencesIn(settings.raw[key], settings.pathOf(key));
      switch (type) {
        case 'S3':
          for (const b of from('Bucket')) this.add({ kind: 'notification', from: b.node, to: fn, path: b.path });
          break;
        case 'SNS':
          for (const t of from('Topic')) this.add({ kind: 'subscription', from: t.node, to: fn, path: t.path });
          break;
        case 'Api':
        case 'HttpApi': {
          const rest = type === 'Api';
          const apiRef = from(rest ? 'RestApiId' : 'ApiId')[0];
          const paths = settings.strings('Path');
          const methods = settings.strings('Method');
          const anyMethod = methods.length === 0 || methods.some((m) => m.value.toLowerCase() === 'any');
          const catchAll = paths.length === 0 ? !rest : paths.some((p) => /\{[^}]+\+\}/.test(p.value) || (p.value === '/' && anyMethod));
          this.apiIntegrations.push({
            kind: rest ? 'rest' : 'http',
            fn,
            path: [...eventsPath, name],
            api: apiRef?.node.id ?? (rest ? 'ServerlessRestApi' : 'ServerlessHttpApi'),
            catchAll,
            timeoutMs: settings.numbers('TimeoutInMillis'),
            streaming: apiRef ? streamsTo(apiRef.node.properties.get('DefinitionBody'), fn.id) : false,
          });
          break;
        }
      }
    }
    if (fn.properties.has('FunctionUrlConfig')) {
      this.apiIntegrations.push({ kind: 'url', fn, path: fn.properties.pathOf('FunctionUrlConfig'), api: `${fn.id}.FunctionUrl`, catchAll: true, timeoutMs: [] });
    }
  }

  /**
   * Schedule, ScheduleV2, EventBridgeRule and CloudWatchEvent events: SAM creates a rule (or
   * schedule) named after the resource and the event. It becomes a node of its own, written where
   * the event is, with a rule-target edge to its target.
   */
  private samRuleEvents(owner: ResourceNode): void {
    const events = asObject(owner.properties.get('Events'));
    const eventsPath = owner.properties.pathOf('Events');
    for (const [name, rawEvent] of Object.entries(events)) {
      const event = asObject(rawEvent);
      const type = typeof event.Type === 'string' ? own(SAM_RULE_EVENTS, event.Type) : undefined;
      const id = `${owner.id}${name}`;
      if (!type || this.byId.has(id)) continue;
      const rule = new ResourceNode(this.resolver, id, type, [...eventsPath, name], { Type: type, Properties: asObject(event.Properties) });
      this.byId.set(id, rule);
      this.resources.push(rule);
      append(this.byType, type, rule);
      this.add({ kind: 'rule-target', from: rule, to: owner, path: [...eventsPath, name] });
    }
  }

  /** A REST API method whose integration invokes a function: `{proxy+}` resources and `ANY /` are catch-alls. */
  private restMethod(method: ResourceNode): void {
    const uri = this.targets(method.properties, ['Integration', 'Uri']).map((t) => this.functionBehind(t.node)).find((n) => FUNCTION_TYPES.has(n.type));
    if (!uri) return;
    const resource = this.targets(method.properties, 'ResourceId')[0];
    const verbs = method.strings('HttpMethod').map((m) => m.value.toUpperCase());
    let catchAll = false;
    if (resource?.node.type === 'AWS::ApiGateway::Resource') catchAll = resource.node.strings('PathPart').some((p) => /^\{[^}]+\+\}$/.test(p.value));
    else if (resource?.node.type === 'AWS::ApiGateway::RestApi' && resource.attribute === 'RootResourceId') catchAll = verbs.includes('ANY');
    const api = this.targets(method.properties, 'RestApiId')[0]?.node.id;
    const streaming =
      method.strings(['Integration', 'ResponseTransferMode']).some((m) => m.value === 'STREAM') || streamsTo(method.properties.get('Integration'), uri.id);
    this.apiIntegrations.push({ kind: 'rest', fn: uri, path: method.pathOf(['Integration', 'Uri']), api, catchAll, timeoutMs: method.numbers(['Integration', 'TimeoutInMillis']), streaming });
  }

  /** An HTTP/WebSocket API integration with a function; catch-all when a `$default` or `ANY /{proxy+}` route targets it. */
  private httpIntegration(integration: ResourceNode): void {
    const fn = this.targets(integration.properties, 'IntegrationUri').map((t) => this.functionBehind(t.node)).find((n) => FUNCTION_TYPES.has(n.type));
    if (!fn) return;
    const routes = this.routesTo().get(integration) ?? [];
    const catchAll = routes.some((r) => r.strings('RouteKey').some((k) => k.value === '$default' || /^ANY \/\{[^}]+\+\}$/.test(k.value)));
    const api = this.targets(integration.properties, 'ApiId')[0]?.node;
    const websocket = api?.strings('ProtocolType').some((p) => p.value === 'WEBSOCKET') ?? false;
    this.apiIntegrations.push({ kind: websocket ? 'websocket' : 'http', fn, path: integration.pathOf('IntegrationUri'), api: api?.id, catchAll, timeoutMs: integration.numbers('TimeoutInMillis') });
  }

  /** HTTP/WebSocket API routes by the integration their Target names, made once (each integration scanned every route). */
  private routesTo(): Map<ResourceNode, ResourceNode[]> {
    if (!this.routesByIntegration) {
      this.routesByIntegration = new Map();
      for (const route of this.ofType('AWS::ApiGatewayV2::Route')) {
        for (const target of new Set(this.targets(route.properties, 'Target').map((t) => t.node))) append(this.routesByIntegration, target, route);
      }
    }
    return this.routesByIntegration;
  }

  /** Functions by the names their FunctionName can take, with their place in the template: made once, for mappings that name a function by a literal. */
  private functionsByName(): Map<string, { node: ResourceNode; order: number }> {
    if (!this.byFunctionName) {
      this.byFunctionName = new Map();
      this.resources.forEach((r, order) => {
        if (!FUNCTION_TYPES.has(r.type)) return;
        for (const n of r.strings('FunctionName')) if (!this.byFunctionName!.has(n.value)) this.byFunctionName!.set(n.value, { node: r, order });
      });
    }
    return this.byFunctionName;
  }

  /** An alias or version stands for its function. */
  private functionBehind(node: ResourceNode): ResourceNode {
    if (node.type === 'AWS::Lambda::Alias' || node.type === 'AWS::Lambda::Version') {
      const fn = this.targets(node.properties, 'FunctionName').find((t) => FUNCTION_TYPES.has(t.node.type));
      if (fn) return fn.node;
    }
    return node;
  }

  /** The source a mapping's EventSourceArn references. */
  private polledSource(ref: Reference): EventSourceLink['source'] {
    let source = ref.node;
    // A Kinesis consumer stands for its stream: retention and shards are the stream's.
    if (source.type === 'AWS::Kinesis::StreamConsumer') source = this.targets(source.properties, 'StreamARN')[0]?.node ?? source;
    return { kind: classifyResource(ref.node), node: source, path: ref.path };
  }

  private eventSourceMapping(mapping: ResourceNode): void {
    const props = mapping.properties;
    const sourceRef = this.targets(props, 'EventSourceArn')[0];
    const functionPath = props.pathOf('FunctionName');
    const fnRef = this.targets(props, 'FunctionName', functionPath)[0];
    const link: EventSourceLink = {
      name: mapping.id,
      settings: props,
      mapping,
      path: mapping.path,
      source: sourceRef ? this.polledSource(sourceRef) : { path: props.pathOf('EventSourceArn') },
      functionPath,
    };
    if (!sourceRef) {
      const arns = [...props.strings('EventSourceArn').map((s) => s.value), ...subTemplates(props.raw.EventSourceArn)]
        .map(classifyArn)
        .filter((k) => k !== undefined);
      link.source.kind = arns[0] ?? (props.has('SelfManagedEventSource') ? 'kafka' : undefined);
    }
    if (link.source.kind === 'mq' || props.has('Queues')) link.source.kind = link.source.kind ?? 'mq';
    if (props.has('DocumentDBEventSourceConfig')) link.source.kind = 'docdb';

    if (fnRef) {
      const fn = this.functionBehind(fnRef.node);
      if (FUNCTION_TYPES.has(fn.type)) link.fn = fn;
    } else {
      // The first function (in template order) with one of these names.
      const byName = this.functionsByName();
      let best: { node: ResourceNode; order: number } | undefined;
      for (const s of props.strings('FunctionName')) {
        const hit = byName.get(functionNameOf(s.value));
        if (hit && (!best || hit.order < best.order)) best = hit;
      }
      link.fn = best?.node;
    }
    this.eventSources.push(link);
    if (link.source.node && link.fn) this.add({ kind: 'event-source', from: link.source.node, to: link.fn, path: link.source.path, via: mapping });
  }
}

/** Does an API definition (OpenAPI body or integration) invoke the function through Lambda response streaming? */
function streamsTo(definition: unknown, fnId: string): boolean {
  if (definition === undefined) return false;
  const text = JSON.stringify(definition);
  return text.includes('response-streaming-invocations') && text.includes(fnId);
}

/** The text of a `Fn::Sub` with its `${...}` placeholders blanked: enough to read an ARN's service segment. */
function subTemplates(value: unknown): string[] {
  const fn = intrinsic(value);
  if (fn?.name !== 'Fn::Sub') return [];
  const text = Array.isArray(fn.arg) ? fn.arg[0] : fn.arg;
  return typeof text === 'string' ? [text.replace(/\$\{[^}]*\}/g, 'x')] : [];
}

function splitOnce(s: string): [string, string | undefined] {
  const dot = s.indexOf('.');
  return dot === -1 ? [s, undefined] : [s.slice(0, dot), s.slice(dot + 1)];
}

/** `my-fn`, `my-fn:alias`, `arn:aws:lambda:us-east-1:123:function:my-fn[:alias]` → `my-fn`. */
function functionNameOf(value: string): string {
  const arn = /:function:([^:]+)/.exec(value);
  return arn ? arn[1] : value.split(':')[0];
}

const REFERENCE_KINDS: ReadonlySet<EdgeKind> = new Set<EdgeKind>(['ref', 'getatt', 'sub', 'import', 'depends-on']);

// The reference walk's path and findings, shared by every graph: a walk never starts inside another.
const PATH_BUFFER: PathSegment[] = [];
const FOUND_BUFFER: Reference[] = [];
/** Parsing refuses nesting past 512 levels; a value built otherwise (a RedrivePolicy string parsed here) is walked no deeper than this. */
const MAX_WALK_DEPTH = 1_000;
