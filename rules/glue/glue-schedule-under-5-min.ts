import { GLUE } from '../../src/data/limits.js';
import { defineRule, originOf } from '../../src/engine/rule.js';
import { shortestIntervalMinutes } from '../../src/graph/index.js';

export default defineRule({
  id: 'glue-schedule-under-5-min',
  severity: 'error',
  category: 'glue',
  description: 'Glue trigger or crawler scheduled more often than every 5 minutes: Glue refuses it, and streaming belongs elsewhere.',
  seed: 'Glue is batch oriented, has minimum 5 minute intervals',
  suggest: ['Amazon Kinesis Data Streams + AWS Lambda', 'Amazon Data Firehose', 'Amazon Managed Service for Apache Flink', 'a Glue streaming job'],
  sources: ['https://docs.aws.amazon.com/glue/latest/dg/monitor-data-warehouse-schedule.html'],
  messages: {
    tooOften: '{{what}} "{{name}}" has schedule {{expression}}, which runs {{every}}; Glue schedules must be at least {{min}} minutes apart.',
  },
  check({ graph, report }) {
    const min = GLUE.minScheduleMinutes.value;
    const schedules = [
      ...graph.ofType('AWS::Glue::Trigger').filter((t) => t.strings('Type').some((x) => x.value === 'SCHEDULED')).map((t) => ({ node: t, what: 'Glue trigger', key: ['Schedule'] })),
      ...graph.ofType('AWS::Glue::Crawler').map((c) => ({ node: c, what: 'Glue crawler', key: ['Schedule', 'ScheduleExpression'] })),
    ];
    for (const { node, what, key } of schedules) {
      for (const expression of node.strings(key)) {
        const interval = shortestIntervalMinutes(expression.value);
        if (interval === undefined || interval >= min) continue;
        report({
          message: 'tooOften',
          at: expression.path,
          data: { what, name: node.id, expression: expression.value, every: interval === 1 ? 'every minute' : `${interval} minutes apart at the shortest`, min },
          related: originOf(expression),
        });
      }
    }
  },
});
