import { defineRule } from '../../src/engine/rule.js';

const ALLOWED_TYPES = new Set(['AWS::SQS::Queue', 'AWS::SNS::Topic', 'AWS::S3::Bucket']);
const ALLOWED_SERVICES = new Set(['sqs', 'sns', 's3']);
const KAFKA_TYPES = new Set(['AWS::MSK::Cluster', 'AWS::MSK::ServerlessCluster']);

export default defineRule({
  id: 'esm-on-failure-destination-type',
  severity: 'error',
  category: 'event-sources',
  description: "A mapping's on-failure destination that is not an SQS queue, SNS topic or S3 bucket (or a Kafka topic for Kafka sources).",
  suggest: [],
  sources: ['https://docs.aws.amazon.com/lambda/latest/api/API_OnFailure.html', 'https://docs.aws.amazon.com/lambda/latest/dg/kinesis-on-failure-destination.html'],
  messages: {
    wrongResource: 'Event source mapping "{{name}}" sends failed batches to {{type}} "{{target}}"; an on-failure destination must be an SQS queue, an SNS topic or an S3 bucket.',
    wrongArn: 'Event source mapping "{{name}}" sends failed batches to {{arn}} (service "{{service}}"); an on-failure destination must be an SQS queue, an SNS topic or an S3 bucket.',
  },
  check({ graph, report }) {
    for (const link of graph.eventSources) {
      const key = ['DestinationConfig', 'OnFailure', 'Destination'];
      const kafka = link.source.kind === 'kafka';
      const targets = graph.referencesIn(rawValue(link.settings.raw, key), link.settings.pathOf(key));
      for (const t of targets) {
        if (ALLOWED_TYPES.has(t.node.type) || (kafka && KAFKA_TYPES.has(t.node.type))) continue;
        report({ message: 'wrongResource', at: t.path, data: { name: link.name, type: t.node.type, target: t.node.id } });
      }
      // A destination named by a literal (or resolvable) ARN: judged by its service.
      if (targets.length > 0) continue;
      for (const arn of link.settings.strings(key)) {
        const service = /^arn:[^:]+:([^:]+):/.exec(arn.value)?.[1];
        if (!service || ALLOWED_SERVICES.has(service) || (kafka && service === 'kafka')) continue;
        report({ message: 'wrongArn', at: arn.path, data: { name: link.name, arn: arn.value, service } });
      }
    }
  },
});

function rawValue(raw: Record<string, unknown>, path: string[]): unknown {
  let v: unknown = raw;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}
