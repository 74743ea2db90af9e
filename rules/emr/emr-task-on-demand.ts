import { defineRule } from '../../src/engine/rule.js';
import { capacities, numbersAt, stringsAt } from './lib/cluster.js';

export default defineRule({
  id: 'emr-task-on-demand',
  severity: 'info',
  category: 'emr',
  description: 'EMR task group or fleet entirely On-Demand: task nodes hold no data and are the place for Spot.',
  seed: 'Task node - run tasks but do not host data - Good use of spot instances',
  suggest: ['Spot task capacity (instance fleets with several instance types)'],
  sources: ['https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-plan-instances-guidelines.html'],
  messages: {
    onDemand: 'EMR cluster "{{cluster}}" has a task {{what}} entirely On-Demand{{note}}; task nodes store no data and suit Spot.',
  },
  check({ graph, report }) {
    for (const cluster of graph.ofType('AWS::EMR::Cluster')) {
      for (const c of capacities(graph, cluster).filter((x) => x.role === 'TASK')) {
        if (c.kind === 'group') {
          // Market defaults to ON_DEMAND.
          for (const m of stringsAt(c, 'Market', 'ON_DEMAND')) {
            if (m.value === 'ON_DEMAND') report({ message: 'onDemand', at: m.path, data: { cluster: cluster.id, what: 'instance group', note: m.isDefault ? ' (Market defaults to ON_DEMAND)' : '' } });
          }
        } else {
          const spot = numbersAt(c, 'TargetSpotCapacity', 0);
          const onDemand = numbersAt(c, 'TargetOnDemandCapacity', 0);
          if (spot.every((s) => s.value === 0) && onDemand.some((o) => o.value > 0)) {
            report({ message: 'onDemand', at: onDemand.find((o) => o.value > 0)!.path, data: { cluster: cluster.id, what: 'fleet', note: '' } });
          }
        }
      }
    }
  },
});
