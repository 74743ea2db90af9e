import { setKey } from './intrinsics.js';

/**
 * Objects for the YAML readers' mappings with the hidden classes JSON.parse gives the same keys.
 *
 * V8 starts an object of n named keys from JSON.parse at the same root class as an object literal
 * of n keys, and follows the same transitions key by key; an object that starts empty and gets its
 * keys by assignment has another root, hence other classes. Rules and the graph read both formats:
 * with two classes for every resource and property block, code V8 optimised on YAML templates was
 * thrown away ("wrong map") at the first JSON one, and the next lints ran unoptimised until it was
 * compiled again. So a mapping is made the way JSON.parse would make it: by JSON.parse itself, from
 * its keys with null values, then filled in; and once its key sequence (a shape) has come back
 * often, by an object literal of its own, compiled once, which makes the same class faster.
 */

/**
 * From 128 named keys on JSON.parse makes a dictionary object (past V8's cache of literal roots),
 * which no literal or assignment gives: such mappings (`Resources` of a large template) are left as they are.
 */
const MAX_LITERAL_KEYS = 127;
/**
 * Uses of a shape before it gets a literal: compiling one costs about as much as making 100 objects
 * from the skeleton, and most shapes of a corpus appear once or twice (5,745 shapes in 47,234
 * objects of the test corpus's YAML, 3,554 of them once).
 */
const COMPILE_AT = 16;
/** Shapes kept per process, so that a run over thousands of templates does not keep every key sequence it met. */
const MAX_SHAPES = 20_000;

type Maker = (values: readonly unknown[], from: number) => Record<string, unknown>;

/** A key sequence in a trie of sequences: how often it was made, and what makes it. */
interface Shape {
  next: Map<string, Shape> | undefined;
  uses: number;
  /** Its keys as JSON text with null values. */
  skeleton: string | undefined;
  make: Maker | undefined;
}

const root: Shape = { next: undefined, uses: 0, skeleton: undefined, make: undefined };
let shapes = 0;
/** False once the runtime refuses to compile code from text (`--disallow-code-generation-from-strings`). */
let canCompile = true;

/** The object with keys[from..to) and values[from..to) (keys distinct), with JSON.parse's hidden class when it has one. */
export function makeMapping(keys: readonly (string | undefined)[], values: readonly unknown[], from: number, to: number): Record<string, unknown> {
  const count = to - from;
  if (count === 0) return {};
  let shape: Shape | undefined = count <= MAX_LITERAL_KEYS ? root : undefined;
  for (let i = from; i < to && shape; i++) shape = nextShape(shape, keys[i]!);
  if (!shape) {
    const obj: Record<string, unknown> = {};
    for (let i = from; i < to; i++) setKey(obj, keys[i]!, values[i]);
    return obj;
  }
  if (shape.make) return shape.make(values, from);
  if (++shape.uses >= COMPILE_AT && canCompile) {
    shape.make = compile(keys, from, to);
    if (shape.make) return shape.make(values, from);
  }
  const obj = JSON.parse((shape.skeleton ??= skeleton(keys, from, to))) as Record<string, unknown>;
  for (let i = from; i < to; i++) obj[keys[i]!] = values[i];
  return obj;
}

function nextShape(shape: Shape, key: string): Shape | undefined {
  const known = shape.next?.get(key);
  if (known) return known;
  // `__proto__` in a literal sets the prototype instead of making a key (and assigning it does the same).
  if (shapes >= MAX_SHAPES || key === '__proto__') return undefined;
  const made: Shape = { next: undefined, uses: 0, skeleton: undefined, make: undefined };
  (shape.next ??= new Map()).set(key, made);
  shapes++;
  return made;
}

function skeleton(keys: readonly (string | undefined)[], from: number, to: number): string {
  let text = '{';
  for (let i = from; i < to; i++) text += `${i === from ? '' : ','}${JSON.stringify(keys[i])}:null`;
  return `${text}}`;
}

function compile(keys: readonly (string | undefined)[], from: number, to: number): Maker | undefined {
  const fields: string[] = [];
  // JSON.stringify writes a key as a JS string literal (no code can come in through a key).
  for (let i = from; i < to; i++) fields.push(`${JSON.stringify(keys[i])}: v[i + ${i - from}]`);
  try {
    return new Function('v', 'i', `return { ${fields.join(', ')} };`) as Maker;
  } catch {
    canCompile = false;
    return undefined;
  }
}
