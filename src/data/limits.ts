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
  batchingWindow: { value: 0, unit: 's', source: ESM_API, checked: '2026-11-27' },
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

export const LAMBDA_RANGES = {
  memoryMin: { value: 128, unit: 'MB', source: LAMBDA_QUOTAS, checked: '2026-11-27' },
  memoryMax: { value: 10240, unit: 'MB', source: LAMBDA_QUOTAS, checked: '2026-11-27' },
  ephemeralMin: { value: 512, unit: 'MB', source: LAMBDA_QUOTAS, checked: '2026-11-27' },
  ephemeralMax: { value: 10240, unit: 'MB', source: LAMBDA_QUOTAS, checked: '2026-11-27' },
  /** Lambda keeps this much of the account's concurrency unreserved. */
  unreservedMinimum: { value: 100, unit: 'executions', source: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html', checked: '2026-11-27' },
} satisfies Record<string, Limit>;

export const API_GATEWAY = {
  /** REST API integration timeout (raisable for Regional and private APIs since 2024, at a throttling cost). */
  restIntegrationTimeout: { value: 29, unit: 's', source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html', checked: '2026-11-27' },
  httpIntegrationTimeout: { value: 30, unit: 's', source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html', checked: '2026-11-27' },
} satisfies Record<string, Limit>;

export const GLUE = {
  /** Shortest schedule interval ("Glue is batch oriented, has minimum 5 minute intervals"). */
  minScheduleMinutes: { value: 5, unit: 'min', source: 'https://docs.aws.amazon.com/glue/latest/dg/monitor-data-warehouse-schedule.html', checked: '2026-11-27' },
  sparkMinCapacity: { value: 2, unit: 'DPU', source: 'https://docs.aws.amazon.com/glue/latest/dg/add-job.html', checked: '2026-11-27' },
  sparkMaxCapacity: { value: 100, unit: 'DPU', source: 'https://docs.aws.amazon.com/glue/latest/dg/add-job.html', checked: '2026-11-27' },
} satisfies Record<string, Limit>;

/** Glue versions past end of life (2026-04-01): jobs on them no longer run. */
export const GLUE_END_OF_LIFE_VERSIONS = { versions: ['0.9', '1.0', '2.0'], date: '2026-04-01', source: 'https://docs.aws.amazon.com/glue/latest/dg/glue-version-support-policy.html', checked: '2026-11-27' };
/** Glue for Ray closed to new customers. */
export const GLUE_RAY_CLOSED = { date: '2026-04-30', source: 'https://docs.aws.amazon.com/glue/latest/dg/ray-jobs-section.html', checked: '2026-11-27' };

export const EMR = {
  /** Three master nodes (high availability) need this release or later. */
  multiMasterRelease: { value: 5.23, unit: 'release', source: 'https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-plan-ha.html', checked: '2026-11-27' },
  /** HDFS replication default is 1 for fewer than 4 core nodes, 2 for 4–9, 3 for 10 or more. */
  hdfsReplicationSource: { value: 0, unit: '', source: 'https://docs.aws.amazon.com/emr/latest/ReleaseGuide/emr-hdfs-config.html', checked: '2026-11-27' },
} satisfies Record<string, Limit>;

const CFN_LIMITS_SOURCE = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html';
export const CFN_TEMPLATE_LIMITS = {
  resources: { value: 500, unit: 'resources', source: CFN_LIMITS_SOURCE, checked: '2026-11-27' },
  parameters: { value: 200, unit: 'parameters', source: CFN_LIMITS_SOURCE, checked: '2026-11-27' },
  outputs: { value: 200, unit: 'outputs', source: CFN_LIMITS_SOURCE, checked: '2026-11-27' },
  mappings: { value: 200, unit: 'mappings', source: CFN_LIMITS_SOURCE, checked: '2026-11-27' },
  mappingAttributes: { value: 200, unit: 'attributes', source: CFN_LIMITS_SOURCE, checked: '2026-11-27' },
  idLength: { value: 255, unit: 'characters', source: CFN_LIMITS_SOURCE, checked: '2026-11-27' },
  description: { value: 1024, unit: 'bytes', source: CFN_LIMITS_SOURCE, checked: '2026-11-27' },
  bodyS3: { value: 1024 * 1024, unit: 'bytes', source: CFN_LIMITS_SOURCE, checked: '2026-11-27' },
  bodyInline: { value: 51200, unit: 'bytes', source: CFN_LIMITS_SOURCE, checked: '2026-11-27' },
} satisfies Record<string, Limit>;

/** Resource types that hold data: replacing or deleting one without a Retain policy loses it. */
export const DATA_RESOURCE_TYPES = {
  types: [
    'AWS::EMR::Cluster', 'AWS::Kinesis::Stream', 'AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable', 'AWS::S3::Bucket',
    'AWS::SQS::Queue', 'AWS::Glue::Database', 'AWS::Glue::Table', 'AWS::RDS::DBInstance', 'AWS::RDS::DBCluster',
    'AWS::EFS::FileSystem', 'AWS::Serverless::SimpleTable',
  ],
  source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-deletionpolicy.html',
  checked: '2026-11-27',
};
