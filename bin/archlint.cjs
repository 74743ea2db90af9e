#!/usr/bin/env node
'use strict';
// Launcher: the CLI is src/cli.ts, bundled by `npm run build` (npm's prepare step) into
// dist/bundle/cli.cjs. It is compiled with the V8 code cache written at build time when there is a
// valid one, which saves parsing and compiling ~400 KB of JavaScript at every start.
const { readFileSync, statSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const bundle = join(__dirname, '..', 'dist', 'bundle', 'cli.cjs');
const cacheFile = `${bundle}.v8cache`;
const stampFile = `${bundle}.v8cache.stamp`;

let source;
try {
  source = readFileSync(bundle, 'utf8');
} catch {
  process.stderr.write(`archlint: ${bundle} is missing: run \`npm run build\` (npm ci runs it)\n`);
  process.exit(2);
}
// V8 checks a cache against its own version and flags, not against the source: the stamp ties the
// cache to this build of the bundle.
const stat = statSync(bundle);
const stamp = `${stat.size}:${stat.mtimeMs}`;
let cachedData;
try {
  if (readFileSync(stampFile, 'utf8') === stamp) cachedData = readFileSync(cacheFile);
} catch {
  // no cache: compiled as usual
}
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, cachedData });
const cli = { exports: {} };
script.runInThisContext()(cli.exports, createRequire(bundle), cli, bundle, dirname(bundle));

// A reader that stops early (`archlint ... | head`) is not an error.
process.stdout.on('error', (err) => {
  if (err && err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

cli.exports.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // Only the build asks for this (scripts/bundle.js), after a run that compiled every rule.
    if (process.env.ARCHLINT_WRITE_CODE_CACHE === '1') {
      try {
        writeFileSync(cacheFile, script.createCachedData());
        writeFileSync(stampFile, stamp);
      } catch (err) {
        process.stderr.write(`archlint: could not write the code cache (${err && err.message}); archlint works without it\n`);
      }
    }
  },
  (err) => {
    // Only a bug in archlint reaches here: user mistakes are reported by main() with exit 2.
    process.stderr.write(`archlint: internal error: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 2;
  },
);
