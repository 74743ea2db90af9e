// Cloud assemblies, nested stacks and cross-stack imports, built in temporary folders.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintPaths } from '../src/api.js';
import { cdkLogicalId, userFrame } from '../src/load/cdk.js';
import { RULES } from '../rules/index.js';
import { writeFiles } from './helpers/cli.js';

const DATE = new Date('2026-11-27T00:00:00Z');
const lintDir = (paths: string[]) => lintPaths(paths, { rules: RULES, date: DATE });

/** Writes files; objects are written as JSON. */
const write = (dir: string, files: Record<string, unknown>): void => {
  writeFiles(dir, Object.fromEntries(Object.entries(files).map(([name, c]) => [name, typeof c === 'string' ? c : JSON.stringify(c, null, 1)])));
};

const fn = (timeout: number, extra: Record<string, unknown> = {}) => ({
  Type: 'AWS::Lambda::Function',
  Properties: { Runtime: 'python3.13', Handler: 'i.h', Role: 'arn:aws:iam::1:role/r', Code: { ZipFile: 'x' }, Timeout: timeout },
  ...extra,
});

const BOOTSTRAP = {
  Parameters: { BootstrapVersion: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/cdk-bootstrap/hnb659fds/version' } },
  Rules: { CheckBootstrapVersion: { Assertions: [{ Assert: { 'Fn::Not': [{ 'Fn::Contains': [['1', '2'], { Ref: 'BootstrapVersion' }] }] }, AssertDescription: 'x' }] } },
};

describe('CDK cloud assemblies', () => {
  const dir = mkdtempSync(join(tmpdir(), 'archlint-cdk-'));
  const out = join(dir, 'cdk.out');
  const workerId = cdkLogicalId(['Ingest', 'Worker', 'Resource']);
  const nestedFnId = cdkLogicalId(['Handler', 'Resource']);
  write(out, {
    'manifest.json': {
      version: '48.0.0',
      artifacts: {
        App: {
          type: 'aws:cloudformation:stack',
          properties: { templateFile: 'App.template.json' },
          metadata: {
            '/App/Ingest/Worker/Resource': [
              { type: 'aws:cdk:logicalId', data: workerId, trace: ['new Function (/app/node_modules/aws-cdk-lib/x.js:1:1)', 'new Ingest (/app/lib/ingest.ts:14:5)'] },
            ],
          },
        },
        'assembly-Prod': { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-Prod' } },
        Tree: { type: 'cdk:tree', properties: { file: 'tree.json' } },
      },
    },
    'App.template.json': {
      ...BOOTSTRAP,
      Resources: {
        [workerId]: fn(1200),
        CDKMetadata: { Type: 'AWS::CDK::Metadata', Properties: { Analytics: 'v2:deflate64:x' } },
        Nested: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'https://s3.amazonaws.com/x/AppNested.nested.template.json' } },
      },
    },
    'AppNested.nested.template.json': { Resources: { [nestedFnId]: fn(1000) } },
    'tree.json': {
      tree: {
        id: 'App',
        path: '',
        children: {
          App: {
            id: 'App',
            path: 'App',
            constructInfo: { fqn: 'aws-cdk-lib.Stack' },
            children: {
              Nested: {
                id: 'Nested',
                path: 'App/Nested',
                constructInfo: { fqn: 'aws-cdk-lib.NestedStack' },
                children: {
                  Handler: {
                    id: 'Handler',
                    path: 'App/Nested/Handler',
                    children: { Resource: { id: 'Resource', path: 'App/Nested/Handler/Resource', attributes: { 'aws:cdk:cloudformation:type': 'AWS::Lambda::Function' } } },
                  },
                },
              },
            },
          },
        },
      },
    },
    'assembly-Prod/manifest.json': {
      version: '48.0.0',
      artifacts: { 'Prod-App': { type: 'aws:cloudformation:stack', displayName: 'Prod/App', properties: { templateFile: 'ProdApp.template.json' } } },
    },
    'assembly-Prod/ProdApp.template.json': { Resources: { Worker: fn(850, { Metadata: { 'aws:cdk:path': 'Prod/App/Worker/Resource' } }) } },
  });

  it('computes logical IDs as CDK does', () => {
    // From a real assembly of the corpus (aws-apigateway-sqs integ test).
    expect(cdkLogicalId(['test-api-gateway-sqs-integration-responses', 'queue-dlq', 'Resource'])).toBe('testapigatewaysqsintegrationresponsesqueuedlqD02C49B3');
    expect(cdkLogicalId(['Bucket'])).toBe('Bucket');
  });

  it('lints every stack, nested stack template and stage once, with construct paths', () => {
    const r = lintDir([out]);
    expect(r.inputErrors).toEqual([]);
    expect(r.files).toBe(3);
    const errors = r.findings.filter((f) => f.rule === 'lambda-timeout-exceeds-max');
    // The manifest names the first; tree.json (through CDK's logical IDs) the nested stack's.
    expect(errors.map((f) => [f.file.slice(out.length + 1), f.resource, f.constructPath])).toEqual([
      ['App.template.json', workerId, 'App/Ingest/Worker/Resource'],
      ['AppNested.nested.template.json', nestedFnId, 'App/Nested/Handler/Resource'],
    ]);
    const prod = r.findings.find((f) => f.file.endsWith('ProdApp.template.json'));
    expect([prod?.rule, prod?.constructPath]).toEqual(['lambda-long-running', 'Prod/App/Worker/Resource']);
  });

  it("shows the user's source line from the assembly's stack traces as a related location", () => {
    const r = lintDir([out]);
    const f = r.findings.find((x) => x.resource === workerId && x.rule === 'lambda-timeout-exceeds-max')!;
    expect(f.related).toContainEqual({ file: '/app/lib/ingest.ts', path: [], range: { start: { line: 14, column: 5 }, end: { line: 14, column: 5 } }, message: `"${workerId}" is created here` });
    expect(userFrame(['at Object.<anonymous> (/app/bin/app.ts:7:1)'])).toEqual({ file: '/app/bin/app.ts', line: 7, column: 1 });
  });

  it('lints an assembly found by walking once, and never reports the bootstrap parameter, rule or CDK metadata', () => {
    const r = lintDir([dir, out]);
    expect(r.files).toBe(3);
    for (const f of r.findings) {
      expect(f.resource).not.toBe('CDKMetadata');
      expect(f.path[0]).not.toBe('Rules');
      expect(f.path).not.toContain('BootstrapVersion');
    }
  });

  it('shows the construct path in every output format', async () => {
    const { REPORTERS } = await import('../src/report/index.js');
    const r = lintDir([out]);
    for (const [name, reporter] of Object.entries(REPORTERS)) {
      expect(reporter(r, { color: false }), name).toContain('App/Ingest/Worker/Resource');
    }
  });
});

