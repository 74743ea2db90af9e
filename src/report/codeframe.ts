import { LineIndex } from '../load/lines.js';
import type { Range } from '../load/types.js';

/** Lines longer than this (minified JSON) are shown as a window around the finding. */
const MAX_SHOWN = 160;

/**
 * The line a finding points at, the line before it, and carets under the offending value
 * (to the end of the line when the value spans several lines).
 */
export function codeFrame(text: string, range: Range, indent = '    '): string {
  const lineNo = range.start.line;
  const line = lineOf(text, lineNo);
  if (line === undefined) return '';
  const width = String(lineNo).length;
  const out: string[] = [];
  const startCol = range.start.column;
  const endCol = range.end.line === lineNo ? Math.max(range.end.column, startCol + 1) : line.length + 1;
  if (lineNo > 1) out.push(`${indent}  ${String(lineNo - 1).padStart(width)} | ${clip(lineOf(text, lineNo - 1) ?? '', 0).text}`);
  const shown = clip(line, startCol - 1);
  out.push(`${indent}> ${String(lineNo).padStart(width)} | ${shown.text}`);
  const lead = shown.text.slice(0, startCol - 1 - shown.from + shown.marker).replace(/[^\t]/g, ' ');
  const carets = Math.max(1, Math.min(endCol, line.length + 1, shown.from + MAX_SHOWN + 1) - startCol);
  out.push(`${indent}  ${' '.repeat(width)} | ${lead}${'^'.repeat(carets)}`);
  return out.join('\n');
}

/** A line cut to MAX_SHOWN characters around `at` (a 0-based column), with … where it was cut. */
function clip(line: string, at: number): { text: string; from: number; marker: number } {
  if (line.length <= MAX_SHOWN) return { text: line, from: 0, marker: 0 };
  const from = Math.max(0, Math.min(at - MAX_SHOWN / 4, line.length - MAX_SHOWN));
  const marker = from > 0 ? 1 : 0;
  return { text: `${from > 0 ? '…' : ''}${line.slice(from, from + MAX_SHOWN)}${from + MAX_SHOWN < line.length ? '…' : ''}`, from, marker };
}

// The lines of the last text framed: a reporter frames many findings of one file in a row, and
// splitting a large template into lines once per finding made that quadratic.
let indexed: { text: string; lines: LineIndex } | undefined;

/** Line `n` (1-based) of `text`, without its line break; undefined past the end. */
function lineOf(text: string, n: number): string | undefined {
  if (indexed?.text !== text) indexed = { text, lines: new LineIndex(text) };
  return indexed.lines.line(n);
}
