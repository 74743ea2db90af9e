import { childPath, joinPath, type Path, type PathSegment, type Template } from '../load/types.js';
import type { Grant } from './iam.js';
import { ABSENT, asObject, type Candidate, intrinsicName, NOT_PLAIN, plainStep, type Resolver } from './resolve.js';

/** A resolved value with the place it stands: rules report `path`; `origin` is where a parameter default or mapping entry gave it. */
export interface Known<T> {
  value: T;
  path: Path;
  origin?: Path;
  /** The property is absent and this is CloudFormation's default. */
  isDefault?: boolean;
}

/**
 * Typed, resolved reads of one block of properties (a resource's Properties, or a SAM event's).
 * Unknown values are left out, so a rule never fires on what it cannot know.
 */
export class PropertyView {
  constructor(
    protected readonly resolver: Resolver,
    /** Where the block stands in the template. */
    readonly path: Path,
    readonly raw: Record<string, unknown>,
    /** SAM's Globals section for this resource type: a property absent here is read there, at its own line. */
    readonly globals?: { path: Path; raw: Record<string, unknown> },
  ) {}

  /**
   * Reads of the properties whose value is an intrinsic, kept: several rules read the same ones
   * (Timeout, BatchSize, Runtime). Their candidates (no conversion) and each typed read of them,
   * by key, conversion and fallback. A literal or absent property is not kept: reading it again
   * costs less than keeping its reads alive for the whole run. A chain: a block has few such reads,
   * and a Map per block costs more to make than it saves.
   */
  private kept?: KeptRead;

  private keptRead(key: string, convert: KeptRead['convert'], fallback: unknown): readonly unknown[] | undefined {
    for (let r = this.kept; r; r = r.next) if (r.key === key && r.convert === convert && r.fallback === fallback) return r.values;
    return undefined;
  }

  private keep(key: string, convert: KeptRead['convert'], fallback: unknown, values: readonly unknown[]): void {
    this.kept = { key, convert, fallback, values, next: this.kept };
  }

  /** Every possible value at `key` (a property name or a path below the block). Callers must not change the list. */
  candidates(key: string | Path): Candidate[] {
    if (typeof key === 'string') {
      const from = this.blockHolding(key);
      if (intrinsicName(from.raw[key]) === undefined) return this.resolver.lookup(from.raw, from.path, [key]);
      const kept = this.keptRead(key, undefined, undefined);
      if (kept) return kept as Candidate[];
      const candidates = this.resolver.lookup(from.raw, from.path, [key]);
      this.keep(key, undefined, undefined, candidates);
      return candidates;
    }
    const from = this.blockHolding(key[0]);
    return this.resolver.lookup(from.raw, from.path, key);
  }

  /** Is the property written in the template (here or in Globals), whatever its value? */
  has(key: string): boolean {
    return Object.hasOwn(this.raw, key) || (this.globals !== undefined && Object.hasOwn(this.globals.raw, key));
  }

  /** The raw value of a property (from Globals when it is set only there). */
  get(key: string): unknown {
    return this.blockHolding(key).raw[key];
  }

  pathOf(key: string | Path): Path {
    return typeof key === 'string' ? childPath(this.blockHolding(key).path, key) : joinPath(this.blockHolding(key[0]).path, key);
  }

  private blockHolding(first: string | number | undefined): { path: Path; raw: Record<string, unknown> } {
    if (this.globals && typeof first === 'string' && !Object.hasOwn(this.raw, first) && Object.hasOwn(this.globals.raw, first)) return this.globals;
    return this;
  }

  /** Every known numeric value (numeric strings count, as CloudFormation accepts them); `fallback` when absent. */
  numbers(key: string | Path, fallback?: number): readonly Known<number>[] {
    return this.collect(key, fallback, toNumber);
  }

  strings(key: string | Path, fallback?: string): readonly Known<string>[] {
    return this.collect(key, fallback, toText);
  }

  booleans(key: string | Path, fallback?: boolean): readonly Known<boolean>[] {
    return this.collect(key, fallback, toBoolean);
  }

