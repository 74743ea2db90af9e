import { readFileSync, writeFileSync } from 'node:fs';
import { fingerprint, type Finding } from '../engine/finding.js';
import { InputError } from '../load/types.js';

/** A baseline file: today's findings by fingerprint, so that a project adopting archlint sees only new ones. */
interface BaselineFile {
  version: 1;
  findings: Array<{ fingerprint: string; rule: string; file: string; resource: string | null; message: string }>;
}

export function writeBaseline(file: string, findings: readonly Finding[]): void {
  const doc: BaselineFile = {
    version: 1,
    findings: findings
      .map((f) => ({ fingerprint: fingerprint(f), rule: f.rule, file: f.file, resource: f.resource ?? null, message: f.message }))
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.fingerprint < b.fingerprint ? -1 : 1)),
  };
  writeFileSync(file, JSON.stringify(doc, null, 2) + '\n');
}

/** Splits findings into those the baseline knows and the new ones; counts baseline entries that match nothing any more. */
export function applyBaseline(file: string, findings: readonly Finding[]): { findings: Finding[]; matched: number; stale: number } {
  let doc: BaselineFile;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8')) as BaselineFile;
  } catch (err) {
    throw new InputError(file, `cannot read the baseline: ${(err as Error).message}`);
  }
  if (doc?.version !== 1 || !Array.isArray(doc.findings)) throw new InputError(file, 'not an archlint baseline (expected { "version": 1, "findings": [...] })');
  const known = new Set(doc.findings.map((f) => f.fingerprint));
  const seen = new Set<string>();
  const fresh: Finding[] = [];
  for (const f of findings) {
    const fp = fingerprint(f);
    if (known.has(fp)) seen.add(fp);
    else fresh.push(f);
  }
  return { findings: fresh, matched: findings.length - fresh.length, stale: [...known].filter((fp) => !seen.has(fp)).length };
}
