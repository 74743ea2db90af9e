import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { textMayHideStrings } from './text-search.js';
import { InputError, type Template } from './types.js';

/** Resource types whose property names a child template, and which property. */
const NESTED_STACK_TYPES: ReadonlyMap<string, string> = new Map([
  ['AWS::CloudFormation::Stack', 'TemplateURL'],
  ['AWS::Serverless::Application', 'Location'],
]);

/**
 * Loads the child templates of nested stacks whose TemplateURL (or SAM Application Location) is a
 * local path, as `aws cloudformation package` takes it, and links each child to its parent. Remote
 * URLs are not fetched (no network). A path that leaves the folder being linted is refused.
 */
export function loadNestedStacks(
  result: { templates: Template[]; errors: InputError[] },
  roots: Map<Template, string>,
  load: (file: string) => Template | undefined,
): void {
  const queue = [...result.templates];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    const root = roots.get(parent);
    if (!root || parent.file === '<stdin>') continue;
    // Most templates have no nested stack: a search of the text spares a walk over every resource.
    if (!mayNameNestedStack(parent.text)) continue;
    const resources = parent.body.Resources as Record<string, { Type?: unknown; Properties?: Record<string, unknown> }> | undefined;
    for (const id in resources) {
      const resource = resources[id];
      const key = typeof resource?.Type === 'string' ? NESTED_STACK_TYPES.get(resource.Type) : undefined;
      const url = key ? resource.Properties?.[key] : undefined;
      // Only a local template path is followed: not a URL, a dynamic reference or a placeholder.
      if (typeof url !== 'string' || /^[a-z][a-z0-9+.-]*:\/\//i.test(url) || url.includes('{{') || !/\.(ya?ml|json|template)$/i.test(url)) continue;
      const at = parent.source.locate(['Resources', id, 'Properties', key!]).range.start;
      const absolute = resolve(dirname(parent.realPath ?? parent.file), url);
      const fromRoot = relative(root, absolute);
      if (fromRoot.startsWith('..') || isAbsolute(fromRoot)) {
        result.errors.push(new InputError(parent.file, `nested stack "${id}" has ${key} ${url}, which leaves the folder being linted (${root}); refused`, at));
        continue;
      }
      if (!existsSync(absolute)) {
        result.errors.push(new InputError(parent.file, `nested stack "${id}": the child template ${url} does not exist`, at));
        continue;
      }
      const display = join(dirname(parent.file), url);
      const child = load(display);
      if (!child || child === parent || child.parent) continue;
      child.parent = { template: parent, resource: id };
      if (!result.templates.includes(child)) {
        result.templates.push(child);
        roots.set(child, root);
        queue.push(child);
      }
    }
  }
}

function mayNameNestedStack(text: string): boolean {
  for (const type of NESTED_STACK_TYPES.keys()) if (text.includes(type)) return true;
  return textMayHideStrings(text);
}
