// What the CI lint step and the pre-commit hook rely on: SARIF, JUnit, GitHub annotations,
// configuration, suppressions. Runs the built binary as CI would.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, writeFiles } from './helpers/cli.js';
import { parse } from 'yaml';
import { RULES } from '../rules/index.js';


const run = (args: string[], cwd = ROOT) => runCli(args, cwd);

const write = writeFiles;

// Change rules run only in archlint diff: a plain lint describes the others.
const TEMPLATE_RULES = RULES.filter((r) => r.kind !== 'change').length;

const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), `archlint-${prefix}-`));

describe('SARIF', () => {
  const require = createRequire(import.meta.url);
  const Ajv = require('ajv-draft-04');
  // The schema has a pattern that is invalid in unicode mode.
  const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(JSON.parse(readFileSync(join(ROOT, 'tests', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8')));

  it('validates against the SARIF 2.1.0 schema, with a descriptor per rule and repository-relative URIs', () => {
    const r = run(['fixtures/examples/', '--format', 'sarif', '--date', '2026-11-27']);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    const run0 = log.runs[0];
    expect(run0.tool.driver.rules.length).toBe(TEMPLATE_RULES);
    expect(run0.results.length).toBeGreaterThan(20);
    expect(run0.results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'fixtures/examples/clickstream-pipeline.yaml', uriBaseId: 'SRCROOT' });
    const related = run0.results.find((x: { relatedLocations?: unknown[] }) => x.relatedLocations);
    expect(related.relatedLocations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
  });

  it('keeps fingerprints when lines are inserted above a finding', () => {
    const dir = tmp('sarif');
    cpSync(join(ROOT, 'fixtures', 'examples'), join(dir, 'examples'), { recursive: true });
    const fingerprints = () => {
      const log = JSON.parse(run(['examples', '--format', 'sarif', '--date', '2026-11-27'], dir).stdout);
      return log.runs[0].results.map((x: { ruleId: string; partialFingerprints: Record<string, string>; locations: Array<{ physicalLocation: { region: { startLine: number } } }> }) => ({
        rule: x.ruleId,
        fp: x.partialFingerprints['archlintFingerprint/v1'],
        line: x.locations[0].physicalLocation.region.startLine,
      }));
    };
    const before = fingerprints();
    const file = join(dir, 'examples', 'emr-hive-spark.yaml');
    writeFileSync(file, '# a comment\n# and another\n\n' + readFileSync(file, 'utf8'));
    const after = fingerprints();
    const sortFp = (xs: Array<{ fp: string }>) => xs.map((x) => x.fp).sort();
    expect(sortFp(after)).toEqual(sortFp(before));
    expect(new Set(before.map((x: { fp: string }) => x.fp)).size).toBe(before.length);
    expect(after.map((x: { line: number }) => x.line)).not.toEqual(before.map((x: { line: number }) => x.line));
  });
});

describe('JUnit and GitHub annotations', () => {
  it('writes one test case per file and rule, and several formats at once with --output', () => {
    const dir = tmp('out');
    const r = run(['fixtures/lambda-timeout-exceeds-max/bad.yaml', '--format', 'github', '--output', `junit=${join(dir, 'junit.xml')}`, '--output', `sarif=${join(dir, 'a.sarif')}`]);
    expect(r.code).toBe(1);
    const xml = readFileSync(join(dir, 'junit.xml'), 'utf8');
    expect(xml).toMatch(new RegExp(`^<\\?xml version="1.0" encoding="UTF-8"\\?>\n<testsuites name="archlint" tests="${TEMPLATE_RULES}" failures="1" errors="0">`));
    expect(xml).toContain('<testcase classname="fixtures/lambda-timeout-exceeds-max/bad.yaml" name="lambda-timeout-exceeds-max">');
    expect(xml).toContain('<failure message="Lambda function &quot;Export&quot; has Timeout 1200 s; the maximum is 900 s." type="error">');
    expect(JSON.parse(readFileSync(join(dir, 'a.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(r.stdout.split('\n')[0]).toBe(
      '::error file=fixtures/lambda-timeout-exceeds-max/bad.yaml,line=15,col=16,endLine=15,endColumn=20,title=archlint lambda-timeout-exceeds-max::Lambda function "Export" has Timeout 1200 s; the maximum is 900 s.%0AConsider: AWS Step Functions, Amazon ECS on AWS Fargate, AWS Batch, AWS Elastic Beanstalk',
    );
  });

  it('refuses an unknown --output format', () => {
    const r = run(['fixtures/examples', '--output', 'xml=out.xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^archlint: --output expects <format>=<file>/);
  });
});

describe('the pre-commit hook', () => {
  it('reports only the template findings in a repository mixing templates, workflows and Kubernetes manifests', () => {
    const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; entry: string; files: string; args: string[]; language: string }>;
    const hook = hooks.find((h) => h.id === 'archlint')!;
    expect([hook.entry, hook.language]).toEqual(['archlint', 'node']);
    const repo = write(tmp('precommit'), {
      'infra/queue.yaml': 'Resources:\n  Worker:\n    Type: AWS::Lambda::Function\n    Properties:\n      Timeout: 1200\n',
      '.github/workflows/ci.yml': 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n',
      'k8s/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n',
      'package.json': '{"name": "app", "version": "1.0.0"}',
      'README.md': '# app\n',
    });
    const staged = ['infra/queue.yaml', '.github/workflows/ci.yml', 'k8s/deployment.yaml', 'package.json', 'README.md'];
    const files = staged.filter((f) => new RegExp(hook.files).test(f));
    expect(files).toEqual(['infra/queue.yaml', '.github/workflows/ci.yml', 'k8s/deployment.yaml', 'package.json']);
    const r = run([...hook.args, ...files], repo);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('infra/queue.yaml:5:16  error  Lambda function "Worker" has Timeout 1200 s');
    expect(r.stdout).not.toMatch(/ci\.yml|deployment\.yaml|package\.json/);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('✖ 1 problem (1 error, 0 warnings, 0 info) in 1 template');
    // Nothing but non-templates staged: nothing to say, success.
    const none = run([...hook.args, '.github/workflows/ci.yml', 'package.json'], repo);
    expect([none.code, none.stderr]).toEqual([0, '']);
  });
});

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  ByMetadata:
    Type: AWS::Lambda::Function
    Metadata:
      archlint:
        ignore:
          - rule: lambda-timeout-exceeds-max
            reason: migrated to Step Functions next sprint
      cfn-lint: { config: { ignore_checks: [E3012] } }
      cfn_nag: { rules_to_suppress: [{ id: W89, reason: not in a VPC }] }
      checkov: { skip: [{ id: CKV_AWS_116, comment: no DLQ }] }
    Properties:
      Timeout: 1000
  ByNextLine:
    Type: AWS::Lambda::Function
    Properties:
      # archlint-disable-next-line lambda-timeout-exceeds-max -- batch job, tracked in JIRA-12
      Timeout: 1000
  ByResourceLine: # archlint-disable lambda-timeout-exceeds-max, lambda-memory-range -- legacy import
    Type: AWS::Lambda::Function
    Properties:
      Timeout: 1000
      MemorySize: 64
  NoReason:
    Type: AWS::Lambda::Function
    Metadata:
      archlint:
        ignore:
          - rule: lambda-timeout-exceeds-max
    Properties:
      # archlint-disable-next-line lambda-memory-range
      MemorySize: 20000
      Timeout: 1000
  ByConfig:
    Type: AWS::Lambda::Function
    Metadata:
      aws:cdk:path: App/Reports/Handler/Resource
    Properties:
      Timeout: 1000
  Unsuppressed:
    Type: AWS::Lambda::Function
    Properties:
      Timeout: 1000
`;

describe('suppressions', () => {
  const repo = write(tmp('suppress'), {
    'stacks/app.yaml': TEMPLATE,
    '.archlint.yml': [
      'suppressions:',
      '  - rule: lambda-timeout-exceeds-max',
      '    file: "stacks/*.yaml"',
      '    resource: "App/Reports/**"',
      '    reason: reports are moving to AWS Batch',
      '  - rule: lambda-long-running',
      '    resource: Nothing*',
      '    reason: kept for the next release',
      '  - rule: lambda-memory-range',
      '    resource: Unsuppressed',
      '',
    ].join('\n'),
  });

  it('honours Metadata, comments and config suppressions with reasons, and reports the ones without', () => {
    const r = run(['stacks', '--format', 'json'], repo);
    const doc = JSON.parse(r.stdout);
    const active = doc.findings.map((f: { file: string; rule: string; resource: string | null; range: { start: { line: number } } }) => `${f.file}:${f.range.start.line} ${f.rule} ${f.resource ?? '-'}`);
    // Without a reason nothing is suppressed, and the suppression itself is reported where it is written.
    expect(active).toEqual([
      '.archlint.yml:9 suppression-without-reason -',
      'stacks/app.yaml:30 suppression-without-reason -',
      'stacks/app.yaml:32 suppression-without-reason -',
      'stacks/app.yaml:33 lambda-memory-range NoReason',
      'stacks/app.yaml:34 lambda-timeout-exceeds-max NoReason',
      'stacks/app.yaml:44 lambda-timeout-exceeds-max Unsuppressed',
    ]);
    expect(doc.suppressed.map((f: { resource: string; suppression: { kind: string; justification: string } }) => `${f.resource} ${f.suppression.kind} ${f.suppression.justification}`)).toEqual([
      'ByMetadata inSource migrated to Step Functions next sprint',
      'ByNextLine inSource batch job, tracked in JIRA-12',
      'ByResourceLine inSource legacy import',
      'ByResourceLine inSource legacy import',
      'ByConfig external reports are moving to AWS Batch',
    ]);
  });

  it('honours a template-level Metadata suppression for the whole file', () => {
    const dir = write(tmp('suppress-file'), {
      'legacy.yaml': [
        'Metadata:',
        '  archlint:',
        '    ignore:',
        '      - rule: lambda-timeout-exceeds-max',
        '        reason: the whole stack is being retired',
        'Resources:',
        '  A: { Type: AWS::Lambda::Function, Properties: { Timeout: 1000 } }',
        '  B: { Type: AWS::Lambda::Function, Properties: { Timeout: 2000, MemorySize: 64 } }',
        '',
      ].join('\n'),
    });
    const doc = JSON.parse(run(['legacy.yaml', '--format', 'json', '--no-config'], dir).stdout);
    expect(doc.findings.map((f: { rule: string }) => f.rule)).toEqual(['lambda-memory-range']);
    expect(doc.suppressed.map((f: { resource: string }) => f.resource)).toEqual(['A', 'B']);
    expect(run(['legacy.yaml', '--no-config', '--rule', 'lambda-timeout-exceeds-max'], dir).code).toBe(0);
  });

  it('finds a Metadata suppression whose key is spelled with escapes (the text never says "archlint")', () => {
    const dir = write(tmp('suppress-escaped'), {
      'escaped.json': JSON.stringify({ Resources: { A: { Type: 'AWS::Lambda::Function', Metadata: { ARCHLINT: { ignore: [{ rule: 'lambda-timeout-exceeds-max', reason: 'spelled oddly' }] } }, Properties: { Timeout: 1000 } } } }).replace('"ARCHLINT"', '"\\u0061rchlint"'),
      'escaped.yaml': 'Resources:\n  A:\n    Type: AWS::Lambda::Function\n    Metadata:\n      "\\x61rchlint": { ignore: [{ rule: lambda-timeout-exceeds-max, reason: spelled oddly }] }\n    Properties: { Timeout: 1000 }\n',
      'escaped-long.yaml': 'Resources:\n  A:\n    Type: AWS::Lambda::Function\n    Metadata:\n      "\\U00000061rchlint": { ignore: [{ rule: lambda-timeout-exceeds-max, reason: spelled oddly }] }\n    Properties: { Timeout: 1000 }\n',
    });
    const doc = JSON.parse(run(['.', '--format', 'json', '--no-config'], dir).stdout);
    expect(doc.findings).toEqual([]);
    expect(doc.suppressed.map((f: { file: string; rule: string }) => `${f.file} ${f.rule}`)).toEqual(['escaped-long.yaml lambda-timeout-exceeds-max', 'escaped.json lambda-timeout-exceeds-max', 'escaped.yaml lambda-timeout-exceeds-max']);
  });

  it('reports unused suppressions on request', () => {
    const r = run(['stacks', '--format', 'json', '--report-unused-suppressions'], repo);
    expect(r.code).toBe(1);
    const unused = JSON.parse(r.stdout).findings.filter((f: { rule: string }) => f.rule === 'unused-suppression');
    expect(unused.map((f: { file: string; range: { start: { line: number } }; message: string }) => `${f.file}:${f.range.start.line} ${f.message}`)).toEqual([
      '.archlint.yml:6 Suppression of lambda-long-running matched no finding; remove it.',
    ]);
  });

  it('marks suppressed results as suppressed in SARIF, with the justification', () => {
    const log = JSON.parse(run(['stacks', '--format', 'sarif'], repo).stdout);
    const suppressed = log.runs[0].results.filter((x: { suppressions?: unknown[] }) => x.suppressions);
    expect(suppressed.length).toBe(5);
    expect(suppressed.map((x: { suppressions: Array<{ kind: string }> }) => x.suppressions[0].kind).sort()).toEqual(['external', 'inSource', 'inSource', 'inSource', 'inSource']);
  });
});

describe('configuration', () => {
  it('applies severities, options, ignores, parameters, date and failOn; the command line wins', () => {
    const repo = write(tmp('config'), {
      'app/main.yaml': 'Parameters:\n  T: { Type: Number, Default: 850 }\nResources:\n  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      Timeout: !Ref T\n      Runtime: python3.9\n',
      'app/generated/skip.yaml': 'Resources:\n  G:\n    Type: AWS::Lambda::Function\n    Properties: { Timeout: 5000 }\n',
      '.archlint.yml': [
        'rules:',
        '  lambda-long-running: { severity: error, options: { percent: 95 } }',
        '  lambda-runtime-deprecated: off',
        'ignore: ["app/generated/**"]',
        'parameters: { T: 870 }',
        'failOn: error',
        '',
      ].join('\n'),
    });
    const json = (args: string[]) => JSON.parse(run(['app', '--format', 'json', ...args], repo).stdout);
    // percent 95: 870 s is 96% → error; the runtime rule is off; generated/ is ignored.
    expect(json([]).findings.map((f: { rule: string; severity: string }) => `${f.rule} ${f.severity}`)).toEqual(['lambda-long-running error']);
    expect(run(['app'], repo).code).toBe(1);
    // Command line over config: the parameter and the option.
    expect(json(['--parameter', 'T=500']).findings).toEqual([]);
    expect(json(['--rule-option', 'lambda-long-running.percent=99']).findings).toEqual([]);
    // No config at all: defaults (warning at 90%, the runtime rule on).
    expect(json(['--no-config', '--date', '2026-11-27']).findings.map((f: { rule: string; severity: string }) => `${f.rule} ${f.severity}`).sort()).toEqual([
      'lambda-long-running warning',
      'lambda-runtime-deprecated warning',
      'lambda-timeout-exceeds-max error',
    ]);
  });

  it.each([
    ['rules:\n  lambda-long-running: loud\n', '.archlint.yml:2:24: invalid config: rules.lambda-long-running must be one of: off, info, warning, error'],
    ['rules:\n  no-such-rule: off\n', '.archlint.yml:2:3: invalid config: unknown rule "no-such-rule" in rules; `archlint rules` lists them'],
    ['failOn: fatal\n', '.archlint.yml:1:9: invalid config: failOn must be one of: error, warning, info'],
    ['ignore: [a]\nsupressions: []\n', '.archlint.yml:2:1: invalid config: unknown key "supressions"'],
    ['rules: { lambda-long-running: { options: { percent: high } } }\n', '.archlint.yml:1:53: invalid config: option lambda-long-running.percent must be a number'],
    ['rules:\n  - a\n', '.archlint.yml:2:3: invalid config: rules must be a mapping'],
    ['rules: [\n', '.archlint.yml:2:1: YAML syntax error: '],
  ])('refuses an invalid config with its line and column: %s', (config, message) => {
    const repo = write(tmp('badconfig'), { '.archlint.yml': config, 't.yaml': 'Resources:\n  Q: { Type: AWS::SQS::Queue }\n' });
    const r = run(['t.yaml'], repo);
    expect(r.code).toBe(2);
    expect(r.stderr.startsWith(`archlint: ${message}`), r.stderr).toBe(true);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });
});

describe('--max-warnings and --quiet', () => {
  it('fails on too many warnings, and prints errors only when quiet', () => {
    const file = 'fixtures/lambda-long-running/bad.yaml';
    expect(run([file, '--rule', 'lambda-long-running']).code).toBe(0);
    expect(run([file, '--rule', 'lambda-long-running', '--max-warnings', '1']).code).toBe(1);
    expect(run([file, '--rule', 'lambda-long-running', '--max-warnings', '2']).code).toBe(0);
    const quiet = run([file, '--quiet', '--format', 'json']);
    expect(JSON.parse(quiet.stdout).findings).toEqual([]);
  });
});
