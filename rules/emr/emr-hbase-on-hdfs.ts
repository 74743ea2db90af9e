import { defineRule } from '../../src/engine/rule.js';
import { applications, configurationValues } from './lib/cluster.js';

export default defineRule({
  id: 'emr-hbase-on-hdfs',
  severity: 'info',
  category: 'emr',
  description: 'HBase on EMR kept in HDFS: its data lives and dies with the cluster unless it is stored on S3.',
  seed: 'HBase - AWS Integration - Can build on the top of EMRFS (S3)',
  suggest: ['HBase on Amazon S3 (hbase.emr.storageMode: s3)', 'Amazon DynamoDB (fully managed)'],
  sources: ['https://docs.aws.amazon.com/emr/latest/ReleaseGuide/emr-hbase-s3.html'],
  messages: {
    hdfs: 'EMR cluster "{{cluster}}" runs HBase on HDFS: the tables are lost when the cluster ends unless hbase.emr.storageMode is s3.',
  },
  check({ graph, report }) {
    for (const cluster of graph.ofType('AWS::EMR::Cluster')) {
      const hbase = applications(cluster).find((a) => a.name === 'hbase');
      if (!hbase) continue;
      if (configurationValues(cluster, 'hbase', 'hbase.emr.storageMode').some((v) => v.value.toLowerCase() === 's3')) continue;
      report({ message: 'hdfs', at: hbase.path, data: { cluster: cluster.id } });
    }
  },
});
