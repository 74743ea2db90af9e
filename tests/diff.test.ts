// Change review (archlint diff) and baselines, through the built binary.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, writeFiles } from './helpers/cli.js';


const run = (args: string[], cwd = ROOT) => runCli(args, cwd);

const write = writeFiles;

const QUEUE_AND_WORKER = (visibility: number) => `Resources:
  Jobs:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: ${visibility}
      RedrivePolicy: { deadLetterTargetArn: !GetAtt Dlq.Arn, maxReceiveCount: 5 }
  Dlq:
    Type: AWS::SQS::Queue
  Worker:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Timeout: 60
  Mapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      EventSourceArn: !GetAtt Jobs.Arn
      FunctionName: !Ref Worker
`;

const EXPORT_FN = `  Export:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Timeout: 1200
`;

type Json = { findings: Array<{ rule: string; severity: string; file: string }>; review: { fixed: Array<{ rule: string }>; unchanged: Array<{ rule: string }> } };

describe('archlint diff <base> <head>', () => {
  it('reports the new Lambda timeout as new and the fixed visibility timeout as fixed', () => {
    const dir = write(mkdtempSync(join(tmpdir(), 'archlint-diff-')), {
      'base/app.yaml': QUEUE_AND_WORKER(30),
      'head/app.yaml': QUEUE_AND_WORKER(360) + EXPORT_FN,
    });
    const r = run(['diff', 'base/app.yaml', 'head/app.yaml', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as Json;
    expect(doc.findings.map((f) => `${f.rule} ${f.severity}`)).toEqual(['lambda-timeout-exceeds-max error']);
    expect(doc.review.fixed.map((f) => f.rule)).toEqual(['sqs-visibility-vs-function-timeout']);
    const text = run(['diff', 'base/app.yaml', 'head/app.yaml'], dir).stdout;
    expect(text).toContain('[+] AWS::Lambda::Function Export');
    expect(text).toContain('✖ 1 new problem (1 error, 0 warnings, 0 info) in 1 template');
    expect(text).toContain('1 fixed, 0 unchanged (not counted)');
  });

  it('compares two files as one template in two versions, whatever their names', () => {
    const dir = write(mkdtempSync(join(tmpdir(), 'archlint-diff-')), {
      'app.before.yaml': QUEUE_AND_WORKER(30),
      'app.yaml': QUEUE_AND_WORKER(30) + EXPORT_FN,
    });
    const doc = JSON.parse(run(['diff', 'app.before.yaml', 'app.yaml', '--format', 'json'], dir).stdout) as Json;
    expect(doc.findings.map((f) => f.rule)).toEqual(['lambda-timeout-exceeds-max']);
    expect(doc.review.unchanged.map((f) => f.rule)).toEqual(['sqs-visibility-vs-function-timeout']);
  });

  it('reports nothing new when resources only move around', () => {
    const reordered = `# The same resources, in another order, further down the file.

Resources:
  Mapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      FunctionName: !Ref Worker
      EventSourceArn: !GetAtt Jobs.Arn

  Worker:
    Type: AWS::Lambda::Function
    Properties:
      Timeout: 60
      Runtime: python3.13

  Dlq:
    Type: AWS::SQS::Queue

  Jobs:
    Type: AWS::SQS::Queue
    Properties:
      RedrivePolicy: { deadLetterTargetArn: !GetAtt Dlq.Arn, maxReceiveCount: 5 }
      VisibilityTimeout: 30
`;
    const dir = write(mkdtempSync(join(tmpdir(), 'archlint-diff-')), {
      'base/app.yaml': QUEUE_AND_WORKER(30),
      'head/app.yaml': reordered,
    });
    const r = run(['diff', 'base', 'head', '--format', 'json'], dir);
    const doc = JSON.parse(r.stdout) as Json;
    expect(r.stderr).toBe('');
    expect(doc.findings).toEqual([]);
    expect(doc.review.unchanged.map((f) => f.rule)).toEqual(['sqs-visibility-vs-function-timeout']);
    expect(r.code).toBe(0);
  });

  it('reports replacing a Kinesis stream through its Name without a retain policy as data loss', () => {
    const stream = (name: string, policy = '') => `Resources:\n  Clicks:\n    Type: AWS::Kinesis::Stream\n${policy}    Properties:\n      Name: ${name}\n      ShardCount: 2\n`;
    const dir = write(mkdtempSync(join(tmpdir(), 'archlint-diff-')), {
      'base/s.yaml': stream('clicks'),
      'head/s.yaml': stream('clicks-v2'),
      'retained/s.yaml': stream('clicks-v2', '    UpdateReplacePolicy: Retain\n'),
    });
    const r = run(['diff', 'base', 'head', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const f = (JSON.parse(r.stdout) as Json).findings;
    expect(f).toMatchObject([{ rule: 'change-data-resource-replaced', severity: 'error', message: 'AWS::Kinesis::Stream "Clicks" will be replaced (a change to Name requires it), and it has no UpdateReplacePolicy: Retain, so its data is lost.' }]);
    expect(JSON.parse(run(['diff', 'base', 'retained', '--format', 'json'], dir).stdout).findings).toEqual([]);
  });

  it('marks new, unchanged and fixed results with baselineState in SARIF, valid against the schema', () => {
    const dir = write(mkdtempSync(join(tmpdir(), 'archlint-diff-')), {
      'base/app.yaml': QUEUE_AND_WORKER(30) + '  Lonely:\n    Type: AWS::SQS::Queue\n',
      'head/app.yaml': QUEUE_AND_WORKER(30) + EXPORT_FN,
    });
    const log = JSON.parse(run(['diff', 'base', 'head', '--format', 'sarif'], dir).stdout);
    const states = log.runs[0].results.map((x: { ruleId: string; baselineState: string }) => `${x.ruleId} ${x.baselineState}`).sort();
    expect(states).toEqual([
      'change-data-resource-replaced new',
      'lambda-timeout-exceeds-max new',
      'sqs-visibility-vs-function-timeout unchanged',
    ]);
    const require = createRequire(import.meta.url);
    const Ajv = require('ajv-draft-04');
    const validate = new Ajv({ strict: false, unicodeRegExp: false }).compile(JSON.parse(readFileSync(join(ROOT, 'tests', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8')));
    expect(validate(log)).toBe(true);
  });

  it('refuses a diff without two sides', () => {
    const r = run(['diff', 'only-one.yaml'], ROOT);
    expect([r.code, r.stderr]).toEqual([2, 'archlint: diff takes <base> <head>, or --git <ref> [paths...]\n']);
  });
});

describe('archlint diff --git', () => {
  it('compares the working tree with a revision of a repository built by the test', () => {
    const repo = mkdtempSync(join(tmpdir(), 'archlint-git-'));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
    git('init', '-q');
    write(repo, { 'infra/app.yaml': QUEUE_AND_WORKER(30), 'README.md': 'x\n' });
    git('add', '.');
    git('commit', '-qm', 'first');
    write(repo, { 'infra/app.yaml': QUEUE_AND_WORKER(360) });
    git('commit', '-qam', 'fix visibility');
    write(repo, { 'infra/app.yaml': QUEUE_AND_WORKER(360) + EXPORT_FN, 'infra/new.yaml': 'Resources:\n  Q: { Type: AWS::SQS::Queue }\n' });

    const r = run(['diff', '--git', 'HEAD~1', 'infra', '--format', 'json'], repo);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout) as Json;
    expect(doc.findings.map((f) => `${f.file} ${f.rule}`)).toEqual(['infra/app.yaml lambda-timeout-exceeds-max']);
    expect(doc.review.fixed.map((f) => f.rule)).toEqual(['sqs-visibility-vs-function-timeout']);
    expect(r.code).toBe(1);
    // From a subfolder, with the default path.
    const sub = run(['diff', '--git', 'HEAD', '--format', 'json'], join(repo, 'infra'));
    expect((JSON.parse(sub.stdout) as Json).findings.map((f) => f.rule)).toEqual(['lambda-timeout-exceeds-max']);

    const bad = run(['diff', '--git', 'no-such-ref'], repo);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^archlint: diff --git: "no-such-ref" is not a commit of this repository/);
  });
});

describe('baselines', () => {
  it('records findings, then reports only new ones and counts stale entries', () => {
    const dir = write(mkdtempSync(join(tmpdir(), 'archlint-baseline-')), { 'app.yaml': QUEUE_AND_WORKER(30) + EXPORT_FN });
    const w = run(['app.yaml', '--write-baseline', 'baseline.json'], dir);
    expect([w.code, w.stderr]).toEqual([0, 'archlint: wrote 2 findings to the baseline baseline.json\n']);
    expect(run(['app.yaml', '--baseline', 'baseline.json'], dir).code).toBe(0);

    // Fix one, add one: the new one is reported, the fixed one is a stale entry.
    write(dir, { 'app.yaml': QUEUE_AND_WORKER(360) + EXPORT_FN + '  Huge:\n    Type: AWS::Lambda::Function\n    Properties: { Runtime: python3.13, MemorySize: 20000 }\n' });
    const r = run(['app.yaml', '--baseline', 'baseline.json'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[lambda-memory-range]');
    expect(r.stdout).not.toContain('[lambda-timeout-exceeds-max]');
    expect(r.stdout.trim().split('\n').at(-1)).toBe('1 in the baseline baseline.json (not counted); 1 baseline entries no longer match: prune with --write-baseline baseline.json');
    const bad = run(['app.yaml', '--baseline', 'missing.json'], dir);
    expect([bad.code, bad.stderr.startsWith('archlint: missing.json: cannot read the baseline')]).toEqual([2, true]);
  });
});

describe('the diff module', () => {
  it('is not loaded by a plain lint: no static import path from the CLI reaches it', () => {
    const seen = new Set<string>();
    const reached: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      // Static imports only: `import ... from '...'` at the start of a line; `await import()` is lazy.
      for (const m of text.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gm)) {
        const spec = m[1];
        reached.push(spec);
        if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
      }
    };
    visit(join(ROOT, 'dist', 'src', 'cli.js'));
    expect(reached.length).toBeGreaterThan(20);
    expect(reached.filter((s) => s.includes('cloudformation-diff') || s.endsWith('diff/index.js'))).toEqual([]);
    expect(readFileSync(join(ROOT, 'dist', 'src', 'cli.js'), 'utf8')).toContain("await import('./diff/index.js')");
  });
});
