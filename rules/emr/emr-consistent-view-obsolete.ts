import { defineRule } from '../../src/engine/rule.js';
import { configurationValues } from './lib/cluster.js';

export default defineRule({
  id: 'emr-consistent-view-obsolete',
  severity: 'warning',
  category: 'emr',
  description: 'EMRFS consistent view enabled: S3 is strongly consistent since December 2020, and the DynamoDB table it keeps only costs money.',
  seed: 'EMRFS Consistent View - Use DynamoDB to track consistency',
  suggest: ['remove fs.s3.consistent (Amazon S3 is strongly consistent)'],
  sources: ['https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-plan-consistent-view.html', 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/Welcome.html#ConsistencyModel'],
  messages: {
    obsolete: 'EMR cluster "{{cluster}}" enables EMRFS consistent view (fs.s3.consistent: true): S3 has been strongly consistent since December 2020, so the DynamoDB tracking table is cost without benefit.',
  },
  check({ graph, report }) {
    for (const cluster of graph.ofType('AWS::EMR::Cluster')) {
      for (const v of configurationValues(cluster, 'emrfs-site', 'fs.s3.consistent')) {
        if (v.value.toLowerCase() === 'true') report({ message: 'obsolete', at: v.path, data: { cluster: cluster.id } });
      }
    }
  },
});
