// Shared reading of Glue jobs for the rules in this folder.
import type { ResourceGraph, ResourceNode } from '../../../src/graph/index.js';

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
  const names = trigger.strings(key).map((n) => n.value);
  return graph.ofType('AWS::Glue::Job').filter((j) => j.strings('Name').some((n) => names.includes(n.value)));
}
