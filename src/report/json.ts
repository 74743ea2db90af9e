import { fingerprint, type Finding } from '../engine/finding.js';
import type { LintResult } from './types.js';

/**
 * The stable machine format (documented in the README). Fields are only ever added; `version`
 * changes if one is removed or changes meaning.
 */
export function json(result: LintResult): string {
  const count = (s: string) => result.findings.filter((f) => f.severity === s).length;
  const doc = {
    version: 1,
    findings: result.findings.map(finding),
    suppressed: (result.suppressed ?? []).map((f) => ({ ...finding(f), suppression: f.suppression })),
    inputErrors: result.inputErrors.map((e) => ({ file: e.file, line: e.line, column: e.column, message: e.message })),
    ...(result.review ? { review: { fixed: result.review.fixed.map(finding), unchanged: result.review.unchanged.map(finding), changes: result.review.summary } } : {}),
    ...(result.baseline ? { baseline: result.baseline } : {}),
    summary: {
      templates: result.files,
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      suppressed: (result.suppressed ?? []).length,
      inputErrors: result.inputErrors.length,
    },
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

function finding(f: Finding) {
  return {
    file: f.file,
    range: f.range,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    resource: f.resource ?? null,
    constructPath: f.constructPath ?? null,
    path: f.path,
    related: f.related.map((r) => ({ file: r.file, range: r.range, path: r.path, message: r.message })),
    suggest: f.suggest,
    fingerprint: fingerprint(f),
  };
}
