// Lints every template of ../shared/corpus (1,212 files from public repositories) in one run: no
// crash, no internal error, and exactly the really broken files get a clean input error.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintPaths } from '../src/api.js';
import { buildGraph } from '../src/graph/build.js';
import type { ResourceGraph } from '../src/graph/model.js';
import { intrinsic, Resolver } from '../src/graph/resolve.js';
import { parseTemplate } from '../src/load/template.js';
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

  it('never fires on a value it could not resolve', () => {
    const unresolved: string[] = [];
    const graphs = new Map<string, ResourceGraph>();
    for (const f of result.findings) {
      if (!graphs.has(f.file)) {
        const parsed = parseTemplate(f.file, result.sources.get(f.file)!);
        if (parsed.kind === 'template') graphs.set(f.file, buildGraph(parsed.template));
      }
      const graph = graphs.get(f.file)!;
      const body = graph.template.body;
      let value: unknown = body;
      for (const step of f.path) value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[step] : undefined;
      // Absent (a default) or a literal is known; a reference to a resource is an edge the rule followed;
      // any other intrinsic must resolve to known values only.
      // analysis-limit is the run saying where it stopped resolving (unresolved by definition), and
      // cfn-resource-shape judges the template's shape (an intrinsic where a literal Type must be).
      if (f.rule === 'analysis-limit' || f.rule === 'cfn-resource-shape' || !intrinsic(value) || graph.referencesIn(value, f.path).length > 0) continue;
      const candidates = new Resolver(body).resolve(value, f.path);
      if (candidates.some((c) => c.kind === 'unknown')) unresolved.push(`${f.file} ${f.rule} ${f.path.join('.')}`);
    }
    expect(result.findings.length).toBeGreaterThan(100);
    expect(unresolved).toEqual([]);
  });

  it('names the construct path of findings in CDK assemblies, in every output format', async () => {
    const { REPORTERS } = await import('../src/report/index.js');
    const cdk = result.findings.filter((f) => f.file.includes('.js.snapshot'));
    expect(cdk.length).toBeGreaterThan(10);
    expect(cdk.filter((f) => f.resource && !f.constructPath)).toEqual([]);
    const one = { ...result, findings: [cdk[0]] };
    for (const [name, reporter] of Object.entries(REPORTERS)) expect(reporter(one, { color: false }), name).toContain(cdk[0].constructPath!);
  });

  it('has no internal error', () => {
    expect(result.findings.filter((f) => f.rule === INTERNAL_ERROR_RULE).map((f) => `${f.file}: ${f.message}`)).toEqual([]);
  });

  it('gives an input error to exactly the broken files: syntax errors, duplicate keys, empty, null Resources, unpackaged rain tags, missing nested stack templates', () => {
    const missingChild = (path: string) => {
      const text = readFileSync(join(CORPUS, path), 'utf8');
      return [...text.matchAll(/(?:TemplateURL|Location):\s*["']?(\.{0,2}\/?[\w./-]+\.(?:ya?ml|json|template))["']?\s*$/gm)].some(
        (m) => !existsSync(join(CORPUS, path, '..', m[1])),
      );
    };
    const broken = rows
      .filter((r) => {
        const [path, , kind, , , , , parseOk, note, , nested] = r;
        if (parseOk !== 'yes' || /duplicate-keys|Resources-null/.test(note)) return true;
        if (kind !== 'not-a-template' && Number(nested) > 0 && missingChild(path)) return true;
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
