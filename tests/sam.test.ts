import { describe, expect, it } from 'vitest';
import type { Known } from '../src/graph/model.js';
import { findingLine, graphOf, lint } from './helpers/lint.js';

/** A typed read as plain data, origin and isDefault included: a literal's path is a getter, which toEqual does not see. */
const asRead = ({ value, path, origin, isDefault }: Known<unknown>) => ({ value, path, origin, isDefault });

const SAM = `
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Timeout: 1000
    MemorySize: 512
    Runtime: python3.13
Resources:
  Queue: { Type: AWS::SQS::Queue }
  Fifo: { Type: AWS::SQS::Queue, Properties: { FifoQueue: true } }
  Stream: { Type: AWS::Kinesis::Stream, Properties: { ShardCount: 1 } }
  Table:
    Type: AWS::Serverless::SimpleTable
  Ddb:
    Type: AWS::DynamoDB::Table
    Properties: { StreamSpecification: { StreamViewType: NEW_IMAGE } }
  Msk: { Type: AWS::MSK::Cluster }
  Broker: { Type: AWS::AmazonMQ::Broker }
  DocDb: { Type: AWS::DocDB::DBCluster }
  Bucket: { Type: AWS::S3::Bucket }
  Topic: { Type: AWS::SNS::Topic }
  Api: { Type: AWS::Serverless::Api, Properties: { StageName: prod } }
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      CodeUri: src/
      MemorySize: 1024
      Events:
        Sqs: { Type: SQS, Properties: { Queue: !GetAtt Queue.Arn, BatchSize: 5 } }
        FifoEvent: { Type: SQS, Properties: { Queue: !GetAtt Fifo.Arn } }
        Kinesis: { Type: Kinesis, Properties: { Stream: !GetAtt Stream.Arn, StartingPosition: LATEST, MaximumRetryAttempts: 3 } }
        Dynamo: { Type: DynamoDB, Properties: { Stream: !GetAtt Ddb.StreamArn, StartingPosition: LATEST } }
        Kafka: { Type: MSK, Properties: { Stream: !GetAtt Msk.Arn, StartingPosition: LATEST, Topics: [t] } }
        Mq: { Type: MQ, Properties: { Broker: !GetAtt Broker.Arn, Queues: [q], SourceAccessConfigurations: [] } }
        SelfKafka: { Type: SelfManagedKafka, Properties: { KafkaBootstrapServers: ["b:9092"], Topics: [t] } }
        Docs: { Type: DocumentDB, Properties: { Cluster: !GetAtt DocDb.Arn, DatabaseName: db } }
        Upload: { Type: S3, Properties: { Bucket: !Ref Bucket, Events: s3:ObjectCreated:* } }
        Notify: { Type: SNS, Properties: { Topic: !Ref Topic } }
        Nightly: { Type: Schedule, Properties: { Schedule: rate(1 day) } }
        Later: { Type: ScheduleV2, Properties: { ScheduleExpression: rate(1 hour) } }
        Bus: { Type: EventBridgeRule, Properties: { Pattern: { source: [aws.ec2] } } }
        Get: { Type: Api, Properties: { RestApiId: !Ref Api, Path: /items, Method: GET } }
        Http: { Type: HttpApi, Properties: { Path: /h, Method: GET } }
`;

