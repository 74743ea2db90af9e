import { LineIndex } from './lines.js';
import { InputError, type Path, type Range, type SourceMap } from './types.js';

/** Deeper nesting than this is refused with a message instead of exhausting the stack. */
const MAX_DEPTH = 512;

/**
 * Parses a JSON template with JSON.parse, refusing what JSON.parse lets through silently (duplicate
 * keys, nesting past MAX_DEPTH); positions are found later, only for the paths findings name.
 */
export function parseJsonTemplate(file: string, text: string): { body: unknown; source: SourceMap } {
  const body = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    // JSON.parse says little about where: the strict parser gives the line, column and reason.
    new JsonChecker(file, text).check();
    throw new InputError(file, 'JSON syntax error');
  }
  // JSON.parse keeps the last of duplicate keys silently and accepts any nesting. Keys are counted
  // in the text and in the parsed value: only when they differ (a key was collapsed) or the value is
  // too deep does the strict parser run, to say where (and it alone decides).
  colonStarts = 0;
  const keys = countKeys(value);
  // A \u escape can spell a colon or a space the text scan would not see: then every string is skipped exactly.
  const same = keys !== TOO_DEEP && (body.includes('\\u') ? countKeysInText(body) === keys : keyColonsInText(body) === keys + colonStarts);
  if (!same) new JsonChecker(file, text).check();
  return { body: value, source: new LazyJsonSourceMap(text) };
}

/**
 * Colons of the text preceded (past whitespace) by an unescaped quote. An unescaped quote always
 * opens or closes a string, so this counts every key (a closing quote, then the colon) and every
 * string that begins with spaces and a colon (an opening quote, then the colon), and nothing else.
 * It jumps from colon to colon in native code, where countKeysInText visits every string.
 */
function keyColonsInText(text: string): number {
  let n = 0;
  for (let c = text.indexOf(':'); c !== -1; c = text.indexOf(':', c + 1)) {
    let q = c - 1;
    let ch = text.charCodeAt(q);
    while (ch === 0x20 || ch === 0x0a || ch === 0x0d || ch === 0x09) ch = text.charCodeAt(--q);
    if (ch !== 0x22) continue;
    let b = q - 1;
    while (text.charCodeAt(b) === 0x5c) b--;
    if ((q - 1 - b) % 2 === 0) n++;
  }
  return n;
}

/** Strings (keys and values) of the last countKeys that begin with spaces and a colon: keyColonsInText counts them too. */
let colonStarts = 0;

function startsWithColon(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c !== 0x20) return c === 0x3a;
  let i = 1;
  while (s.charCodeAt(i) === 0x20) i++;
  return s.charCodeAt(i) === 0x3a;
}

/** countKeys past the nesting limit: a count no text can match. */
const TOO_DEEP = -1;

/** Own keys of every object in a parsed value (and colonStarts); TOO_DEEP past MAX_DEPTH levels. */
function countKeys(value: unknown): number {
  return countChild(value, 0);
}

/** The keys in one value at `depth`: 0 for a string (counted in colonStarts when it starts with a colon) or a number. */
function countChild(value: unknown, depth: number): number {
  if (typeof value === 'string') {
    if (mayStartWithColon(value)) colonStarts++;
    return 0;
  }
  return value !== null && typeof value === 'object' ? countContainer(value, depth) : 0;
}

function countContainer(value: object, depth: number): number {
  // Nesting is counted as the strict parser counts it: a value at depth MAX_DEPTH + 1 is refused.
  if (depth >= MAX_DEPTH) return depth > MAX_DEPTH || !isEmpty(value) ? TOO_DEEP : 0;
  let n = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const k = countChild(value[i], depth + 1);
      if (k === TOO_DEEP) return TOO_DEEP;
      n += k;
    }
    return n;
  }
  for (const key in value) {
    n++;
    if (mayStartWithColon(key)) colonStarts++;
    const k = countChild((value as Record<string, unknown>)[key], depth + 1);
    if (k === TOO_DEEP) return TOO_DEEP;
    n += k;
  }
  return n;
}

