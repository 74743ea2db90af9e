// Every rule archlint runs. A test checks that each rules/<category>/<id>.ts is listed here exactly once.
import type { Rule } from '../src/engine/rule.js';
import esmBatchSizeLimit from './event-sources/esm-batch-size-limit.js';
import esmStreamUnboundedRetry from './event-sources/esm-stream-unbounded-retry.js';
import sqsVisibilityVsFunctionTimeout from './event-sources/sqs-visibility-vs-function-timeout.js';
import lambdaLongRunning from './lambda/lambda-long-running.js';
import lambdaTimeoutExceedsMax from './lambda/lambda-timeout-exceeds-max.js';

export const RULES: readonly Rule[] = [
  lambdaTimeoutExceedsMax,
  lambdaLongRunning,
  esmBatchSizeLimit,
  esmStreamUnboundedRetry,
  sqsVisibilityVsFunctionTimeout,
];
