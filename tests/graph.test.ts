import { describe, expect, it } from 'vitest';
import type { Edge, ResourceGraph } from '../src/graph/model.js';
import { graphOf } from './helpers/lint.js';

const edge = (e: Edge) => `${e.kind} ${e.from.id} -> ${e.to.id} @ ${e.path.join('.')}${e.via ? ` via ${e.via.id}` : ''}${e.attribute ? ` (${e.attribute})` : ''}`;

const PIPELINE = `
Resources:
  Dlq:
    Type: AWS::SQS::Queue
  Jobs:
    Type: AWS::SQS::Queue
    Properties:
      RedrivePolicy:
        deadLetterTargetArn: !GetAtt Dlq.Arn
        maxReceiveCount: 5
  Legacy:
    Type: AWS::SQS::Queue
    Properties:
      RedrivePolicy: '{"deadLetterTargetArn": "arn:aws:sqs:us-east-1:1:x", "maxReceiveCount": 3}'
  Role:
    Type: AWS::IAM::Role
  Worker:
    Type: AWS::Lambda::Function
    DependsOn: [Role]
    Properties:
      Role: !GetAtt Role.Arn
      Environment:
        Variables:
          QUEUE: !Sub "https://sqs.\${AWS::Region}.amazonaws.com/\${AWS::AccountId}/\${Jobs.QueueName}"
          LITERAL: !Sub "\${!Jobs}"
  Live:
    Type: AWS::Lambda::Alias
    Properties:
      FunctionName: !Ref Worker
      FunctionVersion: $LATEST
      Name: live
  Mapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      EventSourceArn: !GetAtt Jobs.Arn
      FunctionName: !Ref Live
  Uploads:
    Type: AWS::S3::Bucket
    Properties:
      NotificationConfiguration:
        LambdaConfigurations:
          - Event: s3:ObjectCreated:*
            Function: !GetAtt Worker.Arn
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      Subscription:
        - Protocol: sqs
          Endpoint: !GetAtt Jobs.Arn
  Sub:
    Type: AWS::SNS::Subscription
    Properties:
      TopicArn: !Ref Topic
      Protocol: lambda
      Endpoint: !GetAtt Worker.Arn
  Nightly:
    Type: AWS::Events::Rule
    Properties:
      ScheduleExpression: rate(1 day)
      Targets:
        - Id: worker
          Arn: !GetAtt Live.Arn
`;

