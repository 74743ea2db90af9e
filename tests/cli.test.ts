// Runs the built binary as a user would (npm test builds first): stdout, stderr and exit codes.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { BIN, ROOT, runCli } from './helpers/cli.js';

// No NO_COLOR by default here: the colour test sets the environment itself.
const run = (args: string[], options: { input?: string; env?: Record<string, string> } = {}) =>
  options.input === undefined ? runCli(args, ROOT, { NO_COLOR: undefined, ...options.env }) : runWithInput(args, options.input);

function runWithInput(args: string[], input: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const BAD = 'fixtures/lambda-timeout-exceeds-max/bad.yaml';
const GOOD = 'fixtures/lambda-timeout-exceeds-max/good.yaml';

describe('archlint <files>', () => {
  it('prints a 1200 s timeout at its line and column, with a code frame and other services, and exits 1', () => {
    const r = run([BAD, '--rule', 'lambda-timeout-exceeds-max']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    const at = lines.indexOf(`${BAD}:15:16  error  Lambda function "Export" has Timeout 1200 s; the maximum is 900 s.  [lambda-timeout-exceeds-max]`);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(lines.slice(at + 1, at + 5)).toEqual([
      '      14 |       Code: { ZipFile: "def handler(e, c): pass" }',
      '    > 15 |       Timeout: 1200',
      '         |                ^^^^',
      '    → consider: AWS Step Functions, Amazon ECS on AWS Fargate, AWS Batch, AWS Elastic Beanstalk',
    ]);
    expect(lines.at(-2)).toBe('✖ 4 problems (4 errors, 0 warnings, 0 info) in 1 template');
  });

  it('exits 0 when nothing reaches --fail-on, 1 when it does', () => {
    expect(run([GOOD]).code).toBe(0);
    const warningsOnly = 'fixtures/lambda-long-running/bad.yaml';
    expect(run([warningsOnly]).code).toBe(0);
    expect(run([warningsOnly, '--fail-on', 'warning']).code).toBe(1);
  });

  it('prints the same bytes on every run', () => {
    const a = run(['fixtures/', '--format', 'json']);
    const b = run(['fixtures/', '--format', 'json']);
    expect(a.stdout.length).toBeGreaterThan(1000);
    expect(a.stdout).toBe(b.stdout);
  });

  it('writes the documented JSON shape', () => {
    const r = run([BAD, '--format', 'json', '--rule', 'lambda-timeout-exceeds-max']);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['version', 'findings', 'suppressed', 'inputErrors', 'summary']);
    expect(doc.findings[0]).toEqual({
      file: BAD,
      range: { start: { line: 15, column: 16 }, end: { line: 15, column: 20 } },
      rule: 'lambda-timeout-exceeds-max',
      severity: 'error',
      message: 'Lambda function "Export" has Timeout 1200 s; the maximum is 900 s.',
      resource: 'Export',
      constructPath: null,
      path: ['Resources', 'Export', 'Properties', 'Timeout'],
      related: [],
      suggest: ['AWS Step Functions', 'Amazon ECS on AWS Fargate', 'AWS Batch', 'AWS Elastic Beanstalk'],
      fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(doc.summary).toEqual({ templates: 1, errors: 4, warnings: 0, infos: 0, suppressed: 0, inputErrors: 0 });
  });

  it('reports a broken file with file:line:col, exit 2, and still lints the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'archlint-cli-'));
    writeFileSync(join(dir, 'broken.json'), '{\n  "Resources": {,\n}');
    const r = run([join(dir, 'broken.json'), BAD]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`${join(dir, 'broken.json')}:2:17  error  JSON syntax error: unexpected ',', expected a double-quoted key  [input-error]`);
    expect(r.stdout).toContain(`${BAD}:15:16  error  Lambda function "Export"`);
    expect(r.stdout).not.toMatch(/\n\s+at /);
    expect(r.stderr).toBe('');
  });

  it('reads a template from stdin with -', () => {
    const r = run(['-', '--format', 'json'], { input: 'Resources:\n  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      Timeout: 901\n' });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings.map((f: { file: string; range: { start: unknown } }) => [f.file, f.range.start])).toEqual([['<stdin>', { line: 5, column: 16 }]]);
  });

  it('uses --parameter values instead of defaults', () => {
    const r = run(['fixtures/examples/clickstream-pipeline.yaml', '--parameter', 'Stage=dev', '--parameter', 'ReportTimeout=60', '--format', 'json']);
    const rules = JSON.parse(r.stdout).findings.map((f: { rule: string }) => f.rule);
    expect(rules).not.toContain('esm-batch-size-limit');
    expect(rules).not.toContain('lambda-long-running');
  });

  it('sets rule options with --rule-option, and refuses unknown ones', () => {
    const file = 'fixtures/lambda-long-running/good.yaml';
    expect(run([file, '--rule', 'lambda-long-running', '--format', 'json']).stdout).toContain('"findings": []');
    const lowered = JSON.parse(run([file, '--rule', 'lambda-long-running', '--rule-option', 'lambda-long-running.percent=80', '--format', 'json']).stdout);
    expect(lowered.findings.map((f: { message: string }) => f.message)).toEqual(['Lambda function "JustBelow" has Timeout 809 s, 89% of the 900 s maximum (warning from 720 s).']);
    const bad = run([file, '--rule-option', 'lambda-long-running.nope=1']);
    expect([bad.code, bad.stderr]).toEqual([2, 'archlint: rule lambda-long-running has no option "nope" (it has: percent)\n']);
    expect(run([file, '--rule-option', 'lambda-long-running.percent=abc']).code).toBe(2);
  });

  it('colours only on a TTY or when forced, never with NO_COLOR', () => {
    expect(run([BAD]).stdout).not.toContain('\x1b[');
    expect(run([BAD], { env: { FORCE_COLOR: '1' } }).stdout).toContain('\x1b[31merror');
    expect(run([BAD], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain('\x1b[');
  });

  it('exits 2 on usage errors, without a stack trace', () => {
    for (const args of [['--format', 'xml', BAD], ['--date', '2026-13-01', BAD], ['--parameter', 'novalue', BAD], ['--rule', 'no-such-rule', BAD], ['--bogus']]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^(archlint: |error: )/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('exits 2 when no template is found', () => {
    const dir = mkdtempSync(join(tmpdir(), 'archlint-cli-'));
    const r = run([dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`archlint: no CloudFormation templates found in ${dir}\n`);
  });
});

describe('archlint rules / explain', () => {
  it('lists every rule with its severity and description', () => {
    const r = run(['rules']);
    expect(r.code).toBe(0);
    for (const rule of RULES) expect(r.stdout).toMatch(new RegExp(`^${rule.id} +${rule.severity} +${rule.category} +`, 'm'));
    expect(JSON.parse(run(['rules', '--format', 'json']).stdout).map((x: { id: string }) => x.id).sort()).toEqual(RULES.map((x) => x.id).sort());
  });

  it.each(RULES.map((r) => r.id))('explains %s: rationale, seed line, what to do instead, an example', (id) => {
    const r = run(['explain', id]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^${id} \\(`));
    expect(r.stdout).toContain('## Why');
    expect(r.stdout).toContain('## What to do instead');
    expect(r.stdout).toContain('## Examples');
    const rule = RULES.find((x) => x.id === id)!;
    if (rule.seed) expect(r.stdout).toContain(`Enforces: "${rule.seed}"`);
  });

  it('refuses an unknown rule with exit 2', () => {
    const r = run(['explain', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('archlint: unknown rule "nope"; run `archlint rules` for the list\n');
  });

  it('prints help and version with exit 0', () => {
    expect(run(['--help']).code).toBe(0);
    expect(run(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('the launcher', () => {
  const bundle = join(ROOT, 'dist', 'bundle', 'cli.cjs');

  it('compiles the bundle from the V8 code cache the build recorded, and V8 accepts it', () => {
    // Compiled as bin/archlint.cjs compiles it, in a plain node process (the test runner's own flags would change V8's check).
    const probe = `
      const { readFileSync, statSync } = require('node:fs');
      const { Script } = require('node:vm');
      const bundle = ${JSON.stringify(bundle)};
      const stat = statSync(bundle);
      const stampOk = readFileSync(bundle + '.v8cache.stamp', 'utf8') === stat.size + ':' + stat.mtimeMs;
      const source = readFileSync(bundle, 'utf8');
      const script = new Script('(function (exports, require, module, __filename, __dirname) {' + source + '\\n})', { filename: bundle, cachedData: readFileSync(bundle + '.v8cache') });
      console.log(JSON.stringify({ stampOk, rejected: script.cachedDataRejected }));`;
    const r = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    expect(JSON.parse(r.stdout)).toEqual({ stampOk: true, rejected: false });
    expect(readFileSync(join(ROOT, 'bin', 'archlint.cjs'), 'utf8')).toContain("`(function (exports, require, module, __filename, __dirname) {${source}\\n})`");
  });

  it('still runs when the code cache is corrupt and its stamp does not match the bundle', () => {
    const dir = mkdtempSync(join(tmpdir(), 'archlint-launcher-'));
    cpSync(join(ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
    cpSync(join(ROOT, 'dist', 'bundle'), join(dir, 'dist', 'bundle'), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
    writeFileSync(join(dir, 'dist', 'bundle', 'cli.cjs.v8cache'), 'not a code cache');
    writeFileSync(join(dir, 'dist', 'bundle', 'cli.cjs.v8cache.stamp'), '0:0');
    // The bundle requires its lazily loaded dependencies from node_modules beside it.
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    const r = spawnSync(process.execPath, [join(dir, 'bin', 'archlint.cjs'), join(ROOT, 'fixtures', 'lambda-timeout-exceeds-max', 'bad.yaml'), '--no-config'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('Lambda function "Export" has Timeout 1200 s; the maximum is 900 s.');
    expect(r.stderr).toBe('');
  });
});
