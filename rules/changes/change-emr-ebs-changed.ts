import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  id: 'change-emr-ebs-changed',
  severity: 'error',
  category: 'changes',
  kind: 'change',
  description: "A change edits the EbsConfiguration of an EMR cluster's master or core group: EBS volumes are set at launch, so the cluster is replaced.",
  seed: 'Can only be added when launching',
  suggest: ['a new cluster (or instance group) with the new volumes, then move the work', 'data on Amazon S3 (EMRFS), not on EBS-backed HDFS'],
  sources: ['https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-plan-storage.html', 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-emr-cluster.html'],
  messages: {
    changed: 'EMR cluster "{{cluster}}" changes the EbsConfiguration of its {{group}} group: EBS volumes can only be added at launch, so CloudFormation replaces the cluster.',
  },
  check({ graph, base, report }) {
    if (!base) return;
    for (const cluster of graph.ofType('AWS::EMR::Cluster')) {
      const old = base.resource(cluster.id);
      if (!old || old.type !== cluster.type) continue;
      for (const group of ['MasterInstanceGroup', 'CoreInstanceGroup']) {
        const key = ['Instances', group, 'EbsConfiguration'];
        const now = cluster.properties.candidates(key);
        const then = old.properties.candidates(key);
        const value = (cs: typeof now) => JSON.stringify(cs.map((c) => (c.kind === 'value' ? c.value : c.kind)));
        if (value(now) === value(then)) continue;
        report({ message: 'changed', at: cluster.pathOf(key), data: { cluster: cluster.id, group: group === 'MasterInstanceGroup' ? 'master' : 'core' } });
      }
    }
  },
});
