import { defineRule } from '../../src/engine/rule.js';
import { commandNames, jobsNamed } from './lib/jobs.js';

export default defineRule({
  id: 'glue-trigger-starts-streaming-job',
  severity: 'warning',
  category: 'glue',
  description: 'A SCHEDULED Glue trigger that starts a streaming job: a streaming job runs continuously and is started once, not on a schedule.',
  seed: 'Streaming data',
  suggest: ['start the streaming job once (an ON_DEMAND trigger or StartOnCreation)', 'Amazon Kinesis Data Streams for the stream'],
  sources: ['https://docs.aws.amazon.com/glue/latest/dg/add-job-streaming.html', 'https://docs.aws.amazon.com/glue/latest/dg/about-triggers.html'],
  messages: {
    scheduledStream: 'Scheduled Glue trigger "{{trigger}}" starts streaming job "{{job}}"; a streaming job runs until stopped, so each scheduled start fails or restarts it.',
  },
  check({ graph, report }) {
    for (const trigger of graph.ofType('AWS::Glue::Trigger')) {
      if (!trigger.strings('Type').some((t) => t.value === 'SCHEDULED')) continue;
      const actions = trigger.properties.get('Actions');
      if (!Array.isArray(actions)) continue;
      actions.forEach((_, i) => {
        for (const job of jobsNamed(graph, trigger, i)) {
          if (!commandNames(job).includes('gluestreaming')) continue;
          report({
            message: 'scheduledStream',
            at: trigger.pathOf(['Actions', i, 'JobName']),
            data: { trigger: trigger.id, job: job.id },
            related: [{ at: job.pathOf(['Command', 'Name']), message: `job "${job.id}" is a streaming job` }],
          });
        }
      });
    }
  },
});
