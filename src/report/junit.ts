import type { Finding } from '../engine/finding.js';
import type { LintResult } from './types.js';

/**
 * JUnit XML for CI test reports: one test case per file and rule, failing with the findings'
 * messages and locations; input errors are test cases that error.
 */
export function junit(result: LintResult): string {
  const files = [...new Set([...result.sources.keys(), ...result.findings.map((f) => f.file)])].sort();
  const ruleIds = [...new Set([...(result.rules ?? []).map((r) => r.id), ...result.findings.map((f) => f.rule)])].sort();
  const byKey = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const key = `${f.file}\u0000${f.rule}`;
    byKey.set(key, [...(byKey.get(key) ?? []), f]);
  }
  const cases: string[] = [];
  let failures = 0;
  for (const file of files) {
    for (const rule of ruleIds) {
      const found = byKey.get(`${file}\u0000${rule}`) ?? [];
      if (found.length === 0) {
        cases.push(`    <testcase classname="${xml(file)}" name="${xml(rule)}"/>`);
        continue;
      }
      failures++;
      const text = found.map((f) => `${f.file}:${f.range.start.line}:${f.range.start.column} ${f.severity} ${f.message}${f.constructPath ? ` (construct ${f.constructPath})` : ''}`).join('\n');
      const worst = found.some((f) => f.severity === 'error') ? 'error' : found.some((f) => f.severity === 'warning') ? 'warning' : 'info';
      cases.push(`    <testcase classname="${xml(file)}" name="${xml(rule)}">\n      <failure message="${xml(found[0].message)}" type="${worst}">${xml(text)}</failure>\n    </testcase>`);
    }
  }
  for (const e of result.inputErrors) {
    cases.push(`    <testcase classname="${xml(e.file)}" name="input">\n      <error message="${xml(e.message)}" type="input-error">${xml(`${e.file}:${e.line}:${e.column} ${e.message}`)}</error>\n    </testcase>`);
  }
  const tests = cases.length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="archlint" tests="${tests}" failures="${failures}" errors="${result.inputErrors.length}">`,
    `  <testsuite name="archlint" tests="${tests}" failures="${failures}" errors="${result.inputErrors.length}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}
