import { DEPRECATION_NOTICE_DAYS, RUNTIMES } from '../../src/data/runtimes.js';
import { defineRule } from '../../src/engine/rule.js';
import { FUNCTION_TYPES } from '../../src/graph/index.js';
import { own } from '../../src/own.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const utc = (ymd: string) => new Date(`${ymd}T00:00:00Z`).getTime();

export default defineRule({
  id: 'lambda-runtime-deprecated',
  severity: 'warning',
  category: 'lambda',
  description: 'Lambda runtime past its deprecation (error once creating functions is blocked; info within 180 days of deprecation), compared with the lint date.',
  seed: 'Supported languages',
  suggest: [],
  sources: ['https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html', 'https://docs.aws.amazon.com/lambda/latest/dg/runtime-support-policy.html'],
  messages: {
    blocked: 'Lambda function "{{fn}}" uses runtime {{runtime}}: creating functions with it has been blocked since {{blockCreate}}{{update}}. Move to {{successor}}.',
    deprecated: 'Lambda function "{{fn}}" uses runtime {{runtime}}, deprecated since {{deprecated}}{{next}}. Move to {{successor}}.',
    soon: 'Lambda function "{{fn}}" uses runtime {{runtime}}, deprecated on {{deprecated}} ({{days}} days away). Plan the move to {{successor}}.',
  },
  check({ graph, date, report }) {
    const today = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
    for (const fn of graph.ofType(...FUNCTION_TYPES)) {
      for (const runtime of fn.strings('Runtime')) {
        const life = own(RUNTIMES, runtime.value);
        if (!life) continue;
        const data = { fn: fn.id, runtime: runtime.value, successor: life.successor, deprecated: life.deprecated };
        const suggest = [life.successor];
        if (life.blockCreate && today >= utc(life.blockCreate)) {
          const update = life.blockUpdate && today >= utc(life.blockUpdate) ? `, and updating them since ${life.blockUpdate}` : life.blockUpdate ? `; updates stop on ${life.blockUpdate}` : '';
          report({ message: 'blocked', severity: 'error', at: runtime.path, data: { ...data, blockCreate: life.blockCreate, update }, suggest });
        } else if (today >= utc(life.deprecated)) {
          const next = life.blockCreate ? `; creating functions with it is blocked from ${life.blockCreate}` : '';
          report({ message: 'deprecated', severity: 'warning', at: runtime.path, data: { ...data, next }, suggest });
        } else {
          const days = Math.round((utc(life.deprecated) - today) / DAY_MS);
          if (days <= DEPRECATION_NOTICE_DAYS) report({ message: 'soon', severity: 'info', at: runtime.path, data: { ...data, days }, suggest });
        }
      }
    }
  },
});
