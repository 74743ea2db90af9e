import type { Path } from '../load/types.js';
import type { ResourceGraph } from '../graph/model.js';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export type Category = 'lambda' | 'event-sources' | 'glue' | 'emr' | 'cloudformation' | 'changes';

/** What CloudFormation will do to a resource in a change, as the diff computes it. */
export type ChangeImpact = 'create' | 'update' | 'replace' | 'may-replace' | 'destroy' | 'orphan' | 'none';

export interface ResourceChange {
  id: string;
  type: string;
  impact: ChangeImpact;
  /** The properties whose change causes a replacement. */
  replacingProperties: string[];
}

/** A rule option: a number or string with a default, documented in the rule's doc. */
export interface RuleOption {
  type: 'number' | 'string';
  default: number | string;
  description: string;
}

/** What a rule asks the engine to report. Paths, never positions: the engine finds them. */
export interface Report {
  /** A key of the rule's `messages`. */
  message: string;
  /** Placeholders `{{name}}` of that message. */
  data?: Record<string, string | number>;
  /** Where the finding is: the template path of the offending value (the nearest existing parent is shown when absent). */
  at: Path;
  /** Point at the key that holds `at` (a logical ID that is too long) rather than at its value. */
  onKey?: boolean;
  /** Overrides the rule's default severity for this finding (rules that give more than one). */
  severity?: Severity;
  /** Other places that explain the finding: the function's Timeout for a queue's visibility. */
  related?: Array<{ at: Path; message: string }>;
  /** Services to suggest for this finding, instead of the rule's own list (a runtime's successor). */
  suggest?: readonly string[];
}

export interface RuleContext {
  /** The template's graph (in a change review: the new version). */
  graph: ResourceGraph;
  /** In a change review: the graph of the previous version, whose paths point into the base template. */
  base?: ResourceGraph;
  /** In a change review: what CloudFormation will do to each resource. */
  changes?: readonly ResourceChange[];
  /** The rule's options with defaults filled in. */
  options: Record<string, number | string>;
  /** The lint date (`--date`), for rules that compare with calendars. */
  date: Date;
  report(report: Report): void;
}

export type ReportFn = RuleContext['report'];

export interface Rule {
  id: string;
  severity: Severity;
  category: Category;
  /** One line, for `archlint rules` and the README. */
  description: string;
  /** The line of the processing notes this rule enforces, quoted, when there is one. */
  seed?: string;
  /** Services to move to when the fix is another service. */
  suggest: readonly string[];
  /** AWS documentation the limit comes from. */
  sources: readonly string[];
  messages: Readonly<Record<string, string>>;
  options?: Readonly<Record<string, RuleOption>>;
  /** `change` rules compare two versions of a template and run only in `archlint diff`. */
  kind?: 'template' | 'change';
  check(context: RuleContext): void;
}

/** Identity, with the type checked: a rule module's default export. */
export function defineRule(rule: Rule): Rule {
  return rule;
}

/** Fills `{{name}}` placeholders; a missing one stays visible rather than silently empty. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (Object.hasOwn(data, name) ? String(data[name]) : whole));
}

/** A related location for a value that came from a parameter default or a mapping entry. */
export function originOf(known: { origin?: Path }): Array<{ at: Path; message: string }> {
  if (!known.origin) return [];
  const [section, name] = known.origin;
  return [{ at: known.origin, message: section === 'Parameters' ? `value from the default of parameter ${String(name)}` : `value from mapping ${String(name)}` }];
}