describe('SAM functions', () => {
  const graph = graphOf(SAM);
  const fn = graph.resource('Fn')!;

  it("merge Globals.Function: a property set in Globals is read at its Globals line; the function's own value wins", () => {
    expect(fn.numbers('Timeout').map(asRead)).toEqual([{ value: 1000, path: ['Globals', 'Function', 'Timeout'] }]);
    expect(fn.numbers('MemorySize').map((k) => [k.value, k.path.join('.')])).toEqual([[1024, 'Resources.Fn.Properties.MemorySize']]);
    expect(fn.strings('Runtime').map((k) => k.path[0])).toEqual(['Globals']);
  });

  it('report a 1,000 s timeout set in Globals at the Globals line', () => {
    expect(lint(SAM, ['lambda-timeout-exceeds-max']).map(findingLine)).toEqual([
      '5:14 error Lambda function "Fn" has Timeout 1000 s; the maximum is 900 s. [lambda-timeout-exceeds-max]',
    ]);
  });

  it('turn every polled event type into an event source link, with settings read from the event', () => {
    expect(graph.eventSources.map((l) => `${l.name} ${l.source.kind} ${l.source.node?.id ?? '-'} ${l.settings.path.slice(-2).join('.')}`)).toEqual([
      'Fn.Events.Sqs sqs Queue Sqs.Properties',
      'Fn.Events.FifoEvent sqs-fifo Fifo FifoEvent.Properties',
      'Fn.Events.Kinesis kinesis Stream Kinesis.Properties',
      'Fn.Events.Dynamo dynamodb Ddb Dynamo.Properties',
      'Fn.Events.Kafka kafka Msk Kafka.Properties',
      'Fn.Events.Mq mq Broker Mq.Properties',
      'Fn.Events.SelfKafka kafka - SelfKafka.Properties',
      'Fn.Events.Docs docdb DocDb Docs.Properties',
    ]);
    expect(graph.eventSources[0].settings.numbers('BatchSize').map(asRead)).toEqual([{ value: 5, path: ['Resources', 'Fn', 'Properties', 'Events', 'Sqs', 'Properties', 'BatchSize'] }]);
    expect(graph.edges('event-source').map((e) => `${e.from.id}->${e.to.id}`)).toEqual(['Queue->Fn', 'Fifo->Fn', 'Stream->Fn', 'Ddb->Fn', 'Msk->Fn', 'Broker->Fn', 'DocDb->Fn']);
  });

  it("turn S3, SNS, Schedule, ScheduleV2 and EventBridgeRule events into edges; SAM's implicit rules become nodes", () => {
    expect(graph.edges('notification').map((e) => `${e.from.id}->${e.to.id}`)).toEqual(['Bucket->Fn']);
    expect(graph.edges('subscription').map((e) => `${e.from.id}->${e.to.id}`)).toEqual(['Topic->Fn']);
    expect(graph.edges('rule-target').map((e) => `${e.from.id}:${e.from.type}->${e.to.id}`)).toEqual([
      'FnNightly:AWS::Events::Rule->Fn',
      'FnLater:AWS::Scheduler::Schedule->Fn',
      'FnBus:AWS::Events::Rule->Fn',
    ]);
    expect(graph.resource('FnNightly')!.path).toEqual(['Resources', 'Fn', 'Properties', 'Events', 'Nightly']);
  });

  it("turn Api and HttpApi events into API integrations (explicit API or SAM's implicit one)", () => {
    expect(graph.apiIntegrations.map((i) => `${i.kind} ${i.api} ${i.fn.id} ${i.catchAll}`)).toEqual(['rest Api Fn false', 'http ServerlessHttpApi Fn false']);
  });

  it('read SimpleTable as a DynamoDB table and SAM policy templates as role permissions', async () => {
    const { classifyResource, grantsOf } = await import('../src/graph/index.js');
    expect(classifyResource(graph.resource('Table')!)).toBe('dynamodb');
    const g = graphOf(`
Resources:
  Q: { Type: AWS::SQS::Queue }
  F:
    Type: AWS::Serverless::Function
    Properties:
      Policies:
        - SQSSendMessagePolicy: { QueueName: !GetAtt Q.QueueName }
        - AmazonS3FullAccess
        - Statement: [{ Effect: Allow, Action: sns:Publish, Resource: "*" }]
`);
    expect(grantsOf(g, g.resource('F')!).map((x) => `${x.actions.join(',')} ${x.anyResource ? '*' : x.resources.map((r) => r.id).join(',')}`)).toEqual([
      'sqs:SendMessage Q',
      's3:* *',
      'sns:Publish *',
    ]);
  });

  it('give StateMachine schedule events a rule node too', () => {
    const g = graphOf(`
Resources:
  Flow:
    Type: AWS::Serverless::StateMachine
    Properties:
      Events:
        Hourly: { Type: Schedule, Properties: { Schedule: rate(1 hour) } }
`);
    expect(g.edges('rule-target').map((e) => `${e.from.id}->${e.to.id}`)).toEqual(['FlowHourly->Flow']);
  });
});
