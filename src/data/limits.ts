/**
 * Service limits and CloudFormation defaults the rules compare against. Each value names the AWS
 * page it comes from and the date it was last checked there; change the value and the date together.
 */
export interface Limit {
  value: number;
  unit: string;
  source: string;
  checked: string;
}

const LAMBDA_QUOTAS = 'https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html';
const LAMBDA_TIMEOUT = 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html';
const ESM_API = 'https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html';
const SQS_SETUP = 'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html';
const KINESIS_PARAMS = 'https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-parameters.html';

export const LAMBDA = {
  /** Function timeout ceiling ("Max timeout can be set is 900 seconds"). */
  maxTimeout: { value: 900, unit: 's', source: LAMBDA_TIMEOUT, checked: '2026-11-27' },
  /** Lambda Managed Instances (CapacityProviderConfig) allow longer functions. */
  maxTimeoutManagedInstances: { value: 5400, unit: 's', source: LAMBDA_TIMEOUT, checked: '2026-11-27' },
  minTimeout: { value: 1, unit: 's', source: LAMBDA_TIMEOUT, checked: '2026-11-27' },
  /** CloudFormation default when Timeout is absent. */
  defaultTimeout: { value: 3, unit: 's', source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-lambda-function.html', checked: '2026-11-27' },
  /** Default account concurrency quota ("soft limit of 1000 concurrent"). */
  accountConcurrency: { value: 1000, unit: 'executions', source: LAMBDA_QUOTAS, checked: '2026-11-27' },
} satisfies Record<string, Limit>;

/** Largest BatchSize an event source mapping accepts, by source kind. */
export const ESM_MAX_BATCH_SIZE = {
  kinesis: { value: 10000, unit: 'records', source: ESM_API, checked: '2026-11-27' },
  dynamodb: { value: 10000, unit: 'records', source: ESM_API, checked: '2026-11-27' },
  sqs: { value: 10000, unit: 'messages', source: ESM_API, checked: '2026-11-27' },
  'sqs-fifo': { value: 10, unit: 'messages', source: ESM_API, checked: '2026-11-27' },
  kafka: { value: 10000, unit: 'records', source: ESM_API, checked: '2026-11-27' },
  mq: { value: 10000, unit: 'messages', source: ESM_API, checked: '2026-11-27' },
  docdb: { value: 10000, unit: 'records', source: ESM_API, checked: '2026-11-27' },
} satisfies Record<string, Limit>;

export const ESM_DEFAULTS = {
  /** BatchSize when absent: 10 for SQS, 100 for streams, Kafka, MQ and DocumentDB. */
  batchSizeSqs: { value: 10, unit: 'messages', source: ESM_API, checked: '2026-11-27' },
  batchSizeOther: { value: 100, unit: 'records', source: ESM_API, checked: '2026-11-27' },
  /** -1: retry until the record expires. */
  maximumRetryAttempts: { value: -1, unit: 'attempts', source: KINESIS_PARAMS, checked: '2026-11-27' },
  maximumRecordAgeInSeconds: { value: -1, unit: 's', source: KINESIS_PARAMS, checked: '2026-11-27' },
} satisfies Record<string, Limit>;

export const SQS = {
  defaultVisibilityTimeout: { value: 30, unit: 's', source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-sqs-queue.html', checked: '2026-11-27' },
  /** AWS recommends a visibility timeout of at least six times the function timeout. */
  visibilityToTimeoutRatio: { value: 6, unit: '×', source: SQS_SETUP, checked: '2026-11-27' },
} satisfies Record<string, Limit>;

export const KINESIS = {
  defaultRetentionHours: { value: 24, unit: 'h', source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-kinesis-stream.html', checked: '2026-11-27' },
} satisfies Record<string, Limit>;

export const DYNAMODB_STREAMS = {
  /** Stream records are kept for 24 hours; not configurable. */
  retentionHours: { value: 24, unit: 'h', source: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html', checked: '2026-11-27' },
} satisfies Record<string, Limit>;
