import { defineRule } from '../../src/engine/rule.js';
import { steps } from './lib/cluster.js';

export default defineRule({
  id: 'emr-transient-hdfs-output',
  severity: 'warning',
  category: 'emr',
  description: 'A transient EMR cluster (terminates after its steps) whose steps write to hdfs://: the output dies with the cluster.',
  seed: 'EMRFS - S3 - Store input and output data',
  suggest: ['write outputs to Amazon S3 through EMRFS (s3://)'],
  sources: ['https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-plan-storage.html', 'https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-plan-longrunning-transient.html'],
  messages: {
    lost: 'EMR cluster "{{cluster}}" terminates {{when}}, but a step writes to {{target}}: HDFS is on the cluster\'s own disks and is deleted with it.',
  },
  check({ graph, report }) {
    for (const cluster of graph.ofType('AWS::EMR::Cluster')) {
      const all = steps(graph, cluster);
      const keepsAlive = cluster.booleans(['Instances', 'KeepJobFlowAliveWhenNoSteps']);
      const terminatesAfterSteps = keepsAlive.some((k) => k.value === false);
      const terminatingStep = all.find((s) => s.owner.strings([...s.at, 'ActionOnFailure']).some((a) => a.value === 'TERMINATE_CLUSTER' || a.value === 'TERMINATE_JOB_FLOW'));
      if (!terminatesAfterSteps && !terminatingStep) continue;
      const when = terminatesAfterSteps ? 'when its steps finish (KeepJobFlowAliveWhenNoSteps: false)' : 'when a step fails (ActionOnFailure: TERMINATE_CLUSTER)';
      for (const step of all) {
        const args = step.owner.properties.candidates([...step.at, 'HadoopJarStep', 'Args']).find((c) => c.kind === 'value' && Array.isArray(c.value));
        const count = args?.kind === 'value' ? (args.value as unknown[]).length : 0;
        for (let i = 0; i < count; i++) {
          const hdfs = step.owner.strings([...step.at, 'HadoopJarStep', 'Args', i]).find((a) => /(^|[=\s])hdfs:\/\//.test(a.value));
          if (hdfs) report({ message: 'lost', at: hdfs.path, data: { cluster: cluster.id, when, target: hdfs.value.slice(hdfs.value.indexOf('hdfs://')) } });
        }
      }
    }
  },
});
