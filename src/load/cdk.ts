import { createHash } from '../hash.js';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { CdkInfo, SourceLocation } from './types.js';

/** Per stack of tree.json: logical ID → construct path. */
export type TreeStacks = Map<string, Map<string, string>>;

/** A template file of a cloud assembly, with what the assembly tells about its resources. */
export interface AssemblyTemplate {
  file: string;
  cdk: CdkInfo;
  /** Its assembly's tree.json, to fill in construct paths once the template is parsed. */
  tree?: TreeStacks;
}

interface ManifestArtifact {
  type?: string;
  displayName?: string;
  properties?: { templateFile?: string; directoryName?: string; file?: string };
  metadata?: Record<string, Array<{ type?: string; data?: unknown; trace?: unknown }>>;
}

/**
 * The templates of a CDK cloud assembly: every stack artifact's templateFile, nested stack
 * templates (`*.nested.template.json`), and the stacks of nested assemblies (stages), each once.
 * Construct paths come from the manifest's `aws:cdk:logicalId` metadata, then from tree.json.
 */
export function assemblyTemplates(dir: string, seen: Set<string> = new Set()): { templates: AssemblyTemplate[]; problems: Array<{ file: string; message: string }> } {
  const templates: AssemblyTemplate[] = [];
  const problems: Array<{ file: string; message: string }> = [];
  const real = safeRealpath(dir);
  if (seen.has(real)) return { templates, problems };
  seen.add(real);
  const manifestFile = join(dir, 'manifest.json');
  let artifacts: Record<string, ManifestArtifact>;
  try {
    artifacts = (JSON.parse(readFileSync(manifestFile, 'utf8')) as { artifacts?: Record<string, ManifestArtifact> }).artifacts ?? {};
  } catch (err) {
    problems.push({ file: manifestFile, message: `cannot read the cloud assembly manifest: ${(err as Error).message}` });
    return { templates, problems };
  }
  const tree = readTree(dir, artifacts);
  const listed = new Set<string>();
  for (const [id, artifact] of Object.entries(artifacts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (artifact.type === 'aws:cloudformation:stack' && artifact.properties?.templateFile) {
      const file = join(dir, artifact.properties.templateFile);
      listed.add(safeRealpath(file));
      const { paths, sources } = fromManifestMetadata(artifact.metadata ?? {});
      templates.push({ file, cdk: { stack: artifact.displayName ?? id, constructPaths: paths, sources }, tree });
    } else if (artifact.type === 'cdk:cloud-assembly' && artifact.properties?.directoryName) {
      const nested = assemblyTemplates(join(dir, artifact.properties.directoryName), seen);
      templates.push(...nested.templates);
      problems.push(...nested.problems);
    }
  }
  // Nested stacks are assets of their parent stack: their templates sit in the assembly folder.
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.nested.template.json')) continue;
    const file = join(dir, name);
    if (listed.has(safeRealpath(file))) continue;
    templates.push({ file, cdk: { stack: name.replace(/\.nested\.template\.json$/, ''), constructPaths: new Map(), sources: new Map() }, tree });
  }
  return { templates, problems };
}

/** Fills in from tree.json the construct paths the manifest did not give, for a parsed template's logical IDs. */
export function withTreePaths(cdk: CdkInfo, tree: TreeStacks | undefined, logicalIds: readonly string[]): CdkInfo {
  if (!tree || logicalIds.every((id) => cdk.constructPaths.has(id))) return cdk;
  const best = bestStack(tree, logicalIds);
  if (!best) return cdk;
  const merged = new Map(best);
  for (const [id, path] of cdk.constructPaths) merged.set(id, path);
  return { ...cdk, constructPaths: merged };
}

