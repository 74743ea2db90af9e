import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Reporter } from './types.js';

export const REPORTERS: Readonly<Record<string, Reporter>> = { stylish, json, sarif, junit, github };
export type { LintResult, ReportOptions, Reporter } from './types.js';
export { shouldColor } from './color.js';
