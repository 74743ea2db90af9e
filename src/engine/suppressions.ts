import { relative, sep } from 'node:path';
import type { Path, Range, Template } from '../load/types.js';
import { textMayHideStrings } from '../load/text-search.js';
import type { Config, ConfigSuppression } from './config.js';
import { compareFindings, type Finding, type SuppressedFinding, type Suppression } from './finding.js';

export const SUPPRESSION_WITHOUT_REASON = 'suppression-without-reason';
export const UNUSED_SUPPRESSION = 'unused-suppression';

/** One suppression, wherever it is written, and which findings it covers. */
interface Entry {
  rules: string[];
  reason?: string;
  /** Where the suppression is written (for its own findings). */
  file: string;
  range: Range;
  source: Suppression['source'];
  kind: Suppression['kind'];
  covers(f: Finding): boolean;
  used: boolean;
}

/**
 * Applies suppressions — template and resource `Metadata.archlint.ignore`, `# archlint-disable`
 * comments, and the config's `suppressions` — each of which needs a reason. Suppressed findings are
 * kept apart (SARIF shows them); a suppression without a reason suppresses nothing and is itself a
 * finding; with `reportUnused`, so is one that matched nothing. Other tools' suppression metadata
 * (cfn-lint, cfn_nag, checkov) is left alone.
 */
export function applySuppressions(
  findings: Finding[],
  templates: readonly Template[],
  config: Config | undefined,
  options: { reportUnused?: boolean } = {},
): { findings: Finding[]; suppressed: SuppressedFinding[] } {
  const entries: Entry[] = [];
  for (const t of templates) entries.push(...metadataEntries(t), ...commentEntries(t));
  if (config) entries.push(...config.suppressions.map((s) => configEntry(s, config)));

  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const f of findings) {
    const entry = entries.find((e) => e.reason && e.rules.includes(f.rule) && e.covers(f));
    if (!entry) {
      kept.push(f);
      continue;
    }
    entry.used = true;
    suppressed.push({ ...f, suppression: { kind: entry.kind, source: entry.source, justification: entry.reason! } });
  }
  for (const e of entries) {
    if (!e.reason) {
      kept.push(meta(e, SUPPRESSION_WITHOUT_REASON, 'error', `Suppression of ${e.rules.join(', ')} has no reason; it suppresses nothing until it says why (${reasonHint(e.source)}).`));
    } else if (options.reportUnused && !e.used) {
      kept.push(meta(e, UNUSED_SUPPRESSION, 'warning', `Suppression of ${e.rules.join(', ')} matched no finding; remove it.`));
    }
  }
  return { findings: kept.sort(compareFindings), suppressed: suppressed.sort(compareFindings) };
}

function reasonHint(source: string): string {
  return source === 'comment' ? '"# archlint-disable <rule> -- <reason>"' : 'a "reason" key';
}

function meta(e: Entry, rule: string, severity: Finding['severity'], message: string): Finding {
  return { file: e.file, rule, severity, message, range: e.range, path: [], related: [], suggest: [] };
}

