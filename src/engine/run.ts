import { buildGraph, type ImportedResource } from '../graph/build.js';
import type { ResourceGraph } from '../graph/model.js';
import { asObject, intrinsic, Resolver } from '../graph/resolve.js';
import { foreignRoot, splitForeign, type Path, type Template } from '../load/types.js';
import { compareFindings, type Finding, INTERNAL_ERROR_RULE, type RelatedLocation } from './finding.js';
import { formatMessage, type Report, type ResourceChange, type Rule, type RuleContext, type Severity } from './rule.js';

export interface EngineOptions {
  /** The lint date; rules comparing with calendars (runtime deprecation) use it. */
  date?: Date;
  /** `--parameter` values, for templates that are not a nested stack's child. */
  parameters?: ReadonlyMap<string, string>;
  /** Per-rule option overrides. */
  ruleOptions?: Readonly<Record<string, Record<string, number | string>>>;
}

/** Lints one template on its own. */
export function lintTemplate(template: Template, rules: readonly Rule[], options: EngineOptions = {}): Finding[] {
  return lintTemplates([template], rules, options);
}

/**
 * Lints the templates of one run together: each graph is built once, with a nested stack's child
 * receiving the values its parent passes, and Fn::ImportValue reaching the exports of the others.
 */
export function lintTemplates(templates: readonly Template[], rules: readonly Rule[], options: EngineOptions = {}): Finding[] {
  const run = new Run(templates, options);
  const templateRules = rules.filter((r) => r.kind !== 'change');
  const findings: Finding[] = [];
  for (const template of templates) {
    const graph = buildGraph(template, { parameters: run.parametersOf(template), imports: (name) => run.exported(name) });
    findings.push(...run.check(template, { graph }, templateRules));
    const limit = graph.resolver.limitHits[0];
    if (limit) findings.push(run.notice(template, limit, graph.resolver.limitHits.length));
  }
  return dedupe(findings.sort(compareFindings));
}

/** Said once per template when value resolution hit its bound somewhere (nested Fn::If, long Fn::Join of conditions). */
const ANALYSIS_LIMIT: Rule = {
  id: 'analysis-limit',
  severity: 'info',
  category: 'cloudformation',
  description: 'Value resolution reached its bound in this template: the values there were not checked.',
  suggest: [],
  sources: [],
  messages: {
    limit: '{{count}} expression(s) here have more possible values than archlint follows (at most 64, within a fixed budget); the values they produce were not checked.',
  },
  check() {},
};

/** A template in two versions, and what CloudFormation will do to each resource between them. */
export interface TemplateChange {
  base?: Template;
  head: Template;
  changes: readonly ResourceChange[];
}

/**
 * Runs the change rules over each pair: the head version's graph as usual, the base version's with
 * paths into the base template (so a deleted resource can be shown where it was).
 */
export function lintChanges(pairs: readonly TemplateChange[], rules: readonly Rule[], options: EngineOptions = {}): Finding[] {
  const all = pairs.flatMap((p) => (p.base ? [p.head, p.base] : [p.head]));
  const run = new Run(all, options);
  const changeRules = rules.filter((r) => r.kind === 'change');
  const findings: Finding[] = [];
  for (const pair of pairs) {
    const graph = buildGraph(pair.head, { parameters: run.parametersOf(pair.head) });
    const base = pair.base ? buildGraph(pair.base, { parameters: run.parametersOf(pair.base), root: foreignRoot(pair.base.file) }) : undefined;
    findings.push(...run.check(pair.head, { graph, base, changes: pair.changes }, changeRules));
  }
  return dedupe(findings.sort(compareFindings));
}

class Run {
  private readonly byFile = new Map<string, Template>();
  private readonly parameters = new Map<Template, ReadonlyMap<string, string>>();
  private exports?: Map<string, ImportedResource>;

  constructor(
    private readonly templates: readonly Template[],
    private readonly options: EngineOptions,
  ) {
    for (const t of templates) this.byFile.set(t.file, t);
  }

