import { childPath, joinPath, type Path, type TemplateBody } from '../load/types.js';

/**
 * One possible value of a template expression. A rule sees every possible value (both branches of
 * Fn::If, every row of a mapping looked up with an unknown key) and never fires on `unknown`.
 */
export type Candidate =
  | { kind: 'value'; value: unknown; path: Path; origin?: Path }
  | { kind: 'absent'; path: Path }
  | { kind: 'unknown'; path: Path; reason: string };

/** More possibilities than this and the expression is treated as unknown. */
export const MAX_CANDIDATES = 64;
/** Work units one resolution may spend: keeps any template linear in its size. */
const STEP_BUDGET = 2_000;

const PSEUDO_PARAMETERS = new Set([
  'AWS::AccountId', 'AWS::NotificationARNs', 'AWS::Partition', 'AWS::Region', 'AWS::StackId',
  'AWS::StackName', 'AWS::URLSuffix',
]);

class BudgetExceeded extends Error {}

/**
 * Resolves template expressions to their possible values: literals, parameter defaults (or
 * `--parameter` overrides), Fn::FindInMap over Mappings, both branches of Fn::If, Fn::Sub and
 * Fn::Join over known parts. Pseudo parameters, resources' physical IDs, imports and attributes are unknown.
 */
export class Resolver {
  private readonly parameters: Record<string, unknown>;
  private readonly mappings: Record<string, unknown>;
  private readonly resources: Record<string, unknown>;
  private steps = 0;
  /** ['Parameters', name, 'Default'] by name: the origin of every value a parameter gives, made once. */
  private readonly defaultPaths = new Map<string, Path>();
  /** Where resolution gave up at a bound: the run says so rather than silently checking less. */
  readonly limitHits: Path[] = [];

  constructor(
    body: TemplateBody,
    private readonly overrides: ReadonlyMap<string, string> = new Map(),
    /** Prefixed to the paths of parameter defaults and mapping entries (for a template reached from another). */
    private readonly root: Path = [],
  ) {
    this.parameters = asObject(body.Parameters);
    this.mappings = asObject(body.Mappings);
    this.resources = asObject(body.Resources);
  }

  /** Every possible value of `raw`, which stands at `path` in the template. */
  resolve(raw: unknown, path: Path): Candidate[] {
    this.steps = 0;
    try {
      const out = this.expr(raw, path);
      if (out.length <= MAX_CANDIDATES) return out;
      this.limitHits.push(path);
      return [{ kind: 'unknown', path, reason: 'too many possible values' }];
    } catch (err) {
      if (!(err instanceof BudgetExceeded)) throw err;
      this.limitHits.push(path);
      return [{ kind: 'unknown', path, reason: 'expression too complex to resolve' }];
    }
  }

  /**
   * The possible values found by following `steps` from `raw` (at `path`): each step goes into an
   * object key or list index, branching through Fn::If on the way. A missing key is `absent`.
   */
  lookup(raw: unknown, path: Path, steps: Path): Candidate[] {
    // The common case: plain objects and lists all the way (the value itself may be an intrinsic,
    // `Timeout: !If [...]`, resolved where it stands), without the per-step candidate lists.
    const found = walkPlain(raw, steps);
    if (found === ABSENT) return [{ kind: 'absent', path: joinPath(path, steps) }];
    if (found !== NOT_PLAIN) return this.resolve(found, joinPath(path, steps));
    let current: Candidate[] = [{ kind: 'value', value: raw, path }];
    for (const step of steps) {
      const next: Candidate[] = [];
      for (const c of current) {
        if (c.kind !== 'value') {
          next.push(c.kind === 'absent' ? { kind: 'absent', path: [...c.path, step] } : c);
          continue;
        }
        for (const s of this.structural(c.value, c.path)) {
          if (s.kind !== 'value') next.push(s.kind === 'absent' ? { kind: 'absent', path: [...s.path, step] } : s);
          else next.push(child(s, step));
        }
      }
      if (next.length > MAX_CANDIDATES) this.limitHits.push([...path, ...steps]);
      current = next.length > MAX_CANDIDATES ? [{ kind: 'unknown', path: [...path, ...steps], reason: 'too many possible values' }] : next;
    }
    return current.flatMap((c) => (c.kind === 'value' ? this.resolve(c.value, c.path).map((r) => withOrigin(r, c)) : [c]));
  }