describe('nested stacks', () => {
  it("lints a local child template once, with the values its parent passes", () => {
    const dir = mkdtempSync(join(tmpdir(), 'archlint-nested-'));
    write(dir, {
      'parent.yaml': [
        'Parameters:',
        '  WorkerTimeout: { Type: Number, Default: 1200 }',
        'Resources:',
        '  Child:',
        '    Type: AWS::CloudFormation::Stack',
        '    Properties:',
        '      TemplateURL: ./stacks/child.yaml',
        '      Parameters:',
        '        Timeout: !Ref WorkerTimeout',
        '',
      ].join('\n'),
      'stacks/child.yaml': 'Parameters:\n  Timeout: { Type: Number, Default: 30 }\nResources:\n  Worker:\n    Type: AWS::Lambda::Function\n    Properties:\n      Timeout: !Ref Timeout\n',
    });
    const r = lintDir([dir]);
    expect(r.files).toBe(2);
    expect(r.findings.filter((f) => f.rule === 'lambda-timeout-exceeds-max').map((f) => [f.file.slice(dir.length + 1), f.range.start, f.message])).toEqual([
      ['stacks/child.yaml', { line: 7, column: 16 }, 'Lambda function "Worker" has Timeout 1200 s; the maximum is 900 s.'],
    ]);
    // The parent alone still reaches the child.
    expect(lintDir([join(dir, 'parent.yaml')]).files).toBe(2);
  });

  it('refuses a TemplateURL that leaves the folder being linted, and reports a missing child', () => {
    const dir = mkdtempSync(join(tmpdir(), 'archlint-nested-'));
    write(dir, {
      'outside.yaml': 'Resources:\n  F:\n    Type: AWS::Lambda::Function\n    Properties: { Timeout: 5000 }\n',
      'app/parent.yaml': [
        'Resources:',
        '  Escape:',
        '    Type: AWS::CloudFormation::Stack',
        '    Properties:',
        '      TemplateURL: ../outside.yaml',
        '  Missing:',
        '    Type: AWS::Serverless::Application',
        '    Properties:',
        '      Location: ./nowhere.yaml',
        '  Remote:',
        '    Type: AWS::CloudFormation::Stack',
        '    Properties:',
        '      TemplateURL: https://bucket.s3.amazonaws.com/child.yaml',
        '',
      ].join('\n'),
    });
    const r = lintDir([join(dir, 'app')]);
    expect(r.inputErrors.map((e) => [e.line, e.column, e.message.replace(dir, '<dir>')])).toEqual([
      [5, 20, 'nested stack "Escape" has TemplateURL ../outside.yaml, which leaves the folder being linted (<dir>/app); refused'],
      [9, 17, 'nested stack "Missing": the child template ./nowhere.yaml does not exist'],
    ]);
    expect(r.files).toBe(1);
    expect(r.findings.some((f) => f.file.endsWith('outside.yaml'))).toBe(false);
  });

  // The loader searches the text for the nested stack types before walking the resources: a type
  // spelled with escapes is not in the text as written, and must still be followed.
  it.each([
    ['a JSON \\u escape', 'parent.json', '{"Resources": {"Child": {"Type": "AWS::CloudFormation::St\\u0061ck", "Properties": {"TemplateURL": "./child.yaml"}}}}'],
    ['a YAML \\x escape', 'parent.yaml', 'Resources:\n  Child:\n    Type: "AWS::Serverless::Applic\\x61tion"\n    Properties:\n      Location: ./child.yaml\n'],
    ['a YAML escaped line break', 'parent.yaml', 'Resources:\n  Child:\n    Type: "AWS::CloudFormation::\\\n      Stack"\n    Properties:\n      TemplateURL: ./child.yaml\n'],
  ])('follows a nested stack whose type is written with %s', (_, name, parent) => {
    const dir = mkdtempSync(join(tmpdir(), 'archlint-nested-'));
    write(dir, { [name]: parent, 'child.yaml': 'Resources:\n  Worker:\n    Type: AWS::Lambda::Function\n    Properties:\n      Timeout: 1200\n' });
    const r = lintDir([join(dir, name)]);
    expect(r.inputErrors).toEqual([]);
    expect(r.files).toBe(2);
    expect(r.findings.some((f) => f.rule === 'lambda-timeout-exceeds-max' && f.file.endsWith('child.yaml'))).toBe(true);
  });
});

