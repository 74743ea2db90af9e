import type { Finding } from '../engine/finding.js';
import { palette } from './color.js';
import { codeFrame } from './codeframe.js';
import type { LintResult, ReportOptions } from './types.js';

/** The default human format: `file:line:col  severity  message  [rule]`, a code frame, suggested services, a summary. */
export function stylish(result: LintResult, options: ReportOptions): string {
  const c = palette(options.color);
  const out: string[] = [];
  if (result.review?.summary) out.push(c.bold('Changes'), result.review.summary, '', c.bold('New findings'));
  for (const e of result.inputErrors) {
    out.push(`${c.bold(`${e.file}:${e.line}:${e.column}`)}  ${c.red('error')}  ${e.message}  ${c.dim('[input-error]')}`);
  }
  if (result.inputErrors.length > 0 && result.findings.length > 0) out.push('');
  for (const f of result.findings) {
    out.push(header(f, c));
    if (f.constructPath) out.push(`    ${c.dim('construct:')} ${f.constructPath}`);
    const text = result.sources.get(f.file);
    if (text !== undefined) out.push(c.dim(codeFrame(text, f.range)));
    for (const r of f.related) out.push(`    ${c.dim('related:')} ${r.file}:${r.range.start.line}:${r.range.start.column} ${r.message}`);
    if (f.suggest.length > 0) out.push(`    ${c.cyan('→ consider:')} ${f.suggest.join(', ')}`);
    out.push('');
  }
  out.push(summary(result, c));
  if (result.review) out.push(`${result.review.fixed.length} fixed, ${result.review.unchanged.length} unchanged (not counted)`);
  if (result.baseline) {
    const { matched, stale, file } = result.baseline;
    out.push(`${matched} in the baseline ${file} (not counted)${stale > 0 ? `; ${stale} baseline entries no longer match: prune with --write-baseline ${file}` : ''}`);
  }
  return out.join('\n') + '\n';
}

function header(f: Finding, c: ReturnType<typeof palette>): string {
  const sev = f.severity === 'error' ? c.red('error') : f.severity === 'warning' ? c.yellow('warning') : c.blue('info');
  return `${c.bold(`${f.file}:${f.range.start.line}:${f.range.start.column}`)}  ${sev}  ${f.message}  ${c.dim(`[${f.rule}]`)}`;
}

function summary(result: LintResult, c: ReturnType<typeof palette>): string {
  const count = (s: string) => result.findings.filter((f) => f.severity === s).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [plural(count('error'), 'error'), plural(count('warning'), 'warning'), `${count('info')} info`];
  const what = result.review ? 'new problem' : 'problem';
  let line = `${plural(result.findings.length, what)} (${parts.join(', ')}) in ${plural(result.files, 'template')}`;
  if ((result.suppressed ?? []).length > 0) line += `; ${result.suppressed!.length} suppressed`;
  if (result.inputErrors.length > 0) line += `; ${plural(result.inputErrors.length, 'file')} could not be linted`;
  const bad = result.inputErrors.length > 0 || count('error') > 0;
  return bad ? c.bold(c.red(`✖ ${line}`)) : result.findings.length > 0 ? c.bold(c.yellow(`⚠ ${line}`)) : c.bold(`✔ ${line}`);
}
