import type { Position, Range } from './types.js';

/**
 * Offset → line/column over a text, by binary search over line starts (CRLF-safe: columns count
 * from the last \n). Line starts are found only as far as the offsets asked for: a finding near the
 * top of a large template does not pay for indexing all of it.
 */
export class LineIndex {
  private readonly starts: number[] = [0];
  /** Offsets before this have their line starts recorded. */
  private scanned = 0;

  constructor(private readonly text: string) {}

  position(offset: number): Position {
    this.scanTo(offset);
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }

  /** Line `n` (1-based) without its line break (nor a CR before it); undefined past the end. */
  line(n: number): string | undefined {
    // Each scan past the last newline found records one more line start.
    while (this.starts.length <= n && this.scanned <= this.text.length) this.scanTo(this.scanned + 1);
    if (n < 1 || n > this.starts.length) return undefined;
    const end = n < this.starts.length ? this.starts[n] - 1 : this.text.length;
    const line = this.text.slice(this.starts[n - 1], end);
    return line.endsWith('\r') ? line.slice(0, -1) : line;
  }

  /** The range between two offsets. */
  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  private scanTo(offset: number): void {
    if (offset < this.scanned) return;
    const t = this.text;
    let i = t.indexOf('\n', this.scanned);
    while (i !== -1 && i < offset) {
      this.starts.push(i + 1);
      i = t.indexOf('\n', i + 1);
    }
    // Scanned up to the newline found past `offset` (or the end): the next call starts there.
    this.scanned = i === -1 ? t.length + 1 : i;
  }
}
