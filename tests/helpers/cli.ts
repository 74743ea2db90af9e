import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'archlint.cjs');

/** Runs the built binary as a user would: no colour unless asked, output captured. */
export function runCli(args: string[], cwd = ROOT, env: Record<string, string | undefined> = {}) {
  const vars = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...env } as Record<string, string | undefined>;
  for (const [k, v] of Object.entries(vars)) if (v === undefined) delete vars[k];
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: vars as NodeJS.ProcessEnv, maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Writes files (creating folders) under `dir`, and returns `dir`. */
export function writeFiles(dir: string, files: Record<string, string | Buffer>): string {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}
