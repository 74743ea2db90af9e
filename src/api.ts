import { relative, sep } from 'node:path';
import type { Config } from './engine/config.js';
import { lintTemplates, type EngineOptions } from './engine/run.js';
import type { Finding, InputProblem } from './engine/finding.js';
import type { Rule } from './engine/rule.js';
import { applySuppressions } from './engine/suppressions.js';
import { loadInputs, type LoadOptions, type Template } from './load/index.js';
import type { LintResult } from './report/types.js';

export interface LintOptions extends EngineOptions, LoadOptions {
  rules: readonly Rule[];
  /** The .archlint.yml in force: severities, options, ignores, parameters, date, suppressions. Command-line values passed here win over it. */
  config?: Config;
  /** Report suppressions that matched nothing. */
  reportUnusedSuppressions?: boolean;
  /** Named files that are not templates are skipped quietly too (the pre-commit hook passes every YAML file). */
  skipNonTemplates?: boolean;
}

/** The whole pipeline over paths: load → graph → engine (rules, config, suppressions), ready for the reporters. */
export function lintPaths(paths: readonly string[], options: LintOptions): LintResult & { skipped: string[]; templates: Template[] } {
  const config = options.config;
  const loaded = loadInputs(paths, options);
  const ignored = (file: string) => !!config && config.ignore.some((re) => re.test(relative(config.dir, file).split(sep).join('/')));
  const templates = loaded.templates.filter((t) => !ignored(t.file));
  const errors = loaded.errors.filter((e) => !ignored(e.file) && !(options.skipNonTemplates && e.message.startsWith('not a CloudFormation template')));

  const severities = config?.severities ?? new Map();
  const rules = options.rules.filter((r) => severities.get(r.id) !== 'off');
  const engineOptions: EngineOptions = {
    date: options.date ?? config?.date,
    parameters: new Map([...(config?.parameters ?? []), ...(options.parameters ?? [])]),
    ruleOptions: mergeOptions(config?.ruleOptions, options.ruleOptions),
  };
  const raw = lintTemplates(templates, rules, engineOptions).map((f): Finding => {
    const severity = severities.get(f.rule);
    return severity && severity !== 'off' ? { ...f, severity } : f;
  });
  const { findings, suppressed } = applySuppressions(raw, templates, config, { reportUnused: options.reportUnusedSuppressions });

  const sources = new Map<string, string>();
  for (const template of templates) sources.set(template.file, template.text);
  if (config && findings.some((f) => f.file === config.file)) sources.set(config.file, config.text);
  const inputErrors: InputProblem[] = errors
    .map((e) => ({ file: e.file, line: e.position.line, column: e.position.column, message: e.message }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  // Change rules run only in a change review (archlint diff).
  const ran = rules.filter((r) => r.kind !== 'change');
  return { findings, suppressed, inputErrors, files: templates.length, sources, skipped: loaded.skipped, rules: ran, templates };
}

function mergeOptions(
  base: Record<string, Record<string, number | string>> = {},
  over: Readonly<Record<string, Record<string, number | string>>> = {},
): Record<string, Record<string, number | string>> {
  const out: Record<string, Record<string, number | string>> = {};
  for (const [id, opts] of [...Object.entries(base), ...Object.entries(over)]) out[id] = { ...out[id], ...opts };
  return out;
}
