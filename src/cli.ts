import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { RULES } from '../rules/index.js';
import { lintPaths } from './api.js';
import { findConfig, loadConfig, type Config } from './engine/config.js';
import { SEVERITIES, SEVERITY_RANK, type Rule, type Severity } from './engine/rule.js';
import { InputError } from './load/types.js';
import { packageRoot } from './package-root.js';
import { REPORTERS, shouldColor } from './report/index.js';

/** Exit codes: 0 nothing at or above --fail-on, 1 findings that fail, 2 usage, config or input error. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stdoutIsTTY: boolean;
  readStdin?: () => string;
}

const defaultIo = (): Io => ({
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stdoutIsTTY: process.stdout.isTTY === true,
});

class UsageError extends Error {}

/** Runs archlint with the given arguments (without `node archlint`) and returns the exit code. */
export async function main(argv: readonly string[], io: Io = defaultIo()): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help' ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof UsageError) {
      io.stderr(`archlint: ${err.message}\n`);
      return EXIT.usage;
    }
    throw err;
  }
  return code;
}

function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('archlint')
    .description('Architecture linter for AWS CloudFormation, SAM and CDK templates: limits and anti-patterns, with the services to use instead.')
    .version(version(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run archlint --help for usage)');

  program
    .command('lint', { isDefault: true })
    .description('lint templates (files, folders, or - for stdin); the default command')
    .argument('[paths...]', 'templates or folders to lint (.yaml, .yml, .json, .template)', ['.'])
    .addOption(new Option('-f, --format <format>', 'output format on stdout').choices(Object.keys(REPORTERS)).default('stylish'))
    .option('-o, --output <format=file>', 'also write a format to a file, e.g. sarif=archlint.sarif (repeatable)', collect, [])
    .addOption(new Option('--fail-on <severity>', 'lowest severity that makes the exit code 1 (default: error)').choices([...SEVERITIES]))
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .option('-q, --quiet', 'print errors only (warnings and info still count for --fail-on)')
    .option('-c, --config <file>', 'the config file (default: the nearest .archlint.yml from the first path upward)')
    .option('--no-config', 'use no config file')
    .option('--report-unused-suppressions', 'report suppressions that matched no finding')
    .option('--skip-non-templates', 'skip named files that are not CloudFormation templates instead of reporting them (for pre-commit)')
    .option('-p, --parameter <Key=Value>', 'a template parameter value, used instead of its default (repeatable)', collect, [])
    .option('--date <YYYY-MM-DD>', 'the date to lint as (runtime deprecation), default today')
    .option('--rule <id>', 'run only this rule (repeatable)', collect, [])
    .option('--rule-option <id.option=value>', "set a rule's option, e.g. lambda-long-running.percent=80 (repeatable)", collect, [])
    .option('--color', 'force colour')
    .option('--no-color', 'no colour (also: NO_COLOR=1)')
    .action((paths: string[], opts: LintCommandOptions) => setExit(runLint(paths, opts, io)));

  program
    .command('rules')
    .description('list every rule with its severity and one-line description')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((opts: { format: string }) => {
      io.stdout(opts.format === 'json' ? JSON.stringify(RULES.map(ruleSummary), null, 2) + '\n' : rulesTable());
    });

  program
    .command('explain')
    .description("print a rule's rationale, the line of the notes it enforces, what to do instead and examples")
    .argument('<rule-id>', 'a rule id, as `archlint rules` lists them')
    .action((id: string) => {
      const rule = RULES.find((r) => r.id === id);
      if (!rule) throw new UsageError(`unknown rule "${id}"; run \`archlint rules\` for the list`);
      io.stdout(explain(rule));
    });

  return program;
}

interface LintCommandOptions {
  format: string;
  output: string[];
  failOn?: Severity;
  maxWarnings?: string;
  quiet?: boolean;
  config?: string | false;
  reportUnusedSuppressions?: boolean;
  skipNonTemplates?: boolean;
  parameter: string[];
  date?: string;
  rule: string[];
  ruleOption: string[];
  color?: boolean;
}