  /** `--parameter` values, or for a nested stack's child the values its parent's Stack resource passes (when they resolve). */
  parametersOf(template: Template): ReadonlyMap<string, string> {
    const cached = this.parameters.get(template);
    if (cached) return cached;
    let values: ReadonlyMap<string, string> = this.options.parameters ?? new Map();
    const parent = template.parent;
    if (parent) {
      this.parameters.set(template, new Map()); // a cycle of parents resolves to nothing rather than looping
      const resolver = new Resolver(parent.template.body, this.parametersOf(parent.template));
      const base: Path = ['Resources', parent.resource, 'Properties', 'Parameters'];
      const passed = asObject(asObject(asObject(asObject(parent.template.body.Resources)[parent.resource]).Properties).Parameters);
      const map = new Map<string, string>();
      for (const [name, expr] of Object.entries(passed)) {
        const known = resolver.resolve(expr, [...base, name]);
        const only = known.length === 1 && known[0].kind === 'value' ? known[0].value : undefined;
        if (typeof only === 'string' || typeof only === 'number' || typeof only === 'boolean') map.set(name, String(only));
      }
      values = map;
    }
    this.parameters.set(template, values);
    return values;
  }

  /** The resource behind an export name, when exactly one template of the run exports it from a Ref or Fn::GetAtt. */
  exported(name: string): ImportedResource | undefined {
    if (!this.exports) {
      this.exports = new Map();
      const seen = new Set<string>();
      for (const t of this.templates) {
        const parameters = this.parametersOf(t);
        const resolver = new Resolver(t.body, parameters);
        for (const [key, raw] of Object.entries(asObject(t.body.Outputs))) {
          const output = asObject(raw);
          const names = resolver.resolve(asObject(output.Export).Name, ['Outputs', key, 'Export', 'Name']);
          const id = resourceIdOf(output.Value);
          if (names.length !== 1 || names[0].kind !== 'value' || typeof names[0].value !== 'string' || !id) continue;
          const exportName = names[0].value;
          if (seen.has(exportName)) this.exports.delete(exportName); // exported twice: ambiguous, follow neither
          else this.exports.set(exportName, { template: t, id, parameters });
          seen.add(exportName);
        }
      }
    }
    return this.exports.get(name);
  }