describe('resource graph', () => {
  const graph = graphOf(PIPELINE);

  it('has a node per resource with its type, path and properties', () => {
    expect(graph.resources.map((r) => `${r.id}:${r.type}`)).toContain('Worker:AWS::Lambda::Function');
    expect(graph.resource('Jobs')?.path).toEqual(['Resources', 'Jobs']);
    expect(graph.ofType('AWS::SQS::Queue').map((r) => r.id)).toEqual(['Dlq', 'Jobs', 'Legacy']);
  });

  it('records Ref, GetAtt, Sub (with ${Res.Attr}) and DependsOn edges with the path that made them', () => {
    const worker = graph.resource('Worker')!;
    expect(graph.outgoing(worker).map(edge)).toEqual([
      'getatt Worker -> Role @ Resources.Worker.Properties.Role (Arn)',
      'sub Worker -> Jobs @ Resources.Worker.Properties.Environment.Variables.QUEUE.Fn::Sub (QueueName)',
      'depends-on Worker -> Role @ Resources.Worker.DependsOn.0',
    ]);
  });

  it('follows an event source mapping from the queue to the function behind an alias', () => {
    expect(graph.edges('event-source').map(edge)).toEqual(['event-source Jobs -> Worker @ Resources.Mapping.Properties.EventSourceArn via Mapping']);
    const [link] = graph.eventSources;
    expect([link.name, link.source.kind, link.source.node?.id, link.fn?.id]).toEqual(['Mapping', 'sqs', 'Jobs', 'Worker']);
  });

  it('has the semantic edges: notification, subscription, rule target, dead letter', () => {
    expect(graph.edges('notification').map(edge)).toEqual([
      'notification Uploads -> Worker @ Resources.Uploads.Properties.NotificationConfiguration.LambdaConfigurations.0.Function',
    ]);
    expect(graph.edges('subscription').map(edge)).toEqual([
      'subscription Topic -> Jobs @ Resources.Topic.Properties.Subscription.0.Endpoint',
      'subscription Topic -> Worker @ Resources.Sub.Properties.Endpoint via Sub',
    ]);
    expect(graph.edges('rule-target').map(edge)).toEqual(['rule-target Nightly -> Worker @ Resources.Nightly.Properties.Targets.0.Arn']);
    expect(graph.edges('dead-letter').map(edge)).toEqual(['dead-letter Jobs -> Dlq @ Resources.Jobs.Properties.RedrivePolicy.deadLetterTargetArn']);
  });

  it('gives the same edges in the same order whichever kind is asked for first (reference edges are made on first use)', () => {
    const refsFirst = graphOf(PIPELINE);
    const semanticFirst = graphOf(PIPELINE);
    const worker = (g: ResourceGraph) => g.resource('Worker')!;
    expect(semanticFirst.incoming(worker(semanticFirst), 'notification').map(edge)).toEqual([
      'notification Uploads -> Worker @ Resources.Uploads.Properties.NotificationConfiguration.LambdaConfigurations.0.Function',
    ]);
    const all = refsFirst.incoming(worker(refsFirst)).map(edge);
    expect(all).toContain('ref Live -> Worker @ Resources.Live.Properties.FunctionName');
    expect(all.indexOf('notification Uploads -> Worker @ Resources.Uploads.Properties.NotificationConfiguration.LambdaConfigurations.0.Function')).toBeGreaterThan(0);
    expect(semanticFirst.incoming(worker(semanticFirst)).map(edge)).toEqual(all);
    expect(semanticFirst.edges('getatt').map(edge)).toEqual(refsFirst.edges('getatt').map(edge));
  });

  it('filters edges by the types at either end', () => {
    expect(graph.edges('getatt', { to: 'AWS::IAM::Role' }).map((e) => e.from.id)).toEqual(['Worker']);
    expect(graph.edges('getatt', { from: 'AWS::S3::Bucket' }).map((e) => e.to.id)).toEqual(['Worker']);
  });
});

describe('event source kinds', () => {
  const kinds = graphOf(`
Resources:
  Fifo: { Type: AWS::SQS::Queue, Properties: { FifoQueue: true } }
  Named: { Type: AWS::SQS::Queue, Properties: { QueueName: orders.fifo } }
  Stream: { Type: AWS::Kinesis::Stream }
  Consumer: { Type: AWS::Kinesis::StreamConsumer, Properties: { StreamARN: !GetAtt Stream.Arn, ConsumerName: c } }
  Table: { Type: AWS::DynamoDB::Table }
  Fn: { Type: AWS::Lambda::Function }
  M1: { Type: AWS::Lambda::EventSourceMapping, Properties: { EventSourceArn: !GetAtt Fifo.Arn, FunctionName: !Ref Fn } }
  M2: { Type: AWS::Lambda::EventSourceMapping, Properties: { EventSourceArn: !GetAtt Named.Arn, FunctionName: !Ref Fn } }
  M3: { Type: AWS::Lambda::EventSourceMapping, Properties: { EventSourceArn: !GetAtt Consumer.ConsumerARN, FunctionName: !Ref Fn } }
  M4: { Type: AWS::Lambda::EventSourceMapping, Properties: { EventSourceArn: !GetAtt Table.StreamArn, FunctionName: !Ref Fn } }
  M5: { Type: AWS::Lambda::EventSourceMapping, Properties: { EventSourceArn: "arn:aws:kafka:us-east-1:1:cluster/c/x", FunctionName: my-fn } }
  M6: { Type: AWS::Lambda::EventSourceMapping, Properties: { EventSourceArn: !Sub "arn:aws:sqs:\${AWS::Region}:1:q", FunctionName: !Ref Fn } }
  M7: { Type: AWS::Lambda::EventSourceMapping, Properties: { SelfManagedEventSource: { Endpoints: {} }, FunctionName: !Ref Fn } }
`);

  it('classifies each source through the graph or the ARN', () => {
    expect(kinds.eventSources.map((l) => `${l.name}:${l.source.kind}:${l.source.node?.id ?? '-'}`)).toEqual([
      'M1:sqs-fifo:Fifo',
      'M2:sqs-fifo:Named',
      'M3:kinesis:Stream',
      'M4:dynamodb:Table',
      'M5:kafka:-',
      'M6:sqs:-',
      'M7:kafka:-',
    ]);
  });
});

