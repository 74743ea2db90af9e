import type { Range } from '../load/types.js';

/**
 * The line a finding points at, the line before it, and carets under the offending value
 * (to the end of the line when the value spans several lines).
 */
export function codeFrame(text: string, range: Range, indent = '    '): string {
  const lines = text.split(/\r?\n/);
  const lineNo = range.start.line;
  const line = lines[lineNo - 1];
  if (line === undefined) return '';
  const width = String(lineNo).length;
  const out: string[] = [];
  if (lineNo > 1) out.push(`${indent}  ${String(lineNo - 1).padStart(width)} | ${lines[lineNo - 2]}`);
  out.push(`${indent}> ${String(lineNo).padStart(width)} | ${line}`);
  const startCol = range.start.column;
  const endCol = range.end.line === lineNo ? Math.max(range.end.column, startCol + 1) : line.length + 1;
  const lead = line.slice(0, startCol - 1).replace(/[^\t]/g, ' ');
  out.push(`${indent}  ${' '.repeat(width)} | ${lead}${'^'.repeat(Math.max(1, Math.min(endCol, line.length + 1) - startCol))}`);
  return out.join('\n');
}
