import type { ResourceGraph, ResourceNode } from './model.js';

/**
 * Is the function a CloudFormation custom resource handler: the `ServiceToken` of a
 * `Custom::*` or `AWS::CloudFormation::CustomResource`? CDK generates many (bucket auto-delete,
 * default security group restriction); they are not the application's code, and CloudFormation
 * gives them up to an hour, so a long Timeout is deliberate.
 */
export function isCustomResourceHandler(graph: ResourceGraph, fn: ResourceNode): boolean {
  let handlers = HANDLERS.get(graph);
  if (!handlers) {
    // The functions named under a custom resource's ServiceToken, once per graph: this reads only
    // custom resources, where asking for every incoming edge of every function would walk all properties.
    handlers = new Set();
    for (const r of graph.resources) {
      if (!r.type.startsWith('Custom::') && r.type !== 'AWS::CloudFormation::CustomResource') continue;
      for (const ref of graph.referencesIn(r.raw.Properties, r.properties.path)) if (ref.path.includes('ServiceToken')) handlers.add(ref.node);
    }
    HANDLERS.set(graph, handlers);
  }
  return handlers.has(fn);
}

const HANDLERS = new WeakMap<ResourceGraph, Set<ResourceNode>>();

/** Lambda durable functions (`DurableConfig`) checkpoint and resume: long workflows are what they are for. */
export function isDurableFunction(fn: ResourceNode): boolean {
  return fn.has('DurableConfig');
}
