import { longForm, SHORT_FORM_TAGS, splitGetAtt } from './intrinsics.js';
import { makeMapping } from './json-shapes.js';
import { LineIndex } from './lines.js';
import type { Path, Position, Range, SourceMap } from './types.js';
import { DUPLICATE_KEY, unknownTag } from './yaml-messages.js';
import { relaxIndentation, unpad } from './yaml-relax.js';

/**
 * A direct reader for the YAML that templates are written in: block mappings and sequences, plain,
 * quoted and block scalars, flow collections, comments and CloudFormation's short-form tags. It
 * reads about eight times faster than the `yaml` library's document model (measured on a 552 KB
 * template: 67 ms against 557 ms), which builds a node, tokens and source ranges for everything.
 *
 * Anything else (anchors and aliases, merge keys, complex keys, directives, several documents,
 * tabs, CRLF, unusual escapes, indentation the library refuses, any syntax error) makes it give up,
 * and the caller parses the text with the `yaml` library instead, which also produces every error
 * message. So this reader never decides what a template means on its own: `tests/yaml-fast.test.ts`
 * checks that, for every corpus file it accepts, the values and every position are those of the
 * library path.
 */
export function readYamlFast(text: string): FastRead | undefined {
  // Tabs and carriage returns change indentation and folding rules: left to the library.
  if (text.includes('\t') || text.includes('\r') || text.charCodeAt(0) === 0xfeff) return undefined;
  const read = readOrSayWhy(text);
  if (read !== UNDER_INDENTED) return read;
  // A line inside a flow collection or a quoted scalar not indented past its key: the library
  // refuses the text, and the loader retries it on a copy where such lines are indented (see
  // yaml-relax.ts). So does this reader, with the positions mapped back the same way.
  const relaxed = relaxIndentation(text);
  const again = relaxed && readOrSayWhy(relaxed.text, relaxed.pads);
  return again === UNDER_INDENTED ? undefined : again;
}

/**
 * A template read, or one refused (a duplicate key, an unknown tag such as rain's) with the message
 * and position the library path gives: its converter stops at the first such place, in the order
 * this reader meets them.
 */
export type FastRead = { body: unknown; source: SourceMap } | { refused: { message: string; position: Position } };

function readOrSayWhy(text: string, pads?: ReadonlyMap<number, number>): FastRead | typeof UNDER_INDENTED | undefined {
  try {
    const reader = new Reader(text);
    reader.document();
    if (reader.refusal) return { refused: { message: reader.refusal.message, position: unpad(new LineIndex(text).position(reader.refusal.at), pads) } };
    const rootId = reader.table.add(reader.node);
    return { body: reader.node.value, source: new FastYamlSourceMap(reader.table.done(), rootId, text, pads) };
  } catch (err) {
    if (err === GIVE_UP) return undefined;
    if (err === UNDER_INDENTED) return UNDER_INDENTED;
    throw err;
  }
}

/**
 * The node just read, with its offsets as the `yaml` library reports them: [start, end) and the end
 * of its line. One per reader, overwritten by each node read: a node lives only until its parent
 * takes it (what the source map needs of it is then written into the NodeTable), and an object per
 * node was 4.8 MB of garbage per 5,000-resource template, each young-generation collection during
 * a large read copying the template's values read so far.
 */
class Node {
  value: unknown = undefined;
  start = 0;
  end = 0;
  /**
   * The end the library gives a parent whose last item this is: past the rest of the line and the
   * deeper comment lines after it for an inline node (see trailingComments and closeCollection).
   */
  after = 0;
  /** SCALAR, MAP or SEQ (possibly empty). */
  kind = SCALAR;
  tag: string | undefined = undefined;
  /** Its children's place in the table, for a MAP or SEQ. */
  first = 0;
  count = 0;

  /** A scalar (or an empty node): no tag and no children yet. */
  scalar(value: unknown, start: number, end: number, after: number): void {
    this.value = value;
    this.start = start;
    this.end = end;
    this.after = after;
    this.kind = SCALAR;
    this.tag = undefined;
    this.first = 0;
    this.count = 0;
  }
}

const SCALAR = 0;
const MAP = 1;
const SEQ = 2;
/** The short-form tags by number, for the table. */
const TAG_NAMES = [...SHORT_FORM_TAGS.keys()];
const TAG_NUMBERS = new Map(TAG_NAMES.map((tag, i) => [tag, i]));

/** Fields of a node in NodeTable.nodes, and of a child in NodeTable.children. */
const NODE_FIELDS = 6; // start, end, tag (-1: none), kind, first child, child count
const CHILD_FIELDS = 3; // key start, key end (-1 in a sequence), node

/**
 * The positions of every node read, in flat integer columns. An object, a Map and an entry object
 * per node made the source map about two thirds of what a YAML lint keeps (11 MB of 16 MB for
 * 5,000 resources), and every young-generation collection during the read copied all of it. Here
 * a node is a number, and the children of a collection are contiguous: a collection's children
 * are written when it closes, from a stack where they wait while it is read.
 */
class NodeTable {
  nodes: Int32Array = new Int32Array(NODE_FIELDS * 1024);
  size = 0;
  children: Int32Array = new Int32Array(CHILD_FIELDS * 1024);
  /** The key of each child of a mapping (undefined in a sequence). */
  childKeys: (string | undefined)[] = [];
  childCount = 0;
  private waiting: Int32Array = new Int32Array(CHILD_FIELDS * 256);
  private waitingKeys: (string | undefined)[] = [];
  /**
   * The values of the waiting children: a sequence's array is cut from here when it closes, at its
   * exact length (an array pushed to from empty keeps room for 17 items, and most of a template's
   * hold one or two). Every child's value is written, a mapping's too: a skipped slot would make
   * this array holey, and the sequences cut from it with it, where JSON.parse's arrays are packed
   * (a second hidden class for every array a rule reads, and code V8 optimised on one format
   * thrown away on the other).
   */
  private waitingValues: unknown[] = [];
  /** Children waiting for their collection to close: the open collections' children, innermost last. */
  waitingCount = 0;

  /** Records a finished node; returns its number. */
  add(node: Node): number {
    const id = this.size++;
    if (this.size * NODE_FIELDS > this.nodes.length) this.nodes = grow(this.nodes);
    const at = id * NODE_FIELDS;
    const n = this.nodes;
    n[at] = node.start;
    n[at + 1] = node.end;
    n[at + 2] = node.tag === undefined ? -1 : TAG_NUMBERS.get(node.tag)!;
    n[at + 3] = node.kind;
    n[at + 4] = node.first;
    n[at + 5] = node.count;
    return id;
  }

