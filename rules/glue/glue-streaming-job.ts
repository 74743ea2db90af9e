import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  id: 'glue-streaming-job',
  severity: 'info',
  category: 'glue',
  description: 'A Glue streaming job (gluestreaming): it runs, and bills, continuously; the notes call streaming a Glue anti-pattern.',
  seed: 'Streaming data - Glue is batch oriented, has minimum 5 minute intervals',
  suggest: ['Amazon Kinesis Data Streams + AWS Lambda', 'Amazon Data Firehose', 'Amazon Managed Service for Apache Flink'],
  sources: ['https://docs.aws.amazon.com/glue/latest/dg/add-job-streaming.html'],
  messages: {
    streaming: 'Glue job "{{job}}" is a streaming job: it runs continuously and bills for its workers around the clock.',
  },
  check({ graph, report }) {
    for (const job of graph.ofType('AWS::Glue::Job')) {
      for (const c of job.strings(['Command', 'Name'])) if (c.value === 'gluestreaming') report({ message: 'streaming', at: c.path, data: { job: job.id } });
    }
  },
});
