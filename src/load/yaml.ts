import type { Alias, Document, LineCounter, Node as YamlNode, Pair, YAMLMap } from 'yaml';
import { yamlLibrary, type YamlLibrary } from './yaml-library.js';
import { longForm, SHORT_FORM_TAGS, splitGetAtt } from './intrinsics.js';
import { makeMapping } from './json-shapes.js';
import { readYamlFast, tagStart } from './yaml-fast.js';
import { DUPLICATE_KEY, unknownTag } from './yaml-messages.js';
import { relaxIndentation, unpad } from './yaml-relax.js';
import { InputError, type Path, type Position, type Range, type SourceMap } from './types.js';

// The library's node guards, reached through the lazily loaded library.
const isAlias = ((node: unknown) => yamlLibrary().isAlias(node)) as YamlLibrary['isAlias'];
const isMap = ((node: unknown) => yamlLibrary().isMap(node)) as YamlLibrary['isMap'];
const isScalar = ((node: unknown) => yamlLibrary().isScalar(node)) as YamlLibrary['isScalar'];
const isSeq = ((node: unknown) => yamlLibrary().isSeq(node)) as YamlLibrary['isSeq'];

/** Deeper nesting than this is refused with a message instead of exhausting the stack (as for JSON). */
const MAX_DEPTH = 512;

/** An alias may not make the converted document this many times larger than its source nodes ("billion laughs"). */
const MAX_ALIAS_EXPANSION = 100_000;

interface Converted {
  value: unknown;
}

/** Offset in the parsed text → 1-based position in the file as written. */
type Locate = (offset: number) => Position;

/** Parses a CloudFormation YAML template: YAML 1.2 core schema, short-form tags to long form, positions kept. */
export function parseYamlTemplate(file: string, text: string): { body: unknown; source: SourceMap } {
  // Most templates use a plain subset of YAML that a direct reader handles at several times the
  // speed. It refuses a duplicate key or an unknown tag as the library path does (same words, same
  // place) and declines anything else, which the yaml library then reads.
  const fast = readYamlFast(text);
  if (fast && 'refused' in fast) throw new InputError(file, fast.refused.message, fast.refused.position);
  return fast ?? parseYamlWithLibrary(file, text);
}

/** The `yaml` library's reading of a template (exported for the tests that compare it with the fast reader). */
export function parseYamlWithLibrary(file: string, text: string): { body: unknown; source: SourceMap } {
  let parsed = parseYaml(text);
  let locate = locator(parsed.lineCounter);
  const firstError = parsed.doc.errors[0];
  if (firstError) {
    // What CloudFormation and PyYAML accept but the yaml library's indentation rules refuse: retry relaxed.
    const relaxed = relaxIndentation(text);
    const retry = relaxed && parseYaml(relaxed.text);
    if (!relaxed || !retry || retry.doc.errors.length > 0) throw yamlError(file, firstError, locate);
    parsed = retry;
    locate = locator(retry.lineCounter, relaxed.pads);
  }
  const { doc } = parsed;
  const warning = doc.warnings.find((w) => w.code !== 'TAG_RESOLVE_FAILED');
  if (warning) throw yamlError(file, warning, locate);
  const converter = new Converter(file, doc, locate, parsed.text);
  const body = doc.contents ? converter.convert(doc.contents as YamlNode).value : null;
  return { body, source: new YamlSourceMap(doc, locate, parsed.text) };
}

/**
 * The short-form tags declared for every node kind, so that the yaml library accepts them as they
 * are instead of building a warning (with a stack trace) for each one; the converter reads node.tag.
 */
const CFN_TAGS = [...SHORT_FORM_TAGS.keys()].flatMap((tag) => [
  { tag, resolve: (value: string) => value },
  { tag, collection: 'seq' as const, resolve: (value: unknown) => value },
  { tag, collection: 'map' as const, resolve: (value: unknown) => value },
]);

/** The yaml library's parse exactly as archlint calls it (also what `npm run bench` compares with). */
export function parseYaml(text: string): { doc: Document; lineCounter: LineCounter; text: string } {
  const { LineCounter, parseDocument } = yamlLibrary();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    version: '1.2',
    schema: 'core',
    customTags: CFN_TAGS as never,
    // The library's own check compares every key with every other (quadratic in a 5,000-resource
    // Resources map); the converter checks with a set instead.
    uniqueKeys: false,
    merge: false,
    lineCounter,
    keepSourceTokens: false,
    prettyErrors: false,
  });
  return { doc, lineCounter, text };
}

function locator(lc: LineCounter, pads?: Map<number, number>): Locate {
  return (offset) => {
    const p = lc.linePos(offset);
    return unpad({ line: p.line, column: p.col }, pads);
  };
}

