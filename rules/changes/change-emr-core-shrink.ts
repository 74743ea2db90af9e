import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  id: 'change-emr-core-shrink',
  severity: 'warning',
  category: 'changes',
  kind: 'change',
  description: "A change lowers an EMR cluster's core InstanceCount: core nodes hold HDFS blocks, and removing them may lose data.",
  seed: 'Can be scaled up & down, but may lose data',
  suggest: ['scale task nodes instead', 'keep data on Amazon S3 (EMRFS)', 'decommission core nodes gradually (EMR managed scaling)'],
  sources: ['https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-manage-resize.html', 'https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-plan-instances-guidelines.html'],
  messages: {
    shrink: 'EMR cluster "{{cluster}}" core nodes go from {{before}} to {{after}}: removed core nodes take HDFS blocks with them unless they are decommissioned first.',
  },
  check({ graph, base, report }) {
    if (!base) return;
    const key = ['Instances', 'CoreInstanceGroup', 'InstanceCount'];
    for (const cluster of graph.ofType('AWS::EMR::Cluster')) {
      const old = base.resource(cluster.id);
      if (!old || old.type !== cluster.type) continue;
      const before = Math.max(...old.numbers(key).map((n) => n.value), -Infinity);
      for (const after of cluster.numbers(key)) {
        if (after.value < before) {
          report({ message: 'shrink', at: after.path, data: { cluster: cluster.id, before, after: after.value }, related: [{ at: old.numbers(key)[0].path, message: `${before} core nodes before` }] });
        }
      }
    }
  },
});
