import type { EventSourceKind, ResourceNode } from './model.js';
import { own } from '../own.js';

export const FUNCTION_TYPES: ReadonlySet<string> = new Set(['AWS::Lambda::Function', 'AWS::Serverless::Function']);

const KIND_BY_TYPE: Record<string, EventSourceKind> = {
  'AWS::Kinesis::Stream': 'kinesis',
  'AWS::Kinesis::StreamConsumer': 'kinesis',
  'AWS::DynamoDB::Table': 'dynamodb',
  'AWS::DynamoDB::GlobalTable': 'dynamodb',
  'AWS::Serverless::SimpleTable': 'dynamodb',
  'AWS::MSK::Cluster': 'kafka',
  'AWS::MSK::ServerlessCluster': 'kafka',
  'AWS::AmazonMQ::Broker': 'mq',
  'AWS::DocDB::DBCluster': 'docdb',
};

/** What kind of source a resource is, as the event source limits tell them apart (a FIFO queue is its own kind). */
export function classifyResource(node: ResourceNode): EventSourceKind | undefined {
  if (node.type === 'AWS::SQS::Queue') {
    const fifo = node.booleans('FifoQueue').some((b) => b.value) || node.strings('QueueName').some((n) => n.value.endsWith('.fifo'));
    return fifo ? 'sqs-fifo' : 'sqs';
  }
  return own(KIND_BY_TYPE, node.type);
}

/** The kind of source from a literal ARN's service segment (`arn:aws:sqs:...`). */
export function classifyArn(arn: string): EventSourceKind | undefined {
  const m = /^arn:[^:]*:([^:]+):/.exec(arn);
  if (!m) return undefined;
  switch (m[1]) {
    case 'sqs':
      return arn.endsWith('.fifo') ? 'sqs-fifo' : 'sqs';
    case 'kinesis':
      return 'kinesis';
    case 'dynamodb':
      return 'dynamodb';
    case 'kafka':
      return 'kafka';
    case 'mq':
      return 'mq';
    case 'rds':
      return 'docdb';
    default:
      return undefined;
  }
}

/** How messages name a source kind. */
export const EVENT_SOURCE_LABEL: Record<EventSourceKind, string> = {
  sqs: 'SQS queue',
  'sqs-fifo': 'SQS FIFO queue',
  kinesis: 'Kinesis stream',
  dynamodb: 'DynamoDB stream',
  kafka: 'Kafka topic',
  mq: 'Amazon MQ broker',
  docdb: 'DocumentDB change stream',
};

export const STREAM_KINDS: ReadonlySet<EventSourceKind> = new Set(['kinesis', 'dynamodb']);

/** "an SQS queue", "a Kinesis stream". */
export function withArticle(label: string): string {
  return `${/^(SQS|Amazon|[AEIOU])/.test(label) ? 'an' : 'a'} ${label}`;
}
