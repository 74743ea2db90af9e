import type { LintResult } from './types.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** GitHub Actions workflow commands: each finding becomes an annotation on the pull request's lines. */
export function github(result: LintResult): string {
  const lines: string[] = [];
  for (const e of result.inputErrors) {
    lines.push(`::error file=${property(e.file)},line=${e.line},col=${e.column},title=${property('archlint: input error')}::${data(e.message)}`);
  }
  for (const f of result.findings) {
    const props = [
      `file=${property(f.file)}`,
      `line=${f.range.start.line}`,
      `col=${f.range.start.column}`,
      `endLine=${f.range.end.line}`,
      `endColumn=${f.range.end.column}`,
      `title=${property(`archlint ${f.rule}${f.constructPath ? ` (${f.constructPath})` : ''}`)}`,
    ];
    const message = f.suggest.length > 0 ? `${f.message}\nConsider: ${f.suggest.join(', ')}` : f.message;
    lines.push(`::${COMMAND[f.severity]} ${props.join(',')}::${data(message)}`);
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

/** Escaping of a command's message, as the Actions toolkit does it. */
function data(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a command's property values. */
function property(s: string): string {
  return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
