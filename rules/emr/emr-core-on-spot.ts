import { defineRule } from '../../src/engine/rule.js';
import { capacities, spotOf } from './lib/cluster.js';

export default defineRule({
  id: 'emr-core-on-spot',
  severity: 'warning',
  category: 'emr',
  description: 'EMR core nodes on Spot: reclaimed core nodes take HDFS blocks with them.',
  seed: 'Core node - Host HDFS data and run tasks; Task node - Good use of spot instances',
  suggest: ['On-Demand core nodes plus Spot task groups', 'data on Amazon S3 through EMRFS'],
  sources: ['https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-plan-instances-guidelines.html'],
  messages: {
    spot: 'EMR cluster "{{cluster}}" runs core {{what}} on Spot: core nodes hold HDFS data, and a reclaimed node loses its blocks.',
  },
  check({ graph, report }) {
    for (const cluster of graph.ofType('AWS::EMR::Cluster')) {
      for (const c of capacities(graph, cluster).filter((x) => x.role === 'CORE')) {
        const spot = spotOf(c);
        if (spot) report({ message: 'spot', at: spot.path, data: { cluster: cluster.id, what: c.kind === 'group' ? 'nodes' : 'fleet capacity' } });
      }
    }
  },
});
