import { defineRule } from '../../src/engine/rule.js';
import { capacities, masterCount, spotOf } from './lib/cluster.js';

export default defineRule({
  id: 'emr-master-on-spot',
  severity: 'warning',
  category: 'emr',
  description: 'EMR master node on Spot: when it is reclaimed the whole cluster ends (an error with 3 masters, which exist to survive a failure).',
  seed: 'Coordinate the distribution of data and tasks',
  suggest: ['On-Demand master nodes'],
  sources: ['https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-plan-instances-guidelines.html', 'https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-plan-ha.html'],
  messages: {
    spot: 'EMR cluster "{{cluster}}" runs its master {{what}} on Spot: when Spot reclaims it, the cluster terminates{{ha}}.',
  },
  check({ graph, report }) {
    for (const cluster of graph.ofType('AWS::EMR::Cluster')) {
      const ha = masterCount(graph, cluster) === 3;
      for (const c of capacities(graph, cluster).filter((x) => x.role === 'MASTER')) {
        const spot = spotOf(c);
        if (!spot) continue;
        report({
          message: 'spot',
          severity: ha ? 'error' : 'warning',
          at: spot.path,
          data: { cluster: cluster.id, what: c.kind === 'group' ? 'instance group' : 'fleet', ha: ha ? ', defeating the three masters meant to survive a failure' : '' },
        });
      }
    }
  },
});
