import type { Finding, InputProblem } from '../engine/finding.js';

/** Everything one run produced, as every reporter receives it. */
export interface LintResult {
  findings: Finding[];
  inputErrors: InputProblem[];
  /** Templates linted. */
  files: number;
  /** Source text by file, for code frames. */
  sources: ReadonlyMap<string, string>;
}

export interface ReportOptions {
  color: boolean;
}

export type Reporter = (result: LintResult, options: ReportOptions) => string;