/** startsWithColon, with the common answer (a first character that is neither space nor colon) found inline. */
function mayStartWithColon(s: string): boolean {
  const c = s.charCodeAt(0);
  return (c === 0x20 || c === 0x3a) && startsWithColon(s);
}

function isEmpty(value: object): boolean {
  if (Array.isArray(value)) return value.length === 0;
  for (const _ in value) return false;
  return true;
}

/**
 * Keys written in valid JSON text: strings followed by a colon. Jumps from quote to quote with
 * indexOf (native speed); between two strings of valid JSON there is no other quote.
 */
function countKeysInText(text: string): number {
  let n = 0;
  for (let i = text.indexOf('"'); i !== -1; ) {
    const end = skipString(text, i);
    let k = end;
    let d = text.charCodeAt(k);
    while (d === 0x20 || d === 0x0a || d === 0x0d || d === 0x09) d = text.charCodeAt(++k);
    if (d === 0x3a) n++;
    i = text.indexOf('"', end);
  }
  return n;
}

/**
 * Positions are found only when a finding needs one, by walking the text along the finding's path
 * and skipping every value off the path: no tree of positions is ever built for a JSON template.
 * What a walk skips over in a container is remembered (key or index → offsets), so that a thousand
 * findings under `Resources` do not each scan it again from its first resource.
 */
class LazyJsonSourceMap implements SourceMap {
  // Finds line starts only as far as the offsets asked for: making it costs nothing.
  private readonly lines: LineIndex;
  /** By a container's offset: the entries read so far, and where reading stopped. */
  private readonly objects = new Map<number, ContainerProgress & { entries: Map<string, Entry> }>();
  private readonly arrays = new Map<number, ContainerProgress & { items: number[] }>();

  constructor(private readonly text: string) {
    this.lines = new LineIndex(text);
  }

  locate(path: Path): { range: Range; exact: boolean } {
    const w = this.walk(path);
    const exact = w.depth === path.length;
    // An absent path points at the key of its nearest parent ("Properties"), where the missing value belongs.
    if (!exact && w.key) return { range: this.lines.range(w.key[0], w.key[1]), exact };
    return { range: this.lines.range(w.start, w.end), exact };
  }

  locateKey(path: Path): Range | undefined {
    const w = this.walk(path);
    return w.depth === path.length && w.key ? this.lines.range(w.key[0], w.key[1]) : undefined;
  }

  private walk(path: Path): { start: number; end: number; key?: [number, number]; depth: number } {
    const t = this.text;
    let start = this.ws(t.charCodeAt(0) === 0xfeff ? 1 : 0);
    let key: [number, number] | undefined;
    let depth = 0;
    for (const seg of path) {
      const c = t[start];
      if (c === '{' && typeof seg === 'string') {
        const entry = this.entry(start, seg);
        if (!entry) break;
        key = [entry.keyStart, entry.keyEnd];
        start = entry.valueStart;
      } else if (c === '[' && typeof seg === 'number') {
        const item = this.item(start, seg);
        if (item === -1) break;
        key = undefined;
        start = item;
      } else break;
      depth++;
    }
    // A container's range is its opening bracket: finding its end would mean scanning it all.
    const end = t[start] === '{' || t[start] === '[' ? start + 1 : skipValue(t, start);
    return { start, end, key, depth };
  }