  private collect<T>(key: string | Path, fallback: T | undefined, convert: (v: unknown) => T | undefined): readonly Known<T>[] {
    let keptKey: string | undefined;
    if (typeof key === 'string') {
      // Most reads are of a property that is absent or a literal in a plain block: answered here,
      // with the resolver's own first step, without candidates, and with the path made only if a
      // rule asks for it (most reads find nothing to report).
      const from = this.blockHolding(key);
      const v = plainStep(from.raw, key);
      if (v === ABSENT) return fallback === undefined ? NONE : [new KnownProperty(fallback, from.path, key, true)];
      if (v !== NOT_PLAIN && (v === null || typeof v !== 'object')) {
        const value = convert(v);
        return value === undefined ? NONE : [new KnownProperty(value, from.path, key, undefined)];
      }
      // A property written as an intrinsic is resolved once (candidates()), and so are its typed
      // reads: several rules read the same one (Timeout) the same way.
      if (intrinsicName(from.raw[key]) !== undefined) {
        keptKey = key;
        const kept = this.keptRead(key, convert, fallback);
        if (kept) return kept as readonly Known<T>[];
      }
    }
    const candidates = this.candidates(key);
    // Made at the candidates' number and cut to what converts: push() from empty reserves 16 slots.
    const out = new Array<Known<T>>(candidates.length);
    let n = 0;
    for (let i = 0; i < candidates.length; i++) {
      const c = candidates[i];
      if (c.kind === 'absent') {
        if (fallback !== undefined) out[n++] = { value: fallback, path: c.path, isDefault: true };
      } else if (c.kind === 'value') {
        const value = convert(c.value);
        if (value !== undefined) out[n++] = { value, path: c.path, origin: c.origin };
      }
    }
    out.length = n;
    if (keptKey !== undefined) this.keep(keptKey, convert, fallback, out);
    return out;
  }
}

/** An answer with nothing in it (a typed read, ofType, edges): one read-only list for all, not one per question. */
export const NONE: readonly never[] = Object.freeze([]);

interface KeptRead {
  key: string;
  /** The typed read's conversion; undefined for the candidates themselves. */
  convert: ((v: unknown) => unknown) | undefined;
  fallback: unknown;
  values: readonly unknown[];
  next: KeptRead | undefined;
}

/**
 * A property read as a literal (or absent, with its default): the path is made on first use.
 * Thousands of reads per template are checked and never reported; a path each is most of what they cost.
 */
class KnownProperty<T> implements Known<T> {
  private made?: Path;
  constructor(
    readonly value: T,
    private readonly block: Path,
    private readonly key: string,
    readonly isDefault: true | undefined,
  ) {}

  get path(): Path {
    return (this.made ??= childPath(this.block, this.key));
  }
}

// The typed reads' conversions, made once (a closure written inside each read would be allocated on every call).
function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

