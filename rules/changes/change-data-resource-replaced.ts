import { DATA_RESOURCE_TYPES } from '../../src/data/limits.js';
import { defineRule } from '../../src/engine/rule.js';

const WHAT: Record<string, string> = {
  replace: 'will be replaced',
  'may-replace': 'may be replaced',
  destroy: 'will be deleted',
};

export default defineRule({
  id: 'change-data-resource-replaced',
  severity: 'error',
  category: 'changes',
  kind: 'change',
  description: 'A change replaces or deletes a resource that holds data (EMR cluster, Kinesis stream, DynamoDB table, S3 bucket, SQS queue, Glue database or table, RDS, EFS) without a Retain policy.',
  seed: 'Can be scaled up & down, but may lose data',
  suggest: ['DeletionPolicy: Retain and UpdateReplacePolicy: Retain', 'a new resource beside the old one, migrated before the old is removed'],
  sources: ['https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-deletionpolicy.html', 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-updatereplacepolicy.html'],
  messages: {
    replaced: '{{type}} "{{id}}" {{what}}{{because}}, and it has no {{policy}}: Retain, so its data is lost.',
  },
  check({ graph, base, changes, report }) {
    if (!base || !changes) return;
    for (const change of changes) {
      if (!DATA_RESOURCE_TYPES.types.includes(change.type) || !(change.impact in WHAT)) continue;
      const destroyed = change.impact === 'destroy';
      const before = base.resource(change.id);
      const policyKey = destroyed ? 'DeletionPolicy' : 'UpdateReplacePolicy';
      // The policy in force is the one of the version CloudFormation acts on: the old for a deletion, the new for a replacement.
      const holder = destroyed ? before : graph.resource(change.id);
      if (holder?.raw[policyKey] === 'Retain' || holder?.raw[policyKey] === 'Snapshot') continue;
      const because = change.replacingProperties.length > 0 ? ` (a change to ${change.replacingProperties.join(', ')} requires it)` : '';
      const at = destroyed ? ['Resources'] : [...(graph.resource(change.id)?.path ?? ['Resources', change.id])];
      report({
        message: 'replaced',
        at,
        onKey: destroyed, // the resource is gone: point at the Resources key of the new version
        data: { type: change.type, id: change.id, what: WHAT[change.impact], because, policy: policyKey },
        related: before ? [{ at: before.path, message: `"${change.id}" in the previous version` }] : [],
      });
    }
  },
});