  /** The entry `name` of the object at `start`, reading on from where the last search stopped. */
  private entry(start: number, name: string): Entry | undefined {
    let seen = this.objects.get(start);
    if (!seen) {
      seen = { entries: new Map(), next: this.ws(start + 1), pending: -1, done: false };
      this.objects.set(start, seen);
    }
    const known = seen.entries.get(name);
    if (known || seen.done) return known;
    const t = this.text;
    let i = this.resume(seen);
    while (t[i] === '"') {
      const keyEnd = skipString(t, i);
      const raw = t.slice(i + 1, keyEnd - 1);
      const key = raw.includes('\\') ? (JSON.parse(t.slice(i, keyEnd)) as string) : raw;
      const entry = { keyStart: i, keyEnd, valueStart: this.ws(this.ws(keyEnd) + 1) };
      if (!seen.entries.has(key)) seen.entries.set(key, entry);
      // Its value is skipped only when reading goes on: a path usually goes into the value found
      // ("Resources"), and skipping it first would cost a scan of all of it.
      seen.pending = entry.valueStart;
      if (key === name) return entry;
      i = this.resume(seen);
    }
    seen.done = true;
    return undefined;
  }

  /** Where item `index` of the array at `start` begins (-1 past its end), reading on from where the last search stopped. */
  private item(start: number, index: number): number {
    let seen = this.arrays.get(start);
    if (!seen) {
      seen = { items: [], next: this.ws(start + 1), pending: -1, done: false };
      this.arrays.set(start, seen);
    }
    const t = this.text;
    while (seen.items.length <= index && !seen.done) {
      const i = this.resume(seen);
      if (t[i] === ']' || i >= t.length) {
        seen.done = true;
        break;
      }
      seen.items.push(i);
      seen.pending = i;
    }
    return index < seen.items.length ? seen.items[index] : -1;
  }

  /** Where the next entry or item of a container starts: past the last value read, skipped only now that reading goes on. */
  private resume(seen: ContainerProgress): number {
    if (seen.pending !== -1) {
      const t = this.text;
      let i = this.ws(skipValue(t, seen.pending));
      if (t[i] === ',') i = this.ws(i + 1);
      seen.next = i;
      seen.pending = -1;
    }
    return seen.next;
  }

  private ws(i: number): number {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else return i;
    }
  }
}

/** How far a container has been read: the next entry or item, or the value still to skip before it (-1: none). */
interface ContainerProgress {
  next: number;
  pending: number;
  done: boolean;
}

/** An object entry's key and where its value starts. */
interface Entry {
  keyStart: number;
  keyEnd: number;
  valueStart: number;
}

