// The fixture runner (actionlint's testdata ok/err pairs, cfn-lint's snapshots): for each
// fixtures/<rule-id>/, only that rule runs; good* files must yield nothing, bad* files exactly the
// lines of their .expected.txt. `npm run fixtures:update` rewrites the expectations; review the diff.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingLine, lint, lintChange, ruleById } from './helpers/lint.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const UPDATE = process.env.ARCHLINT_UPDATE_FIXTURES === '1';
const ruleDirs = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'examples')
  .map((d) => d.name)
  .sort();

describe.each(ruleDirs)('fixtures/%s', (id) => {
  const dir = join(FIXTURES, id);
  // A change rule's case is a pair: <name>.base.yaml before, <name>.yaml after.
  const files = readdirSync(dir).filter((f) => /\.(ya?ml|json|template)$/.test(f) && !/\.base\.[^.]+$/.test(f)).sort();
  const isChange = ruleById(id).kind === 'change';
  const findings = (file: string, text: string) => {
    if (!isChange) return lint(text, [id], {}, file);
    const baseFile = file.replace(/(\.[^.]+)$/, '.base$1');
    return lintChange(readFileSync(join(dir, baseFile), 'utf8'), text, [id], baseFile, file);
  };

  it('has at least one good and one bad case', () => {
    expect(files.some((f) => f.startsWith('good'))).toBe(true);
    expect(files.some((f) => f.startsWith('bad'))).toBe(true);
  });

  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    if (file.startsWith('good')) {
      it(`${file} yields no finding`, () => {
        expect(findings(file, text).map(findingLine)).toEqual([]);
      });
    } else if (file.startsWith('bad')) {
      it(`${file} yields exactly its .expected.txt`, () => {
        const actual = findings(file, text).map(findingLine);
        const expectedFile = join(dir, file.replace(/\.[^.]+$/, '.expected.txt'));
        if (UPDATE) writeFileSync(expectedFile, actual.join('\n') + '\n');
        expect(existsSync(expectedFile), `${expectedFile} is missing: run npm run fixtures:update`).toBe(true);
        const expected = readFileSync(expectedFile, 'utf8').split('\n').filter((l) => l.trim() !== '');
        expect(actual.length).toBeGreaterThan(0);
        expect(actual).toEqual(expected);
      });
    }
  }
});
