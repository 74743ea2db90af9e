// Bundles the CLI into one CommonJS file, dist/bundle/cli.cjs, and records V8's compiled code for
// it (dist/bundle/cli.cjs.v8cache). A pre-commit hook pays archlint's start on every commit; measured
// on a 2-core machine, against ~90 separate ES modules: one CommonJS file skips Node's ES module
// loader (~30 ms), and the code cache skips parsing and compiling the bundle (~30 ms).
//
// Loaded on demand with require, so not bundled: ajv (only with a config file), yaml (only for the
// templates the direct reader declines) and @aws-cdk/cloudformation-diff (only `archlint diff`, whose
// own code is bundled but runs only when called).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/bundle/cli.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['@aws-cdk/cloudformation-diff', 'ajv', 'yaml'],
  // The sources are ES modules that find files from import.meta.url.
  define: { 'import.meta.url': '__archlintModuleUrl' },
  banner: { js: "const __archlintModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});

// The code cache holds the functions compiled during a run, so it is written after linting the
// example architectures (every rule runs). A cache that V8 rejects (another Node version, other
// flags) only costs the compile it would have saved; a missing one the same.
const run = spawnSync(process.execPath, ['bin/archlint.cjs', 'fixtures/examples', '--format', 'json', '--no-config'], {
  env: { ...process.env, ARCHLINT_WRITE_CODE_CACHE: '1' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (run.status !== 0 && run.status !== 1) {
  console.error(`bundle: the code cache run failed (exit ${run.status}); archlint works without it, only slower to start`);
}
