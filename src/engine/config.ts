import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { createRequire } from 'node:module';
import type { Ajv as AjvClass, ErrorObject } from 'ajv';
import { parseYamlTemplate } from '../load/yaml.js';
import { InputError, type Path, type SourceMap } from '../load/types.js';
import { packageRoot } from '../package-root.js';
import { globToRegExp } from './glob.js';
import { SEVERITIES, type Rule, type Severity } from './rule.js';
import { own } from '../own.js';

export const CONFIG_NAMES = ['.archlint.yml', '.archlint.yaml'];

/** A central suppression from the config file, with where it is written there. */
export interface ConfigSuppression {
  rule: string;
  file?: RegExp;
  resource?: RegExp;
  reason?: string;
  path: Path;
}

export interface Config {
  file: string;
  dir: string;
  source: SourceMap;
  text: string;
  severities: Map<string, Severity | 'off'>;
  ruleOptions: Record<string, Record<string, number | string>>;
  ignore: RegExp[];
  parameters: Map<string, string>;
  date?: Date;
  failOn?: Severity;
  maxWarnings?: number;
  suppressions: ConfigSuppression[];
}

/** The nearest .archlint.yml from `start` (a file or folder) upward. */
export function findConfig(start: string): string | undefined {
  let dir = resolve(start);
  if (existsSync(dir) && !isDirectory(dir)) dir = dirname(dir);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const found = join(dir, name);
      if (!existsSync(found)) continue;
      const rel = relative(process.cwd(), found);
      return rel.startsWith('..') ? found : rel;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

let validator: ReturnType<AjvClass['compile']> | undefined;

/** ajv is loaded when a config file is read, not at every start. */
function compileSchema(): ReturnType<AjvClass['compile']> {
  const { Ajv } = createRequire(import.meta.url)('ajv') as { Ajv: typeof AjvClass };
  return new Ajv({ allErrors: false, strict: false }).compile(JSON.parse(readFileSync(join(packageRoot(), 'schema', 'archlint.schema.json'), 'utf8')));
}

/** Reads and validates a config file against schema/archlint.schema.json; problems are InputErrors with line and column. */
export function loadConfig(file: string, rules: readonly Rule[]): Config {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(file, `cannot read the config file: ${(err as Error).message}`);
  }
  const { body, source } = text.trim() === '' ? { body: {}, source: undefined } : parseYamlTemplate(file, text);
  if (!source) return emptyConfig(file, text);
  validator ??= compileSchema();
  if (!validator(body)) throw schemaError(file, source, validator.errors?.[0]);
  const raw = body as {
    rules?: Record<string, string | { severity?: string; options?: Record<string, number | string> }>;
    ignore?: string[];
    parameters?: Record<string, string | number | boolean>;
    date?: string;
    failOn?: Severity;
    maxWarnings?: number;
    suppressions?: Array<{ rule: string; file?: string; resource?: string; reason?: string }>;
  };
  const config = emptyConfig(file, text);
  config.source = source;
  for (const [id, setting] of Object.entries(raw.rules ?? {})) {
    const rule = rules.find((r) => r.id === id);
    if (!rule) throw at(file, source, ['rules', id], `unknown rule "${id}" in rules; \`archlint rules\` lists them`, true);
    const severity = typeof setting === 'string' ? setting : setting.severity;
    if (severity) config.severities.set(id, severity as Severity | 'off');
    if (typeof setting === 'object' && setting.options) {
      for (const [name, value] of Object.entries(setting.options)) {
        const option = own(rule.options, name);
        if (!option) throw at(file, source, ['rules', id, 'options', name], `rule ${id} has no option "${name}"`, true);
        if (typeof value !== option.type) throw at(file, source, ['rules', id, 'options', name], `option ${id}.${name} must be a ${option.type}`);
        (config.ruleOptions[id] ??= {})[name] = value;
      }
    }
  }
  config.ignore = (raw.ignore ?? []).map(globToRegExp);
  for (const [name, value] of Object.entries(raw.parameters ?? {})) config.parameters.set(name, String(value));
  if (raw.date) {
    const date = new Date(`${raw.date}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== raw.date) throw at(file, source, ['date'], `date must be a real date as YYYY-MM-DD, not ${raw.date}`);
    config.date = date;
  }
  config.failOn = raw.failOn;
  config.maxWarnings = raw.maxWarnings;
  config.suppressions = (raw.suppressions ?? []).map((s, i) => ({
    rule: s.rule,
    file: s.file ? globToRegExp(s.file) : undefined,
    resource: s.resource ? globToRegExp(s.resource) : undefined,
    reason: s.reason,
    path: ['suppressions', i],
  }));
  return config;
}

function emptyConfig(file: string, text: string): Config {
  return {
    file,
    dir: dirname(resolve(file)),
    text,
    source: { locate: () => ({ range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }, exact: false }), locateKey: () => undefined },
    severities: new Map(),
    ruleOptions: {},
    ignore: [],
    parameters: new Map(),
    suppressions: [],
  };
}

function schemaError(file: string, source: SourceMap, error: ErrorObject | undefined): InputError {
  if (!error) return new InputError(file, 'invalid config');
  const path: Path = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const where = path.length > 0 ? path.join('.') : 'the config';
  if (error.keyword === 'additionalProperties') {
    const key = String((error.params as { additionalProperty: string }).additionalProperty);
    return at(file, source, [...path, key], `${where === 'the config' ? 'unknown key' : `unknown key in ${where}:`} "${key}"`, true);
  }
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.join(', ');
    return at(file, source, path, `${where} must be one of: ${allowed}`);
  }
  if (error.keyword === 'oneOf' && path[0] === 'rules') {
    return at(file, source, path, `${where} must be one of ${['off', ...SEVERITIES].join(', ')}, or { severity, options }`);
  }
  if (error.keyword === 'type') {
    const type = String((error.params as { type: unknown }).type);
    const noun = type === 'object' ? 'a mapping' : type === 'array' ? 'a list' : `a ${type.replace(/,/g, ' or ')}`;
    return at(file, source, path, `${where} must be ${noun}`);
  }
  return at(file, source, path, `${where} ${error.message ?? 'is invalid'}`);
}

function at(file: string, source: SourceMap, path: Path, message: string, onKey = false): InputError {
  const range = (onKey && source.locateKey(path)) || source.locate(path).range;
  return new InputError(file, `invalid config: ${message}`, range.start);
}