  /** A child of the innermost open collection: a mapping's (with its key) or a sequence's. */
  wait(key: string | undefined, keyStart: number, keyEnd: number, child: Node): void {
    const id = this.add(child);
    const i = this.waitingCount++;
    if (this.waitingCount * CHILD_FIELDS > this.waiting.length) this.waiting = grow(this.waiting);
    const w = this.waiting;
    w[i * CHILD_FIELDS] = keyStart;
    w[i * CHILD_FIELDS + 1] = keyEnd;
    w[i * CHILD_FIELDS + 2] = id;
    this.waitingKeys[i] = key;
    this.waitingValues[i] = child.value;
  }

  /** Is `key` among the waiting keys from `mark` on (a mapping's keys so far)? */
  hasWaitingKey(mark: number, key: string): boolean {
    for (let i = mark; i < this.waitingCount; i++) if (this.waitingKeys[i] === key) return true;
    return false;
  }

  /** The waiting keys from `mark` on, as a set. */
  waitingKeySet(mark: number): Set<string> {
    return new Set(this.waitingKeys.slice(mark, this.waitingCount) as string[]);
  }

  /**
   * Closes a collection (`kind`, [start, end), `after` as in Node) opened when `waitingCount` was
   * `mark`: its children move to their final place, and `node` becomes the collection.
   */
  close(node: Node, kind: number, start: number, end: number, after: number, mark: number): void {
    const count = this.waitingCount - mark;
    node.kind = kind;
    node.start = start;
    node.end = end;
    node.after = after;
    node.tag = undefined;
    node.first = this.childCount;
    node.count = count;
    this.childCount += count;
    while (this.childCount * CHILD_FIELDS > this.children.length) this.children = grow(this.children);
    // An element loop rather than set(subarray): a view object per collection was 2 MB of garbage per 5,000 resources.
    const from = this.waiting;
    const to = this.children;
    for (let i = mark * CHILD_FIELDS, j = node.first * CHILD_FIELDS, end = this.waitingCount * CHILD_FIELDS; i < end; i++, j++) to[j] = from[i];
    for (let i = 0; i < count; i++) this.childKeys[node.first + i] = this.waitingKeys[mark + i];
    node.value = kind === SEQ ? this.waitingValues.slice(mark, this.waitingCount) : makeMapping(this.waitingKeys, this.waitingValues, mark, this.waitingCount);
    this.waitingCount = mark;
  }

  /** Reading is over: the columns are cut to size and the waiting stack let go. */
  done(): this {
    this.nodes = this.nodes.slice(0, this.size * NODE_FIELDS);
    this.children = this.children.slice(0, this.childCount * CHILD_FIELDS);
    this.waiting = new Int32Array(0);
    this.waitingKeys = [];
    this.waitingValues = [];
    return this;
  }
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

const GIVE_UP = { giveUp: true };
/** Given up at a line of a flow collection or quoted scalar not indented past its parent, where the library fails too. */
const UNDER_INDENTED: unique symbol = Symbol('under-indented');
/** Deeper than this, the reader's recursion is left to the library path, which refuses such templates. */
const MAX_DEPTH = 512;
function giveUp(): never {
  throw GIVE_UP;
}

function underIndented(): never {
  throw UNDER_INDENTED;
}

/** Keys of a mapping searched one by one for a duplicate; past them, a Set (see Reader.hasKey). */
const KEYS_SEARCHED_IN_ORDER = 16;
/** Slots of the plain-key cache: a power of two. */
const KEY_CACHE_SIZE = 1024;
const SPACE = 0x20;
const NL = 0x0a;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;

class Reader {
  private pos = 0;
  private readonly len: number;
  /** Past the optional `---` that opens the document. */
  private started = false;
  /** Open collections: past MAX_DEPTH the library path decides (and refuses the template). */
  private depth = 0;
  /** The last run of blank and comment lines: where it ended, the column there, its deepest comment. */
  private runEnd = -1;
  private runCol = -1;
  private runComment = -1;
  readonly table = new NodeTable();
  /** The node just read (see Node). */
  readonly node = new Node();
  /** Plain keys read, by hash: their text and the key it resolves to (see plainKey). */
  private readonly keyRaw: (string | undefined)[] = new Array(KEY_CACHE_SIZE);
  private readonly keyResolved: string[] = new Array(KEY_CACHE_SIZE);
  /** By depth, the keys of the open mapping there once it has many (see hasKey); reset when a mapping opens. */
  private readonly keySets: (Set<string> | undefined)[] = [];
  /** The first duplicate key or unknown tag: the text is refused there, if it reads to its end. */
  refusal?: { at: number; message: string };

  constructor(private readonly t: string) {
    this.len = t.length;
  }

  document(): void {
    let col = this.nextContentLine();
    if (col === -1) giveUp(); // empty document
    const t = this.t;
    if (col === 0 && t.startsWith('---', this.pos) && this.endsToken(this.pos + 3)) {
      this.pos += 3;
      this.restOfLine();
      col = this.nextContentLine();
      if (col === -1) giveUp();
    }
    this.started = true;
    if (col === 0 && (t.startsWith('---', this.pos) || t.startsWith('...', this.pos)) && this.endsToken(this.pos + 3)) giveUp();
    const c = t.charCodeAt(this.pos);
    if (c === 0x25 /* % */) giveUp();
    this.blockNode(-1, col);
    if (this.nextContentLine() !== -1) giveUp(); // a second document, `...`, or text the structure does not allow
  }

  /**
   * A key written twice in one mapping, or an unknown tag. The library path refuses the template
   * at the first of them once the rest of it has parsed: reading goes on, and readYamlFast says where.
   */
  private refuse(at: number, message: string): void {
    this.refusal ??= { at, message };
  }

  /** Is `i` the end of a token: space, newline or end of text. */
  private endsToken(i: number): boolean {
    const c = this.t.charCodeAt(i);
    return c === SPACE || c === NL || i >= this.len;
  }

