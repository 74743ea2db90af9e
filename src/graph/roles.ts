import type { ResourceGraph, ResourceNode } from './model.js';

/**
 * Is the function a CloudFormation custom resource handler: the `ServiceToken` of a
 * `Custom::*` or `AWS::CloudFormation::CustomResource`? CDK generates many (bucket auto-delete,
 * default security group restriction); they are not the application's code, and CloudFormation
 * gives them up to an hour, so a long Timeout is deliberate.
 */
export function isCustomResourceHandler(graph: ResourceGraph, fn: ResourceNode): boolean {
  return graph
    .incoming(fn)
    .some((e) => (e.from.type.startsWith('Custom::') || e.from.type === 'AWS::CloudFormation::CustomResource') && e.path.includes('ServiceToken'));
}

/** Lambda durable functions (`DurableConfig`) checkpoint and resume: long workflows are what they are for. */
export function isDurableFunction(fn: ResourceNode): boolean {
  return fn.has('DurableConfig');
}