function yamlError(file: string, err: { code: string; message: string; pos: [number, number] }, locate: Locate): InputError {
  let message = err.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '');
  if (err.code === 'DUPLICATE_KEY') message = DUPLICATE_KEY;
  else if (err.code === 'MULTIPLE_TAGS') message = 'a node can have only one tag: write the inner function in long form (e.g. !GetAZs {Ref: AWS::Region})';
  else if (/Maximum call stack size exceeded/.test(message)) message = `YAML syntax error: nesting deeper than ${MAX_DEPTH} levels`;
  else if (/multiple documents/.test(message)) {
    return new InputError(file, 'several YAML documents in one file; a template is exactly one document', locate(err.pos[0]), 'multiple-documents');
  } else message = `YAML syntax error: ${message}`;
  return new InputError(file, message, locate(err.pos[0]));
}

class Converter {
  private expanded = 0;
  private readonly aliasCache = new Map<YamlNode, Converted>();

  private readonly sizes = new Map<YamlNode, number>();

  constructor(
    private readonly file: string,
    private readonly doc: Document,
    private readonly locate: Locate,
    private readonly text: string,
  ) {}

  convert(node: YamlNode | null | undefined, depth = 0): Converted {
    if (node == null) return { value: null };
    if (depth > MAX_DEPTH) {
      throw new InputError(this.file, `YAML syntax error: nesting deeper than ${MAX_DEPTH} levels`, this.locate(node.range?.[0] ?? 0));
    }
    let value: unknown;
    if (isAlias(node)) return { value: this.alias(node) };
    if (isScalar(node)) value = node.value;
    else if (isMap(node)) {
      // Keys and values side by side, made into an object at the end with JSON.parse's hidden class (see json-shapes.ts).
      const keys: string[] = [];
      const values: unknown[] = [];
      const merges: unknown[] = [];
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = this.keyOf(pair);
        if (seen.has(key)) {
          const at = (pair.key as YamlNode | null)?.range?.[0] ?? 0;
          throw new InputError(this.file, DUPLICATE_KEY, this.locate(at));
        }
        seen.add(key);
        const converted = this.convert(pair.value as YamlNode, depth + 1).value;
        // `<<: *base` (a merge key) is expanded as `aws cloudformation package` and `sam deploy` do.
        if (key === '<<' && isScalar(pair.key) && !pair.key.tag && (isAlias(pair.value) || isMap(pair.value) || isSeq(pair.value))) merges.push(converted);
        else {
          keys.push(key);
          values.push(converted);
        }
      }
      const taken = new Set(merges.length > 0 ? keys : []);
      for (const source of merges.flatMap((m) => (Array.isArray(m) ? m : [m]))) {
        if (source === null || typeof source !== 'object' || Array.isArray(source)) continue;
        for (const [k, v] of Object.entries(source)) {
          if (taken.has(k)) continue;
          taken.add(k);
          keys.push(k);
          values.push(v);
        }
      }
      value = makeMapping(keys, values, 0, keys.length);
    } else if (isSeq(node)) {
      value = node.items.map((item) => this.convert(item as YamlNode, depth + 1).value);
    } else {
      value = null;
    }
    return { value: this.applyTag(node, value) };
  }

  private keyOf(pair: Pair): string {
    const key = pair.key as YamlNode | null;
    if (key == null) return '';
    if (isScalar(key)) return String(key.value);
    throw new InputError(this.file, 'a mapping key must be a plain scalar', this.locate(key.range?.[0] ?? 0));
  }

  /** Converts the anchored node once and reuses it; refuses documents whose aliases expand past a bound. */
  private alias(node: Alias): unknown {
    const target = node.resolve(this.doc) as YamlNode | undefined;
    if (!target) {
      throw new InputError(this.file, `alias *${node.source} has no anchor before it`, this.locate(node.range?.[0] ?? 0));
    }
    this.expanded += nodeSize(target, this.sizes, this.doc);
    if (this.expanded > MAX_ALIAS_EXPANSION) {
      throw new InputError(this.file, `YAML aliases expand to more than ${MAX_ALIAS_EXPANSION} nodes; refusing to expand (an alias bomb?)`, this.locate(node.range?.[0] ?? 0));
    }
    let cached = this.aliasCache.get(target);
    if (!cached) {
      cached = this.convert(target);
      this.aliasCache.set(target, cached);
    }
    return cached.value;
  }

  private applyTag(node: YamlNode, value: unknown): unknown {
    const tag = node.tag;
    if (!tag || !tag.startsWith('!') || tag.startsWith('!!')) return value;
    const name = SHORT_FORM_TAGS.get(tag);
    if (!name) {
      throw new InputError(this.file, unknownTag(tag), this.locate(tagStart(this.text, tag, node.range?.[0] ?? 0)));
    }
    if (name === 'Fn::GetAtt' && typeof value === 'string') return longForm(name, splitGetAtt(value));
    return longForm(name, value);
  }
}

