import { createHash } from '../hash.js';
import { isAbsolute, relative, sep } from 'node:path';
import type { Path, Range } from '../load/types.js';
import type { Severity } from './rule.js';

export interface RelatedLocation {
  file: string;
  range: Range;
  path: Path;
  message: string;
}

/** What the engine hands the reporters: a rule's report with positions, message and suggestions filled in. */
export interface Finding {
  file: string;
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  /** The template path the rule named. */
  path: Path;
  related: RelatedLocation[];
  suggest: readonly string[];
  /** The logical ID of the resource the finding is in, when there is one. */
  resource?: string;
  /** For CDK templates: the construct path of that resource (`MyStack/Ingest/Queue/Resource`). */
  constructPath?: string;
}

/** An input that could not be linted: reported with file:line:col, exit code 2. */
export interface InputProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export const INTERNAL_ERROR_RULE = 'internal-error';

export function compareFindings(a: Finding, b: Finding): number {
  return (
    cmp(a.file, b.file) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.column - b.range.start.column ||
    cmp(a.rule, b.rule) ||
    cmp(a.message, b.message)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** How a finding was suppressed, with the mandatory reason. */
export interface Suppression {
  kind: 'inSource' | 'external';
  /** Where it was written: `Metadata`, `comment`, or the config file. */
  source: string;
  justification: string;
}

export interface SuppressedFinding extends Finding {
  suppression: Suppression;
}

/**
 * A finding's identity across edits: rule, file, resource (construct path when known, else logical
 * ID) and the property path inside the resource. Not the line, so moving things does not change it.
 */
export function fingerprint(f: Pick<Finding, 'rule' | 'file' | 'path' | 'resource' | 'constructPath'>): string {
  const file = (isAbsolute(f.file) ? relative(process.cwd(), f.file) : f.file).split(sep).join('/');
  const inside = f.resource ? f.path.slice(2) : f.path;
  const key = [f.rule, file, f.constructPath ?? f.resource ?? '', inside.join('/')].join('\u0000');
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}
