import { isUtf8 } from 'node:buffer';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { assemblyTemplates, withTreePaths } from './cdk.js';
import { discoverInputs, fsMessage, type Input } from './discover.js';
import { loadNestedStacks } from './nested.js';
import { parseTemplate } from './template.js';
import { InputError, type Template } from './types.js';

export * from './types.js';
export { parseTemplate } from './template.js';

/** Files above this size are refused before parsing (CloudFormation's own limit is 1 MB from S3). */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface LoadOptions {
  /** Read for the input `-`. */
  readStdin?: () => string;
  maxFileBytes?: number;
}

export interface LoadResult {
  templates: Template[];
  errors: InputError[];
  /** Files found by walking a folder that are YAML/JSON but not templates: skipped quietly. */
  skipped: string[];
}

/**
 * Discovers, reads and parses every input: template files, cloud assemblies, and the local child
 * templates of nested stacks. One bad file becomes an InputError; the others still load. A file
 * reached twice is loaded once.
 */
export function loadInputs(paths: readonly string[], options: LoadOptions = {}): LoadResult {
  const { inputs, errors } = discoverInputs(paths);
  const result: LoadResult = { templates: [], errors, skipped: [] };
  const loaded = new Set<string>();
  const roots = new Map<Template, string>();
  for (const input of inputs) {
    if (input.kind === 'file') {
      const template = loadFile(input.file, input.explicit, options, result, loaded);
      if (template) roots.set(template, input.root);
      continue;
    }
    const assembly = assemblyTemplates(input.dir);
    for (const p of assembly.problems) result.errors.push(new InputError(p.file, p.message));
    for (const t of assembly.templates) {
      const template = loadFile(t.file, true, options, result, loaded);
      if (template) {
        template.cdk = withTreePaths(t.cdk, t.tree, Object.keys(template.body.Resources ?? {}));
        roots.set(template, input.root);
      }
    }
  }
  loadNestedStacks(result, roots, (file) => loadFile(file, true, options, result, loaded, false));
  return result;
}

/** Reads and parses one file; undefined when it is not a template (or already loaded, or broken: then recorded). */
export function loadFile(file: string, explicit: boolean, options: LoadOptions, result: LoadResult, loaded: Set<string>, record = true): Template | undefined {
  const display = file === '-' ? '<stdin>' : file;
  const realPath = file === '-' ? '-' : safeRealpath(file);
  if (loaded.has(realPath)) return result.templates.find((t) => t.realPath === realPath);
  loaded.add(realPath);
  try {
    const text = readText(file, options);
    const parsed = parseTemplate(display, text);
    if (parsed.kind === 'template') {
      parsed.template.realPath = realPath;
      if (record) result.templates.push(parsed.template);
      return parsed.template;
    }
    if (explicit) result.errors.push(new InputError(display, `not a CloudFormation template: ${parsed.reason}`));
    else result.skipped.push(display);
  } catch (err) {
    if (err instanceof InputError) result.errors.push(err);
    else throw err;
  }
  return undefined;
}

function safeRealpath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function readText(file: string, options: LoadOptions): string {
  const display = file === '-' ? '<stdin>' : file;
  const max = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const tooLarge = (size: number) =>
    new InputError(display, `the file is ${(size / 1048576).toFixed(1)} MB, over the limit of ${(max / 1048576).toFixed(1)} MB (--max-file-size; CloudFormation itself accepts at most 1 MB)`);
  let bytes: Buffer;
  try {
    if (file !== '-') {
      // Checked before reading: a FIFO would block forever, a huge file would be read for nothing.
      const stat = statSync(file);
      if (!stat.isFile()) throw new InputError(display, 'not a regular file');
      if (stat.size > max) throw tooLarge(stat.size);
    }
    bytes = file === '-' ? Buffer.from(options.readStdin?.() ?? readFileSync(0, 'utf8')) : readFileSync(file);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(display, `cannot read: ${fsMessage(err)}`);
  }
  if (bytes.length > max) throw tooLarge(bytes.length);
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new InputError(display, 'binary file (it contains a NUL byte), not a template', positionOf(bytes, nul));
  if (!isUtf8(bytes)) throw new InputError(display, 'the file is not valid UTF-8', positionOf(bytes, firstInvalidUtf8(bytes)));
  // A byte order mark is not content (positions count from the first character after it).
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.toString('utf8', 3) : bytes.toString('utf8');
}

function positionOf(bytes: Buffer, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = bytes.indexOf(10); i !== -1 && i < offset; i = bytes.indexOf(10, i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** The offset of the first byte that makes the text invalid (streaming decode: a sequence cut at the prefix's end is not an error). */
function firstInvalidUtf8(bytes: Buffer): number {
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid + 1), { stream: true });
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  // The byte that fails may be the one after an unfinished sequence: blame the sequence's lead byte.
  let i = lo - 1;
  while (i >= 0 && lo - i <= 3 && (bytes[i] & 0xc0) === 0x80) i--;
  const at = i >= 0 && lo - i <= 3 && bytes[i] >= 0xc0 ? i : lo;
  return Math.min(at, Math.max(0, bytes.length - 1));
}

export type { Input };
