import { EMR } from '../../src/data/limits.js';
import { defineRule } from '../../src/engine/rule.js';
import { capacities, numbersAt, releaseNumber } from './lib/cluster.js';

export default defineRule({
  id: 'emr-master-count',
  severity: 'error',
  category: 'emr',
  description: 'EMR master instance group with a count other than 1 or 3, or 3 masters on a release before emr-5.23.0.',
  seed: 'One master node in a cluster',
  suggest: [],
  sources: ['https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-plan-ha.html', 'https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-plan-ha-launch.html'],
  messages: {
    count: 'EMR cluster "{{cluster}}" has {{count}} master nodes; a cluster has 1, or 3 for high availability.',
    release: 'EMR cluster "{{cluster}}" has 3 master nodes on {{release}}; three masters need emr-5.23.0 or later.',
  },
  check({ graph, report }) {
    for (const cluster of graph.ofType('AWS::EMR::Cluster')) {
      for (const c of capacities(graph, cluster).filter((x) => x.role === 'MASTER' && x.kind === 'group')) {
        for (const n of numbersAt(c, 'InstanceCount')) {
          if (n.value !== 1 && n.value !== 3) report({ message: 'count', at: n.path, data: { cluster: cluster.id, count: n.value } });
          if (n.value !== 3) continue;
          for (const label of cluster.strings('ReleaseLabel')) {
            const release = releaseNumber(label.value);
            if (release !== undefined && release < EMR.multiMasterRelease.value) {
              report({ message: 'release', at: n.path, data: { cluster: cluster.id, release: label.value }, related: [{ at: label.path, message: 'the release label' }] });
            }
          }
        }
      }
    }
  },
});
