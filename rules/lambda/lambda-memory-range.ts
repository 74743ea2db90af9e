import { LAMBDA_RANGES } from '../../src/data/limits.js';
import { defineRule, originOf } from '../../src/engine/rule.js';
import { FUNCTION_TYPES } from '../../src/graph/index.js';

export default defineRule({
  id: 'lambda-memory-range',
  severity: 'error',
  category: 'lambda',
  description: 'Lambda MemorySize outside 128–10,240 MB: the deployment fails.',
  suggest: [],
  sources: ['https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html', 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html'],
  messages: {
    outOfRange: 'Lambda function "{{fn}}" has MemorySize {{memory}} MB; it must be between {{min}} and {{max}} MB.',
  },
  check({ graph, report }) {
    const min = LAMBDA_RANGES.memoryMin.value;
    const max = LAMBDA_RANGES.memoryMax.value;
    for (const fn of graph.ofType(...FUNCTION_TYPES)) {
      for (const m of fn.numbers('MemorySize')) {
        if (m.value < min || m.value > max) report({ message: 'outOfRange', at: m.path, data: { fn: fn.id, memory: m.value, min, max }, related: originOf(m) });
      }
    }
  },
});
