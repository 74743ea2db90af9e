import type { Finding, InputProblem, SuppressedFinding } from '../engine/finding.js';
import type { Rule } from '../engine/rule.js';

/** Everything one run produced, as every reporter receives it. */
export interface LintResult {
  findings: Finding[];
  inputErrors: InputProblem[];
  /** Templates linted. */
  files: number;
  /** Source text by file, for code frames. */
  sources: ReadonlyMap<string, string>;
  /** Findings silenced by a suppression with a reason: not counted, but kept (SARIF shows them as suppressed). */
  suppressed?: SuppressedFinding[];
  /** The rules that ran, for formats that describe them (SARIF, JUnit). */
  rules?: readonly Rule[];
  /** In a change review (`archlint diff`): `findings` are the new ones; these are the others. */
  review?: {
    fixed: Finding[];
    unchanged: Finding[];
    /** The resource-level change summary, as the CloudFormation diff prints it. */
    summary: string;
  };
  /** With `--baseline`: how many findings the baseline hid, and how many of its entries no longer match. */
  baseline?: { file: string; matched: number; stale: number };
}

export interface ReportOptions {
  color: boolean;
}

export type Reporter = (result: LintResult, options: ReportOptions) => string;
