import { defineRule } from '../../src/engine/rule.js';
import { actionMatches, grantsOf, type ResourceNode } from '../../src/graph/index.js';

/** The trigger edges and the write that would loop back through each. */
const LOOPS = [
  { kind: 'notification', type: 'AWS::S3::Bucket', action: 's3:PutObject', noun: 'bucket' },
  { kind: 'event-source', type: 'AWS::SQS::Queue', action: 'sqs:SendMessage', noun: 'queue' },
  { kind: 'subscription', type: 'AWS::SNS::Topic', action: 'sns:Publish', noun: 'topic' },
] as const;

export default defineRule({
  id: 'lambda-recursive-trigger',
  severity: 'warning',
  category: 'event-sources',
  description: 'A function triggered by a bucket, queue or topic whose execution role may write back to that same resource: an invocation loop.',
  seed: 'Running little stateless code often used to glue different services',
  suggest: ['write to a different bucket, prefix or queue', 'filter the trigger on a prefix or suffix', 'Lambda recursive loop detection (on by default for SQS, SNS and S3)'],
  sources: ['https://docs.aws.amazon.com/lambda/latest/dg/invocation-recursion.html', 'https://docs.aws.amazon.com/lambda/latest/dg/with-s3.html'],
  messages: {
    loop: 'Function "{{fn}}" is triggered by {{noun}} "{{source}}" and its role allows {{action}} on {{scope}}: each write can invoke the function again.',
  },
  check({ graph, report }) {
    const grantsByFn = new Map<ResourceNode, ReturnType<typeof grantsOf>>();
    for (const loop of LOOPS) {
      for (const edge of graph.edges(loop.kind, { from: loop.type })) {
        const fn = edge.to;
        if (fn.type !== 'AWS::Lambda::Function' && fn.type !== 'AWS::Serverless::Function') continue;
        const grants = grantsByFn.get(fn) ?? grantsOf(graph, fn);
        grantsByFn.set(fn, grants);
        const grant = grants.find((g) => g.actions.some((a) => actionMatches(a, loop.action)) && (g.anyResource || g.resources.includes(edge.from)));
        if (!grant) continue;
        report({
          message: 'loop',
          at: edge.path,
          data: { fn: fn.id, noun: loop.noun, source: edge.from.id, action: loop.action, scope: grant.resources.includes(edge.from) ? `"${edge.from.id}"` : 'every resource (*)' },
          related: [{ at: grant.path, message: `the permission that allows ${loop.action}` }],
        });
      }
    }
  },
});
