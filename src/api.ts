import { lintTemplates, type EngineOptions } from './engine/run.js';
import { compareFindings, type Finding, type InputProblem } from './engine/finding.js';
import type { Rule } from './engine/rule.js';
import { loadInputs, type LoadOptions } from './load/index.js';
import type { LintResult } from './report/types.js';

export interface LintOptions extends EngineOptions, LoadOptions {
  rules: readonly Rule[];
}

/** The whole pipeline over paths: load → graph → engine, one template at a time, for the reporters. */
export function lintPaths(paths: readonly string[], options: LintOptions): LintResult & { skipped: string[] } {
  const loaded = loadInputs(paths, options);
  const sources = new Map<string, string>();
  for (const template of loaded.templates) sources.set(template.file, template.text);
  const findings: Finding[] = lintTemplates(loaded.templates, options.rules, options);
  const inputErrors: InputProblem[] = loaded.errors
    .map((e) => ({ file: e.file, line: e.position.line, column: e.position.column, message: e.message }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  return { findings: findings.sort(compareFindings), inputErrors, files: loaded.templates.length, sources, skipped: loaded.skipped };
}
