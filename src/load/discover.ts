import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from './types.js';

export const TEMPLATE_EXTENSIONS = ['.yaml', '.yml', '.json', '.template'];
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

/** One file to lint, and whether the user named it (then a non-template is reported, not skipped). */
export interface Input {
  file: string;
  explicit: boolean;
}

/** Expands the command line's paths: files as given, directories walked (sorted, loops cut), `-` for stdin. */
export function discoverInputs(paths: readonly string[]): { inputs: Input[]; errors: InputError[] } {
  const inputs: Input[] = [];
  const errors: InputError[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    if (path === '-') {
      inputs.push({ file: '-', explicit: true });
      continue;
    }
    let stat;
    try {
      stat = statSync(path);
    } catch (err) {
      errors.push(new InputError(path, fsMessage(err)));
      continue;
    }
    if (stat.isDirectory()) walk(path, inputs, errors, seen, new Set());
    else add({ file: path, explicit: true }, inputs, seen);
  }
  return { inputs, errors };
}

function add(input: Input, inputs: Input[], seen: Set<string>): void {
  let key = input.file;
  try {
    key = realpathSync(input.file);
  } catch {
    // reading will report it
  }
  if (seen.has(key)) return;
  seen.add(key);
  inputs.push(input);
}

function walk(dir: string, inputs: Input[], errors: InputError[], seen: Set<string>, ancestors: Set<string>): void {
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
      if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(path, inputs, errors, seen, inner);
    } else if (isFile && TEMPLATE_EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext))) {
      add({ file: path, explicit: false }, inputs, seen);
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
