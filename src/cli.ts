import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { RULES } from '../rules/index.js';
import { lintPaths, type LintOptions } from './api.js';
import { applyBaseline, writeBaseline } from './diff/baseline.js';
import { findConfig, loadConfig, type Config } from './engine/config.js';
import { SEVERITIES, SEVERITY_RANK, type Rule, type Severity } from './engine/rule.js';
import { InputError } from './load/types.js';
import { packageRoot } from './package-root.js';
import { REPORTERS, shouldColor, type LintResult } from './report/index.js';
import { own } from './own.js';

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

  withLintOptions(
    program
      .command('lint', { isDefault: true })
      .description('lint templates (files, folders, cdk.out, or - for stdin); the default command')
      .argument('[paths...]', 'templates or folders to lint (.yaml, .yml, .json, .template)', ['.']),
  )
    .option('--skip-non-templates', 'skip named files that are not CloudFormation templates instead of reporting them (for pre-commit)')
    .option('--baseline <file>', 'report only findings that are not in this baseline file')
    .option('--write-baseline <file>', "record today's findings in a baseline file (then exit 0)")
    .action(async (paths: string[], opts: LintCommandOptions) => setExit(await runLint(paths, opts, io)));

  withLintOptions(
    program
      .command('diff')
      .description('review a change: new, fixed and unchanged findings, and the risks of the change itself')
      .argument('[paths...]', '<base> <head> (files, folders or cdk.out), or with --git the paths to review (default .)'),
  )
    .option('--git <ref>', 'compare the working tree with this git revision (e.g. origin/main)')
    .action(async (paths: string[], opts: LintCommandOptions & { git?: string }) => setExit(await runDiff(paths, opts, io)));

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
  baseline?: string;
  writeBaseline?: string;
  parameter: string[];
  date?: string;
  rule: string[];
  ruleOption: string[];
  maxFileSize: string;
  color?: boolean;
}

/** The options `lint` and `diff` share. */
function withLintOptions(command: Command): Command {
  return command
    .addOption(new Option('-f, --format <format>', 'output format on stdout').choices(Object.keys(REPORTERS)).default('stylish'))
    .option('-o, --output <format=file>', 'also write a format to a file, e.g. sarif=archlint.sarif (repeatable)', collect, [])
    .addOption(new Option('--fail-on <severity>', 'lowest severity that makes the exit code 1 (default: error)').choices([...SEVERITIES]))
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .option('-q, --quiet', 'print errors only (warnings and info still count for --fail-on)')
    .option('-c, --config <file>', 'the config file (default: the nearest .archlint.yml from the first path upward)')
    .option('--no-config', 'use no config file')
    .option('--report-unused-suppressions', 'report suppressions that matched no finding')
    .option('-p, --parameter <Key=Value>', 'a template parameter value, used instead of its default (repeatable)', collect, [])
    .option('--date <YYYY-MM-DD>', 'the date to lint as (runtime deprecation), default today')
    .option('--rule <id>', 'run only this rule (repeatable)', collect, [])
    .option('--rule-option <id.option=value>', "set a rule's option, e.g. lambda-long-running.percent=80 (repeatable)", collect, [])
    .option('--max-file-size <MB>', 'refuse files larger than this many megabytes', '10')
    .option('--color', 'force colour')
    .option('--no-color', 'no colour (also: NO_COLOR=1)');
}

async function runDiff(paths: string[], opts: LintCommandOptions & { git?: string }, io: Io): Promise<number> {
  if (!opts.git && paths.length !== 2) throw new UsageError('diff takes <base> <head>, or --git <ref> [paths...]');
  const lintOptions = prepare(opts, opts.git ? paths : [paths[1]]);
  // Loaded here only: the CloudFormation diff library costs hundreds of milliseconds to import.
  const { reviewChange, gitBase, GitError } = await import('./diff/index.js');
  let sides;
  try {
    sides = opts.git ? gitBase(opts.git, paths) : explicitSides(paths[0], paths[1]);
  } catch (err) {
    if (err instanceof GitError) throw new UsageError(`diff --git: ${err.message}`);
    throw err;
  }
  const result = reviewChange(sides.base, sides.head, lintOptions);
  return finish(result, opts, lintOptions.config, io);
}