/** `Metadata: { archlint: { ignore: [ { rule, reason } ] } }` on the template (whole file) or on a resource. */
function metadataEntries(t: Template): Entry[] {
  // Most templates have none: a text search spares a walk over every resource. A key spelled
  // with escapes (`"\u0061rchlint"`) is not in the text as written: such templates are walked.
  if (!mentions(t.text, 'archlint') && !textMayHideStrings(t.text)) return [];
  const out: Entry[] = [];
  const scopes: Array<{ base: Path; metadata: unknown; covers: (f: Finding) => boolean }> = [
    { base: ['Metadata'], metadata: t.body.Metadata, covers: (f) => f.file === t.file },
  ];
  const resources = (t.body.Resources ?? {}) as Record<string, { Metadata?: unknown }>;
  for (const id in resources) {
    const r = resources[id];
    if (r && typeof r === 'object' && r.Metadata) scopes.push({ base: ['Resources', id, 'Metadata'], metadata: r.Metadata, covers: (f) => f.file === t.file && f.resource === id });
  }
  for (const scope of scopes) {
    const ignore = (scope.metadata as { archlint?: { ignore?: unknown } } | undefined)?.archlint?.ignore;
    if (!Array.isArray(ignore)) continue;
    ignore.forEach((item, i) => {
      const entry = item as { rule?: unknown; reason?: unknown };
      if (typeof entry?.rule !== 'string') return;
      out.push({
        rules: [entry.rule],
        reason: typeof entry.reason === 'string' && entry.reason.trim() !== '' ? entry.reason.trim() : undefined,
        file: t.file,
        range: t.source.locate([...scope.base, 'archlint', 'ignore', i]).range,
        source: 'Metadata',
        kind: 'inSource',
        covers: scope.covers,
        used: false,
      });
    });
  }
  return out;
}

/**
 * Does `text` contain `word` (a word with "archlint" in it)? V8 looks for a pattern of 7
 * characters or more with Boyer-Moore, and for a shorter one with a native scan for its first
 * character: "hlint" first is about ten times faster on a large template that lacks it.
 */
function mentions(text: string, word: string): boolean {
  return text.includes('hlint') && text.includes(word);
}

const COMMENT = /(^|\s)#\s*archlint-disable(-next-line)?\s+([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*(?:--\s*(.*?))?\s*$/;

/**
 * YAML comments: `# archlint-disable-next-line <rule>[, <rule>] -- reason` covers findings on the
 * next line; `# archlint-disable <rule> -- reason` on a resource's logical ID line covers that
 * resource, elsewhere its own line.
 */
function commentEntries(t: Template): Entry[] {
  if (t.format !== 'yaml' || !mentions(t.text, 'archlint-disable')) return [];
  const out: Entry[] = [];
  const resourceAtLine = new Map<number, string>();
  for (const id of Object.keys((t.body.Resources ?? {}) as object)) {
    const key = t.source.locateKey(['Resources', id]);
    if (key) resourceAtLine.set(key.start.line, id);
  }
  const lines = t.text.split('\n');
  lines.forEach((text, index) => {
    const m = COMMENT.exec(text);
    if (!m) return;
    const line = index + 1;
    const column = text.indexOf('#', m.index) + 1;
    const nextLine = m[2] === '-next-line';
    const resource = nextLine ? undefined : resourceAtLine.get(line);
    const target = nextLine ? nextContentLine(lines, index) : line;
    out.push({
      rules: m[3].split(',').map((r) => r.trim()),
      reason: m[4] && m[4].trim() !== '' ? m[4].trim() : undefined,
      file: t.file,
      range: { start: { line, column }, end: { line, column: text.length + 1 } },
      source: 'comment',
      kind: 'inSource',
      covers: resource ? (f) => f.file === t.file && f.resource === resource : (f) => f.file === t.file && f.range.start.line === target,
      used: false,
    });
  });
  return out;
}

/** The next line that is not blank or a comment: where a `disable-next-line` applies. */
function nextContentLine(lines: string[], index: number): number {
  for (let i = index + 1; i < lines.length; i++) if (!/^\s*(#.*)?$/.test(lines[i])) return i + 1;
  return index + 2;
}

function configEntry(s: ConfigSuppression, config: Config): Entry {
  return {
    rules: [s.rule],
    reason: s.reason && s.reason.trim() !== '' ? s.reason.trim() : undefined,
    file: config.file,
    range: config.source.locate(s.path).range,
    source: config.file,
    kind: 'external',
    covers: (f) => {
      const file = relative(config.dir, f.file).split(sep).join('/');
      if (s.file && !s.file.test(file)) return false;
      if (s.resource && !((f.resource && s.resource.test(f.resource)) || (f.constructPath && s.resource.test(f.constructPath)))) return false;
      return true;
    },
    used: false,
  };
}
