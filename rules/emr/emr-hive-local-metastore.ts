import { defineRule } from '../../src/engine/rule.js';
import { applications, configurationValues, masterCount } from './lib/cluster.js';

const METASTORE_USERS = new Set(['hive', 'spark', 'presto', 'trino', 'hcatalog']);
const GLUE_FACTORY = 'com.amazonaws.glue.catalog.metastore.AWSGlueDataCatalogHiveClientFactory';

export default defineRule({
  id: 'emr-hive-local-metastore',
  severity: 'warning',
  category: 'emr',
  description: 'EMR cluster with Hive, Spark, Presto, Trino or HCatalog whose metastore stays in MySQL on the master node (an error with 3 masters).',
  seed: 'Metastore is stored in MySQL on the master node by default - Ephemeral',
  suggest: ['AWS Glue Data Catalog', 'an external metastore on Amazon RDS or Aurora'],
  sources: ['https://docs.aws.amazon.com/emr/latest/ReleaseGuide/emr-metastore-external-hive.html', 'https://docs.aws.amazon.com/emr/latest/ReleaseGuide/emr-hive-metastore-glue.html'],
  messages: {
    local: 'EMR cluster "{{cluster}}" runs {{apps}} with the default metastore: table definitions live in MySQL on the master node and are lost with the cluster{{ha}}.',
  },
  check({ graph, report }) {
    for (const cluster of graph.ofType('AWS::EMR::Cluster')) {
      const users = applications(cluster).filter((a) => METASTORE_USERS.has(a.name));
      if (users.length === 0) continue;
      const external = ['hive-site', 'spark-hive-site'].some(
        (classification) =>
          configurationValues(cluster, classification, 'hive.metastore.client.factory.class').some((v) => v.value === GLUE_FACTORY) ||
          configurationValues(cluster, classification, 'javax.jdo.option.ConnectionURL').length > 0,
      );
      if (external) continue;
      const ha = masterCount(graph, cluster) === 3;
      report({
        message: 'local',
        severity: ha ? 'error' : 'warning',
        at: users[0].path,
        data: { cluster: cluster.id, apps: users.map((u) => u.label).join(', '), ha: ha ? '; with three masters the metastore is not replicated to the others' : '' },
      });
    }
  },
});