/**
 * Templates are paired across the two sides by their path below each side's root. Two folders are
 * their own roots; two files are one template in two versions (`old.yaml new.yaml`), whatever their
 * names; a file against a folder is keyed from the file's folder.
 */
function explicitSides(base: string, head: string): { base: { paths: string[]; root: string }; head: { paths: string[]; root: string } } {
  const [baseIsDir, headIsDir] = [isDirectory(base), isDirectory(head)];
  const rootOf = (path: string, isDir: boolean) => (isDir ? resolve(path) : !baseIsDir && !headIsDir ? resolve(path) : dirname(resolve(path)));
  return { base: { paths: [base], root: rootOf(base, baseIsDir) }, head: { paths: [head], root: rootOf(head, headIsDir) } };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    throw new UsageError(`${path}: no such file or directory`);
  }
}

async function runLint(paths: string[], opts: LintCommandOptions, io: Io): Promise<number> {
  const lintOptions = prepare(opts, paths);
  let result: LintResult = lintPaths(paths, { ...lintOptions, skipNonTemplates: opts.skipNonTemplates, readStdin: io.readStdin });
  if (result.files === 0 && result.inputErrors.length === 0 && !opts.skipNonTemplates) {
    io.stderr(`archlint: no CloudFormation templates found in ${paths.join(', ')}\n`);
    return EXIT.usage;
  }
  if (opts.writeBaseline) {
    writeBaseline(opts.writeBaseline, result.findings);
    io.stderr(`archlint: wrote ${result.findings.length} findings to the baseline ${opts.writeBaseline}\n`);
    return EXIT.ok;
  }
  if (opts.baseline) {
    let applied;
    try {
      applied = applyBaseline(opts.baseline, result.findings);
    } catch (err) {
      if (err instanceof InputError) throw new UsageError(`${err.file}: ${err.message}`);
      throw err;
    }
    result = { ...result, findings: applied.findings, baseline: { file: opts.baseline, matched: applied.matched, stale: applied.stale } };
  }
  return finish(result, opts, lintOptions.config, io);
}

/** Options shared by lint and diff, from the command line and the config file. */
function prepare(opts: LintCommandOptions, paths: string[]): LintOptions {
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
  opts.output.forEach(parseOutput);
  if (opts.maxWarnings !== undefined) parseCount(opts.maxWarnings);
  const config = readConfig(opts.config, paths);
  const megabytes = Number(opts.maxFileSize);
  if (!Number.isFinite(megabytes) || megabytes <= 0) throw new UsageError(`--max-file-size expects a number of megabytes, got "${opts.maxFileSize}"`);
  return { rules, parameters, date, ruleOptions, config, reportUnusedSuppressions: opts.reportUnusedSuppressions, maxFileBytes: Math.round(megabytes * 1048576) };
}

/** Prints the result, writes the --output files, and decides the exit code. */
function finish(result: LintResult, opts: LintCommandOptions, config: Config | undefined, io: Io): number {
  const color = opts.color === undefined ? shouldColor({ isTTY: io.stdoutIsTTY }) : opts.color;
  const shown = opts.quiet ? { ...result, findings: result.findings.filter((f) => f.severity === 'error') } : result;
  io.stdout(REPORTERS[opts.format](shown, { color }));
  for (const { format, file } of opts.output.map(parseOutput)) {
    try {
      writeFileSync(file, REPORTERS[format](result, { color: false }));
    } catch (err) {
      throw new UsageError(`cannot write ${file}: ${(err as Error).message}`);
    }
  }
  if (result.inputErrors.length > 0) return EXIT.usage;
  const bar = SEVERITY_RANK[opts.failOn ?? config?.failOn ?? 'error'];
  if (result.findings.some((f) => SEVERITY_RANK[f.severity] >= bar)) return EXIT.findings;
  const limit = opts.maxWarnings !== undefined ? parseCount(opts.maxWarnings) : config?.maxWarnings;
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
    const option = own(rule.options, name);
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