function toText(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

function toBoolean(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  return undefined;
}

/** A resource of the template: a node of the graph. */
export class ResourceNode {
  // Made on first use: a template has thousands of resources, and many are never read by a rule.
  private view?: PropertyView;
  private where?: Path;
  /** A function's IAM grants, once graph/iam.ts has worked them out (whichever rules ask). */
  grants?: Grant[];

  constructor(
    private readonly resolver: Resolver,
    readonly id: string,
    readonly type: string,
    /** Where the resource is written; undefined for ['Resources', id]. */
    path: Path | undefined,
    readonly raw: Record<string, unknown>,
    private readonly globals?: { path: Path; raw: Record<string, unknown> },
  ) {
    this.where = path;
  }

  /** ['Resources', id] */
  get path(): Path {
    return (this.where ??= ['Resources', this.id]);
  }

  get properties(): PropertyView {
    return (this.view ??= new PropertyView(this.resolver, this.where ? childPath(this.where, 'Properties') : ['Resources', this.id, 'Properties'], asObject(this.raw.Properties), this.globals));
  }

  get condition(): string | undefined {
    return typeof this.raw.Condition === 'string' ? this.raw.Condition : undefined;
  }

  get metadata(): Record<string, unknown> {
    return asObject(this.raw.Metadata);
  }

  /** Shorthands for the resource's Properties. */
  numbers(key: string | Path, fallback?: number): readonly Known<number>[] {
    return this.properties.numbers(key, fallback);
  }

  strings(key: string | Path, fallback?: string): readonly Known<string>[] {
    return this.properties.strings(key, fallback);
  }

  booleans(key: string | Path, fallback?: boolean): readonly Known<boolean>[] {
    return this.properties.booleans(key, fallback);
  }

  has(key: string): boolean {
    return this.properties.has(key);
  }

  pathOf(key: string | Path): Path {
    return this.properties.pathOf(key);
  }
}

/**
 * How one resource points at another. Reference edges (`ref`, `getatt`, `sub`, `depends-on`) come
 * from intrinsics; semantic edges are the connections architecture rules follow.
 */
export type EdgeKind =
  | 'ref'
  | 'getatt'
  | 'sub'
  | 'depends-on'
  /** source (queue, stream, table, broker) → function, through an event source mapping */
  | 'event-source'
  /** bucket → function, queue or topic, through the bucket's NotificationConfiguration */
  | 'notification'
  /** topic → function or queue, through a subscription */
  | 'subscription'
  /** EventBridge rule or schedule → its target */
  | 'rule-target'
  /** Fn::ImportValue of an export of another template in the same run */
  | 'import'
  /** queue → its dead-letter queue, through RedrivePolicy */
  | 'dead-letter';

export interface Edge {
  kind: EdgeKind;
  from: ResourceNode;
  to: ResourceNode;
  /** The template path that made the edge (the `!GetAtt Queue.Arn` behind it). */
  path: Path;
  /** The resource that carries a semantic edge (the mapping, the subscription), when it is a resource of its own. */
  via?: ResourceNode;
  /** For `getatt` and `${Res.Attr}`: the attribute. */
  attribute?: string;
}

/** The kinds of event source Lambda polls, as its limits distinguish them. */
export type EventSourceKind = 'sqs' | 'sqs-fifo' | 'kinesis' | 'dynamodb' | 'kafka' | 'mq' | 'docdb';

/**
 * A function consuming a polled source: an AWS::Lambda::EventSourceMapping (or, later, a SAM
 * event). The source or function is undefined when the template names it only by a value we cannot follow.
 */
export interface EventSourceLink {
  /** How findings name it: the mapping's logical ID (or `Function.Events.Name` for a SAM event). */
  name: string;
  /** The settings (BatchSize, MaximumRetryAttempts, ...), read from the mapping's Properties. */
  settings: PropertyView;
  /** The mapping resource, when it is one. */
  mapping?: ResourceNode;
  /** Where the link is written (the mapping resource's path). */
  path: Path;
  source: { kind?: EventSourceKind; node?: ResourceNode; path: Path };
  fn?: ResourceNode;
  functionPath: Path;
}

/** A function behind an HTTP front door: API Gateway (REST or HTTP API), a function URL, or a load balancer. */
export interface ApiIntegration {
  kind: 'rest' | 'http' | 'websocket' | 'url' | 'alb';
  fn: ResourceNode;
  /** Where the integration is written (the method, integration, URL, target group or SAM event). */
  path: Path;
  /** Which API it belongs to, so that integrations of one API can be counted (a logical ID, or SAM's implicit API). */
  api?: string;
  /** A route that takes every path: `{proxy+}`, `ANY /`, `$default`, a function URL, a load balancer. */
  catchAll: boolean;
  /** The integration's own timeout (TimeoutInMillis), when it sets one. */
  timeoutMs: readonly Known<number>[];
  /** Response streaming (`response-streaming-invocations`, ResponseTransferMode STREAM): the 29 s limit does not apply. */
  streaming?: boolean;
}

export type { PathSegment };

export interface ResourceGraph {
  readonly template: Template;
  readonly resources: readonly ResourceNode[];
  /**
   * Every key of the Resources section in order, well-formed resource or not (only those with a
   * string Type are nodes). Listing the keys of a large section is costly: it is done once, here.
   */
  readonly logicalIds: readonly string[];
  /** The logical IDs among them that are not a mapping with a string Type: left out of the graph. */
  readonly untyped: readonly string[];
  resource(id: string): ResourceNode | undefined;
  ofType(...types: string[]): readonly ResourceNode[];
  /** Edges of a kind, optionally only those from or to resources of a type. */
  edges(kind: EdgeKind, filter?: { from?: string; to?: string }): readonly Edge[];
  outgoing(node: ResourceNode, kind?: EdgeKind): readonly Edge[];
  incoming(node: ResourceNode, kind?: EdgeKind): readonly Edge[];
  readonly eventSources: readonly EventSourceLink[];
  readonly apiIntegrations: readonly ApiIntegration[];
  readonly resolver: Resolver;
  /** Every Ref, Fn::GetAtt and ${Res}/${Res.Attr} inside `value` (which stands at `path`) that names a resource. */
  referencesIn(value: unknown, path: Path): Reference[];
}

/** A reference from inside a value to a resource of the template. */
export interface Reference {
  node: ResourceNode;
  path: Path;
  kind: 'ref' | 'getatt' | 'sub' | 'import';
  attribute?: string;
}
