import { lintChanges, lintTemplate, type EngineOptions } from '../../src/engine/run.js';
import { resourceChanges } from '../../src/diff/index.js';
import type { Finding } from '../../src/engine/finding.js';
import type { Rule } from '../../src/engine/rule.js';
import { buildGraph } from '../../src/graph/build.js';
import type { ResourceGraph } from '../../src/graph/model.js';
import { parseTemplate } from '../../src/load/template.js';
import type { Template } from '../../src/load/types.js';
import { RULES } from '../../rules/index.js';

/** Parses text as a template (throws when it is not one). */
export function template(text: string, file = 'test.yaml'): Template {
  const parsed = parseTemplate(file, text);
  if (parsed.kind !== 'template') throw new Error(`not a template: ${parsed.reason}`);
  return parsed.template;
}

export function graphOf(text: string, parameters?: Record<string, string>, file = 'test.yaml'): ResourceGraph {
  return buildGraph(template(text, file), { parameters: parameters ? new Map(Object.entries(parameters)) : undefined });
}

export function ruleById(id: string): Rule {
  const rule = RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}

/** Lints text with the named rules (all when none), at a fixed date. */
export function lint(text: string, ruleIds: string[] = [], options: EngineOptions = {}, file = 'test.yaml'): Finding[] {
  const rules = ruleIds.length > 0 ? ruleIds.map(ruleById) : RULES;
  return lintTemplate(template(text, file), rules, { date: new Date('2026-11-27T00:00:00Z'), ...options });
}

/** The one-line form fixtures' .expected.txt files hold: `line:col severity message [rule]`. */
export function findingLine(f: Finding): string {
  return `${f.range.start.line}:${f.range.start.column} ${f.severity} ${f.message} [${f.rule}]`;
}

/** Runs change rules over a base and a head version, with CloudFormation's diff between them. */
export function lintChange(baseText: string, headText: string, ruleIds: string[], baseFile = 'base.yaml', headFile = 'head.yaml'): Finding[] {
  const base = template(baseText, baseFile);
  const head = template(headText, headFile);
  const { changes } = resourceChanges(base.body, head.body);
  return lintChanges([{ base, head, changes }], ruleIds.map(ruleById), { date: new Date('2026-11-27T00:00:00Z') });
}