  /** Expands only what decides shape (Fn::If, AWS::NoValue) so that a lookup can step into objects. */
  private structural(value: unknown, path: Path): Candidate[] {
    const fn = intrinsic(value);
    if (fn?.name === 'Fn::If') return this.ifBranches(fn.arg, path, (v, p) => this.structural(v, p));
    if (fn?.name === 'Ref' && fn.arg === 'AWS::NoValue') return [{ kind: 'absent', path }];
    return [{ kind: 'value', value, path }];
  }

  private readonly exprOf = (v: unknown, p: Path): Candidate[] => this.expr(v, p);

  private tick(): void {
    if (++this.steps > STEP_BUDGET) throw new BudgetExceeded();
  }

  private expr(raw: unknown, path: Path): Candidate[] {
    this.tick();
    const name = intrinsicName(raw);
    if (name === undefined) return [{ kind: 'value', value: raw, path }];
    const arg = (raw as Record<string, unknown>)[name];
    switch (name) {
      case 'Ref':
        return this.ref(arg, path);
      case 'Fn::If':
        return this.ifBranches(arg, path, this.exprOf);
      case 'Fn::FindInMap':
        return this.findInMap(arg, childPath(path, name));
      case 'Fn::Sub':
        return this.sub(arg, childPath(path, name));
      case 'Fn::Join':
        return this.join(arg, childPath(path, name));
      default:
        return [{ kind: 'unknown', path, reason: `${name} is not resolved` }];
    }
  }

  private ref(name: unknown, path: Path): Candidate[] {
    if (typeof name !== 'string') return [{ kind: 'unknown', path, reason: 'Ref to a non-string' }];
    if (name === 'AWS::NoValue') return [{ kind: 'absent', path }];
    if (PSEUDO_PARAMETERS.has(name)) return [{ kind: 'unknown', path, reason: `${name} is known only at deploy time` }];
    if (this.overrides.has(name)) return [{ kind: 'value', value: this.parameterValue(name, this.overrides.get(name)), path }];
    if (Object.hasOwn(this.parameters, name)) {
      const param = asObject(this.parameters[name]);
      if (!Object.hasOwn(param, 'Default')) return [{ kind: 'unknown', path, reason: `parameter ${name} has no default` }];
      let origin = this.defaultPaths.get(name);
      if (!origin) {
        origin = this.root.length === 0 ? ['Parameters', name, 'Default'] : joinPath(this.root, ['Parameters', name, 'Default']);
        this.defaultPaths.set(name, origin);
      }
      return [{ kind: 'value', value: this.parameterValue(name, param.Default), path, origin }];
    }
    if (Object.hasOwn(this.resources, name)) return [{ kind: 'unknown', path, reason: `the physical ID of ${name}` }];
    return [{ kind: 'unknown', path, reason: `Ref to undefined ${name}` }];
  }

  /** List-typed parameters hold their default as one comma-separated string. */
  private parameterValue(name: string, value: unknown): unknown {
    const type = asObject(this.parameters[name]).Type;
    if (typeof value === 'string' && typeof type === 'string' && (type === 'CommaDelimitedList' || type.startsWith('List<'))) {
      return value.split(',').map((s) => s.trim());
    }
    return value;
  }

