import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  id: 'glue-nosql-source',
  severity: 'info',
  category: 'glue',
  description: 'A Glue crawler over DynamoDB or MongoDB, or a MONGODB connection: schemas inferred from schemaless items are unreliable, and DynamoDB crawls consume read capacity.',
  seed: 'NoSQL databases - Schema makes no sense for NoSQL databases',
  suggest: ['DynamoDB export to Amazon S3', 'zero-ETL integrations', 'Amazon Athena federated query'],
  sources: ['https://docs.aws.amazon.com/glue/latest/dg/crawler-data-stores.html', 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/S3DataExport.HowItWorks.html'],
  messages: {
    crawler: 'Glue crawler "{{crawler}}" crawls {{store}}: a schema inferred from schemaless items is unreliable{{cost}}.',
    connection: 'Glue connection "{{connection}}" is of type MONGODB: a catalog schema over schemaless documents is unreliable.',
  },
  check({ graph, report }) {
    for (const crawler of graph.ofType('AWS::Glue::Crawler')) {
      for (const [key, store, cost] of [
        ['DynamoDBTargets', 'DynamoDB', ', and each crawl consumes the table\'s read capacity'],
        ['MongoDBTargets', 'MongoDB', ''],
      ] as const) {
        const targets = crawler.properties.candidates(['Targets', key]).find((c) => c.kind === 'value' && Array.isArray(c.value) && c.value.length > 0);
        if (targets) report({ message: 'crawler', at: targets.path, data: { crawler: crawler.id, store, cost } });
      }
    }
    for (const connection of graph.ofType('AWS::Glue::Connection')) {
      for (const t of connection.strings(['ConnectionInput', 'ConnectionType'])) {
        if (t.value === 'MONGODB') report({ message: 'connection', at: t.path, data: { connection: connection.id } });
      }
    }
  },
});
