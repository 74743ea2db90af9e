// What the loader says when it refuses a YAML template: the same words from the fast reader and the
// yaml library path, so that a template is refused alike whichever of them read it.

export const DUPLICATE_KEY = 'duplicate key: CloudFormation keeps one of them silently; remove the other';

export function unknownTag(tag: string): string {
  return `unknown tag ${tag}: CloudFormation accepts only its intrinsic function tags (a tool such as rain must package this template first)`;
}
