import { childPath, joinPath, type Path } from '../load/types.js';
import type { ResourceGraph, ResourceNode } from './model.js';
import { asObject } from './resolve.js';
import { own } from '../own.js';
import { append } from '../multimap.js';

/** One Allow statement that applies to a function's execution role, with the resource nodes it names. */
export interface Grant {
  readonly actions: readonly string[];
  /** `*` (any resource), or the template resources the Resource entries reference. */
  anyResource: boolean;
  resources: ResourceNode[];
  path: Path;
}

/** SAM policy templates that grant writes, with the action they allow and the parameter naming the resource. */
const SAM_POLICY_TEMPLATES: Record<string, { actions: string[]; param: string }> = {
  SQSSendMessagePolicy: { actions: ['sqs:SendMessage'], param: 'QueueName' },
  S3CrudPolicy: { actions: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'], param: 'BucketName' },
  S3WritePolicy: { actions: ['s3:PutObject'], param: 'BucketName' },
  S3FullAccessPolicy: { actions: ['s3:*'], param: 'BucketName' },
  SNSPublishMessagePolicy: { actions: ['sns:Publish'], param: 'TopicName' },
  SNSCrudPolicy: { actions: ['sns:Publish', 'sns:Subscribe'], param: 'TopicName' },
};

/** AWS managed policies that allow writing to every resource of a service. */
const MANAGED_FULL_ACCESS: Record<string, string[]> = {
  AmazonS3FullAccess: ['s3:*'],
  AmazonSQSFullAccess: ['sqs:*'],
  AmazonSNSFullAccess: ['sns:*'],
  AdministratorAccess: ['*'],
};

/**
 * What a function's execution role allows: the role's inline policies, AWS::IAM::Policy and
 * ManagedPolicy resources attached to it, AWS managed full-access policies, and SAM `Policies`
 * (inline statements, policy templates, managed policy names).
 */
export function grantsOf(graph: ResourceGraph, fn: ResourceNode): Grant[] {
  // Nodes belong to one graph: a function's grants are worked out once, whichever rules ask. They
  // are kept on the node (a WeakMap entry per function per lint costs more than the rest).
  return (fn.grants ??= computeGrants(graph, fn));
}
const ATTACHED = new WeakMap<ResourceGraph, Map<ResourceNode, ResourceNode[]>>();

/** AWS::IAM::Policy and ManagedPolicy resources by the roles they attach to, once per graph. */
function attachedPolicies(graph: ResourceGraph): Map<ResourceNode, ResourceNode[]> {
  let byRole = ATTACHED.get(graph);
  if (!byRole) {
    byRole = new Map();
    for (const policy of graph.ofType('AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy')) {
      for (const role of references(graph, policy.properties.get('Roles'), policy.pathOf('Roles'))) append(byRole, role, policy);
    }
    ATTACHED.set(graph, byRole);
  }
  return byRole;
}

function computeGrants(graph: ResourceGraph, fn: ResourceNode): Grant[] {
  const grants: Grant[] = [];
  const roles = references(graph, fn.properties.get('Role'), fn.pathOf('Role'));
  // Indexed loops, and paths made only for what is there: this runs for every function a rule
  // asks about, mostly before V8 has optimised it.
  for (let r = 0; r < roles.length; r++) {
    const role = roles[r];
    if (role.type !== 'AWS::IAM::Role') continue;
    const policies = role.properties.get('Policies');
    if (Array.isArray(policies)) {
      for (let i = 0; i < policies.length; i++) statements(graph, asObject(policies[i]).PolicyDocument, role.pathOf(['Policies', i, 'PolicyDocument']), grants);
    }
    const arns = role.properties.get('ManagedPolicyArns');
    if (arns !== undefined) managed(arns, role.pathOf('ManagedPolicyArns'), grants);
    const attached = attachedPolicies(graph).get(role);
    if (attached) for (let p = 0; p < attached.length; p++) statements(graph, attached[p].properties.get('PolicyDocument'), attached[p].pathOf('PolicyDocument'), grants);
  }
  if (fn.type === 'AWS::Serverless::Function') samPolicies(graph, fn, grants);
  return grants;
}

/** Does `pattern` (an IAM action, maybe with * and ?) allow `action`? */
export function actionMatches(pattern: string, action: string): boolean {
  if (!pattern.includes('*') && !pattern.includes('?')) return pattern.toLowerCase() === action.toLowerCase();
  let re = PATTERNS.get(pattern);
  if (!re) {
    re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
    PATTERNS.set(pattern, re);
  }
  return re.test(action);
}

const PATTERNS = new Map<string, RegExp>();

function samPolicies(graph: ResourceGraph, fn: ResourceNode, grants: Grant[]): void {
  const raw = fn.properties.get('Policies');
  const base = fn.pathOf('Policies');
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  list.forEach((entry, i) => {
    const path = Array.isArray(raw) ? [...base, i] : base;
    if (typeof entry === 'string') {
      managed([entry], path, grants);
      return;
    }
    const obj = asObject(entry);
    if ('Statement' in obj) {
      statements(graph, obj, path, grants);
      return;
    }
    for (const [name, params] of Object.entries(obj)) {
      const template = own(SAM_POLICY_TEMPLATES, name);
      if (!template) continue;
      const p = asObject(params);
      grants.push({ actions: template.actions, anyResource: false, resources: references(graph, p[template.param], [...path, name, template.param]), path: [...path, name] });
    }
  });
}

/** Grants of AWS managed full-access policies among `raw` (a list of ARNs), added to `grants`. */
function managed(raw: unknown, path: Path, grants: Grant[]): void {
  if (!Array.isArray(raw)) return;
  raw.forEach((arn, i) => {
    if (typeof arn !== 'string') return;
    const name = arn.split('/').pop() ?? arn;
    const actions = own(MANAGED_FULL_ACCESS, name);
    if (actions) grants.push({ actions, anyResource: true, resources: [], path: [...path, i] });
  });
}

/** The Allow statements of a policy document, added to `grants`. */
function statements(graph: ResourceGraph, document: unknown, path: Path, grants: Grant[]): void {
  const raw = asObject(document).Statement;
  if (Array.isArray(raw)) {
    for (let i = 0; i < raw.length; i++) {
      const st = asObject(raw[i]);
      if (st.Effect === 'Allow') grants.push(new StatementGrant(graph, st, path, i));
    }
  } else if (raw !== undefined) {
    const st = asObject(raw);
    if (st.Effect === 'Allow') grants.push(new StatementGrant(graph, st, path, undefined));
  }
}

/** An Allow statement. Its resources are worked out only for the statements a rule looks into: most grant actions no rule asks about. */
class StatementGrant implements Grant {
  readonly actions: readonly string[];
  readonly anyResource: boolean;
  private named?: ResourceNode[];
  private where?: Path;

  constructor(
    private readonly graph: ResourceGraph,
    private readonly statement: Record<string, unknown>,
    /** The policy document's path; the statement's is made when a rule reports it. */
    private readonly document: Path,
    /** The statement's index, when Statement is a list. */
    private readonly index: number | undefined,
  ) {
    const action = statement.Action;
    // The template's own list when it holds only names (read, never changed).
    this.actions = Array.isArray(action) ? (action.every((a) => typeof a === 'string') ? action : action.filter((a): a is string => typeof a === 'string')) : typeof action === 'string' ? [action] : [];
    const resource = statement.Resource;
    this.anyResource = Array.isArray(resource) ? resource.includes('*') : resource === '*';
  }

  get path(): Path {
    return (this.where ??= this.index === undefined ? childPath(this.document, 'Statement') : joinPath(this.document, ['Statement', this.index]));
  }

  get resources(): ResourceNode[] {
    return (this.named ??= references(this.graph, this.statement.Resource, childPath(this.path, 'Resource')));
  }
}

/** The resources a value references (both branches of Fn::If included), once each. */
function references(graph: ResourceGraph, value: unknown, path: Path): ResourceNode[] {
  const found = graph.referencesIn(value, path);
  if (found.length === 0) return [];
  if (found.length === 1) return [found[0].node];
  return [...new Set(found.map((r) => r.node))];
}
