// ESLint's checkRuleFiles, for archlint: every rule file is registered, named after its id, in the
// folder of its category, with a doc that has the required headings, fixtures, and messages whose
// placeholders its fixtures fill. The README's rule list is generated and must be fresh.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { lint, lintChange } from './helpers/lint.js';
import { renderRuleList, RULE_LIST_BEGIN, RULE_LIST_END } from '../src/report/rule-list.js';

const ROOT = join(import.meta.dirname, '..');
const DOC_HEADINGS = ['## What it checks', '## Why', '## What to do instead', '## Examples', '## Options', '## Sources'];

const ruleFiles = readdirSync(join(ROOT, 'rules'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  // Helpers shared by a folder's rules live in rules/<service>/lib/, not beside the rules.
  .flatMap((d) => readdirSync(join(ROOT, 'rules', d.name)).filter((f) => f.endsWith('.ts')).map((f) => `${d.name}/${f.replace(/\.ts$/, '')}`))
  .sort();

describe('rule modules', () => {
  it('registers every rule file exactly once, with unique ids', () => {
    expect(RULES.map((r) => `${r.category}/${r.id}`).sort()).toEqual(ruleFiles);
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  describe.each(RULES.map((r) => [r.id, r] as const))('%s', (id, rule) => {
    it('has a doc with the required headings in order, quoting its seed line', () => {
      const docPath = join(ROOT, 'rules', rule.category, `${id}.md`);
      expect(existsSync(docPath)).toBe(true);
      const doc = readFileSync(docPath, 'utf8');
      expect(doc.startsWith(`# ${id}\n`)).toBe(true);
      const positions = DOC_HEADINGS.map((h) => doc.indexOf(`\n${h}\n`));
      expect(positions.every((p) => p > 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      if (rule.seed) expect(doc).toContain(rule.seed.split(/[;-]/)[0].trim());
    });

    it('has metadata a user can act on', () => {
      expect(rule.description.length).toBeGreaterThan(10);
      expect(rule.sources.length).toBeGreaterThan(0);
      for (const url of rule.sources) expect(url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
      expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
    });

    it('has a fixture folder whose bad cases use every message, with every placeholder filled', () => {
      const dir = join(ROOT, 'fixtures', id);
      expect(existsSync(dir)).toBe(true);
      const bad = readdirSync(dir).filter((f) => f.startsWith('bad') && !f.endsWith('.txt') && !/\.base\.[^.]+$/.test(f));
      const run = (f: string) => {
        const text = readFileSync(join(dir, f), 'utf8');
        if (rule.kind !== 'change') return lint(text, [id], {}, f);
        const baseFile = f.replace(/(\.[^.]+)$/, '.base$1');
        return lintChange(readFileSync(join(dir, baseFile), 'utf8'), text, [id], baseFile, f);
      };
      const messages = bad.flatMap((f) => run(f).map((x) => x.message));
      for (const m of messages) expect(m).not.toMatch(/\{\{/);
      for (const [key, template] of Object.entries(rule.messages)) {
        const prefix = template.split('{{')[0];
        expect(messages.some((m) => m.startsWith(prefix)), `message "${key}" is not covered by a bad fixture`).toBe(true);
      }
    });
  });
});

describe('README', () => {
  it('lists every rule, generated from the metadata (npm run readme:rules)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const start = readme.indexOf(RULE_LIST_BEGIN);
    const end = readme.indexOf(RULE_LIST_END);
    expect(start).toBeGreaterThan(0);
    expect(readme.slice(start, end + RULE_LIST_END.length)).toBe(renderRuleList(RULES));
  });
});
