import type { Path } from '../load/types.js';
import type { ResourceGraph, ResourceNode } from './model.js';
import { asObject } from './resolve.js';
import { own } from '../own.js';

/** One Allow statement that applies to a function's execution role, with the resource nodes it names. */
export interface Grant {
  actions: string[];
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
  // Nodes belong to one graph: a function's grants are worked out once, whichever rules ask.
  let grants = GRANTS.get(fn);
  if (!grants) {
    grants = computeGrants(graph, fn);
    GRANTS.set(fn, grants);
  }
  return grants;
}

const GRANTS = new WeakMap<ResourceNode, Grant[]>();
const ATTACHED = new WeakMap<ResourceGraph, Map<ResourceNode, ResourceNode[]>>();

/** AWS::IAM::Policy and ManagedPolicy resources by the roles they attach to, once per graph. */
function attachedPolicies(graph: ResourceGraph): Map<ResourceNode, ResourceNode[]> {
  let byRole = ATTACHED.get(graph);
  if (!byRole) {
    byRole = new Map();
    for (const policy of graph.ofType('AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy')) {
      for (const role of references(graph, policy.properties.get('Roles'), policy.pathOf('Roles'))) {
        const list = byRole.get(role);
        if (list) list.push(policy);
        else byRole.set(role, [policy]);
      }
    }
    ATTACHED.set(graph, byRole);
  }
  return byRole;
}

function computeGrants(graph: ResourceGraph, fn: ResourceNode): Grant[] {
  const grants: Grant[] = [];
  const roles = references(graph, fn.properties.get('Role'), fn.pathOf('Role')).filter((r) => r.type === 'AWS::IAM::Role');
  for (const role of roles) {
    const policies = role.properties.get('Policies');
    if (Array.isArray(policies)) policies.forEach((p, i) => grants.push(...statements(graph, asObject(p).PolicyDocument, role.pathOf(['Policies', i, 'PolicyDocument']))));
    grants.push(...managed(role.properties.get('ManagedPolicyArns'), role.pathOf('ManagedPolicyArns')));
    for (const policy of attachedPolicies(graph).get(role) ?? []) {
      grants.push(...statements(graph, policy.properties.get('PolicyDocument'), policy.pathOf('PolicyDocument')));
    }
  }
  if (fn.type === 'AWS::Serverless::Function') grants.push(...samPolicies(graph, fn));
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

function samPolicies(graph: ResourceGraph, fn: ResourceNode): Grant[] {
  const raw = fn.properties.get('Policies');
  const base = fn.pathOf('Policies');
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const grants: Grant[] = [];
  list.forEach((entry, i) => {
    const path = Array.isArray(raw) ? [...base, i] : base;
    if (typeof entry === 'string') {
      grants.push(...managed([entry], path));
      return;
    }
    const obj = asObject(entry);
    if ('Statement' in obj) {
      grants.push(...statements(graph, obj, path));
      return;
    }
    for (const [name, params] of Object.entries(obj)) {
      const template = own(SAM_POLICY_TEMPLATES, name);
      if (!template) continue;
      const p = asObject(params);
      grants.push({ actions: template.actions, anyResource: false, resources: references(graph, p[template.param], [...path, name, template.param]), path: [...path, name] });
    }
  });
  return grants;
}

function managed(raw: unknown, path: Path): Grant[] {
  if (!Array.isArray(raw)) return [];
  const grants: Grant[] = [];
  raw.forEach((arn, i) => {
    if (typeof arn !== 'string') return;
    const name = arn.split('/').pop() ?? arn;
    const actions = own(MANAGED_FULL_ACCESS, name);
    if (actions) grants.push({ actions, anyResource: true, resources: [], path: [...path, i] });
  });
  return grants;
}

function statements(graph: ResourceGraph, document: unknown, path: Path): Grant[] {
  const doc = asObject(document);
  const raw = doc.Statement;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const grants: Grant[] = [];
  list.forEach((s, i) => {
    const st = asObject(s);
    if (st.Effect !== 'Allow') return;
    const at = Array.isArray(raw) ? [...path, 'Statement', i] : [...path, 'Statement'];
    const actions = (Array.isArray(st.Action) ? st.Action : [st.Action]).filter((a): a is string => typeof a === 'string');
    const resources = Array.isArray(st.Resource) ? st.Resource : [st.Resource];
    let named: ResourceNode[] | undefined;
    grants.push({
      actions,
      anyResource: resources.some((r) => r === '*'),
      // Worked out only for the statements a rule looks into: most grant actions no rule asks about.
      get resources() {
        return (named ??= references(graph, st.Resource, [...at, 'Resource']));
      },
      path: at,
    });
  });
  return grants;
}

/** The resources a value references (both branches of Fn::If included), once each. */
function references(graph: ResourceGraph, value: unknown, path: Path): ResourceNode[] {
  return [...new Set(graph.referencesIn(value, path).map((r) => r.node))];
}
