import { defineRule, type ReportFn } from '../../src/engine/rule.js';
import type { ResourceGraph, ResourceNode } from '../../src/graph/index.js';
import { commandNames } from './lib/jobs.js';

export default defineRule({
  id: 'glue-no-security-configuration',
  severity: 'warning',
  category: 'glue',
  description: 'A Glue job or crawler without a security configuration, a JDBC connection without enforced SSL, or a security configuration with S3 encryption disabled.',
  seed: 'Encryption at rest and in transit',
  suggest: ['AWS::Glue::SecurityConfiguration with SSE-KMS'],
  sources: ['https://docs.aws.amazon.com/glue/latest/dg/encryption-security-configuration.html', 'https://docs.aws.amazon.com/glue/latest/dg/connection-properties.html'],
  messages: {
    job: 'Glue job "{{name}}" has no SecurityConfiguration: its S3 output, logs and bookmarks are not encrypted with your keys.',
    crawler: 'Glue crawler "{{name}}" has no CrawlerSecurityConfiguration: its CloudWatch logs are not encrypted with your keys.',
    jdbc: 'Glue JDBC connection "{{name}}" does not set JDBC_ENFORCE_SSL to "true": credentials and data may cross the network unencrypted.',
    disabled: 'Glue security configuration "{{config}}", used by "{{name}}", has S3 encryption DISABLED.',
  },
  check({ graph, report }) {
    for (const job of graph.ofType('AWS::Glue::Job')) {
      if (commandNames(job).includes('glueray')) continue; // Ray jobs do not take a security configuration
      checkReference(graph, job, 'SecurityConfiguration', 'job', report);
    }
    for (const crawler of graph.ofType('AWS::Glue::Crawler')) checkReference(graph, crawler, 'CrawlerSecurityConfiguration', 'crawler', report);
    for (const connection of graph.ofType('AWS::Glue::Connection')) {
      if (!connection.strings(['ConnectionInput', 'ConnectionType']).some((t) => t.value === 'JDBC')) continue;
      const ssl = connection.strings(['ConnectionInput', 'ConnectionProperties', 'JDBC_ENFORCE_SSL']);
      const unknown = connection.properties.candidates(['ConnectionInput', 'ConnectionProperties', 'JDBC_ENFORCE_SSL']).some((c) => c.kind === 'unknown');
      if (unknown || ssl.some((s) => s.value.toLowerCase() === 'true')) continue;
      report({ message: 'jdbc', at: connection.pathOf(['ConnectionInput', 'ConnectionProperties', 'JDBC_ENFORCE_SSL']), data: { name: connection.id } });
    }
  },
});

function checkReference(graph: ResourceGraph, node: ResourceNode, key: string, message: 'job' | 'crawler', report: ReportFn): void {
  if (!node.has(key)) {
    report({ message, at: node.pathOf(key), data: { name: node.id } });
    return;
  }
  const configs = graph.referencesIn(node.properties.get(key), node.pathOf(key)).map((r) => r.node);
  const names = node.strings(key).map((n) => n.value);
  const named = graph.ofType('AWS::Glue::SecurityConfiguration').filter((c) => configs.includes(c) || c.strings('Name').some((n) => names.includes(n.value)));
  for (const config of named) {
    const encryptions = config.properties.candidates(['EncryptionConfiguration', 'S3Encryptions']).find((c) => c.kind === 'value' && Array.isArray(c.value));
    const count = encryptions?.kind === 'value' ? (encryptions.value as unknown[]).length : 0;
    const modes = Array.from({ length: count }, (_, i) => config.strings(['EncryptionConfiguration', 'S3Encryptions', i, 'S3EncryptionMode'])).flat();
    for (const mode of modes) {
      if (mode.value !== 'DISABLED') continue;
      report({ message: 'disabled', at: mode.path, data: { config: config.id, name: node.id }, related: [{ at: node.pathOf(key), message: `"${node.id}" uses it here` }] });
    }
  }
}
