// Shared reading of EMR clusters for the rules in this folder: instance groups and fleets (inline
// or as separate resources), configurations, steps and applications.
import type { Path } from '../../../src/load/types.js';
import type { Known, ResourceGraph, ResourceNode } from '../../../src/graph/index.js';
import { append } from '../../../src/multimap.js';

export type NodeRole = 'MASTER' | 'CORE' | 'TASK';

/** An instance group or fleet: where it is written (owner resource + path below its Properties). */
export interface Capacity {
  role: NodeRole;
  kind: 'group' | 'fleet';
  owner: ResourceNode;
  at: Path;
}

/** Every instance group and fleet of a cluster, inline in `Instances` or as InstanceGroupConfig/InstanceFleetConfig resources. */
export function capacities(graph: ResourceGraph, cluster: ResourceNode): Capacity[] {
  const out: Capacity[] = [];
  const instances = asRecord(cluster.properties.get('Instances'));
  for (const role of ['Master', 'Core'] as const) {
    for (const kind of ['group', 'fleet'] as const) {
      const key = `${role}Instance${kind === 'group' ? 'Group' : 'Fleet'}`;
      if (instances[key] !== undefined) out.push({ role: role.toUpperCase() as NodeRole, kind, owner: cluster, at: ['Instances', key] });
    }
  }
  for (const [key, kind] of [['TaskInstanceGroups', 'group'], ['TaskInstanceFleets', 'fleet']] as const) {
    const list = instances[key];
    if (Array.isArray(list)) list.forEach((_, i) => out.push({ role: 'TASK', kind, owner: cluster, at: ['Instances', key, i] }));
  }
  for (const [type, roleKey, clusterKey, kind] of [
    ['AWS::EMR::InstanceGroupConfig', 'InstanceRole', 'JobFlowId', 'group'],
    ['AWS::EMR::InstanceFleetConfig', 'InstanceFleetType', 'ClusterId', 'fleet'],
  ] as const) {
    for (const node of attachedTo(graph, type, clusterKey).get(cluster) ?? []) {
      for (const role of node.strings(roleKey)) {
        if (role.value === 'MASTER' || role.value === 'CORE' || role.value === 'TASK') out.push({ role: role.value, kind, owner: node, at: [] });
      }
    }
  }
  return out;
}

export function numbersAt(c: Capacity, key: string, fallback?: number): readonly Known<number>[] {
  return c.owner.numbers([...c.at, key], fallback);
}

export function stringsAt(c: Capacity, key: string, fallback?: string): readonly Known<string>[] {
  return c.owner.strings([...c.at, key], fallback);
}

/** Spot capacity: a group's Market SPOT, or a fleet's TargetSpotCapacity above 0. */
export function spotOf(c: Capacity): Known<unknown> | undefined {
  if (c.kind === 'group') return stringsAt(c, 'Market').find((m) => m.value === 'SPOT');
  return numbersAt(c, 'TargetSpotCapacity').find((n) => n.value > 0);
}

/** The largest known master count (instance group InstanceCount; fleets count as unknown). */
export function masterCount(graph: ResourceGraph, cluster: ResourceNode): number | undefined {
  const counts = capacities(graph, cluster)
    .filter((c) => c.role === 'MASTER' && c.kind === 'group')
    .flatMap((c) => numbersAt(c, 'InstanceCount').map((n) => n.value));
  return counts.length > 0 ? Math.max(...counts) : undefined;
}

/** The values a configuration property takes, searching Configurations (and nested ones) for the classification. */
export function configurationValues(cluster: ResourceNode, classification: string, property: string): Known<string>[] {
  const out: Known<string>[] = [];
  const walk = (list: unknown, at: Path) => {
    if (!Array.isArray(list)) return;
    list.forEach((entry, i) => {
      const e = asRecord(entry);
      if (e.Classification === classification) out.push(...cluster.strings([...at, i, 'ConfigurationProperties', property]));
      walk(e.Configurations, [...at, i, 'Configurations']);
    });
  };
  walk(cluster.properties.get('Configurations'), ['Configurations']);
  return out;
}

/** Applications (Hive, Spark, HBase, ...): `name` lowercased for matching, `label` as written. */
export function applications(cluster: ResourceNode): Array<{ name: string; label: string; path: Path }> {
  const list = cluster.properties.get('Applications');
  if (!Array.isArray(list)) return [];
  return list.flatMap((_, i) => cluster.strings(['Applications', i, 'Name']).map((n) => ({ name: n.value.toLowerCase(), label: n.value, path: n.path })));
}

export interface Step {
  owner: ResourceNode;
  at: Path;
}

/** Steps in the cluster's `Steps` and AWS::EMR::Step resources that name the cluster. */
export function steps(graph: ResourceGraph, cluster: ResourceNode): Step[] {
  const out: Step[] = [];
  const inline = cluster.properties.get('Steps');
  if (Array.isArray(inline)) inline.forEach((_, i) => out.push({ owner: cluster, at: ['Steps', i] }));
  for (const step of attachedTo(graph, 'AWS::EMR::Step', 'JobFlowId').get(cluster) ?? []) out.push({ owner: step, at: [] });
  return out;
}

/**
 * Resources of `type` by the cluster their `key` property references, in template order, once per
 * graph: every EMR rule asks for each cluster's instance groups, fleets and steps, and scanning all
 * of them for each cluster grew with the square of the template.
 */
function attachedTo(graph: ResourceGraph, type: string, key: string): Map<ResourceNode, ResourceNode[]> {
  let byType = ATTACHED.get(graph);
  if (!byType) {
    byType = new Map();
    ATTACHED.set(graph, byType);
  }
  let index = byType.get(`${type}.${key}`);
  if (!index) {
    index = new Map();
    for (const node of graph.ofType(type)) {
      for (const target of new Set(graph.referencesIn(node.properties.get(key), node.pathOf(key)).map((r) => r.node))) append(index, target, node);
    }
    byType.set(`${type}.${key}`, index);
  }
  return index;
}

const ATTACHED = new WeakMap<ResourceGraph, Map<string, Map<ResourceNode, ResourceNode[]>>>();

/** `emr-5.22.0` → 5.22; undefined for other labels. */
export function releaseNumber(label: string): number | undefined {
  const m = /^emr-(\d+)\.(\d+)/.exec(label);
  return m ? Number(m[1]) + Number(m[2]) / 100 : undefined;
}

function asRecord(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
