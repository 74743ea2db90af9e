import { parseJsonTemplate } from './json.js';
import { parseYamlTemplate } from './yaml.js';
import { yamlLibrary } from './yaml-library.js';
import { InputError, type Template, type TemplateBody } from './types.js';

export type TemplateFormat = 'yaml' | 'json';

/** The outcome of reading one file: a template, or a file that is valid YAML/JSON but not a template. */
export type Parsed = { kind: 'template'; template: Template } | { kind: 'not-a-template'; reason: string };

/** `.json` is JSON and `.yaml`/`.yml` YAML; anything else (`.template`, stdin) is JSON when it starts with `{`. */
export function detectFormat(file: string, text: string): TemplateFormat {
  const lower = file.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  return /^\uFEFF?\s*\{/.test(text) ? 'json' : 'yaml';
}

/** Parses text into a template, or says why it is not one. Throws InputError for a file that cannot be read as YAML/JSON. */
export function parseTemplate(file: string, text: string, format = detectFormat(file, text)): Parsed {
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new InputError(file, 'the file is empty; a template needs at least a Resources section');
  let parsed;
  try {
    parsed = format === 'json' ? parseJsonTemplate(file, text) : parseYamlTemplate(file, text);
  } catch (err) {
    // A stream of Kubernetes manifests is not a broken template: it is not a template at all.
    if (err instanceof InputError && err.code === 'multiple-documents' && !anyDocumentIsTemplate(text)) {
      return { kind: 'not-a-template', reason: 'several YAML documents, none of them a template' };
    }
    throw err;
  }
  const { body, source } = parsed;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { kind: 'not-a-template', reason: `the document is ${describe(body)}, not a mapping with a Resources section` };
  }
  const top = body as TemplateBody;
  if (!looksLikeTemplate(top)) {
    return { kind: 'not-a-template', reason: 'no Resources or AWSTemplateFormatVersion at the top level' };
  }
  if ('Resources' in top && (top.Resources === null || typeof top.Resources !== 'object' || Array.isArray(top.Resources))) {
    const { range } = source.locate(['Resources']);
    throw new InputError(file, `Resources must be a mapping of logical IDs to resources, not ${describe(top.Resources)}`, range.start);
  }
  return { kind: 'template', template: { file, format, text, body: top, source } };
}

const SECTIONS = new Set([
  'AWSTemplateFormatVersion', 'Description', 'Metadata', 'Parameters', 'Rules', 'Mappings', 'Conditions',
  'Transform', 'Resources', 'Outputs', 'Globals', 'Hooks',
]);

/**
 * A template has Resources or a format version; failing those (CDK's DeployAssert stacks hold only
 * Parameters and Rules), every top-level key must be a template section.
 */
function looksLikeTemplate(body: TemplateBody): boolean {
  if ('Resources' in body || 'AWSTemplateFormatVersion' in body) return true;
  const keys = Object.keys(body);
  return keys.length > 0 && keys.every((k) => SECTIONS.has(k)) && keys.some((k) => k !== 'Description' && k !== 'Metadata');
}

function anyDocumentIsTemplate(text: string): boolean {
  return yamlLibrary().parseAllDocuments(text, { version: '1.2' }).some((doc) => {
    if (!('contents' in doc) || !doc.contents) return false;
    let js: unknown;
    try {
      js = doc.toJS({ maxAliasCount: 100 });
    } catch {
      return false; // an alias bomb or a broken document: not something to call a template
    }
    return js !== null && typeof js === 'object' && !Array.isArray(js) && looksLikeTemplate(js as TemplateBody);
  });
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value === 'object' ? 'mapping' : typeof value}`;
}
