// Every rule archlint runs. A test checks that each rules/<category>/<id>.ts is listed here exactly once.
import type { Rule } from '../src/engine/rule.js';
import changeDataResourceReplaced from './changes/change-data-resource-replaced.js';
import changeEmrCoreShrink from './changes/change-emr-core-shrink.js';
import changeEmrEbsChanged from './changes/change-emr-ebs-changed.js';
import changeKinesisShardsHalved from './changes/change-kinesis-shards-halved.js';
import changeSqsToFifo from './changes/change-sqs-to-fifo.js';
import cfnResourceShape from './cloudformation/cfn-resource-shape.js';
import cfnTemplateLimits from './cloudformation/cfn-template-limits.js';
import emrConsistentViewObsolete from './emr/emr-consistent-view-obsolete.js';
import emrCoreOnSpot from './emr/emr-core-on-spot.js';
import emrHbaseOnHdfs from './emr/emr-hbase-on-hdfs.js';
import emrHdfsReplicationRisk from './emr/emr-hdfs-replication-risk.js';
import emrHiveLocalMetastore from './emr/emr-hive-local-metastore.js';
import emrLongRunningNoAutoterm from './emr/emr-long-running-no-autoterm.js';
import emrMasterCount from './emr/emr-master-count.js';
import emrMasterOnSpot from './emr/emr-master-on-spot.js';
import emrNoSecurityConfiguration from './emr/emr-no-security-configuration.js';
import emrTaskOnDemand from './emr/emr-task-on-demand.js';
import emrTransientHdfsOutput from './emr/emr-transient-hdfs-output.js';
import apiTimeoutVsFunction from './event-sources/api-timeout-vs-function.js';
import esmBatchSizeLimit from './event-sources/esm-batch-size-limit.js';
import esmBatchVsTimeout from './event-sources/esm-batch-vs-timeout.js';
import esmMissingOnFailureDestination from './event-sources/esm-missing-on-failure-destination.js';
import esmOnFailureDestinationType from './event-sources/esm-on-failure-destination-type.js';
import esmSqsBatchWindowRequired from './event-sources/esm-sqs-batch-window-required.js';
import esmStreamOnlyPropertyOnQueue from './event-sources/esm-stream-only-property-on-queue.js';
import esmStreamShardParallelism from './event-sources/esm-stream-shard-parallelism.js';
import esmStreamUnboundedRetry from './event-sources/esm-stream-unbounded-retry.js';
import functionDlqNotForEventSource from './event-sources/function-dlq-not-for-event-source.js';
import lambdaRecursiveTrigger from './event-sources/lambda-recursive-trigger.js';
import sqsSourceWithoutRedrive from './event-sources/sqs-source-without-redrive.js';
import sqsVisibilityVsFunctionTimeout from './event-sources/sqs-visibility-vs-function-timeout.js';
import glueCapacityConfig from './glue/glue-capacity-config.js';
import glueNoSecurityConfiguration from './glue/glue-no-security-configuration.js';
import glueNonSparkJob from './glue/glue-non-spark-job.js';
import glueNosqlSource from './glue/glue-nosql-source.js';
import glueScheduleUnder5Min from './glue/glue-schedule-under-5-min.js';
import glueStreamingJob from './glue/glue-streaming-job.js';
import glueTriggerStartsStreamingJob from './glue/glue-trigger-starts-streaming-job.js';
import glueVersionEndOfLife from './glue/glue-version-end-of-life.js';
import lambdaDynamicWebsite from './lambda/lambda-dynamic-website.js';
import lambdaEphemeralStorageRange from './lambda/lambda-ephemeral-storage-range.js';
import lambdaLongRunning from './lambda/lambda-long-running.js';
import lambdaMemoryRange from './lambda/lambda-memory-range.js';
import lambdaReservedConcurrencyBudget from './lambda/lambda-reserved-concurrency-budget.js';
import lambdaRuntimeDeprecated from './lambda/lambda-runtime-deprecated.js';
import lambdaStatefulSingleton from './lambda/lambda-stateful-singleton.js';
import lambdaTimeoutExceedsMax from './lambda/lambda-timeout-exceeds-max.js';

export const RULES: readonly Rule[] = [
  changeDataResourceReplaced,
  changeEmrCoreShrink,
  changeEmrEbsChanged,
  changeKinesisShardsHalved,
  changeSqsToFifo,
  cfnResourceShape,
  cfnTemplateLimits,
  emrConsistentViewObsolete,
  emrCoreOnSpot,
  emrHbaseOnHdfs,
  emrHdfsReplicationRisk,
  emrHiveLocalMetastore,
  emrLongRunningNoAutoterm,
  emrMasterCount,
  emrMasterOnSpot,
  emrNoSecurityConfiguration,
  emrTaskOnDemand,
  emrTransientHdfsOutput,
  apiTimeoutVsFunction,
  esmBatchSizeLimit,
  esmBatchVsTimeout,
  esmMissingOnFailureDestination,
  esmOnFailureDestinationType,
  esmSqsBatchWindowRequired,
  esmStreamOnlyPropertyOnQueue,
  esmStreamShardParallelism,
  esmStreamUnboundedRetry,
  functionDlqNotForEventSource,
  lambdaRecursiveTrigger,
  sqsSourceWithoutRedrive,
  sqsVisibilityVsFunctionTimeout,
  glueCapacityConfig,
  glueNoSecurityConfiguration,
  glueNonSparkJob,
  glueNosqlSource,
  glueScheduleUnder5Min,
  glueStreamingJob,
  glueTriggerStartsStreamingJob,
  glueVersionEndOfLife,
  lambdaDynamicWebsite,
  lambdaEphemeralStorageRange,
  lambdaLongRunning,
  lambdaMemoryRange,
  lambdaReservedConcurrencyBudget,
  lambdaRuntimeDeprecated,
  lambdaStatefulSingleton,
  lambdaTimeoutExceedsMax,
];