  /**
   * From the start of a line (or the rest of one), skips blank and comment lines; leaves `pos` at
   * the first character of the next content line and returns its column, or -1 at the end.
   */
  private nextContentLine(): number {
    // Already at the token that ended the last run: keep what that run held (nested collections ending together ask again).
    if (this.pos === this.runEnd) return this.runCol;
    this.runComment = -1;
    const col = this.skipToContent();
    this.runEnd = this.pos;
    this.runCol = col;
    return col;
  }

  /**
   * A block collection's end, as the library gives it: its last item's end, or the next token when
   * the blank and comment lines after it hold a comment indented at least as far as the collection,
   * or any comment at all after an empty last item, on its line or below (the library's empty node
   * then sits after them).
   */
  private closeCollection(kind: number, start: number, mark: number, col: number): void {
    // `node` still holds the collection's last item.
    const node = this.node;
    const lastEmpty = node.start === node.end;
    const commented = lastEmpty ? node.after !== node.start || this.runComment >= 0 : this.runComment >= col;
    const end = commented && lastEmpty ? this.pos : node.after;
    const after = commented ? this.pos : node.after;
    this.table.close(node, kind, start, end, after, mark);
    this.depth--;
  }

  private skipToContent(): number {
    const t = this.t;
    let lineStart = this.pos;
    // `pos` may be mid-line (just after a node): go back to that line's start for the column.
    while (lineStart > 0 && t.charCodeAt(lineStart - 1) !== NL) lineStart--;
    let i = this.pos;
    for (;;) {
      while (t.charCodeAt(i) === SPACE) i++;
      if (i >= this.len) {
        this.pos = this.len;
        return -1;
      }
      const c = t.charCodeAt(i);
      if (c === NL || c === HASH) {
        if (c === HASH && i - lineStart > this.runComment) this.runComment = i - lineStart;
        const nl = t.indexOf('\n', i);
        if (nl === -1) {
          this.pos = this.len;
          return -1;
        }
        i = lineStart = nl + 1;
        continue;
      }
      // `---` or `...` at the left margin: another document, or the end of this one.
      if (i === lineStart && this.started && (t.startsWith('---', i) || t.startsWith('...', i)) && this.endsToken(i + 3)) giveUp();
      this.pos = i;
      return i - lineStart;
    }
  }

  /** After an inline node: only spaces and a comment may follow on its line. Returns the offset past the newline. */
  private restOfLine(): number {
    const t = this.t;
    let i = this.pos;
    while (t.charCodeAt(i) === SPACE) i++;
    if (i < this.len && t.charCodeAt(i) !== NL) {
      if (t.charCodeAt(i) !== HASH || t.charCodeAt(i - 1) !== SPACE) giveUp(); // `#` must follow a space to start a comment
    }
    const nl = t.indexOf('\n', i);
    this.pos = nl === -1 ? this.len : nl + 1;
    return this.pos;
  }

  /** A node starting at `pos` (column `col`) on its own line, inside a block indented `parent`. */
  private blockNode(parent: number, col: number): void {
    const t = this.t;
    const c = t.charCodeAt(this.pos);
    if (c === DASH && this.endsToken(this.pos + 1)) return this.blockSeq(col);
    if (this.isKeyLine()) return this.blockMap(col);
    return this.inlineOrBelow(parent, false);
  }

  /**
   * Does a mapping key start at `pos`: a plain or quoted scalar followed by `:` and a space or
   * the end of the line, on this line.
   */
  private isKeyLine(): boolean {
    const t = this.t;
    let i = this.pos;
    const c = t.charCodeAt(i);
    if (c === 0x22 || c === 0x27) {
      const end = c === 0x22 ? this.doubleQuotedEnd(i) : this.singleQuotedEnd(i);
      if (end === -1) return false;
      i = end;
      while (t.charCodeAt(i) === SPACE) i++;
      return t.charCodeAt(i) === COLON && this.endsToken(i + 1);
    }
    if (!this.canStartPlain(i, false)) return false;
    for (; i < this.len; i++) {
      const d = t.charCodeAt(i);
      if (d === NL || (d === HASH && t.charCodeAt(i - 1) === SPACE)) return false;
      if (d === COLON && this.endsToken(i + 1)) return true;
    }
    return false;
  }

  private blockMap(col: number): void {
    const t = this.t;
    const start = this.pos; // its object is made when it closes
    const mark = this.table.waitingCount;
    if (++this.depth > MAX_DEPTH) giveUp();
    this.keySets[this.depth] = undefined;
    for (;;) {
      const keyStart = this.pos;
      let key: string;
      const c = t.charCodeAt(keyStart);
      if (c === 0x22 || c === 0x27) {
        key = this.quoted();
      } else {
        if (!this.canStartPlain(keyStart, false)) giveUp();
        let j = t.indexOf(':', keyStart);
        while (j !== -1 && !this.endsToken(j + 1)) j = t.indexOf(':', j + 1);
        if (j === -1) giveUp();
        let end = j;
        while (t.charCodeAt(end - 1) === SPACE) end--;
        this.pos = end;
        key = this.plainKey(keyStart, end);
      }
      const keyEnd = this.pos;
      while (t.charCodeAt(this.pos) === SPACE) this.pos++;
      if (t.charCodeAt(this.pos) !== COLON) giveUp();
      this.pos++;
      if (key === '<<') giveUp(); // merge keys: the library path expands them
      if (this.hasKey(mark, key)) this.refuse(keyStart, DUPLICATE_KEY);
      this.valueAfterIndicator(col, true);
      this.table.wait(key, keyStart, keyEnd, this.node);
      this.keySets[this.depth]?.add(key);
      const next = this.nextContentLine();
      if (next === -1 || next < col) return this.closeCollection(MAP, start, mark, col);
      if (next > col) giveUp();
      if (t.charCodeAt(this.pos) === DASH && this.endsToken(this.pos + 1)) giveUp();
      if (!this.isKeyLine()) giveUp();
    }
  }

  /**
   * Whether the mapping open at this depth, its children waiting from `mark`, has `key` already.
   * Its keys are searched in order while there are few; past KEYS_SEARCHED_IN_ORDER (`Resources`),
   * where searching would be quadratic, in a Set made then and added to after each key. No object
   * per mapping: a large template has tens of thousands.
   */
  private hasKey(mark: number, key: string): boolean {
    if (this.table.waitingCount - mark < KEYS_SEARCHED_IN_ORDER) return this.table.hasWaitingKey(mark, key);
    const keys = (this.keySets[this.depth] ??= this.table.waitingKeySet(mark));
    return keys.has(key);
  }

