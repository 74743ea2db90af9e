// Bundles the CLI into dist/bundle/: one module to load instead of ~90 (tens of milliseconds at
// every start, which a pre-commit hook pays on each commit). The diff command stays a separate
// chunk, loaded only by `archlint diff`; ajv and the CloudFormation diff library stay external.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli.ts'],
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['@aws-cdk/cloudformation-diff', 'ajv'],
  // Bundled CommonJS dependencies may require Node's built-ins.
  banner: { js: "import { createRequire as __archlintCreateRequire } from 'node:module'; const require = __archlintCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
