import { LAMBDA_RANGES } from '../../src/data/limits.js';
import { defineRule, originOf } from '../../src/engine/rule.js';
import { FUNCTION_TYPES } from '../../src/graph/index.js';

export default defineRule({
  id: 'lambda-ephemeral-storage-range',
  severity: 'error',
  category: 'lambda',
  description: 'Lambda EphemeralStorage.Size outside 512–10,240 MB: the deployment fails.',
  suggest: [],
  sources: ['https://docs.aws.amazon.com/lambda/latest/dg/configuration-ephemeral-storage.html'],
  messages: {
    outOfRange: 'Lambda function "{{fn}}" has EphemeralStorage.Size {{size}} MB; it must be between {{min}} and {{max}} MB.',
  },
  check({ graph, report }) {
    const min = LAMBDA_RANGES.ephemeralMin.value;
    const max = LAMBDA_RANGES.ephemeralMax.value;
    for (const fn of graph.ofType(...FUNCTION_TYPES)) {
      for (const s of fn.numbers(['EphemeralStorage', 'Size'])) {
        if (s.value < min || s.value > max) report({ message: 'outOfRange', at: s.path, data: { fn: fn.id, size: s.value, min, max }, related: originOf(s) });
      }
    }
  },
});