  /**
   * A plain key's text, resolved as the library resolves it (`0x10:` is the key "16"). Keys repeat
   * (`Type`, `Properties`, `Effect`...): the last key read into the same slot (by hash of its text)
   * is reused when its text is the same, so that each occurrence does not make a new string.
   */
  private plainKey(start: number, end: number): string {
    const t = this.t;
    let hash = end - start;
    for (let i = start; i < end; i++) {
      const c = t.charCodeAt(i);
      if (c === NL || (c === HASH && t.charCodeAt(i - 1) === SPACE)) giveUp(); // not one key on one line
      hash = (Math.imul(hash, 31) + c) | 0;
    }
    const slot = hash & (KEY_CACHE_SIZE - 1);
    const raw = this.keyRaw[slot];
    if (raw !== undefined && raw.length === end - start && t.startsWith(raw, start)) return this.keyResolved[slot];
    const text = t.slice(start, end);
    const key = String(resolvePlain(text));
    this.keyRaw[slot] = text;
    this.keyResolved[slot] = key;
    return key;
  }

  private blockSeq(col: number): void {
    const t = this.t;
    const start = this.pos; // its array is made when it closes
    const mark = this.table.waitingCount;
    if (++this.depth > MAX_DEPTH) giveUp();
    for (;;) {
      const dash = this.pos;
      this.pos++;
      while (t.charCodeAt(this.pos) === SPACE) this.pos++;
      const c = t.charCodeAt(this.pos);
      if (this.pos < this.len && c !== NL && c !== HASH && this.pos > dash + 1) {
        const itemCol = col + (this.pos - dash);
        if (c === DASH && this.endsToken(this.pos + 1)) this.blockSeq(itemCol);
        else if (this.isKeyLine()) this.blockMap(itemCol);
        else this.valueAfterIndicator(col, false);
      } else {
        this.valueAfterIndicator(col, false);
      }
      this.table.wait(undefined, -1, -1, this.node);
      const next = this.nextContentLine();
      if (next === -1 || next < col) return this.closeCollection(SEQ, start, mark, col);
      if (next > col) giveUp();
      // Not a `- `: the parent mapping's next key.
      if (!(t.charCodeAt(this.pos) === DASH && this.endsToken(this.pos + 1))) return this.closeCollection(SEQ, start, mark, col);
    }
  }

  /**
   * The value after `key:` or `- ` (the indicator of a block indented `parent`): on the same line,
   * or on the lines below, or empty.
   */
  private valueAfterIndicator(parent: number, inMap: boolean): void {
    const t = this.t;
    while (t.charCodeAt(this.pos) === SPACE) this.pos++;
    const c = t.charCodeAt(this.pos);
    if (this.pos >= this.len || c === NL || (c === HASH && t.charCodeAt(this.pos - 1) === SPACE)) {
      return this.below(parent, inMap, undefined);
    }
    return this.inlineOrBelow(parent, inMap);
  }

  /**
   * The node on the lines below an indicator (or a tag) that ends its line; empty when nothing is
   * indented past `parent`, and then placed where `pos` is (after the indicator and its spaces).
   */
  private below(parent: number, inMap: boolean, tag: string | undefined): void {
    const t = this.t;
    const save = this.pos;
    const col = this.nextContentLine();
    // A tag alone on its line, then another tag: two tags on one node, which the library refuses.
    if (tag && this.t.charCodeAt(this.pos) === 0x21) giveUp();
    if (col > parent) {
      this.blockNode(parent, col);
      if (tag) this.tagged(tag);
      return;
    }
    // A sequence may sit at its parent key's own indentation.
    if (inMap && col === parent && t.charCodeAt(this.pos) === DASH && this.endsToken(this.pos + 1)) {
      this.blockSeq(col);
      if (tag) this.tagged(tag);
      return;
    }
    this.pos = save;
    const commented = this.t.charCodeAt(save) === HASH;
    const lineEnd = this.restOfLine();
    if (this.trailingComments(parent, lineEnd) !== lineEnd) giveUp(); // where the library ends such a node is not worth copying
    // Empty, it is null; tagged (`- !GetAZs` on its own), the tag's empty string, as the library reads it.
    this.node.scalar(tag ? '' : null, save, save, commented ? lineEnd : save);
    if (tag) this.tagged(tag);
  }

  /** A node that starts on this line: tag, block scalar, flow collection, quoted or plain scalar. */
  private inlineOrBelow(parent: number, inMap: boolean): void {
    const t = this.t;
    const c = t.charCodeAt(this.pos);
    if (c === 0x21 /* ! */) {
      const tag = this.tag();
      while (t.charCodeAt(this.pos) === SPACE) this.pos++;
      const d = t.charCodeAt(this.pos);
      if (this.pos >= this.len || d === NL || d === HASH) return this.below(parent, inMap, tag);
      if (d === 0x7c || d === 0x3e) {
        this.blockScalar(parent);
        return this.tagged(tag);
      }
      this.inlineNode(parent, true);
      if (this.isMapAfter()) giveUp(); // a tagged key
      this.node.after = this.trailingComments(parent, this.restOfLine());
      return this.tagged(tag);
    }
    if (c === 0x7c /* | */ || c === 0x3e /* > */) return this.blockScalar(parent);
    this.inlineNode(parent, false);
    if (this.isMapAfter()) giveUp(); // `a: b: c`, or a flow or quoted key
    this.node.after = this.trailingComments(parent, this.restOfLine());
  }

  /**
   * As in the library, comment lines indented past `parent` right after an inline node belong to
   * it (blank lines between them too): its end moves past the last of them.
   */
  private trailingComments(parent: number, lineEnd: number): number {
    const t = this.t;
    let end = lineEnd;
    for (let p = lineEnd; p < this.len; ) {
      let j = p;
      while (t.charCodeAt(j) === SPACE) j++;
      const c = t.charCodeAt(j);
      if (c !== NL && c !== HASH) break;
      if (c === HASH && j - p <= parent) break;
      const nl = t.indexOf('\n', j);
      p = nl === -1 ? this.len : nl + 1;
      if (c === HASH) end = p;
    }
    this.pos = end;
    return end;
  }

  private isMapAfter(): boolean {
    let i = this.pos;
    while (this.t.charCodeAt(i) === SPACE) i++;
    return this.t.charCodeAt(i) === COLON;
  }