/** How many nodes `node` stands for once its aliases are expanded (memoised, so an alias bomb is measured, not expanded). */
function nodeSize(node: YamlNode, memo: Map<YamlNode, number>, doc: Document): number {
  const known = memo.get(node);
  if (known !== undefined) return known;
  memo.set(node, 1); // a cycle counts once rather than recursing forever
  let size = 1;
  if (isMap(node)) for (const p of node.items) size += p.value ? nodeSize(p.value as YamlNode, memo, doc) : 1;
  else if (isSeq(node)) for (const item of node.items) size += nodeSize(item as YamlNode, memo, doc);
  else if (isAlias(node)) {
    const target = node.resolve(doc) as YamlNode | undefined;
    size = target ? nodeSize(target, memo, doc) : 1;
  }
  memo.set(node, size);
  return size;
}

/** Path → range over the YAML AST, looked up only for the paths that findings name. */
class YamlSourceMap implements SourceMap {
  constructor(
    private readonly doc: Document,
    private readonly position: Locate,
    private readonly text: string,
  ) {}

  locate(path: Path): { range: Range; exact: boolean } {
    const walk = this.walk(path);
    const exact = walk.depth === path.length;
    // An absent path points at the key of its nearest parent (`Properties:`), where the missing value belongs.
    const node = exact ? (walk.node ?? walk.keyNode ?? walk.last) : (walk.keyNode ?? walk.node ?? walk.last);
    return { range: this.rangeOf(node), exact };
  }

  locateKey(path: Path): Range | undefined {
    const walk = this.walk(path);
    return walk.depth === path.length && walk.keyNode ? this.rangeOf(walk.keyNode) : undefined;
  }

  /** Key → pair, made on first use for the mappings too large to search in order (`Resources`). */
  private readonly indexes = new WeakMap<YAMLMap, Map<string, Pair>>();

  /** The first pair of `map` whose key is the scalar `key`. */
  private pairOf(map: YAMLMap, key: string): Pair | undefined {
    if (map.items.length <= 16) return map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    let index = this.indexes.get(map);
    if (!index) {
      index = new Map();
      for (const p of map.items) {
        if (!isScalar(p.key)) continue;
        const k = String(p.key.value);
        if (!index.has(k)) index.set(k, p);
      }
      this.indexes.set(map, index);
    }
    return index.get(key);
  }

  /** Follows `path` as far as it exists. A short-form tag stands for the map {Fn::X: ...}, so its function name is a step that stays on the node. */
  private walk(path: Path): { node: YamlNode | null; keyNode?: YamlNode; last: YamlNode | null; depth: number } {
    let node = this.deref(this.doc.contents as YamlNode | null);
    let last = node;
    let keyNode: YamlNode | undefined;
    let tagConsumed = false;
    let depth = 0;
    for (const seg of path) {
      if (!node) break;
      const fn = node.tag ? SHORT_FORM_TAGS.get(node.tag) : undefined;
      if (fn && !tagConsumed) {
        if (seg !== fn) break;
        tagConsumed = true;
        keyNode = undefined;
      } else if (isMap(node) && typeof seg === 'string') {
        const pair = this.pairOf(node, seg);
        if (!pair) break;
        keyNode = pair.key as YamlNode;
        node = this.deref(pair.value as YamlNode | null);
        tagConsumed = false;
      } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
        keyNode = undefined;
        node = this.deref(node.items[seg] as YamlNode);
        tagConsumed = false;
      } else if (isScalar(node) && fn === 'Fn::GetAtt' && typeof seg === 'number' && seg < 2) {
        keyNode = undefined; // `!GetAtt A.B` holds both list items in one scalar
      } else break;
      depth++;
      if (node) last = node;
    }
    return { node, keyNode, last, depth };
  }

  private deref(node: YamlNode | null): YamlNode | null {
    for (let hops = 0; node && isAlias(node) && hops < 100; hops++) {
      node = (node.resolve(this.doc) as YamlNode | undefined) ?? null;
    }
    return node;
  }

  private rangeOf(node: YamlNode | null): Range {
    const r = node?.range ?? [0, 0, 0];
    return { start: this.position(node?.tag ? tagStart(this.text, node.tag, r[0]) : r[0]), end: this.position(Math.max(r[0], r[1])) };
  }
}