  check(template: Template, graphs: Pick<RuleContext, 'graph' | 'base' | 'changes'>, rules: readonly Rule[]): Finding[] {
    const findings: Finding[] = [];
    const date = this.options.date ?? new Date();
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i];
      const ruleOptions = rule.options ? optionsFor(rule, this.options.ruleOptions?.[rule.id]) : NO_OPTIONS;
      try {
        // One shape for every rule's context (a spread would copy per rule, in code V8 has not optimised yet).
        rule.check({ graph: graphs.graph, base: graphs.base, changes: graphs.changes, options: ruleOptions, date, report: (r) => findings.push(this.toFinding(template, rule, r)) });
      } catch (err) {
        // A broken rule must not hide the other rules' findings: it becomes a finding of its own.
        findings.push({
          file: template.file,
          rule: INTERNAL_ERROR_RULE,
          severity: 'error',
          message: `rule ${rule.id} failed on this template: ${(err as Error)?.message ?? String(err)}`,
          range: contentStart(template),
          path: [],
          related: [],
          suggest: [],
        });
      }
    }
    return findings;
  }

  notice(template: Template, at: Path, count: number): Finding {
    return this.toFinding(template, ANALYSIS_LIMIT, { message: 'limit', at, data: { count } });
  }

  private toFinding(template: Template, rule: Rule, report: Report): Finding {
    const messageTemplate = rule.messages[report.message];
    if (messageTemplate === undefined) throw new Error(`rule ${rule.id} reported unknown message "${report.message}"`);
    const severity: Severity = report.severity ?? rule.severity;
    const at = this.place(template, report.at, report.onKey);
    const resource = resourceOf(at.path);
    const related: RelatedLocation[] = (report.related ?? []).map((r) => {
      const place = this.place(template, r.at);
      return { file: place.template.file, path: place.path, range: place.range, message: r.message };
    });
    const source = resource ? at.template.cdk?.sources.get(resource) : undefined;
    if (source) {
      const position = { line: source.line, column: source.column };
      related.push({ file: source.file, path: [], range: { start: position, end: position }, message: `"${resource}" is created here` });
    }
    return {
      file: at.template.file,
      rule: rule.id,
      severity,
      message: formatMessage(messageTemplate, report.data),
      range: at.range,
      path: at.path,
      related,
      suggest: report.suggest ?? rule.suggest,
      resource,
      constructPath: resource ? constructPathOf(at.template, resource) : undefined,
    };
  }

  /** A reported path as a place: in this template, or in another one of the run (a resource reached through an import). */
  private place(template: Template, path: Path, onKey = false): { template: Template; path: Path; range: Finding['range'] } {
    const foreign = splitForeign(path);
    const target = (foreign && this.byFile.get(foreign.file)) || template;
    const inner = foreign ? foreign.path : path;
    if (inner.length === 0) return { template: target, path: inner, range: contentStart(target) };
    // A whole section is shown at its name, as a whole resource is at its logical ID.
    const keyed = onKey || inner.length === 1 || (inner.length === 2 && inner[0] === 'Resources');
    const range = (keyed && target.source.locateKey(inner)) || target.source.locate(inner).range;
    return { template: target, path: inner, range };
  }
}

/** From the assembly's manifest or tree.json, else the resource's own `aws:cdk:path` metadata. */
function constructPathOf(template: Template, resource: string): string | undefined {
  const fromAssembly = template.cdk?.constructPaths.get(resource);
  if (fromAssembly) return fromAssembly;
  const metadata = asObject(asObject(asObject(template.body.Resources)[resource]).Metadata);
  const path = metadata['aws:cdk:path'];
  return typeof path === 'string' ? path : undefined;
}

/** `!Ref X` or `!GetAtt X.Attr` → X. */
function resourceIdOf(value: unknown): string | undefined {
  const fn = intrinsic(value);
  if (fn?.name === 'Ref' && typeof fn.arg === 'string') return fn.arg;
  if (fn?.name === 'Fn::GetAtt') {
    const id = typeof fn.arg === 'string' ? fn.arg.split('.')[0] : Array.isArray(fn.arg) ? fn.arg[0] : undefined;
    return typeof id === 'string' ? id : undefined;
  }
  return undefined;
}

/** The options of a rule that has none. */
const NO_OPTIONS: Record<string, number | string> = Object.freeze({});

/**
 * Where a finding on the whole template is shown: where its content starts (its first key), as an
 * empty range. A range to its end would cover the file, and finding where a large YAML template
 * ends means indexing every one of its lines.
 */
function contentStart(template: Template): Finding['range'] {
  const first = Object.keys(template.body)[0];
  const start = (first !== undefined && template.source.locateKey([first])?.start) || { line: 1, column: 1 };
  return { start, end: { ...start } };
}

function optionsFor(rule: Rule, overrides: Record<string, number | string> = {}): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const [name, opt] of Object.entries(rule.options ?? {})) out[name] = Object.hasOwn(overrides, name) ? overrides[name] : opt.default;
  return out;
}

function resourceOf(path: Path): string | undefined {
  return path[0] === 'Resources' && typeof path[1] === 'string' ? path[1] : undefined;
}

/** One finding per rule, place and message: a value reached through two edges is still one problem. */
function dedupe(sorted: Finding[]): Finding[] {
  return sorted.filter((f, i) => {
    const prev = sorted[i - 1];
    return !prev || compareFindings(prev, f) !== 0 || prev.severity !== f.severity;
  });
}

export type { ResourceGraph };