  /** A flow collection, a quoted scalar or a plain scalar (with its continuation lines) on this line. */
  private inlineNode(parent: number, tagged: boolean): void {
    const t = this.t;
    const c = t.charCodeAt(this.pos);
    const start = this.pos;
    if (c === 0x5b || c === 0x7b) return this.flow(parent);
    if (c === 0x22 || c === 0x27) {
      const value = this.quoted(parent);
      return this.node.scalar(value, start, this.pos, 0);
    }
    if (!this.canStartPlain(start, false)) giveUp();
    const value = this.plainBlock(parent);
    this.node.scalar(tagged ? value : resolvePlain(value), start, this.pos, 0);
  }

  /** A plain scalar in block context: to the end of the line, folded with more-indented continuation lines. */
  private plainBlock(parent: number): string {
    const t = this.t;
    let out = this.plainLine();
    let end = this.pos;
    for (;;) {
      // A continuation: the next non-blank line indented past the parent, not a comment.
      let i = end;
      while (t.charCodeAt(i) === SPACE) i++;
      if (i < this.len && t.charCodeAt(i) !== NL) break; // a comment follows on this line: the scalar ends
      let breaks = 0;
      let col = 0;
      let lineStart = i + 1;
      for (;;) {
        if (i >= this.len) break;
        lineStart = i + 1;
        let j = lineStart;
        while (t.charCodeAt(j) === SPACE) j++;
        col = j - lineStart;
        i = j;
        if (j < this.len && t.charCodeAt(j) === NL) {
          breaks++;
          continue;
        }
        break;
      }
      if (i >= this.len || col <= parent || t.charCodeAt(i) === HASH) break;
      const c = t.charCodeAt(i);
      if (c === DASH && this.endsToken(i + 1)) giveUp();
      this.pos = i;
      const line = this.plainLine();
      out += breaks === 0 ? ' ' + line : '\n'.repeat(breaks) + line;
      end = this.pos;
    }
    this.pos = end;
    return out;
  }

  /** One line of a block plain scalar, without trailing spaces; stops at ` #`. `: ` inside means a key: left to the library. */
  private plainLine(): string {
    const t = this.t;
    const start = this.pos;
    let i = start;
    for (;;) {
      const c = t.charCodeAt(i);
      if (i >= this.len || c === NL) break;
      if (c === HASH && t.charCodeAt(i - 1) === SPACE) break;
      if (c === COLON && this.endsToken(i + 1)) giveUp();
      i++;
    }
    return this.plainEnd(start, i);
  }

  /** Ends a plain scalar read from `start` up to `i`: trailing spaces are not part of it. */
  private plainEnd(start: number, i: number): string {
    let end = i;
    while (this.t.charCodeAt(end - 1) === SPACE) end--;
    this.pos = end;
    return this.t.slice(start, end);
  }

  /** Can a plain scalar start at `i`: not with an indicator, except `-`, `?`, `:` followed by a non-space. */
  private canStartPlain(i: number, flow: boolean): boolean {
    const c = this.t.charCodeAt(i);
    if (i >= this.len || c === NL || c === SPACE) return false;
    if (c === DASH || c === 0x3f || c === COLON) {
      const d = this.t.charCodeAt(i + 1);
      return !this.endsToken(i + 1) && !(flow && (d === 0x2c || d === 0x5b || d === 0x5d || d === 0x7b || d === 0x7d));
    }
    // , [ ] { } # & * ! | > ' " % @ `
    return !(c === 0x2c || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === HASH || c === 0x26 || c === 0x2a || c === 0x21 ||
      c === 0x7c || c === 0x3e || c === 0x27 || c === 0x22 || c === 0x25 || c === 0x40 || c === 0x60);
  }

  private tag(): string {
    const t = this.t;
    const start = this.pos;
    let i = start + 1;
    while (i < this.len) {
      const c = t.charCodeAt(i);
      if (c === SPACE || c === NL || c === 0x2c || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d) break;
      i++;
    }
    const tag = t.slice(start, i);
    if (!this.endsToken(i)) giveUp();
    // `!!str` and other core tags, tag handles, odd characters: the library decides. Other unknown
    // tags are judged once their node is read (tagged), where the library's converter judges them.
    if (!SHORT_FORM_TAGS.has(tag) && !/^![A-Za-z][\w:.-]*$/.test(tag)) giveUp();
    this.pos = i;
    return tag;
  }

  /** Tags the node just read. */
  private tagged(tag: string): void {
    const node = this.node;
    const name = SHORT_FORM_TAGS.get(tag);
    if (name === undefined) {
      // Placed as the library path places it: found back from the node (not past a comment).
      this.refuse(tagStart(this.t, tag, node.start), unknownTag(tag));
      return;
    }
    const value = node.value;
    node.tag = tag;
    node.value = longForm(name, name === 'Fn::GetAtt' && typeof value === 'string' ? splitGetAtt(value) : value);
  }