describe('a mapping that names its function by a literal', () => {
  const g = graphOf(`
Resources:
  Other: { Type: AWS::Lambda::Function, Properties: { FunctionName: other } }
  First: { Type: AWS::Lambda::Function, Properties: { FunctionName: orders } }
  Second: { Type: AWS::Serverless::Function, Properties: { FunctionName: orders } }
  Q: { Type: AWS::SQS::Queue }
  ByName: { Type: AWS::Lambda::EventSourceMapping, Properties: { EventSourceArn: !GetAtt Q.Arn, FunctionName: orders } }
  ByArn: { Type: AWS::Lambda::EventSourceMapping, Properties: { EventSourceArn: !GetAtt Q.Arn, FunctionName: "arn:aws:lambda:us-east-1:1:function:other:live" } }
  Unknown: { Type: AWS::Lambda::EventSourceMapping, Properties: { EventSourceArn: !GetAtt Q.Arn, FunctionName: nobody } }
`);

  it('reaches the first function in the template with that name, from a name or an ARN with an alias', () => {
    expect(g.eventSources.map((l) => `${l.name}:${l.fn?.id ?? '-'}`)).toEqual(['ByName:First', 'ByArn:Other', 'Unknown:-']);
  });
});

describe('value resolution', () => {
  const t = `
Parameters:
  Timeout: { Type: Number, Default: 600 }
  NoDefault: { Type: Number }
  Env: { Type: String, Default: prod }
  Subnets: { Type: CommaDelimitedList, Default: "a, b" }
Mappings:
  Settings:
    prod: { Timeout: 800 }
    dev: { Timeout: 30 }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Timeout: !Ref Timeout
      MemorySize: !If [IsProd, 1024, !Ref AWS::NoValue]
      A: !FindInMap [Settings, !Ref Env, Timeout]
      B: !FindInMap [Settings, !Ref AWS::Region, Timeout]
      C: !Ref NoDefault
      D: !Sub "\${Env}-\${AWS::Region}"
      E: !Sub ["\${X}-fn", { X: !Ref Env }]
      F: !Join ["-", [a, !Ref Env, !If [IsProd, x, y]]]
      G: !Ref Subnets
      H: "42"
      I: !GetAtt Other.Arn
`;
  const fn = graphOf(t).resource('Fn')!;

  it('uses parameter defaults, with the default as origin', () => {
    expect(fn.numbers('Timeout')).toEqual([{ value: 600, path: ['Resources', 'Fn', 'Properties', 'Timeout'], origin: ['Parameters', 'Timeout', 'Default'] }]);
  });

  it('reads a property the same way however often and in whichever order rules ask (typed reads are kept per conversion and fallback)', () => {
    const g = graphOf(`
Conditions:
  IsProd: !Equals [a, b]
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Timeout: !If [IsProd, !Ref AWS::NoValue, "30"]
`).resource('Fn')!;
    const read = (k: { value: unknown; path: readonly unknown[]; isDefault?: boolean }) => `${JSON.stringify(k.value)} ${k.path.join('.')}${k.isDefault ? ' (default)' : ''}`;
    expect(g.numbers('Timeout').map(read)).toEqual(['30 Resources.Fn.Properties.Timeout.Fn::If.2']);
    expect(g.numbers('Timeout', 3).map(read)).toEqual(['3 Resources.Fn.Properties.Timeout.Fn::If.1 (default)', '30 Resources.Fn.Properties.Timeout.Fn::If.2']);
    expect(g.strings('Timeout').map(read)).toEqual(['"30" Resources.Fn.Properties.Timeout.Fn::If.2']);
    expect(g.numbers('Timeout').map(read)).toEqual(['30 Resources.Fn.Properties.Timeout.Fn::If.2']);
    expect(g.booleans('Timeout')).toEqual([]);
  });

  it('uses --parameter overrides before defaults', () => {
    const overridden = graphOf(t, { Timeout: '900', Env: 'dev' }).resource('Fn')!;
    expect(overridden.numbers('Timeout').map((k) => k.value)).toEqual([900]);
    expect(overridden.numbers('A').map((k) => k.value)).toEqual([30]);
  });

  it('sees both branches of Fn::If; AWS::NoValue means absent, so the default applies', () => {
    expect(fn.numbers('MemorySize', 128).map((k) => [k.value, k.path.slice(3).join('.'), k.isDefault ?? false])).toEqual([
      [1024, 'MemorySize.Fn::If.1', false],
      [128, 'MemorySize.Fn::If.2', true],
    ]);
  });

  it('reads through an Fn::If around the whole Properties block, and its absent properties get the default', () => {
    const whole = graphOf(`
Conditions:
  Big: !Equals [a, a]
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties: !If
      - Big
      - { Timeout: 1000, Runtime: python3.13 }
      - { Timeout: 10 }
`).resource('Fn')!;
    expect(whole.numbers('Timeout').map((k) => [k.value, k.path.slice(3).join('.')])).toEqual([
      [1000, 'Fn::If.1.Timeout'],
      [10, 'Fn::If.2.Timeout'],
    ]);
    expect(whole.strings('Runtime', 'none').map((k) => [k.value, k.isDefault ?? false])).toEqual([
      ['python3.13', false],
      ['none', true],
    ]);
  });

  it('looks up mappings, every row when the key is unknown', () => {
    expect(fn.numbers('A')).toEqual([{ value: 800, path: ['Resources', 'Fn', 'Properties', 'A', 'Fn::FindInMap'], origin: ['Mappings', 'Settings', 'prod', 'Timeout'] }]);
    expect(fn.numbers('B').map((k) => k.value)).toEqual([800, 30]);
  });

  it('leaves unknowable values out: no default, pseudo parameters, attributes', () => {
    expect(fn.numbers('C')).toEqual([]);
    expect(fn.strings('D')).toEqual([]);
    expect(fn.strings('I')).toEqual([]);
  });

  it('resolves Sub and Join over known parts, lists from list parameters, numeric strings', () => {
    expect(fn.strings('E').map((k) => k.value)).toEqual(['prod-fn']);
    expect(fn.strings('F').map((k) => k.value)).toEqual(['a-prod-x', 'a-prod-y']);
    expect(fn.properties.candidates('G')).toMatchObject([{ kind: 'value', value: ['a', 'b'] }]);
    expect(fn.numbers('H').map((k) => k.value)).toEqual([42]);
  });

  it('is bounded: nested Fn::If that would explode is unknown, quickly', () => {
    let expr = '1';
    for (let i = 0; i < 40; i++) expr = `!If [C, ${i}, ${expr}]`;
    const parts = Array.from({ length: 30 }, (_, i) => `!If [C, a${i}, b${i}]`).join(', ');
    const started = Date.now();
    const g = graphOf(`Resources:\n  R:\n    Type: X::Y::Z\n    Properties:\n      Deep: ${expr}\n      Wide: !Join ["", [${parts}]]\n`);
    const r = g.resource('R')!;
    expect(r.numbers('Deep').length).toBe(41);
    expect(r.strings('Wide')).toEqual([]);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