/** The characters that matter when skipping over JSON: quotes and brackets (everything else is jumped in native code). */
const STRUCTURE = /["{}[\]]/g;

/** The offset just after the string that starts at `i`. */
function skipString(t: string, i: number): number {
  let j = i;
  for (;;) {
    j = t.indexOf('"', j + 1);
    if (j === -1) return t.length;
    let k = j - 1;
    while (t.charCodeAt(k) === 0x5c) k--;
    if ((j - 1 - k) % 2 === 0) return j + 1;
  }
}

/** The offset just after the (valid) JSON value that starts at `i`. */
function skipValue(t: string, i: number): number {
  const c = t[i];
  if (c === '"') return skipString(t, i);
  if (c === '{' || c === '[') {
    let depth = 0;
    STRUCTURE.lastIndex = i;
    for (let m = STRUCTURE.exec(t); m; m = STRUCTURE.exec(t)) {
      const d = t.charCodeAt(m.index);
      if (d === 0x22) STRUCTURE.lastIndex = skipString(t, m.index);
      else if (d === 0x7b || d === 0x5b) depth++;
      else if (--depth === 0) return m.index + 1;
    }
    return t.length;
  }
  let j = i;
  while (j < t.length && !',}] \n\r\t'.includes(t[j])) j++;
  return j;
}

/**
 * A strict JSON reader (RFC 8259: no trailing commas, no comments, no duplicate keys) run only
 * when a template is already known to be wrong, to say where and why: it builds nothing and
 * throws at the first problem.
 */
class JsonChecker {
  private pos = 0;
  private readonly lines: LineIndex;

  constructor(
    private readonly file: string,
    private readonly text: string,
  ) {
    this.lines = new LineIndex(text);
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1; // a byte order mark is not content
  }

  check(): void {
    this.ws();
    this.value(0);
    this.ws();
    if (this.pos < this.text.length) this.fail(`unexpected ${this.describe()} after the end of the JSON value`);
  }

  private fail(message: string, at = this.pos): never {
    const p = this.lines.position(at);
    throw new InputError(this.file, `JSON syntax error: ${message}`, p);
  }

  private describe(): string {
    if (this.pos >= this.text.length) return 'end of file';
    return `'${this.text[this.pos]}'`;
  }

  private ws(): void {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.pos++;
      else if (c === 0x2f && (t[this.pos + 1] === '/' || t[this.pos + 1] === '*')) this.fail('comments are not allowed in JSON');
      else return;
    }
  }

  private value(depth: number): void {
    if (depth > MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH} levels`);
    const c = this.text[this.pos];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') {
      this.string();
      return;
    }
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return;
      }
    }
    this.fail(`unexpected ${this.describe()}, expected a value`);
  }

  private object(depth: number): void {
    this.pos++;
    const keys = new Set<string>();
    this.ws();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return;
    }
    for (;;) {
      this.ws();
      if (this.text[this.pos] !== '"') {
        if (this.text[this.pos] === '}') this.fail("trailing comma before '}' is not allowed in JSON");
        this.fail(`unexpected ${this.describe()}, expected a double-quoted key`);
      }
      const keyStart = this.pos;
      const key = this.string();
      if (keys.has(key)) this.fail(`duplicate key "${key}": CloudFormation keeps one of them silently; remove the other`, keyStart);
      keys.add(key);
      this.ws();
      if (this.text[this.pos] !== ':') this.fail(`unexpected ${this.describe()}, expected ':' after key "${key}"`);
      this.pos++;
      this.ws();
      this.value(depth + 1);
      this.ws();
      const c = this.text[this.pos];
      if (c === ',') {
        this.pos++;
        continue;
      }
      if (c === '}') {
        this.pos++;
        return;
      }
      this.fail(`unexpected ${this.describe()}, expected ',' or '}'`);
    }
  }

  private array(depth: number): void {
    this.pos++;
    this.ws();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return;
    }
    for (;;) {
      this.ws();
      if (this.text[this.pos] === ']') this.fail("trailing comma before ']' is not allowed in JSON");
      this.value(depth + 1);
      this.ws();
      const c = this.text[this.pos];
      if (c === ',') {
        this.pos++;
        continue;
      }
      if (c === ']') {
        this.pos++;
        return;
      }
      this.fail(`unexpected ${this.describe()}, expected ',' or ']'`);
    }
  }

  private string(): string {
    const t = this.text;
    const start = this.pos;
    let i = start + 1;
    // Fast path: no escapes.
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === 0x22) {
        this.pos = i + 1;
        return t.slice(start + 1, i);
      }
      if (c === 0x5c) break;
      if (c < 0x20 || Number.isNaN(c)) {
        if (Number.isNaN(c)) this.fail('unterminated string', start);
        this.fail('control character in string (escape it)', i);
      }
      i++;
    }
    // Slow path: let JSON.parse decode the escapes once the end is found.
    for (;;) {
      const c = t.charCodeAt(i);
      if (Number.isNaN(c)) this.fail('unterminated string', start);
      if (c === 0x5c) i += 2;
      else if (c === 0x22) break;
      else if (c < 0x20) this.fail('control character in string (escape it)', i);
      else i++;
    }
    this.pos = i + 1;
    try {
      return JSON.parse(t.slice(start, i + 1)) as string;
    } catch {
      return this.fail('invalid escape sequence in string', start);
    }
  }

  private number(): void {
    const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    m.lastIndex = this.pos;
    const match = m.exec(this.text);
    if (!match) this.fail('invalid number');
    this.pos += match[0].length;
    const next = this.text[this.pos];
    if (next !== undefined && /[0-9.eE+\-]/.test(next)) this.fail('invalid number');
  }
}
