#!/usr/bin/env node
// Thin launcher: the CLI lives in src/cli.ts, built to dist/ by `npm run build` (run by npm's prepare step).
import { main } from '../dist/bundle/cli.js';

// A reader that stops early (`archlint ... | head`) is not an error.
process.stdout.on('error', (err) => {
  if (err && err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    // Only a bug in archlint reaches here: user mistakes are reported by main() with exit 2.
    process.stderr.write(`archlint: internal error: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 2;
  },
);