  /** `|` or `>` with an optional chomping indicator; the content is every line indented past `parent`. */
  private blockScalar(parent: number): void {
    const t = this.t;
    const start = this.pos;
    const folded = t.charCodeAt(start) === 0x3e;
    let i = start + 1;
    let chomp: 'clip' | 'strip' | 'keep' = 'clip';
    if (t.charCodeAt(i) === DASH) (chomp = 'strip'), i++;
    else if (t.charCodeAt(i) === 0x2b) (chomp = 'keep'), i++;
    if (!this.endsToken(i)) giveUp(); // an indentation indicator, or anything else
    this.pos = i;
    const headerEnd = this.restOfLine();
    if (headerEnd >= this.len || parent < 0) giveUp();
    // The content's indentation is that of its first non-blank line.
    const lines: string[] = [];
    let indent = -1;
    let p = headerEnd;
    let contentEnd = headerEnd;
    let trailingBlank = 0;
    while (p < this.len) {
      const nl = t.indexOf('\n', p);
      if (nl === -1) giveUp(); // no final line break: chomping differs; rare enough to leave to the library
      let j = p;
      while (t.charCodeAt(j) === SPACE) j++;
      if (j === nl && indent !== -1 && j - p > indent) {
        // Spaces past the indentation on a blank line are content in a literal scalar (they make a
        // folded one's line "more indented", which folds otherwise: left to the library).
        if (folded) giveUp();
        lines.push(t.slice(p + indent, nl));
        trailingBlank = 0;
        p = nl + 1;
        contentEnd = p;
        continue;
      }
      if (j === nl) {
        if (indent === -1 && j - p > parent + 1) giveUp();
        lines.push('');
        trailingBlank++;
        p = nl + 1;
        continue;
      }
      const col = j - p;
      if (indent === -1) {
        if (col <= parent) break;
        indent = col;
      } else if (col < indent) break;
      if (folded && col > indent) giveUp(); // more-indented lines keep their breaks in folded scalars
      lines.push(t.slice(p + indent, nl));
      trailingBlank = 0;
      p = nl + 1;
      contentEnd = p;
    }
    if (indent === -1) giveUp(); // an empty block scalar
    const content = lines.slice(0, lines.length - trailingBlank);
    let body: string;
    if (folded) {
      body = '';
      let blanks = 0;
      let first = true;
      for (const line of content) {
        if (line === '') {
          blanks++;
          continue;
        }
        body += first ? '\n'.repeat(blanks) + line : blanks === 0 ? ' ' + line : '\n'.repeat(blanks) + line;
        first = false;
        blanks = 0;
      }
    } else body = content.join('\n');
    if (chomp === 'clip') body += '\n';
    else if (chomp === 'keep') body += '\n'.repeat(1 + trailingBlank);
    if (this.trailingComments(parent, contentEnd) !== contentEnd) giveUp();
    this.pos = contentEnd;
    const end = chomp === 'keep' ? contentEnd + trailingBlankLength(t, contentEnd, trailingBlank) : contentEnd;
    // Where the next node may start: after the blank lines too.
    this.node.scalar(body, start, end, end);
  }

  /**
   * A quoted scalar; `pos` moves past its closing quote. A key stays on one line; a value (`parent`
   * given) may go on over lines indented past `parent`, folded as the library folds them (PyYAML
   * and cfn-flip wrap long strings so).
   */
  private quoted(parent?: number): string {
    const t = this.t;
    const start = this.pos;
    const single = t.charCodeAt(start) === 0x27;
    const mayWrap = parent !== undefined;
    const end = single ? this.singleQuotedEnd(start, mayWrap) : this.doubleQuotedEnd(start, mayWrap);
    if (end === -1) giveUp();
    this.pos = end;
    const raw = t.slice(start + 1, end - 1);
    const multiline = mayWrap && raw.includes('\n');
    if (multiline) this.checkContinuationLines(start, end, parent);
    if (single) {
      const folded = multiline ? foldQuotedLines(raw) : raw;
      return folded.includes("''") ? folded.replaceAll("''", "'") : folded;
    }
    return multiline || raw.includes('\\') ? doubleQuotedValue(raw) : raw;
  }

  /**
   * Every line a quoted scalar goes on to must be blank or indented past `parent`, and (at the top
   * level, `parent` -1) not a document marker: the library refuses the others (or reads them relaxed).
   */
  private checkContinuationLines(start: number, end: number, parent: number): void {
    const t = this.t;
    for (let nl = t.indexOf('\n', start); nl !== -1 && nl < end; nl = t.indexOf('\n', nl + 1)) {
      let j = nl + 1;
      if ((t.startsWith('---', j) || t.startsWith('...', j)) && this.endsToken(j + 3)) giveUp();
      while (t.charCodeAt(j) === SPACE) j++;
      if (t.charCodeAt(j) !== NL && j - (nl + 1) <= parent) underIndented();
    }
  }

  /** The offset past the closing quote of the single-quoted scalar at `i`, or -1 (not closed, or closed on a later line without `lines`). */
  private singleQuotedEnd(i: number, lines = false): number {
    const t = this.t;
    for (let j = i + 1; ; ) {
      const q = t.indexOf("'", j);
      if (q === -1) return -1;
      if (!lines) {
        const nl = t.indexOf('\n', j);
        if (nl !== -1 && nl < q) return -1;
      }
      if (t.charCodeAt(q + 1) === 0x27) {
        j = q + 2;
        continue;
      }
      return q + 1;
    }
  }

  private doubleQuotedEnd(i: number, lines = false): number {
    const t = this.t;
    for (let j = i + 1; ; ) {
      const q = t.indexOf('"', j);
      if (q === -1) return -1;
      if (!lines) {
        const nl = t.indexOf('\n', j);
        if (nl !== -1 && nl < q) return -1;
      }
      let k = q - 1;
      while (t.charCodeAt(k) === 0x5c) k--;
      if ((q - 1 - k) % 2 === 0) return q + 1;
      j = q + 1;
    }
  }

  /** `[...]` or `{...}`, possibly over several lines, each indented past `parent`. */
  private flow(parent: number): void {
    const t = this.t;
    const start = this.pos;
    if (++this.depth > MAX_DEPTH) giveUp();
    const mark = this.table.waitingCount;
    if (t.charCodeAt(start) === 0x5b) {
      this.pos++;
      for (;;) {
        this.flowSpace(parent);
        if (t.charCodeAt(this.pos) === 0x5d) break;
        this.flowItem(parent);
        this.table.wait(undefined, -1, -1, this.node);
        if (this.flowItemEnds(parent, 0x5d)) break; // otherwise `[a: b]`, a multi-line plain scalar, or a syntax error gave up
      }
      this.pos++;
      this.depth--;
      return this.table.close(this.node, SEQ, start, this.pos, 0, mark);
    }
    this.pos++;
    this.keySets[this.depth] = undefined;
    for (;;) {
      this.flowSpace(parent);
      if (t.charCodeAt(this.pos) === 0x7d) break;
      const keyStart = this.pos;
      const c = t.charCodeAt(keyStart);
      let key: string;
      if (c === 0x22 || c === 0x27) key = this.quoted();
      else {
        if (!this.canStartPlain(keyStart, true)) giveUp();
        key = String(resolvePlain(this.plainFlow()));
      }
      const keyEnd = this.pos;
      this.flowSpace(parent);
      if (t.charCodeAt(this.pos) !== COLON) giveUp();
      this.pos++;
      this.flowSpace(parent);
      const d = t.charCodeAt(this.pos);
      if (d === 0x2c || d === 0x7d) giveUp(); // an empty value
      if (key === '<<') giveUp();
      if (this.hasKey(mark, key)) this.refuse(keyStart, DUPLICATE_KEY);
      this.flowItem(parent);
      this.table.wait(key, keyStart, keyEnd, this.node);
      this.keySets[this.depth]?.add(key);
      if (this.flowItemEnds(parent, 0x7d)) break;
    }
    this.pos++;
    this.depth--;
    this.table.close(this.node, MAP, start, this.pos, 0, mark);
  }