  private ifBranches(arg: unknown, path: Path, each: (v: unknown, p: Path) => Candidate[]): Candidate[] {
    if (!Array.isArray(arg) || arg.length !== 3) return [{ kind: 'unknown', path, reason: 'Fn::If needs [condition, then, else]' }];
    const at = childPath(path, 'Fn::If');
    const then = each(arg[1], childPath(at, 1));
    const otherwise = each(arg[2], childPath(at, 2));
    if (otherwise.length === 0) return then;
    if (then.length === 0) return otherwise;
    return then.concat(otherwise);
  }

  private findInMap(arg: unknown, at: Path): Candidate[] {
    if (!Array.isArray(arg) || arg.length < 3) return [{ kind: 'unknown', path: at, reason: 'Fn::FindInMap needs [map, key, key]' }];
    const names = this.expr(arg[0], [...at, 0]);
    const out: Candidate[] = [];
    for (const n of names) {
      if (n.kind !== 'value' || typeof n.value !== 'string' || !Object.hasOwn(this.mappings, n.value)) {
        out.push({ kind: 'unknown', path: at, reason: 'unknown mapping' });
        continue;
      }
      const map = asObject(this.mappings[n.value]);
      for (const [top, topKey] of this.keysIn(map, arg[1], [...at, 1])) {
        const row = asObject(top);
        for (const [value, secondKey] of this.keysIn(row, arg[2], [...at, 2])) {
          this.tick();
          out.push({ kind: 'value', value, path: at, origin: [...this.root, 'Mappings', n.value, topKey, secondKey] });
        }
      }
      if (out.length > MAX_CANDIDATES) break;
    }
    return out.length === 0 ? [{ kind: 'unknown', path: at, reason: 'no matching mapping entry' }] : out;
  }

  /** Entries of `obj` selected by a key expression: the one it names, or every entry when it is unknown. */
  private keysIn(obj: Record<string, unknown>, keyExpr: unknown, path: Path): Array<[unknown, string]> {
    const out: Array<[unknown, string]> = [];
    for (const k of this.expr(keyExpr, path)) {
      if (k.kind === 'value' && (typeof k.value === 'string' || typeof k.value === 'number')) {
        const key = String(k.value);
        if (Object.hasOwn(obj, key)) out.push([obj[key], key]);
      } else {
        for (const key of Object.keys(obj)) out.push([obj[key], key]);
      }
    }
    return out;
  }

  private sub(arg: unknown, at: Path): Candidate[] {
    const template = Array.isArray(arg) ? arg[0] : arg;
    const vars = Array.isArray(arg) ? asObject(arg[1]) : {};
    if (typeof template !== 'string') return [{ kind: 'unknown', path: at, reason: 'Fn::Sub of a non-string' }];
    if (!template.includes('${')) return [{ kind: 'value', value: template, path: at }];
    let results: string[] = [''];
    let last = 0;
    const placeholder = /\$\{([^}]*)\}/g; // one per call: sub() recurses through expr()
    for (let m = placeholder.exec(template); m; m = placeholder.exec(template)) {
      const literal = template.slice(last, m.index);
      last = m.index + m[0].length;
      const name = m[1].trim();
      if (name.startsWith('!')) {
        results = results.map((r) => r + literal + '${' + name.slice(1) + '}');
        continue;
      }
      const values = Object.hasOwn(vars, name) ? this.expr(vars[name], [...at, 1, name]) : name.includes('.') ? [] : this.ref(name, at);
      const strings = values.filter((v) => v.kind === 'value' && isScalar(v.value)).map((v) => String((v as { value: unknown }).value));
      if (strings.length === 0 || strings.length !== values.length) return [{ kind: 'unknown', path: at, reason: `\${${name}} is not known` }];
      results = results.flatMap((r) => strings.map((s) => r + literal + s));
      if (results.length > MAX_CANDIDATES) return [{ kind: 'unknown', path: at, reason: 'too many possible values' }];
    }
    const tail = template.slice(last);
    return results.map((r) => ({ kind: 'value' as const, value: r + tail, path: at }));
  }

  private join(arg: unknown, at: Path): Candidate[] {
    if (!Array.isArray(arg) || arg.length !== 2 || typeof arg[0] !== 'string') return [{ kind: 'unknown', path: at, reason: 'Fn::Join needs [delimiter, list]' }];
    const delimiter = arg[0];
    const lists = this.expr(arg[1], [...at, 1]);
    const out: Candidate[] = [];
    for (const list of lists) {
      if (list.kind !== 'value' || !Array.isArray(list.value)) return [{ kind: 'unknown', path: at, reason: 'Fn::Join of an unknown list' }];
      let results: string[] = [''];
      for (let i = 0; i < list.value.length; i++) {
        const parts = this.expr(list.value[i], [...list.path, i]);
        if (parts.some((p) => p.kind !== 'value' || !isScalar(p.value))) return [{ kind: 'unknown', path: at, reason: 'Fn::Join of unknown parts' }];
        const strings = parts.map((p) => String((p as { value: unknown }).value));
        results = results.flatMap((r) => strings.map((s) => (i === 0 ? s : r + delimiter + s)));
        if (results.length > MAX_CANDIDATES) return [{ kind: 'unknown', path: at, reason: 'too many possible values' }];
      }
      out.push(...results.map((r) => ({ kind: 'value' as const, value: r, path: at })));
    }
    return out;
  }
}

