import { defineRule } from '../../src/engine/rule.js';
import { capacities, configurationValues, numbersAt } from './lib/cluster.js';

export default defineRule({
  id: 'emr-hdfs-replication-risk',
  severity: 'warning',
  category: 'emr',
  description: 'HDFS replication of 1 on a cluster with several core nodes (one lost node loses data), or fewer core nodes than the replication factor.',
  seed: 'Resilient and durable (data are span multiple instances)',
  suggest: ['dfs.replication of 2 or more', 'data on Amazon S3 through EMRFS'],
  sources: ['https://docs.aws.amazon.com/emr/latest/ReleaseGuide/emr-hdfs-config.html', 'https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-plan-instances-guidelines.html'],
  messages: {
    single: 'EMR cluster "{{cluster}}" sets dfs.replication to 1 with {{cores}} core nodes: losing any one of them loses the HDFS blocks it held.',
    tooFew: 'EMR cluster "{{cluster}}" sets dfs.replication to {{replication}} but has {{cores}} core nodes: blocks cannot be replicated that often.',
  },
  check({ graph, report }) {
    for (const cluster of graph.ofType('AWS::EMR::Cluster')) {
      const coreGroups = capacities(graph, cluster).filter((c) => c.role === 'CORE' && c.kind === 'group');
      const counts = coreGroups.map((c) => numbersAt(c, 'InstanceCount'));
      if (counts.length === 0 || counts.some((c) => c.length === 0)) continue; // unknown core count
      const cores = counts.reduce((sum, c) => sum + Math.max(...c.map((n) => n.value)), 0);
      for (const r of configurationValues(cluster, 'hdfs-site', 'dfs.replication')) {
        const replication = Number(r.value);
        if (!Number.isInteger(replication)) continue;
        if (replication === 1 && cores > 1) report({ message: 'single', at: r.path, data: { cluster: cluster.id, cores } });
        else if (cores < replication) report({ message: 'tooFew', at: r.path, data: { cluster: cluster.id, replication, cores } });
      }
    }
  },
});
