/**
 * Whether a parsed string may be missing from the template's text as written: spelled with escapes
 * (`\u0041` in JSON; `\x41`, `\u`, `\U` in a YAML double-quoted string) or joined from two lines by
 * an escaped line break in a YAML double-quoted string. Text searches that let a step skip a walk
 * over every resource must walk anyway when this is true.
 */
export function textMayHideStrings(text: string): boolean {
  return text.includes('\\') && (text.includes('\\u') || text.includes('\\x') || text.includes('\\U') || text.includes('\\\n') || text.includes('\\\r'));
}
