import { buildGraph } from '../graph/build.js';
import type { ResourceGraph } from '../graph/model.js';
import type { Path, Template } from '../load/types.js';
import { compareFindings, type Finding, INTERNAL_ERROR_RULE } from './finding.js';
import { formatMessage, type Report, type Rule, type Severity } from './rule.js';

export interface EngineOptions {
  /** The lint date; rules comparing with calendars (runtime deprecation) use it. */
  date?: Date;
  parameters?: ReadonlyMap<string, string>;
  /** Per-rule option overrides. */
  ruleOptions?: Readonly<Record<string, Record<string, number | string>>>;
}

/** Lints one template: builds its graph once, runs every rule over it, turns reported paths into ranges. */
export function lintTemplate(template: Template, rules: readonly Rule[], options: EngineOptions = {}): Finding[] {
  const graph = buildGraph(template, { parameters: options.parameters });
  const findings: Finding[] = [];
  const date = options.date ?? new Date();
  for (const rule of rules) {
    const ruleOptions = optionsFor(rule, options.ruleOptions?.[rule.id]);
    try {
      rule.check({ graph, options: ruleOptions, date, report: (r) => findings.push(toFinding(template, rule, r)) });
    } catch (err) {
      // A broken rule must not hide the other rules' findings: it becomes a finding of its own.
      findings.push({
        file: template.file,
        rule: INTERNAL_ERROR_RULE,
        severity: 'error',
        message: `rule ${rule.id} failed on this template: ${(err as Error)?.message ?? String(err)}`,
        range: template.source.locate([]).range,
        path: [],
        related: [],
        suggest: [],
      });
    }
  }
  return dedupe(findings.sort(compareFindings));
}

/** One finding per rule, place and message: a value reached through two edges is still one problem. */
function dedupe(sorted: Finding[]): Finding[] {
  return sorted.filter((f, i) => {
    const prev = sorted[i - 1];
    return !prev || compareFindings(prev, f) !== 0 || prev.severity !== f.severity;
  });
}

function optionsFor(rule: Rule, overrides: Record<string, number | string> = {}): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const [name, opt] of Object.entries(rule.options ?? {})) out[name] = Object.hasOwn(overrides, name) ? overrides[name] : opt.default;
  return out;
}

function toFinding(template: Template, rule: Rule, report: Report): Finding {
  const template_ = rule.messages[report.message];
  if (template_ === undefined) throw new Error(`rule ${rule.id} reported unknown message "${report.message}"`);
  const severity: Severity = report.severity ?? rule.severity;
  return {
    file: template.file,
    rule: rule.id,
    severity,
    message: formatMessage(template_, report.data),
    range: (report.onKey && template.source.locateKey(report.at)) || template.source.locate(report.at).range,
    path: report.at,
    related: (report.related ?? []).map((r) => ({
      file: template.file,
      path: r.at,
      range: template.source.locate(r.at).range,
      message: r.message,
    })),
    suggest: report.suggest ?? rule.suggest,
    resource: resourceOf(report.at),
  };
}

function resourceOf(path: Path): string | undefined {
  return path[0] === 'Resources' && typeof path[1] === 'string' ? path[1] : undefined;
}

export type { ResourceGraph };
