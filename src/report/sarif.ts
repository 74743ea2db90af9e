import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fingerprint, type Finding, type SuppressedFinding } from '../engine/finding.js';
import type { Rule, Severity } from '../engine/rule.js';
import { packageRoot } from '../package-root.js';
import type { LintResult } from './types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * SARIF 2.1.0 as GitHub code scanning takes it: repository-relative artifact URIs, a
 * reportingDescriptor per rule with help, related locations, logical locations (resource and CDK
 * construct path), fingerprints that ignore line numbers, and suppressed results kept as suppressed.
 */
export function sarif(result: LintResult): string {
  const root = repositoryRoot(process.cwd());
  const rules = [...(result.rules ?? [])].sort((a, b) => (a.id < b.id ? -1 : 1));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  // In a change review every result says whether the change introduced it, kept it or fixed it.
  const state = (s: string) => (result.review ? { baselineState: s } : {});
  const results = [
    ...result.findings.map((f) => ({ ...toResult(f, root, index), ...state('new') })),
    ...(result.suppressed ?? []).map((f) => ({ ...toResult(f, root, index), ...state('new') })),
    ...(result.review?.unchanged ?? []).map((f) => ({ ...toResult(f, root, index), ...state('unchanged') })),
    ...(result.review?.fixed ?? []).map((f) => ({ ...toResult(f, root, index), ...state('absent') })),
  ];
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'archlint',
            version: version(),
            rules: rules.map(descriptor),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: pathToUri(root + sep) } },
        results,
        invocations: [
          {
            executionSuccessful: result.inputErrors.length === 0,
            toolExecutionNotifications: result.inputErrors.map((e) => ({
              level: 'error',
              message: { text: e.message },
              locations: [{ physicalLocation: { artifactLocation: artifact(e.file, root), region: { startLine: e.line, startColumn: e.column } } }],
            })),
          },
        ],
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function toResult(f: Finding | SuppressedFinding, root: string, index: Map<string, number>) {
  const region = {
    startLine: f.range.start.line,
    startColumn: f.range.start.column,
    endLine: f.range.end.line,
    endColumn: Math.max(f.range.end.column, f.range.end.line === f.range.start.line ? f.range.start.column + 1 : 1),
  };
  const logical = f.resource
    ? [{ name: f.resource, fullyQualifiedName: f.constructPath ?? f.resource, kind: 'resource' }]
    : undefined;
  const out: Record<string, unknown> = {
    ruleId: f.rule,
    ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule) } : {}),
    level: LEVEL[f.severity],
    message: { text: f.suggest.length > 0 ? `${f.message} Consider: ${f.suggest.join(', ')}.` : f.message },
    locations: [{ physicalLocation: { artifactLocation: artifact(f.file, root), region }, ...(logical ? { logicalLocations: logical } : {}) }],
    partialFingerprints: { 'archlintFingerprint/v1': fingerprint(f) },
  };
  if (f.related.length > 0) {
    out.relatedLocations = f.related.map((r, i) => ({
      id: i + 1,
      message: { text: r.message },
      physicalLocation: { artifactLocation: artifact(r.file, root), region: { startLine: r.range.start.line, startColumn: r.range.start.column } },
    }));
  }
  if ('suppression' in f) out.suppressions = [{ kind: f.suppression.kind, justification: f.suppression.justification }];
  if (f.constructPath || f.suggest.length > 0) out.properties = { ...(f.constructPath ? { constructPath: f.constructPath } : {}), ...(f.suggest.length > 0 ? { suggest: f.suggest } : {}) };
  return out;
}

function descriptor(rule: Rule) {
  let markdown = '';
  try {
    markdown = readFileSync(join(packageRoot(), 'rules', rule.category, `${rule.id}.md`), 'utf8');
  } catch {
    // a rule without a doc still gets a descriptor
  }
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.seed ? `${rule.description} The processing notes: "${rule.seed}".` : rule.description },
    helpUri: rule.sources[0],
    help: { text: rule.description + (rule.suggest.length > 0 ? ` Consider: ${rule.suggest.join(', ')}.` : ''), ...(markdown ? { markdown } : {}) },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { tags: [rule.category, 'architecture'] },
  };
}

/** A file as an artifact location: relative to the repository root (code scanning's base) when inside it. */
function artifact(file: string, root: string) {
  if (file === '<stdin>') return { uri: 'stdin' };
  const absolute = resolve(file);
  const rel = relative(root, absolute);
  if (!rel.startsWith('..') && !isAbsolute(rel)) return { uri: encodeURI(rel.split(sep).join('/')), uriBaseId: 'SRCROOT' };
  return { uri: pathToUri(absolute) };
}

function pathToUri(path: string): string {
  return 'file://' + encodeURI(path.split(sep).join('/'));
}

/** The nearest folder with a .git above the working directory, else the working directory. */
function repositoryRoot(cwd: string): string {
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return cwd;
  }
}

function version(): string {
  try {
    return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
