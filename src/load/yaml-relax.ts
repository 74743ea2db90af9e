import type { Position } from './types.js';

/**
 * CloudFormation (like PyYAML, which cfn-lint uses) accepts flow collections and multi-line quoted
 * scalars whose continuation lines are not indented past their parent key:
 *
 *     CustomStatements: [{
 *       "Effect": "Allow"
 *     }]                      <- same indentation as the key: the yaml library refuses it
 *
 * When the strict parse fails, the loader retries on a copy where such lines are indented one
 * column past their parent. Whitespace there is insignificant (flow context) or folded (quoted
 * scalars), so the values are unchanged; `pads` lets positions be mapped back to the original.
 */
export function relaxIndentation(text: string): { text: string; pads: Map<number, number> } | undefined {
  const lines = text.split('\n');
  const pads = new Map<number, number>();
  let depth = 0; // open [ and { outside quotes
  let quote: "'" | '"' | undefined;
  let blockIndent = 0; // indentation of the key whose value is still open

  for (let n = 0; n < lines.length; n++) {
    let line = lines[n];
    const indent = line.length - line.trimStart().length;
    const open = depth > 0 || quote !== undefined;
    if (open && line.trim() !== '' && indent <= blockIndent) {
      const pad = blockIndent + 1 - indent;
      line = ' '.repeat(pad) + line;
      lines[n] = line;
      pads.set(n + 1, pad);
    } else if (!open) {
      const body = line.slice(indent);
      const dash = /^(- +)+/.exec(body);
      blockIndent = indent + (dash ? dash[0].length : 0);
    }
    // Scan the line for quotes, flow brackets and comments.
    let atValueStart = !open || depth > 0;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quote === "'") {
        if (ch === "'") {
          if (line[i + 1] === "'") i++;
          else quote = undefined;
        }
        continue;
      }
      if (quote === '"') {
        if (ch === '\\') i++;
        else if (ch === '"') quote = undefined;
        continue;
      }
      if (ch === ' ' || ch === '\t' || ch === '\r') continue;
      if (ch === '#' && (i === 0 || /\s/.test(line[i - 1]))) break;
      if (atValueStart && (ch === "'" || ch === '"')) {
        quote = ch;
        continue;
      }
      if ((ch === '[' || ch === '{') && (atValueStart || depth > 0)) {
        depth++;
        atValueStart = true;
        continue;
      }
      if ((ch === ']' || ch === '}') && depth > 0) {
        depth--;
        atValueStart = false;
        continue;
      }
      if (ch === '!' && atValueStart) {
        // a tag: skip it, the value still starts after it
        while (i + 1 < line.length && !/\s/.test(line[i + 1])) i++;
        continue;
      }
      // Values start after `: `, `- ` and, inside flow collections, after `,`.
      if (ch === ':' && (i + 1 === line.length || /\s/.test(line[i + 1]))) atValueStart = true;
      else if (ch === '-' && (i + 1 === line.length || /\s/.test(line[i + 1])) && atValueStart) atValueStart = true;
      else if (ch === ',' && depth > 0) atValueStart = true;
      else atValueStart = false;
    }
    if (depth < 0) depth = 0;
  }
  return pads.size > 0 ? { text: lines.join('\n'), pads } : undefined;
}

/** A position in the relaxed copy as a position in the text as written (a column inside the added spaces is the line's first). */
export function unpad(p: Position, pads: ReadonlyMap<number, number> | undefined): Position {
  return pads ? { line: p.line, column: Math.max(1, p.column - (pads.get(p.line) ?? 0)) } : p;
}
