// Lints every template of ../shared/corpus (1,212 files from public repositories) in one run: no
// crash, no internal error, and exactly the really broken files get a clean input error.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintPaths } from '../src/api.js';
import { INTERNAL_ERROR_RULE } from '../src/engine/finding.js';
import { RULES } from '../rules/index.js';

const CORPUS = process.env.ARCHLINT_CORPUS ?? join(import.meta.dirname, '..', '..', 'shared', 'corpus');
const present = existsSync(join(CORPUS, 'INDEX.tsv'));

if (!present && process.env.CI) throw new Error(`the corpus is missing at ${CORPUS} (set ARCHLINT_CORPUS)`);

describe.skipIf(!present)('the real-world corpus', () => {
  const result = lintPaths([CORPUS], { rules: RULES, date: new Date('2026-11-27T00:00:00Z') });
  const rows = readFileSync(join(CORPUS, 'INDEX.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));

  it('lints every template in one run', () => {
    const templates = rows.filter((r) => r[2] !== 'not-a-template').length;
    expect(result.files + result.inputErrors.length).toBeGreaterThanOrEqual(templates);
    expect(result.files).toBeGreaterThan(1000);
  });

  it('has no internal error', () => {
    expect(result.findings.filter((f) => f.rule === INTERNAL_ERROR_RULE).map((f) => `${f.file}: ${f.message}`)).toEqual([]);
  });

  it('gives an input error to exactly the broken files: syntax errors, duplicate keys, empty, null Resources, unpackaged rain tags', () => {
    const broken = rows
      .filter((r) => {
        const [path, , , , , , , parseOk, note] = r;
        if (parseOk !== 'yes' || /duplicate-keys|Resources-null/.test(note)) return true;
        return /\.(ya?ml|template)$/.test(path) && /!Rain::/.test(readFileSync(join(CORPUS, path), 'utf8'));
      })
      .map((r) => r[0])
      .sort();
    const reported = [...new Set(result.inputErrors.map((e) => relative(CORPUS, e.file)))].sort();
    expect(reported).toEqual(broken);
    for (const e of result.inputErrors) {
      expect(e.line).toBeGreaterThan(0);
      expect(e.message).not.toMatch(/\n|at .*\.js:\d+/);
    }
  });
});