function runLint(paths: string[], opts: LintCommandOptions, io: Io): number {
  const parameters = new Map<string, string>();
  for (const p of opts.parameter) {
    const eq = p.indexOf('=');
    if (eq <= 0) throw new UsageError(`--parameter expects Key=Value, got "${p}"`);
    parameters.set(p.slice(0, eq), p.slice(eq + 1));
  }
  const date = opts.date === undefined ? undefined : parseDate(opts.date);
  for (const id of opts.rule) if (!RULES.some((r) => r.id === id)) throw new UsageError(`unknown rule "${id}" in --rule; run \`archlint rules\``);
  const rules = opts.rule.length > 0 ? RULES.filter((r) => opts.rule.includes(r.id)) : RULES;

  const ruleOptions = parseRuleOptions(opts.ruleOption);
  const outputs = opts.output.map(parseOutput);
  const maxWarnings = opts.maxWarnings === undefined ? undefined : parseCount(opts.maxWarnings);
  const config = readConfig(opts.config, paths);

  const result = lintPaths(paths, {
    rules,
    parameters,
    date,
    ruleOptions,
    config,
    reportUnusedSuppressions: opts.reportUnusedSuppressions,
    skipNonTemplates: opts.skipNonTemplates,
    readStdin: io.readStdin,
  });
  if (result.files === 0 && result.inputErrors.length === 0 && !opts.skipNonTemplates) {
    io.stderr(`archlint: no CloudFormation templates found in ${paths.join(', ')}\n`);
    return EXIT.usage;
  }
  const color = opts.color === undefined ? shouldColor({ isTTY: io.stdoutIsTTY }) : opts.color;
  const shown = opts.quiet ? { ...result, findings: result.findings.filter((f) => f.severity === 'error') } : result;
  io.stdout(REPORTERS[opts.format](shown, { color }));
  for (const { format, file } of outputs) {
    try {
      writeFileSync(file, REPORTERS[format](result, { color: false }));
    } catch (err) {
      throw new UsageError(`cannot write ${file}: ${(err as Error).message}`);
    }
  }
  if (result.inputErrors.length > 0) return EXIT.usage;
  const bar = SEVERITY_RANK[opts.failOn ?? config?.failOn ?? 'error'];
  if (result.findings.some((f) => SEVERITY_RANK[f.severity] >= bar)) return EXIT.findings;
  const limit = maxWarnings ?? config?.maxWarnings;
  if (limit !== undefined && result.findings.filter((f) => f.severity === 'warning').length > limit) return EXIT.findings;
  return EXIT.ok;
}

/** `--config`, else the nearest .archlint.yml from the first path upward; `--no-config` for none. */
function readConfig(option: string | false | undefined, paths: string[]): Config | undefined {
  if (option === false) return undefined;
  const file = option ?? findConfig(paths.find((p) => p !== '-') ?? '.');
  if (!file) return undefined;
  try {
    return loadConfig(file, RULES);
  } catch (err) {
    if (err instanceof InputError) throw new UsageError(`${err.file}:${err.position.line}:${err.position.column}: ${err.message}`);
    throw err;
  }
}

function parseOutput(spec: string): { format: string; file: string } {
  const eq = spec.indexOf('=');
  const format = spec.slice(0, eq);
  if (eq <= 0 || !Object.hasOwn(REPORTERS, format) || spec.slice(eq + 1) === '') {
    throw new UsageError(`--output expects <format>=<file> with a format among ${Object.keys(REPORTERS).join(', ')}, got "${spec}"`);
  }
  return { format, file: spec.slice(eq + 1) };
}

function parseCount(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--max-warnings expects a whole number, got "${text}"`);
  return n;
}

/** `lambda-long-running.percent=80` → { 'lambda-long-running': { percent: 80 } }, checked against the rule's declared options. */
function parseRuleOptions(specs: string[]): Record<string, Record<string, number | string>> {
  const out: Record<string, Record<string, number | string>> = {};
  for (const spec of specs) {
    const m = /^([a-z0-9-]+)\.([A-Za-z0-9]+)=(.*)$/.exec(spec);
    if (!m) throw new UsageError(`--rule-option expects <rule-id>.<option>=<value>, got "${spec}"`);
    const [, id, name, raw] = m;
    const rule = RULES.find((r) => r.id === id);
    if (!rule) throw new UsageError(`unknown rule "${id}" in --rule-option; run \`archlint rules\``);
    const option = rule.options?.[name];
    if (!option) {
      const known = Object.keys(rule.options ?? {});
      throw new UsageError(`rule ${id} has no option "${name}"${known.length > 0 ? ` (it has: ${known.join(', ')})` : ' (it takes none)'}`);
    }
    const value = option.type === 'number' ? Number(raw) : raw;
    if (option.type === 'number' && (raw.trim() === '' || !Number.isFinite(value))) throw new UsageError(`--rule-option ${id}.${name} expects a number, got "${raw}"`);
    (out[id] ??= {})[name] = value;
  }
  return out;
}

function parseDate(text: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
    throw new UsageError(`--date expects a date as YYYY-MM-DD, got "${text}"`);
  }
  return date;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function ruleSummary(rule: Rule) {
  return { id: rule.id, severity: rule.severity, category: rule.category, description: rule.description, suggest: rule.suggest };
}

function rulesTable(): string {
  const idWidth = Math.max(...RULES.map((r) => r.id.length));
  const rows = [...RULES]
    .sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id))
    .map((r) => `${r.id.padEnd(idWidth)}  ${r.severity.padEnd(7)}  ${r.category.padEnd(13)}  ${r.description}`);
  return rows.join('\n') + `\n\n${RULES.length} rules. \`archlint explain <id>\` tells more.\n`;
}

/** The rule's doc (rules/<category>/<id>.md), after a header with its metadata. */
function explain(rule: Rule): string {
  const doc = readFileSync(join(packageRoot(), 'rules', rule.category, `${rule.id}.md`), 'utf8');
  const head = [`${rule.id} (${rule.severity}, ${rule.category})`];
  if (rule.seed) head.push(`Enforces: "${rule.seed}"`);
  if (rule.suggest.length > 0) head.push(`Consider: ${rule.suggest.join(', ')}`);
  return `${head.join('\n')}\n\n${doc.trimEnd()}\n`;
}

function version(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