describe('cross-stack imports', () => {
  it('follows Fn::ImportValue to the exporting template, and reports there', () => {
    const dir = mkdtempSync(join(tmpdir(), 'archlint-imports-'));
    write(dir, {
      'queue.yaml': [
        'Resources:',
        '  Jobs:',
        '    Type: AWS::SQS::Queue',
        '    Properties:',
        '      VisibilityTimeout: 30',
        'Outputs:',
        '  JobsArn:',
        '    Value: !GetAtt Jobs.Arn',
        '    Export:',
        '      Name: !Sub "${AWS::StackName}-jobs-arn"'.replace('${AWS::StackName}', 'shared'),
        '',
      ].join('\n'),
      'worker.yaml': [
        'Resources:',
        '  Worker:',
        '    Type: AWS::Lambda::Function',
        '    Properties:',
        '      Timeout: 60',
        '  Mapping:',
        '    Type: AWS::Lambda::EventSourceMapping',
        '    Properties:',
        '      EventSourceArn: !ImportValue shared-jobs-arn',
        '      FunctionName: !Ref Worker',
        '',
      ].join('\n'),
    });
    const r = lintDir([dir]);
    const f = r.findings.find((x) => x.rule === 'sqs-visibility-vs-function-timeout')!;
    expect([f.file.slice(dir.length + 1), f.range.start, f.severity, f.message]).toEqual([
      'queue.yaml',
      { line: 5, column: 26 },
      'error',
      'Queue "Jobs" has VisibilityTimeout 30 s, below the Timeout 60 s of function "Worker" that consumes it.',
    ]);
    expect(f.related.map((x) => [x.file.slice(dir.length + 1), x.range.start.line])).toEqual([
      ['worker.yaml', 5],
      ['worker.yaml', 6],
    ]);
    expect(r.findings.find((x) => x.rule === 'sqs-source-without-redrive')?.file.endsWith('queue.yaml')).toBe(true);
  });
});