  private flowItem(parent: number): void {
    const t = this.t;
    const c = t.charCodeAt(this.pos);
    if (c === 0x21) {
      const tag = this.tag();
      this.flowSpace(parent);
      const d = t.charCodeAt(this.pos);
      if (d === 0x2c || d === 0x5d || d === 0x7d) giveUp();
      this.flowValue(parent, true);
      return this.tagged(tag);
    }
    this.flowValue(parent, false);
  }

  private flowValue(parent: number, tagged: boolean): void {
    const t = this.t;
    const start = this.pos;
    const c = t.charCodeAt(start);
    if (c === 0x5b || c === 0x7b) return this.flow(parent);
    if (c === 0x22 || c === 0x27) {
      const value = this.quoted(parent);
      return this.node.scalar(value, start, this.pos, 0);
    }
    if (!this.canStartPlain(start, true)) giveUp();
    const raw = this.plainFlow();
    this.node.scalar(tagged ? raw : resolvePlain(raw), start, this.pos, 0);
  }

  /** A plain scalar inside a flow collection: up to `,[]{}`, `: `, ` #` or the end of the line. */
  private plainFlow(): string {
    const t = this.t;
    const start = this.pos;
    let i = start;
    for (;;) {
      const c = t.charCodeAt(i);
      if (i >= this.len || c === NL || c === 0x2c || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d) break;
      if (c === HASH && t.charCodeAt(i - 1) === SPACE) break;
      if (c === COLON) {
        const d = t.charCodeAt(i + 1);
        if (this.endsToken(i + 1) || d === 0x2c || d === 0x5b || d === 0x5d || d === 0x7b || d === 0x7d) break;
      }
      i++;
    }
    return this.plainEnd(start, i);
  }

  /** After an item of a flow collection: true at its closing bracket `close`, false past a comma; anything else gives up. */
  private flowItemEnds(parent: number, close: number): boolean {
    this.flowSpace(parent);
    const c = this.t.charCodeAt(this.pos);
    if (c === 0x2c) {
      this.pos++;
      return false;
    }
    if (c === close) return true;
    giveUp();
  }

  /** Spaces, line breaks and comments between flow tokens; every new line must be indented past `parent`. */
  private flowSpace(parent: number): void {
    const t = this.t;
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (c === SPACE) this.pos++;
      else if (c === HASH && (t.charCodeAt(this.pos - 1) === SPACE || t.charCodeAt(this.pos - 1) === NL)) {
        const nl = t.indexOf('\n', this.pos);
        this.pos = nl === -1 ? this.len : nl;
      } else if (c === NL) {
        this.pos++;
        let j = this.pos;
        while (t.charCodeAt(j) === SPACE) j++;
        const d = t.charCodeAt(j);
        // Lines at or left of the parent's indentation: the library refuses them (and reads them
        // relaxed), except a closing bracket right at the parent's indentation, and comments
        // (which it takes, and where it ends such a node is not worth copying).
        if (j - this.pos <= parent && d !== NL && j < this.len && !(j - this.pos === parent && (d === 0x5d || d === 0x7d))) {
          if (d === HASH) giveUp();
          underIndented();
        }
        if (j - this.pos === 0 && (t.startsWith('---', j) || t.startsWith('...', j))) giveUp();
        this.pos = j;
      } else if (this.pos >= this.len) giveUp();
      else return;
    }
  }
}

function trailingBlankLength(t: string, from: number, lines: number): number {
  let i = from;
  for (let n = 0; n < lines; n++) i = t.indexOf('\n', i) + 1;
  return i - from;
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};
const HEX_DIGITS = /^[0-9a-fA-F]+$/;

/**
 * A double-quoted scalar's content, as the library reads it: escapes, and over several lines the
 * folding of flow scalars (a line break is a space, n blank lines are n line breaks, spaces around
 * a break are dropped, an escaped break joins the lines). A bad escape gives up: the library reports it.
 */
function doubleQuotedValue(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === NL) {
      let breaks = 0;
      for (let d = raw.charCodeAt(i + 1); d === SPACE || d === NL; d = raw.charCodeAt(++i + 1)) if (d === NL) breaks++;
      out += breaks === 0 ? ' ' : '\n'.repeat(breaks);
    } else if (c === SPACE) {
      const from = i;
      while (raw.charCodeAt(i + 1) === SPACE) i++;
      if (raw.charCodeAt(i + 1) !== NL) out += raw.slice(from, i + 1);
    } else if (c !== 0x5c) {
      // The run of ordinary characters up to the next space, line break or escape, in one piece.
      let j = i + 1;
      while (j < raw.length) {
        const d = raw.charCodeAt(j);
        if (d === NL || d === SPACE || d === 0x5c) break;
        j++;
      }
      out += raw.slice(i, j);
      i = j - 1;
    } else {
      const e = raw[++i];
      if (e === '\n') {
        while (raw.charCodeAt(i + 1) === SPACE) i++;
      } else if (Object.hasOwn(ESCAPES, e)) {
        out += ESCAPES[e];
      } else {
        const width = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
        const hex = raw.slice(i + 1, i + 1 + width);
        if (width === 0 || !HEX_DIGITS.test(hex) || hex.length !== width) giveUp();
        const code = parseInt(hex, 16);
        if (code > 0x10ffff) giveUp();
        out += String.fromCodePoint(code);
        i += width;
      }
    }
  }
  return out;
}

/**
 * A single-quoted scalar's lines folded as the library folds them: the first line loses its
 * trailing spaces, the inner lines both ends, the last its leading spaces; a line break between
 * two lines is a space, and n blank lines are n line breaks.
 */
function foldQuotedLines(raw: string): string {
  const lines = raw.split('\n');
  let out = trimSpaces(lines[0], false, true);
  let sep = ' ';
  for (let k = 1; k < lines.length - 1; k++) {
    const line = trimSpaces(lines[k], true, true);
    if (line !== '') {
      out += sep + line;
      sep = ' ';
    } else if (sep === '\n') out += sep;
    else sep = '\n';
  }
  return out + sep + trimSpaces(lines[lines.length - 1], true, false);
}

