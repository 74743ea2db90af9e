import { GLUE_RAY_CLOSED } from '../../src/data/limits.js';
import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  id: 'glue-non-spark-job',
  severity: 'info',
  category: 'glue',
  description: 'A Glue job that is not Spark: pythonshell (info: one small node) or glueray (warning: closed to new customers since 2026-04-30).',
  seed: 'Using other ETL engines than Spark - Glue ETL is implemented in Spark - Use Data Pipeline or EMR',
  suggest: ['Amazon EMR', 'Amazon EMR Serverless', 'AWS Step Functions', 'AWS Batch'],
  sources: ['https://docs.aws.amazon.com/glue/latest/dg/add-job-python.html', 'https://docs.aws.amazon.com/glue/latest/dg/ray-jobs-section.html'],
  messages: {
    pythonShell: 'Glue job "{{job}}" is a Python shell job: it runs on one node of at most 1 DPU, without Spark.',
    ray: 'Glue job "{{job}}" is a Ray job: AWS Glue for Ray is closed to new customers since {{closed}}.',
  },
  check({ graph, report }) {
    for (const job of graph.ofType('AWS::Glue::Job')) {
      for (const c of job.strings(['Command', 'Name'])) {
        if (c.value === 'pythonshell') report({ message: 'pythonShell', severity: 'info', at: c.path, data: { job: job.id } });
        else if (c.value === 'glueray') report({ message: 'ray', severity: 'warning', at: c.path, data: { job: job.id, closed: GLUE_RAY_CLOSED.date } });
      }
    }
  },
});
