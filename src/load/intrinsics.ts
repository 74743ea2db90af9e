/**
 * CloudFormation's YAML short-form tags and the long form each one stands for.
 * `!Ref` and `!Condition` keep their bare names; every other tag is `Fn::<Name>`.
 */
const FN_TAGS = [
  'Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub',
  'Transform', 'And', 'Equals', 'If', 'Not', 'Or',
  // AWS::LanguageExtensions
  'Length', 'ToJsonString', 'ForEach',
  // functions of the template's Rules section
  'Contains', 'EachMemberEquals', 'EachMemberIn', 'RefAll', 'ValueOf', 'ValueOfAll',
] as const;

export const SHORT_FORM_TAGS: ReadonlyMap<string, string> = new Map<string, string>([
  ['!Ref', 'Ref'],
  ['!Condition', 'Condition'],
  ...FN_TAGS.map((name) => [`!${name}`, `Fn::${name}`] as [string, string]),
]);

/** `!GetAtt Res.Attr.Sub` means ["Res", "Attr.Sub"]: only the first dot separates the logical ID. */
export function splitGetAtt(value: string): string[] {
  const dot = value.indexOf('.');
  return dot === -1 ? [value] : [value.slice(0, dot), value.slice(dot + 1)];
}

/** Assigns a key without ever touching the prototype (`__proto__` in a template is just a key). */
export function setKey(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}
