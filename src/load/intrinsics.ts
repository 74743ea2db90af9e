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

/**
 * `{ [name]: value }` for a short-form tag's long form, written as one literal per name: an object
 * made from a literal has room for exactly its keys (one made with a computed key, for four), and
 * the hidden class JSON.parse gives `{"Ref": ...}`, so that code V8 optimised on templates of one
 * format is not thrown away when the other arrives. Every name of SHORT_FORM_TAGS has its case.
 */
export function longForm(name: string, value: unknown): Record<string, unknown> {
  switch (name) {
    case 'Ref':
      return { Ref: value };
    case 'Condition':
      return { Condition: value };
    case 'Fn::Base64':
      return { 'Fn::Base64': value };
    case 'Fn::Cidr':
      return { 'Fn::Cidr': value };
    case 'Fn::FindInMap':
      return { 'Fn::FindInMap': value };
    case 'Fn::GetAtt':
      return { 'Fn::GetAtt': value };
    case 'Fn::GetAZs':
      return { 'Fn::GetAZs': value };
    case 'Fn::ImportValue':
      return { 'Fn::ImportValue': value };
    case 'Fn::Join':
      return { 'Fn::Join': value };
    case 'Fn::Select':
      return { 'Fn::Select': value };
    case 'Fn::Split':
      return { 'Fn::Split': value };
    case 'Fn::Sub':
      return { 'Fn::Sub': value };
    case 'Fn::Transform':
      return { 'Fn::Transform': value };
    case 'Fn::And':
      return { 'Fn::And': value };
    case 'Fn::Equals':
      return { 'Fn::Equals': value };
    case 'Fn::If':
      return { 'Fn::If': value };
    case 'Fn::Not':
      return { 'Fn::Not': value };
    case 'Fn::Or':
      return { 'Fn::Or': value };
    case 'Fn::Length':
      return { 'Fn::Length': value };
    case 'Fn::ToJsonString':
      return { 'Fn::ToJsonString': value };
    case 'Fn::ForEach':
      return { 'Fn::ForEach': value };
    case 'Fn::Contains':
      return { 'Fn::Contains': value };
    case 'Fn::EachMemberEquals':
      return { 'Fn::EachMemberEquals': value };
    case 'Fn::EachMemberIn':
      return { 'Fn::EachMemberIn': value };
    case 'Fn::RefAll':
      return { 'Fn::RefAll': value };
    case 'Fn::ValueOf':
      return { 'Fn::ValueOf': value };
    case 'Fn::ValueOfAll':
      return { 'Fn::ValueOfAll': value };
    default:
      return { [name]: value };
  }
}
