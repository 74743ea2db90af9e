// Hostile and broken input: for each case, the exact message, the exit code, and proof that a good
// file in the same run was still linted. Runs the built binary, as CI would.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '..', 'bin', 'archlint.cjs');
const GOOD = 'Resources:\n  Worker:\n    Type: AWS::Lambda::Function\n    Properties:\n      Timeout: 1200\n';
const GOOD_FINDING = 'good.yaml:5:16 lambda-timeout-exceeds-max';

interface Outcome {
  code: number | null;
  stderr: string;
  /** `file:line:col message` of each input error. */
  errors: string[];
  /** `file:line:col rule` of each finding. */
  findings: string[];
  ms: number;
}

function lintCase(files: Record<string, string | Buffer>, args: string[] = [], options: { as?: string[] } = {}): Outcome {
  const dir = mkdtempSync(join(tmpdir(), 'archlint-hostile-'));
  for (const [name, content] of Object.entries({ 'good.yaml': GOOD, ...files })) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  const command = options.as ? [...options.as, process.execPath] : [process.execPath];
  const start = Date.now();
  const r = spawnSync(command[0], [...command.slice(1), BIN, '.', '--format', 'json', '--no-config', ...args], { cwd: dir, encoding: 'utf8', timeout: 30_000, maxBuffer: 1 << 28 });
  const ms = Date.now() - start;
  const doc = r.stdout ? JSON.parse(r.stdout) : { findings: [], inputErrors: [] };
  return {
    code: r.status,
    stderr: r.stderr,
    errors: doc.inputErrors.map((e: { file: string; line: number; column: number; message: string }) => `${e.file}:${e.line}:${e.column} ${e.message}`),
    findings: doc.findings.map((f: { file: string; range: { start: { line: number; column: number } }; rule: string }) => `${f.file}:${f.range.start.line}:${f.range.start.column} ${f.rule}`),
    ms,
  };
}

/** Every case: the good file was linted, and nothing leaked a stack trace. */
function expectGoodStillLinted(o: Outcome): void {
  expect(o.findings).toContain(GOOD_FINDING);
  expect(o.stderr).not.toMatch(/\n\s+at |internal error/);
}