/** `s` without its leading and/or trailing spaces (only U+0020: String.trim also drops other white space). */
function trimSpaces(s: string, leading: boolean, trailing: boolean): string {
  let from = 0;
  let to = s.length;
  if (leading) while (s.charCodeAt(from) === SPACE) from++;
  if (trailing) while (to > from && s.charCodeAt(to - 1) === SPACE) to--;
  return s.slice(from, to);
}

// Module constants: a regex literal inside a function makes a new RegExp object each time it runs
// (5 MB of garbage per 5,000-resource template, where most keys start with a letter tested here).
const NULL = /^(?:~|[Nn]ull|NULL)$/;
const TRUE = /^(?:[Tt]rue|TRUE)$/;
const FALSE = /^(?:[Ff]alse|FALSE)$/;
const OCTAL = /^0o[0-7]+$/;
const DECIMAL = /^[-+]?[0-9]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const INF_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const EXPONENT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FRACTION = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** A plain scalar's value in the YAML 1.2 core schema, as the `yaml` library resolves it. */
function resolvePlain(s: string): unknown {
  if (s.length === 0) return null;
  const c = s.charCodeAt(0);
  // Only these can start a null, boolean or number: anything else is a string, without a regex.
  if (!((c >= 0x30 && c <= 0x39) || c === 0x2b || c === DASH || c === 0x2e || c === 0x7e || c === 0x6e || c === 0x4e || c === 0x74 || c === 0x54 || c === 0x66 || c === 0x46)) {
    return s;
  }
  // A letter (or `~`) here starts only null, true or false, none longer than five (`Type`, `Timeout`...).
  if (c >= 0x41 && s.length > 5) return s;
  if (NULL.test(s)) return null;
  if (TRUE.test(s)) return true;
  if (FALSE.test(s)) return false;
  if (OCTAL.test(s)) return parseInt(s.slice(2), 8);
  if (DECIMAL.test(s)) return parseInt(s, 10);
  if (HEX.test(s)) return parseInt(s.slice(2), 16);
  if (INF_NAN.test(s)) {
    return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (EXPONENT.test(s) || FRACTION.test(s)) return parseFloat(s);
  return s;
}

/** Path → range over the nodes read, with the same rules as the library path's source map. */
class FastYamlSourceMap implements SourceMap {
  private readonly lines: LineIndex;
  /** Key → child, made on first use for the mappings too large to search in order (`Resources`). */
  private readonly indexes = new Map<number, Map<string, number>>();

  constructor(
    private readonly table: NodeTable,
    private readonly root: number,
    private readonly text: string,
    /** For a relaxed copy: spaces added at the start of a line, by line number; positions are given in the original text. */
    private readonly pads?: ReadonlyMap<number, number>,
  ) {
    this.lines = new LineIndex(text);
  }

  private range(start: number, end: number): Range {
    const range = this.lines.range(start, end);
    return this.pads ? { start: unpad(range.start, this.pads), end: unpad(range.end, this.pads) } : range;
  }

  locate(path: Path): { range: Range; exact: boolean } {
    const walk = this.walk(path);
    const exact = walk.depth === path.length;
    // An absent path points at the key of its nearest parent (`Properties:`), where the missing value belongs.
    return { range: exact ? this.rangeOf(walk.node) : (walk.keyRange ?? this.rangeOf(walk.node)), exact };
  }

  locateKey(path: Path): Range | undefined {
    const walk = this.walk(path);
    return walk.depth === path.length && walk.keyRange ? walk.keyRange : undefined;
  }

  private walk(path: Path): { node: number; keyRange?: Range; depth: number } {
    const { nodes, children } = this.table;
    let node = this.root;
    let keyRange: Range | undefined;
    let tagConsumed = false;
    let depth = 0;
    for (const seg of path) {
      const at = node * NODE_FIELDS;
      const tag = nodes[at + 2];
      const kind = nodes[at + 3];
      const fn = tag === -1 ? undefined : SHORT_FORM_TAGS.get(TAG_NAMES[tag]);
      if (fn && !tagConsumed) {
        if (seg !== fn) break;
        tagConsumed = true;
        keyRange = undefined;
      } else if (kind === MAP && typeof seg === 'string') {
        const child = this.childByKey(node, seg);
        if (child === -1) break;
        keyRange = this.range(children[child * CHILD_FIELDS], children[child * CHILD_FIELDS + 1]);
        node = children[child * CHILD_FIELDS + 2];
        tagConsumed = false;
      } else if (kind === SEQ && typeof seg === 'number' && seg < nodes[at + 5]) {
        keyRange = undefined;
        node = children[(nodes[at + 4] + seg) * CHILD_FIELDS + 2];
        tagConsumed = false;
      } else if (kind === SCALAR && fn === 'Fn::GetAtt' && typeof seg === 'number' && seg < 2) {
        keyRange = undefined;
      } else break;
      depth++;
    }
    return { node, keyRange, depth };
  }

  /** The child (its number in the children column) of mapping `node` under `key`, or -1. */
  private childByKey(node: number, key: string): number {
    const { nodes, childKeys } = this.table;
    const first = nodes[node * NODE_FIELDS + 4];
    const count = nodes[node * NODE_FIELDS + 5];
    if (count <= 16) {
      for (let i = first; i < first + count; i++) if (childKeys[i] === key) return i;
      return -1;
    }
    let index = this.indexes.get(node);
    if (!index) {
      index = new Map();
      for (let i = first; i < first + count; i++) index.set(childKeys[i]!, i);
      this.indexes.set(node, index);
    }
    return index.get(key) ?? -1;
  }

  private rangeOf(node: number): Range {
    const { nodes } = this.table;
    const at = node * NODE_FIELDS;
    const start = nodes[at];
    const end = nodes[at + 1];
    const tag = nodes[at + 2];
    return this.range(tag === -1 ? start : tagStart(this.text, TAG_NAMES[tag], start), Math.max(start, end));
  }
}

/** The start of a node's tag (ranges start after it; findings on `!Ref T` underline the tag too). */
export function tagStart(text: string, tag: string, valueStart: number): number {
  let i = valueStart - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  const start = i - tag.length + 1;
  return start >= 0 && text.startsWith(tag, start) ? start : valueStart;
}
