// Shared reading of Glue jobs for the rules in this folder.
import type { ResourceGraph, ResourceNode } from '../../../src/graph/index.js';
import { append } from '../../../src/multimap.js';

/** A job's Command.Name values (glueetl, gluestreaming, pythonshell, glueray); glueetl when absent. */
export function commandNames(job: ResourceNode): string[] {
  return job.strings(['Command', 'Name'], 'glueetl').map((c) => c.value);
}

/** The jobs a trigger action names: `!Ref Job` (a job's name) or a literal equal to a job's Name. */
export function jobsNamed(graph: ResourceGraph, trigger: ResourceNode, actionIndex: number): ResourceNode[] {
  const key = ['Actions', actionIndex, 'JobName'];
  const actions = trigger.properties.get('Actions');
  const action = Array.isArray(actions) ? (actions[actionIndex] as Record<string, unknown> | undefined) : undefined;
  const refs = graph.referencesIn(action?.JobName, trigger.pathOf(key));
  const jobs = refs.map((r) => r.node).filter((n) => n.type === 'AWS::Glue::Job');
  if (jobs.length > 0) return jobs;
  const byName = jobsByName(graph);
  const named = new Set(trigger.strings(key).flatMap((n) => byName.get(n.value) ?? []));
  if (named.size <= 1) return [...named];
  // Several jobs share the name: in template order, as they are listed.
  return graph.ofType('AWS::Glue::Job').filter((j) => named.has(j));
}

/** Glue jobs by the names their Name can take, once per graph: triggers naming jobs by a literal would each scan every job. */
function jobsByName(graph: ResourceGraph): Map<string, ResourceNode[]> {
  let index = JOBS_BY_NAME.get(graph);
  if (!index) {
    index = new Map();
    for (const job of graph.ofType('AWS::Glue::Job')) {
      for (const name of new Set(job.strings('Name').map((n) => n.value))) append(index, name, job);
    }
    JOBS_BY_NAME.set(graph, index);
  }
  return index;
}

const JOBS_BY_NAME = new WeakMap<ResourceGraph, Map<string, ResourceNode[]>>();
