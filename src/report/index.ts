import { json } from './json.js';
import { stylish } from './stylish.js';
import type { Reporter } from './types.js';

export const REPORTERS: Readonly<Record<string, Reporter>> = { stylish, json };
export type { LintResult, ReportOptions, Reporter } from './types.js';
export { shouldColor } from './color.js';