/** `aws:cdk:logicalId` entries: construct path (without the leading /) → logical ID, and the user's frame of the trace when recorded. */
function fromManifestMetadata(metadata: NonNullable<ManifestArtifact['metadata']>): { paths: Map<string, string>; sources: Map<string, SourceLocation> } {
  const paths = new Map<string, string>();
  const sources = new Map<string, SourceLocation>();
  for (const [path, entries] of Object.entries(metadata)) {
    for (const entry of entries) {
      if (entry.type !== 'aws:cdk:logicalId' || typeof entry.data !== 'string') continue;
      paths.set(entry.data, path.replace(/^\//, ''));
      const source = userFrame(entry.trace);
      if (source) sources.set(entry.data, source);
    }
  }
  return { paths, sources };
}

/** The first stack frame outside node_modules and Node's internals: where the user's code made the construct. */
export function userFrame(trace: unknown): SourceLocation | undefined {
  if (!Array.isArray(trace)) return undefined;
  for (const frame of trace) {
    if (typeof frame !== 'string' || frame.includes('node_modules') || frame.includes('node:internal')) continue;
    const m = /\(?((?:[A-Za-z]:)?[^():]+):(\d+):(\d+)\)?\s*$/.exec(frame);
    if (m) return { file: m[1].replace(/^.*?at\s+/, '').trim(), line: Number(m[2]), column: Number(m[3]) };
  }
  return undefined;
}

type TreeNode = { id?: string; path?: string; children?: Record<string, TreeNode>; attributes?: Record<string, unknown>; constructInfo?: { fqn?: string } };

/** Per stack in tree.json: logical ID → construct path, computing each CloudFormation resource's logical ID as CDK does. */
function readTree(dir: string, artifacts: Record<string, ManifestArtifact>): TreeStacks | undefined {
  const treeArtifact = Object.values(artifacts).find((a) => a.type === 'cdk:tree');
  const file = join(dir, treeArtifact?.properties?.file ?? 'tree.json');
  if (!existsSync(file)) return undefined;
  let root: TreeNode;
  try {
    root = (JSON.parse(readFileSync(file, 'utf8')) as { tree?: TreeNode }).tree ?? {};
  } catch {
    return undefined;
  }
  const stacks = new Map<string, Map<string, string>>();
  const visit = (node: TreeNode, stackPath: string | undefined) => {
    const fqn = node.constructInfo?.fqn ?? '';
    const path = node.path ?? '';
    let current = stackPath;
    if (/\.(Stack|NestedStack)$/.test(fqn)) {
      current = path;
      if (!stacks.has(path)) stacks.set(path, new Map());
    }
    if (current !== undefined && node.attributes && 'aws:cdk:cloudformation:type' in node.attributes) {
      const relative = path.slice(current.length + 1).split('/').filter((c) => c !== '');
      if (relative.length > 0) stacks.get(current)!.set(cdkLogicalId(relative), path);
    }
    for (const child of Object.values(node.children ?? {})) visit(child, current);
  };
  visit(root, undefined);
  return stacks;
}

/** The stack of tree.json whose resources match the template's logical IDs best. */
function bestStack(tree: TreeStacks, ids: readonly string[]): Map<string, string> | undefined {
  let best: Map<string, string> | undefined;
  let score = 0;
  for (const map of tree.values()) {
    let s = 0;
    for (const id of ids) if (map.has(id)) s++;
    if (s > score) {
      score = s;
      best = map;
    }
  }
  return best;
}

/**
 * CDK's logical ID for a construct path below its stack (aws-cdk-lib's makeUniqueId): the path's
 * alphanumerics without "Default"/"Resource" and repeated parts, then 8 hex digits of its MD5.
 */
export function cdkLogicalId(components: string[]): string {
  const parts = components.filter((c) => c !== 'Default');
  const clean = (s: string) => s.replace(/[^A-Za-z0-9]/g, '');
  if (parts.length === 1 && clean(parts[0]).length <= 255) return clean(parts[0]);
  const hash = createHash('md5').update(parts.join('/')).digest('hex').slice(0, 8).toUpperCase();
  const human: string[] = [];
  for (const part of parts) if (human.length === 0 || !human[human.length - 1].endsWith(part)) human.push(part);
  return human.filter((p) => p !== 'Resource').map(clean).join('').slice(0, 240) + hash;
}

function safeRealpath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
