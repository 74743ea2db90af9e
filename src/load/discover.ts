import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from './types.js';

export const TEMPLATE_EXTENSIONS = ['.yaml', '.yml', '.json', '.template'];
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

/**
 * One thing to lint: a template file, or a CDK cloud assembly (a folder with a manifest.json).
 * `explicit`: the user named it (a non-template is then reported, not skipped). `root`: the folder
 * being linted, which nested stack templates may not leave.
 */
export type Input =
  | { kind: 'file'; file: string; explicit: boolean; root: string }
  | { kind: 'assembly'; dir: string; explicit: boolean; root: string };

/** Expands the command line's paths: files as given, directories walked (sorted, loops cut), assemblies whole, `-` for stdin. */
export function discoverInputs(paths: readonly string[]): { inputs: Input[]; errors: InputError[] } {
  const inputs: Input[] = [];
  const errors: InputError[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    if (path === '-') {
      inputs.push({ kind: 'file', file: '-', explicit: true, root: resolve('.') });
      continue;
    }
    let stat;
    try {
      stat = statSync(path);
    } catch (err) {
      errors.push(new InputError(path, fsMessage(err)));
      continue;
    }
    if (stat.isDirectory()) {
      if (isCloudAssembly(path)) add({ kind: 'assembly', dir: path, explicit: true, root: resolve(path) }, inputs, seen);
      else walk(path, resolve(path), inputs, errors, seen, new Set());
    } else if (basename(path) === 'manifest.json' && isCloudAssembly(dirname(path))) {
      add({ kind: 'assembly', dir: dirname(path), explicit: true, root: resolve(dirname(path)) }, inputs, seen);
    } else {
      add({ kind: 'file', file: path, explicit: true, root: resolve(dirname(path)) }, inputs, seen);
    }
  }
  return { inputs, errors };
}

/** A folder holding the manifest.json of a CDK cloud assembly (cdk.out, or a *.snapshot of integration tests). */
export function isCloudAssembly(dir: string): boolean {
  const manifest = join(dir, 'manifest.json');
  if (!existsSync(manifest)) return false;
  try {
    const m = JSON.parse(readFileSync(manifest, 'utf8')) as { version?: unknown; artifacts?: unknown };
    return typeof m.version === 'string' && (m.artifacts === undefined || typeof m.artifacts === 'object');
  } catch {
    return false;
  }
}

function add(input: Input, inputs: Input[], seen: Set<string>): void {
  const path = input.kind === 'file' ? input.file : input.dir;
  let key = path;
  try {
    key = realpathSync(path);
  } catch {
    // reading will report it
  }
  if (seen.has(key)) return;
  seen.add(key);
  inputs.push(input);
}

function walk(dir: string, root: string, inputs: Input[], errors: InputError[], seen: Set<string>, ancestors: Set<string>): void {
  let real: string;
  let entries;
  try {
    real = realpathSync(dir);
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    errors.push(new InputError(dir, fsMessage(err)));
    return;
  }
  if (ancestors.has(real)) return; // a symlink back into a folder being walked
  const inner = new Set(ancestors).add(real);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const s = statSync(path);
        isDir = s.isDirectory();
        isFile = s.isFile();
      } catch {
        continue; // a dangling link is not an input
      }
    }
    if (isDir) {
      if (SKIPPED_DIRECTORIES.has(entry.name)) continue;
      // An assembly is linted through its manifest, which knows its stacks and construct paths.
      if (isCloudAssembly(path)) add({ kind: 'assembly', dir: path, explicit: false, root }, inputs, seen);
      else walk(path, root, inputs, errors, seen, inner);
    } else if (isFile && TEMPLATE_EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext))) {
      add({ kind: 'file', file: path, explicit: false, root }, inputs, seen);
    }
  }
}

export function fsMessage(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return (err as Error)?.message ?? String(err);
  }
}