/** `{Ref: x}`, `{Fn::Name: arg}` or `{Condition: x}` (a one-key object whose key is an intrinsic's name). */
export function intrinsic(value: unknown): { name: string; arg: unknown } | undefined {
  const name = intrinsicName(value);
  return name === undefined ? undefined : { name, arg: (value as Record<string, unknown>)[name] };
}

/** The function name of an intrinsic, without allocating: this runs on every object of every template. */
export function intrinsicName(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  let name: string | undefined;
  for (const key in value) {
    if (name !== undefined) return undefined; // a second key: not an intrinsic
    name = key;
  }
  if (name === undefined) return undefined;
  return name === 'Ref' || name.startsWith('Fn::') || name === 'Condition' ? name : undefined;
}

export function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function isScalar(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

export const NOT_PLAIN = Symbol('not plain');
export const ABSENT = Symbol('absent');

/**
 * The value at `steps` below `raw`, when no container on the way is an intrinsic (NOT_PLAIN
 * otherwise); ABSENT when a step is missing, as the candidate walk would say.
 */
function walkPlain(raw: unknown, steps: Path): unknown {
  let v = raw;
  for (let i = 0; i < steps.length && v !== NOT_PLAIN && v !== ABSENT; i++) v = plainStep(v, steps[i]);
  return v;
}

/** One step of walkPlain: the value at `step` in `v`, NOT_PLAIN when `v` is an intrinsic, ABSENT when the step is missing. */
export function plainStep(v: unknown, step: string | number): unknown {
  if (v !== null && typeof v === 'object' && intrinsicName(v) !== undefined) return NOT_PLAIN;
  if (!hasStep(v, step)) return ABSENT;
  return (v as Record<string | number, unknown>)[step];
}

/** Does a step lead somewhere: a list index within a list, or an own key of a mapping. */
function hasStep(v: unknown, step: string | number): boolean {
  return typeof step === 'number' ? Array.isArray(v) && step < v.length : v !== null && typeof v === 'object' && !Array.isArray(v) && Object.hasOwn(v, step);
}

function child(c: { value: unknown; path: Path; origin?: Path }, step: string | number): Candidate {
  const v = c.value;
  const path = [...c.path, step];
  if (hasStep(v, step)) {
    return { kind: 'value', value: (v as Record<string | number, unknown>)[step], path };
  }
  return { kind: 'absent', path };
}

function withOrigin(r: Candidate, from: Candidate): Candidate {
  return r.kind === 'value' && !r.origin && from.kind === 'value' && from.origin ? { ...r, origin: from.origin } : r;
}
