import { GLUE_END_OF_LIFE_VERSIONS } from '../../src/data/limits.js';
import { defineRule, originOf } from '../../src/engine/rule.js';

export default defineRule({
  id: 'glue-version-end-of-life',
  severity: 'error',
  category: 'glue',
  description: 'A Glue job on GlueVersion 0.9, 1.0 or 2.0, past end of life since 2026-04-01.',
  suggest: ['GlueVersion 5.0'],
  sources: ['https://docs.aws.amazon.com/glue/latest/dg/glue-version-support-policy.html', 'https://docs.aws.amazon.com/glue/latest/dg/migrating-version-50.html'],
  messages: {
    endOfLife: 'Glue job "{{job}}" uses GlueVersion {{version}}, past end of life since {{date}}: its runs are no longer supported. Move to GlueVersion 5.0.',
  },
  check({ graph, report }) {
    for (const job of graph.ofType('AWS::Glue::Job')) {
      for (const v of job.strings('GlueVersion')) {
        // YAML reads an unquoted 1.0 as the number 1: compare as numbers where we can.
        const version = GLUE_END_OF_LIFE_VERSIONS.versions.find((eol) => eol === v.value || Number(eol) === Number(v.value));
        if (version) report({ message: 'endOfLife', at: v.path, data: { job: job.id, version, date: GLUE_END_OF_LIFE_VERSIONS.date }, related: originOf(v) });
      }
    }
  },
});
