import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  id: 'emr-long-running-no-autoterm',
  severity: 'info',
  category: 'emr',
  description: 'An EMR cluster kept alive after its steps (KeepJobFlowAliveWhenNoSteps: true) with no AutoTerminationPolicy: it bills while idle.',
  seed: 'Cluster types - Transient cluster - Long-running cluster',
  suggest: ['AutoTerminationPolicy (idle timeout)', 'transient clusters that end with their steps', 'Amazon EMR Serverless'],
  sources: ['https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-auto-termination-policy.html', 'https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-plan-longrunning-transient.html'],
  messages: {
    idle: 'EMR cluster "{{cluster}}" stays up after its steps and has no AutoTerminationPolicy: an idle cluster keeps billing for every node.',
  },
  check({ graph, report }) {
    for (const cluster of graph.ofType('AWS::EMR::Cluster')) {
      if (cluster.has('AutoTerminationPolicy')) continue;
      const alive = cluster.booleans(['Instances', 'KeepJobFlowAliveWhenNoSteps']).find((k) => k.value);
      if (alive) report({ message: 'idle', at: alive.path, data: { cluster: cluster.id } });
    }
  },
});
