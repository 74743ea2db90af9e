// Change review: lints both versions, runs the change rules over CloudFormation's own diff, and
// splits findings into new, fixed and unchanged by fingerprint. The only module that loads
// @aws-cdk/cloudformation-diff (slow to import, with a large resource database), so only
// `archlint diff` pays for it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { formatDifferences, fullDiff, ResourceImpact } from '@aws-cdk/cloudformation-diff';
import { lintPaths, type LintOptions } from '../api.js';
import { fingerprint, type Finding } from '../engine/finding.js';
import type { ChangeImpact, ResourceChange } from '../engine/rule.js';
import { lintChanges, type TemplateChange } from '../engine/run.js';
import { applySuppressions } from '../engine/suppressions.js';
import { TEMPLATE_EXTENSIONS } from '../load/discover.js';
import type { Template } from '../load/types.js';
import type { LintResult } from '../report/types.js';

/** One side of a review: the paths to lint, and the folder their keys are relative to. */
export interface Side {
  paths: string[];
  root: string;
}

const IMPACT: Partial<Record<string, ChangeImpact>> = {
  [ResourceImpact.WILL_CREATE]: 'create',
  [ResourceImpact.WILL_UPDATE]: 'update',
  [ResourceImpact.WILL_REPLACE]: 'replace',
  [ResourceImpact.MAY_REPLACE]: 'may-replace',
  [ResourceImpact.WILL_DESTROY]: 'destroy',
  [ResourceImpact.WILL_ORPHAN]: 'orphan',
  [ResourceImpact.NO_CHANGE]: 'none',
};

/** Reviews a change from `base` to `head`: findings are the new ones; fixed and unchanged ride along. */
export function reviewChange(base: Side, head: Side, options: LintOptions): LintResult {
  const before = lintPaths(base.paths, options);
  const after = lintPaths(head.paths, options);
  const baseKeys = keys(before.templates, base.root);
  const headKeys = keys(after.templates, head.root);
  const baseByKey = new Map([...baseKeys].map(([t, k]) => [k, t]));

  const pairs: TemplateChange[] = [];
  const summaries: string[] = [];
  for (const template of after.templates) {
    const key = headKeys.get(template)!;
    const previous = baseByKey.get(key);
    const { diff, changes } = resourceChanges(previous?.body ?? {}, template.body);
    pairs.push({ base: previous, head: template, changes });
    if (!diff.isEmpty) {
      const chunks: string[] = [];
      formatDifferences({ write: (s: string) => chunks.push(s) } as unknown as NodeJS.WritableStream, diff);
      summaries.push(`${template.file}${previous ? '' : ' (new template)'}\n${chunks.join('').replace(/\x1b\[[0-9;]*m/g, '').trimEnd()}`);
    }
  }
  const changeFindings = applySuppressions(lintChanges(pairs, options.rules, options), after.templates, options.config).findings;

  const fileKeys = new Map<string, string>();
  for (const [t, k] of baseKeys) fileKeys.set(t.file, k);
  for (const [t, k] of headKeys) fileKeys.set(t.file, k);
  const fp = (f: Finding) => fingerprint({ ...f, file: fileKeys.get(f.file) ?? f.file });
  const baseFps = new Set(before.findings.map(fp));
  const headFps = new Set(after.findings.map(fp));
  const fresh = [...after.findings.filter((f) => !baseFps.has(fp(f))), ...changeFindings];
  return {
    ...after,
    findings: fresh,
    inputErrors: [...before.inputErrors, ...after.inputErrors],
    sources: new Map([...before.sources, ...after.sources]),
    rules: options.rules.filter((r) => !options.config || options.config.severities.get(r.id) !== 'off'),
    review: {
      fixed: before.findings.filter((f) => !headFps.has(fp(f))),
      unchanged: after.findings.filter((f) => baseFps.has(fp(f))),
      summary: summaries.join('\n\n'),
    },
  };
}

/** What CloudFormation will do to each resource between two template bodies (CloudFormation's own diff, with its resource database). */
export function resourceChanges(base: object, head: object): { diff: ReturnType<typeof fullDiff>; changes: ResourceChange[] } {
  const diff = fullDiff(base as Parameters<typeof fullDiff>[0], head as Parameters<typeof fullDiff>[1]);
  const changes: ResourceChange[] = [];
  diff.resources.forEachDifference((id, change) => {
    const replacing: string[] = [];
    change.forEachDifference((kind, name, d) => {
      if (kind === 'Property' && 'changeImpact' in d && (d.changeImpact === ResourceImpact.WILL_REPLACE || d.changeImpact === ResourceImpact.MAY_REPLACE)) replacing.push(name);
    });
    changes.push({ id, type: change.resourceType ?? change.oldResourceType ?? '', impact: IMPACT[change.changeImpact] ?? 'update', replacingProperties: replacing });
  });
  return { diff, changes };
}

/** A template's identity on both sides: its stack for a CDK assembly, else its path below the side's root. */
function keys(templates: readonly Template[], root: string): Map<Template, string> {
  return new Map(templates.map((t) => [t, t.cdk ? `cdk:${t.cdk.stack}` : relative(root, resolve(t.file)).split(sep).join('/')]));
}

/**
 * The base side of `archlint diff --git <ref>`: the templates under `paths` as they are at `ref`,
 * written to a temporary folder with the same layout (the head side is the working tree).
 */
export function gitBase(ref: string, paths: string[]): { base: Side; head: Side } {
  const git = (args: string[], cwd?: string) => execFileSync('git', args, { cwd, encoding: 'buffer', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  let top: string;
  try {
    top = git(['rev-parse', '--show-toplevel']).toString('utf8').trim();
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch (err) {
    const stderr = (err as { stderr?: Buffer }).stderr?.toString('utf8').trim();
    throw new GitError(stderr && !stderr.includes('--verify') ? stderr.split('\n')[0] : `"${ref}" is not a commit of this repository (or this is not a git repository)`);
  }
  const inRepo = paths.map((p) => relative(top, resolve(p)).split(sep).join('/') || '.');
  const listed = git(['ls-tree', '-r', '-z', '--name-only', ref, '--', ...inRepo], top).toString('utf8').split('\0').filter(Boolean);
  const dir = mkdtempSync(join(tmpdir(), 'archlint-base-'));
  for (const file of listed) {
    const name = file.toLowerCase();
    if (!TEMPLATE_EXTENSIONS.some((ext) => name.endsWith(ext))) continue;
    const target = join(dir, file);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, git(['show', `${ref}:${file}`], top));
  }
  // A path new in the working tree has no base side.
  const basePaths = inRepo.map((p) => join(dir, p)).filter((p) => existsSync(p));
  return { base: { paths: basePaths, root: dir }, head: { paths: paths.length > 0 ? paths : ['.'], root: top } };
}

export class GitError extends Error {}
