// Property-based: random templates built from real resource types, intrinsic functions and random
// nesting never make the loader, the graph or any rule throw, and linting is deterministic.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { INTERNAL_ERROR_RULE } from '../src/engine/finding.js';
import { lintTemplates } from '../src/engine/run.js';
import { parseTemplate } from '../src/load/template.js';
import { InputError } from '../src/load/types.js';
import { RULES } from '../rules/index.js';

const TYPES = [
  'AWS::Lambda::Function', 'AWS::Serverless::Function', 'AWS::Lambda::EventSourceMapping', 'AWS::SQS::Queue', 'AWS::SNS::Topic',
  'AWS::SNS::Subscription', 'AWS::Kinesis::Stream', 'AWS::Kinesis::StreamConsumer', 'AWS::DynamoDB::Table', 'AWS::S3::Bucket',
  'AWS::Events::Rule', 'AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::Glue::Job', 'AWS::Glue::Trigger', 'AWS::Glue::Crawler',
  'AWS::Glue::Connection', 'AWS::Glue::SecurityConfiguration', 'AWS::EMR::Cluster', 'AWS::EMR::InstanceGroupConfig', 'AWS::EMR::Step',
  'AWS::EMR::SecurityConfiguration', 'AWS::ApiGateway::Method', 'AWS::ApiGateway::Resource', 'AWS::ApiGatewayV2::Integration',
  'AWS::ApiGatewayV2::Route', 'AWS::Lambda::Url', 'AWS::CloudFormation::Stack', 'Custom::Thing', 'My::Org::Thing::MODULE',
];
const PROPS = [
  'Timeout', 'MemorySize', 'Runtime', 'ReservedConcurrentExecutions', 'EphemeralStorage', 'Events', 'Policies', 'Role', 'VisibilityTimeout',
  'RedrivePolicy', 'FifoQueue', 'EventSourceArn', 'FunctionName', 'BatchSize', 'MaximumRetryAttempts', 'DestinationConfig', 'ShardCount',
  'RetentionPeriodHours', 'NotificationConfiguration', 'Subscription', 'TopicArn', 'Endpoint', 'Targets', 'Command', 'GlueVersion',
  'MaxCapacity', 'WorkerType', 'Schedule', 'Actions', 'Type', 'Instances', 'Applications', 'Configurations', 'Steps', 'SecurityConfiguration',
  'Integration', 'IntegrationUri', 'RouteKey', 'TemplateURL', 'ServiceToken', 'Name', 'Queue', 'Stream', 'Properties', 'Path', 'Method',
];
const IDS = ['A', 'B', 'C', 'Fn', 'Queue', 'P', '__proto__', 'constructor'];

const leaf = fc.oneof(
  fc.integer({ min: -5, max: 20000 }),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('SPOT', 'ON_DEMAND', 'gluestreaming', 'pythonshell', 'python3.7', 'cron(0/2 * * * ? *)', 'SCHEDULED', 'arn:aws:sqs:us-east-1:1:q.fifo', '${A.Arn}', 'true', '-1'),
  fc.string({ maxLength: 12 }),
);

const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('intrinsic'), tie('object'), tie('array')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(fc.constantFrom(...PROPS, ...IDS), tie('value'), { maxKeys: 5 }),
  intrinsic: fc.oneof(
    fc.record({ Ref: fc.constantFrom(...IDS, 'AWS::Region', 'AWS::NoValue', 'Nothing') }),
    fc.record({ 'Fn::GetAtt': fc.tuple(fc.constantFrom(...IDS), fc.constantFrom('Arn', 'StreamArn', 'RootResourceId')) }),
    fc.record({ 'Fn::Sub': fc.oneof(fc.constantFrom('${A}-${AWS::Region}', '${B.Arn}', '${', 'x'), fc.tuple(fc.string(), tie('object'))) }),
    fc.record({ 'Fn::If': fc.oneof(fc.tuple(fc.constantFrom('C1', 'C2'), tie('value'), tie('value')), fc.array(tie('value'), { maxLength: 2 })) }),
    fc.record({ 'Fn::Join': fc.tuple(fc.constantFrom('', '-'), fc.array(tie('value'), { maxLength: 3 })) }),
    fc.record({ 'Fn::FindInMap': fc.array(tie('value'), { minLength: 2, maxLength: 4 }) }),
    fc.record({ 'Fn::ImportValue': tie('value') }),
    fc.record({ 'Fn::Select': fc.tuple(fc.nat(3), tie('value')) }),
  ),
}));

const resource = fc.record(
  {
    Type: fc.oneof(fc.constantFrom(...TYPES), value),
    Properties: fc.dictionary(fc.constantFrom(...PROPS), value, { maxKeys: 6 }),
    DependsOn: fc.oneof(fc.constantFrom(...IDS), fc.array(fc.constantFrom(...IDS), { maxLength: 3 })),
    Metadata: fc.oneof(value, fc.constant({ archlint: { ignore: [{ rule: 'lambda-long-running' }] } })),
    DeletionPolicy: fc.constantFrom('Retain', 'Delete'),
  },
  { requiredKeys: ['Type'] },
);

const template = fc.record(
  {
    Parameters: fc.dictionary(fc.constantFrom(...IDS, 'T'), fc.record({ Type: fc.constantFrom('String', 'Number', 'CommaDelimitedList'), Default: leaf }, { requiredKeys: ['Type'] }), { maxKeys: 3 }),
    Mappings: fc.dictionary(fc.constantFrom('M', '__proto__'), fc.dictionary(fc.string({ maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 4 }), leaf, { maxKeys: 2 }), { maxKeys: 2 }), { maxKeys: 2 }),
    Conditions: fc.dictionary(fc.constantFrom('C1', 'C2'), value, { maxKeys: 2 }),
    Globals: fc.record({ Function: fc.dictionary(fc.constantFrom(...PROPS), value, { maxKeys: 3 }) }),
    Resources: fc.dictionary(fc.constantFrom(...IDS, 'D', 'E', 'Fn::ForEach::X'), resource, { minKeys: 1, maxKeys: 6 }),
    Outputs: fc.dictionary(fc.constantFrom('O1', 'O2'), fc.record({ Value: value, Export: fc.record({ Name: value }) }), { maxKeys: 2 }),
  },
  { requiredKeys: ['Resources'] },
);

function lintText(file: string, text: string): string {
  let parsed;
  try {
    parsed = parseTemplate(file, text);
  } catch (err) {
    if (err instanceof InputError) return `input error: ${err.message}`;
    throw err;
  }
  if (parsed.kind !== 'template') return 'not a template';
  const findings = lintTemplates([parsed.template], RULES, { date: new Date('2026-11-27T00:00:00Z') });
  expect(findings.filter((f) => f.rule === INTERNAL_ERROR_RULE).map((f) => f.message)).toEqual([]);
  return JSON.stringify(findings);
}

describe('random templates', () => {
  it('never make the loader, the graph or a rule throw, and lint the same twice (YAML and JSON)', () => {
    fc.assert(
      fc.property(template, (body) => {
        const json = JSON.stringify(body, null, 1);
        const yaml = stringify(body, { aliasDuplicateObjects: false });
        for (const [file, text] of [['t.json', json], ['t.yaml', yaml]] as const) {
          const first = lintText(file, text);
          expect(lintText(file, text)).toBe(first);
        }
      }),
      { numRuns: Number(process.env.ARCHLINT_FUZZ_RUNS ?? 2000), seed: process.env.ARCHLINT_FUZZ_SEED ? Number(process.env.ARCHLINT_FUZZ_SEED) : undefined },
    );
  });
});