const alias = (levels: number) => {
  const lines = ['Metadata:', '  a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < levels; i++) lines.push(`  a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
  return lines.join('\n') + '\nResources:\n  Q: { Type: AWS::SQS::Queue }\n';
};

describe('hostile YAML', () => {
  it.each([
    ['a syntax error', 'Resources:\n  A:\n    Type: x: y\n', 'bad.yaml:3:11 YAML syntax error: Nested mappings are not allowed in compact mappings'],
    ['tabs as indentation', 'Resources:\n  A:\n\tType: AWS::SQS::Queue\n', 'bad.yaml:3:1 YAML syntax error: Tabs are not allowed as indentation'],
    ['a duplicate key', 'Resources:\n  A:\n    Type: AWS::SQS::Queue\n  A:\n    Type: AWS::SNS::Topic\n', 'bad.yaml:4:3 duplicate key: CloudFormation keeps one of them silently; remove the other'],
    ['an unknown tag', 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      Policy: !Rain::Embed policy.json\n', 'bad.yaml:5:15 unknown tag !Rain::Embed: CloudFormation accepts only its intrinsic function tags (a tool such as rain must package this template first)'],
    ['two tags on one node', 'Resources:\n  A:\n    Type: AWS::EC2::Subnet\n    Properties:\n      AvailabilityZone: !Select [0, !GetAZs !Ref AWS::Region]\n', 'bad.yaml:5:45 a node can have only one tag: write the inner function in long form (e.g. !GetAZs {Ref: AWS::Region})'],
    ['several documents, one a template', 'Resources:\n  A: { Type: AWS::SQS::Queue }\n---\nResources:\n  B: { Type: AWS::SQS::Queue }\n', 'bad.yaml:3:1 several YAML documents in one file; a template is exactly one document'],
    ['an alias bomb', alias(9), 'bad.yaml:6:42 YAML aliases expand to more than 100000 nodes; refusing to expand (an alias bomb?)'],
  ])('%s', (_, content, message) => {
    const o = lintCase({ 'bad.yaml': content });
    expect(o.errors).toEqual([message]);
    expect(o.code).toBe(2);
    expectGoodStillLinted(o);
  });

  it.each([
    // Past the limit, read by the library: refused at the 513th level.
    ['600 levels of flow lists', `Resources:\n  A:\n    Type: X::Y::Z\n    Properties:\n      V: ${'['.repeat(600)}${']'.repeat(600)}\n`, /^bad\.yaml:5:519 /],
    // Deep enough to exhaust the library's own recursion: refused where it stopped (the place depends on the stack size).
    ['20,000 levels of flow lists', `Resources:\n  A:\n    Type: X::Y::Z\n    Properties:\n      V: ${'['.repeat(20000)}${']'.repeat(20000)}\n`, /^bad\.yaml:5:\d+ /],
    ['1,500 levels of indented mappings', 'Resources:\n' + Array.from({ length: 1500 }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n') + '\n', /^bad\.yaml:\d+:\d+ /],
  ])('refuses %s with a message, not a crash', (_, content, position) => {
    const o = lintCase({ 'bad.yaml': content });
    expect(o.errors).toHaveLength(1);
    expect(o.errors[0]).toMatch(position);
    expect(o.errors[0]).toMatch(/ YAML syntax error: nesting deeper than 512 levels$/);
    expect(o.code).toBe(2);
    expectGoodStillLinted(o);
  });

  it('refuses the alias bomb quickly, without expanding it', () => {
    expect(lintCase({ 'bad.yaml': alias(9) }).ms).toBeLessThan(5_000);
  });

  it('expands anchors, aliases and merge keys as `aws cloudformation package` does', () => {
    const o = lintCase({
      'anchors.yaml': [
        'Metadata:',
        '  Defaults: &defaults { Runtime: python3.13, Timeout: 1000 }',
        'Resources:',
        '  Merged:',
        '    Type: AWS::Lambda::Function',
        '    Properties:',
        '      <<: *defaults',
        '      MemorySize: 256',
        '  Overrides:',
        '    Type: AWS::Lambda::Function',
        '    Properties:',
        '      <<: *defaults',
        '      Timeout: 60',
        '',
      ].join('\n'),
    });
    expect(o.errors).toEqual([]);
    expect(o.findings.filter((f) => f.startsWith('anchors.yaml'))).toEqual(['anchors.yaml:6:5 lambda-timeout-exceeds-max']);
    expect(o.code).toBe(1);
    expectGoodStillLinted(o);
  });

  it('skips a stream of Kubernetes manifests found by walking', () => {
    const o = lintCase({ 'k8s.yaml': 'apiVersion: v1\nkind: Service\n---\napiVersion: v1\nkind: ConfigMap\n' });
    expect([o.errors, o.code]).toEqual([[], 1]);
    expectGoodStillLinted(o);
  });
});

describe('hostile JSON', () => {
  it.each([
    ['a trailing comma', '{"Resources": {"A": {"Type": "AWS::SQS::Queue"},}}', "bad.json:1:49 JSON syntax error: trailing comma before '}' is not allowed in JSON"],
    ['a comment', '{\n  // queues\n  "Resources": {}\n}', 'bad.json:2:3 JSON syntax error: comments are not allowed in JSON'],
    ['a truncated file', '{"Resources": {"A": {"Type": "AWS::SQS::Qu', 'bad.json:1:30 JSON syntax error: unterminated string'],
    ['10,000 levels of nesting', `{"Resources": {"A": {"Type": "X::Y::Z", "Properties": {"V": ${'['.repeat(10000)}${']'.repeat(10000)}}}}}`, 'bad.json:1:570 JSON syntax error: nesting deeper than 512 levels'],
    ['a duplicate key', '{"Resources": {"A": {"Type": "AWS::SQS::Queue"}, "A": {"Type": "AWS::SNS::Topic"}}}', 'bad.json:1:50 JSON syntax error: duplicate key "A": CloudFormation keeps one of them silently; remove the other'],
  ])('%s', (_, content, message) => {
    const o = lintCase({ 'bad.json': content });
    expect(o.errors).toEqual([message]);
    expect(o.code).toBe(2);
    expectGoodStillLinted(o);
  });

  it('accepts a byte order mark, and numbers beyond double precision', () => {
    const o = lintCase({
      'bom.json': '\uFEFF{"Resources": {"F": {"Type": "AWS::Lambda::Function", "Properties": {"Timeout": 1200}}}}',
      'big.json': '{"Resources": {"F": {"Type": "AWS::Lambda::Function", "Properties": {"Timeout": 1e400, "MemorySize": 123456789012345678901234567890}}}}',
    });
    expect(o.errors).toEqual([]);
    expect(o.findings).toEqual(['big.json:1:102 lambda-memory-range', 'bom.json:1:81 lambda-timeout-exceeds-max', GOOD_FINDING]);
  });
});

describe('hostile bytes', () => {
  it.each([
    ['an empty file', '', 'bad.yaml:1:1 the file is empty; a template needs at least a Resources section'],
    ['a binary file named .yaml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]), 'bad.yaml:3:1 binary file (it contains a NUL byte), not a template'],
    ['invalid UTF-8', Buffer.concat([Buffer.from('Resources:\n  A:\n    Type: AWS::SQS::Queue # caf'), Buffer.from([0xe9, 0x0a])]), 'bad.yaml:3:32 the file is not valid UTF-8'],
  ])('%s', (_, content, message) => {
    const o = lintCase({ 'bad.yaml': content });
    expect(o.errors).toEqual([message]);
    expect(o.code).toBe(2);
    expectGoodStillLinted(o);
  });

  it('keeps positions right with CRLF line endings', () => {
    const o = lintCase({ 'crlf.yaml': GOOD.replace(/\n/g, '\r\n') });
    expect(o.findings).toEqual(['crlf.yaml:5:16 lambda-timeout-exceeds-max', GOOD_FINDING]);
  });

  it('refuses a 50 MB file before reading it, with a limit that can be raised', () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 0x20);
    Buffer.from('Resources: {}\n').copy(big);
    const o = lintCase({ 'big.yaml': big });
    expect(o.errors).toEqual(['big.yaml:1:1 the file is 50.0 MB, over the limit of 10.0 MB (--max-file-size; CloudFormation itself accepts at most 1 MB)']);
    expect(o.code).toBe(2);
    expectGoodStillLinted(o);
    const raised = lintCase({ 'big.yaml': big }, ['--max-file-size', '60']);
    expect(raised.errors).toEqual([]);
    expect(raised.code).toBe(1);
  });
});

describe('hostile template shapes', () => {
  it.each([
    ['Resources as a list', 'Resources:\n  - A\n', 'bad.yaml:2:3 Resources must be a mapping of logical IDs to resources, not a list'],
    ['Resources as a string', 'Resources: none\n', 'bad.yaml:1:12 Resources must be a mapping of logical IDs to resources, not a string'],
  ])('%s', (_, content, message) => {
    const o = lintCase({ 'bad.yaml': content });
    expect(o.errors).toEqual([message]);
    expect(o.code).toBe(2);
    expectGoodStillLinted(o);
  });

  it('reports resources without a Type, and survives every other malformed construct', () => {
    const o = lintCase({
      'shape.yaml': [
        'AWSTemplateFormatVersion: "2010-09-09"',
        'Transform: AWS::LanguageExtensions',
        'Resources:',
        '  NoType:',
        '    Properties: { VisibilityTimeout: 30 }',
        '  RefToNothing:',
        '    Type: AWS::Lambda::Function',
        '    Properties: { Timeout: !Ref Nowhere, Role: !GetAtt Missing.Arn }',
        '  WrongIf:',
        '    Type: AWS::Lambda::Function',
        '    Properties: { Timeout: !If [OnlyTwo, 1200], MemorySize: !If [] }',
        '  BadSub:',
        '    Type: AWS::Lambda::Function',
        '    Properties: { Description: !Sub "${Unclosed and ${AWS::Region", Timeout: !Sub "${" }',
        '  CycleA:',
        '    Type: AWS::SQS::Queue',
        '    DependsOn: CycleB',
        '    Properties: { RedrivePolicy: { deadLetterTargetArn: !GetAtt CycleB.Arn } }',
        '  CycleB:',
        '    Type: AWS::SQS::Queue',
        '    DependsOn: [CycleA]',
        '    Properties: { RedrivePolicy: { deadLetterTargetArn: !GetAtt CycleA.Arn } }',
        '  Module:',
        '    Type: MyOrg::Network::Vpc::MODULE',
        '  Fn::ForEach::Queues:',
        '    - Name',
        '    - [Orders, Payments]',
        '    - ${Name}Queue: { Type: AWS::SQS::Queue }',
        '',
      ].join('\n'),
    });
    expect(o.errors).toEqual([]);
    expect(o.findings).toEqual(['good.yaml:5:16 lambda-timeout-exceeds-max', 'shape.yaml:4:3 cfn-resource-shape']);
    expect(o.code).toBe(1);
  });

  it('does not pollute prototypes with __proto__, constructor or prototype keys', async () => {
    const text = [
      'Parameters:',
      '  __proto__: { Type: String, Default: x }',
      'Mappings:',
      '  constructor: { prototype: { polluted: yes } }',
      'Resources:',
      '  __proto__:',
      '    Type: AWS::SQS::Queue',
      '    Properties: { polluted: yes, __proto__: { polluted: yes } }',
      '  constructor:',
      '    Type: constructor',
      '    Properties: { Runtime: constructor, Policies: [{ constructor: { QueueName: x } }] }',
      '  prototype:',
      '    Type: AWS::Lambda::Function',
      '    Properties: { Runtime: __proto__, Timeout: !FindInMap [constructor, prototype, polluted] }',
      '',
    ].join('\n');
    const json = JSON.stringify({ Resources: { __proto__: { Type: 'AWS::SQS::Queue', Properties: { polluted: 'yes' } } } }).replace('"Resources":{', '"Resources":{"__proto__":{"Type":"AWS::SQS::Queue"},');
    const o = lintCase({ 'proto.yaml': text, 'proto.json': json.replace(/,$/, '') });
    expect(o.errors.filter((e) => e.startsWith('proto.yaml'))).toEqual([]);
    expectGoodStillLinted(o);
    // In this process too: load, graph and rules over the same input.
    const { lintPaths } = await import('../src/api.js');
    const { RULES } = await import('../rules/index.js');
    const dir = mkdtempSync(join(tmpdir(), 'archlint-proto-'));
    writeFileSync(join(dir, 'proto.yaml'), text);
    lintPaths([dir], { rules: RULES });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('hostile file systems', () => {
  it('cuts a symlink loop, and skips what is not a regular file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'archlint-fs-'));
    writeFileSync(join(dir, 'good.yaml'), GOOD);
    mkdirSync(join(dir, 'sub'));
    symlinkSync('..', join(dir, 'sub', 'loop'));
    spawnSync('mkfifo', [join(dir, 'pipe.yaml')]);
    const r = spawnSync(process.execPath, [BIN, dir, '--format', 'json', '--no-config'], { encoding: 'utf8', timeout: 20_000 });
    const doc = JSON.parse(r.stdout);
    expect(doc.findings.map((f: { rule: string }) => f.rule)).toEqual(['lambda-timeout-exceeds-max']);
    expect(doc.summary.templates).toBe(1);
    const named = spawnSync(process.execPath, [BIN, join(dir, 'pipe.yaml'), join(dir, 'good.yaml'), '--format', 'json', '--no-config'], { encoding: 'utf8', timeout: 20_000 });
    expect(JSON.parse(named.stdout).inputErrors.map((e: { message: string }) => e.message)).toEqual(['not a regular file']);
    expect(named.status).toBe(2);
  });

  const root = process.getuid?.() === 0 && spawnSync('setpriv', ['--version']).status === 0;
  it.skipIf(!root)('reports an unreadable file (run as an unprivileged user) and lints the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'archlint-perm-'));
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'good.yaml'), GOOD, { mode: 0o644 });
    writeFileSync(join(dir, 'secret.yaml'), GOOD, { mode: 0o000 });
    const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, dir, '--format', 'json', '--no-config'], { encoding: 'utf8', timeout: 20_000 });
    const doc = JSON.parse(r.stdout);
    expect(doc.inputErrors.map((e: { file: string; message: string }) => `${e.file.slice(dir.length + 1)} ${e.message}`)).toEqual(['secret.yaml cannot read: permission denied']);
    expect(doc.findings.map((f: { rule: string }) => f.rule)).toEqual(['lambda-timeout-exceeds-max']);
    expect(r.status).toBe(2);
  });

  it('reports a file that disappears between listing and reading', async () => {
    const { discoverInputs } = await import('../src/load/discover.js');
    const { loadFile } = await import('../src/load/index.js');
    const dir = mkdtempSync(join(tmpdir(), 'archlint-gone-'));
    writeFileSync(join(dir, 'gone.yaml'), GOOD);
    const { inputs } = discoverInputs([dir]);
    spawnSync('rm', [join(dir, 'gone.yaml')]);
    const result = { templates: [], errors: [], skipped: [] } as Parameters<typeof loadFile>[3];
    for (const input of inputs) if (input.kind === 'file') loadFile(input.file, input.explicit, {}, result, new Set());
    expect(result.errors.map((e) => e.message)).toEqual(['cannot read: no such file or directory']);
  });

  it('refuses a nested stack TemplateURL that leaves the folder being linted', () => {
    const o = lintCase({ 'app/parent.yaml': 'Resources:\n  Child:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ../../etc/passwd.yaml\n' });
    expect(o.errors).toHaveLength(1);
    expect(o.errors[0]).toMatch(/^app\/parent\.yaml:5:20 nested stack "Child" has TemplateURL \.\.\/\.\.\/etc\/passwd\.yaml, which leaves the folder being linted \(.*\); refused$/);
    expect(o.code).toBe(2);
    expectGoodStillLinted(o);
  });
});

describe('hostile configuration', () => {
  it.each([
    ['invalid YAML', 'rules: [\n', /^archlint: \.archlint\.yml:2:1: YAML syntax error: /],
    ['a schema violation', 'failOn: fatal\n', /^archlint: \.archlint\.yml:1:9: invalid config: failOn must be one of: error, warning, info\n$/],
  ])('%s: line and column, exit 2, no stack trace', (_, config, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'archlint-config-'));
    writeFileSync(join(dir, '.archlint.yml'), config);
    writeFileSync(join(dir, 'good.yaml'), GOOD);
    const r = spawnSync(process.execPath, [BIN, 'good.yaml'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('bounded work', () => {
  it('lints 200 conditions combined through nested Fn::If, and says where it stopped resolving', async () => {
    const conditions = Array.from({ length: 200 }, (_, i) => `  C${i}: !Equals [!Ref Stage, s${i}]`).join('\n');
    let nested = '900';
    for (let i = 0; i < 200; i++) nested = `!If [C${i}, ${i + 1000}, ${nested}]`;
    const wide = Array.from({ length: 200 }, (_, i) => `!If [C${i}, a, b]`).join(', ');
    const text = `Parameters:\n  Stage: { Type: String }\nConditions:\n${conditions}\nResources:\n  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      Timeout: ${nested}\n      Description: !Join ["", [${wide}]]\n`;
    const { lint } = await import('./helpers/lint.js');
    const start = performance.now();
    const findings = lint(text);
    const ms = performance.now() - start;
    console.log(`200 nested Fn::If conditions: linted in ${ms.toFixed(0)} ms`);
    expect(findings.map((f) => f.rule)).toContain('analysis-limit');
    expect(findings.find((f) => f.rule === 'analysis-limit')?.severity).toBe('info');
  });
});
