import { defineRule } from '../../src/engine/rule.js';
import type { ResourceNode } from '../../src/graph/index.js';

export default defineRule({
  id: 'emr-no-security-configuration',
  severity: 'warning',
  category: 'emr',
  description: 'An EMR cluster without a SecurityConfiguration, or with one that turns at-rest or in-transit encryption off.',
  seed: 'Integration with other AWS services',
  suggest: ['an AWS::EMR::SecurityConfiguration with at-rest and in-transit encryption'],
  sources: ['https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-security-configurations.html', 'https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-data-encryption.html'],
  messages: {
    missing: 'EMR cluster "{{cluster}}" has no SecurityConfiguration: EBS volumes, HDFS and traffic between nodes are not encrypted.',
    off: 'EMR security configuration "{{config}}", used by cluster "{{cluster}}", sets {{setting}} to false.',
  },
  check({ graph, report }) {
    for (const cluster of graph.ofType('AWS::EMR::Cluster')) {
      if (!cluster.has('SecurityConfiguration')) {
        report({ message: 'missing', at: cluster.pathOf('SecurityConfiguration'), data: { cluster: cluster.id } });
        continue;
      }
      const refs = graph.referencesIn(cluster.properties.get('SecurityConfiguration'), cluster.pathOf('SecurityConfiguration')).map((r) => r.node);
      const names = cluster.strings('SecurityConfiguration').map((n) => n.value);
      const configs = graph.ofType('AWS::EMR::SecurityConfiguration').filter((c) => refs.includes(c) || c.strings('Name').some((n) => names.includes(n.value)));
      for (const config of configs) {
        for (const setting of ['EnableAtRestEncryption', 'EnableInTransitEncryption']) {
          const off = encryptionFlag(config, setting);
          if (off) report({ message: 'off', at: off.path, data: { config: config.id, cluster: cluster.id, setting }, related: [{ at: cluster.pathOf('SecurityConfiguration'), message: 'the cluster uses it here' }] });
        }
      }
    }
  },
});

/** The flag's place when it is false. The configuration is an object, or a JSON string in older templates. */
function encryptionFlag(config: ResourceNode, setting: string): { path: readonly (string | number)[] } | undefined {
  const inObject = config.booleans(['SecurityConfiguration', 'EncryptionConfiguration', setting]).find((b) => b.value === false);
  if (inObject) return inObject;
  for (const text of config.strings('SecurityConfiguration')) {
    try {
      const parsed = JSON.parse(text.value) as { EncryptionConfiguration?: Record<string, unknown> };
      if (parsed.EncryptionConfiguration?.[setting] === false) return { path: text.path };
    } catch {
      // not JSON: nothing to judge
    }
  }
  return undefined;
}
