/** A step into a template: an object key or an array index. */
export type PathSegment = string | number;
/** Where a value stands in a template, from the root: ['Resources', 'Fn', 'Properties', 'Timeout']. */
export type Path = readonly PathSegment[];

/** `path` with `step` after it, as a new array: paths are extended on every property read (a copy loop; `concat` is several times slower). */
export function childPath(path: Path, step: PathSegment): PathSegment[] {
  const n = path.length;
  const out = new Array<PathSegment>(n + 1);
  for (let i = 0; i < n; i++) out[i] = path[i];
  out[n] = step;
  return out;
}

/** `path` with every step of `steps` after it, as a new array. */
export function joinPath(path: Path, steps: Path): PathSegment[] {
  const n = path.length;
  const out = new Array<PathSegment>(n + steps.length);
  for (let i = 0; i < n; i++) out[i] = path[i];
  for (let i = 0; i < steps.length; i++) out[n + i] = steps[i];
  return out;
}

/** 1-based line and column, as editors and other linters print them. */
export interface Position {
  line: number;
  column: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/**
 * Maps template paths to source ranges. Rules never see it: the engine turns the paths that
 * findings name into ranges, falling back to the nearest parent that exists (as Spectral does).
 */
export interface SourceMap {
  /** The range of the value at `path`, or of its nearest existing ancestor (`exact: false`). */
  locate(path: Path): { range: Range; exact: boolean };
  /** The range of the key that holds `path`'s value, when the last segment is an object key. */
  locateKey(path: Path): Range | undefined;
}

export type TemplateBody = Record<string, unknown>;

export interface Template {
  /** The path as given or found (relative to the working directory when it was found there). */
  file: string;
  format: 'yaml' | 'json';
  text: string;
  body: TemplateBody;
  source: SourceMap;
  /** The file's canonical path: a template reached twice (walked, and as a child or in an assembly) is linted once. */
  realPath?: string;
  /** For templates of a CDK cloud assembly: construct paths and source locations by logical ID. */
  cdk?: CdkInfo;
  /** For a nested stack's template: the parent template and its AWS::CloudFormation::Stack resource (whose Parameters it receives). */
  parent?: { template: Template; resource: string };
}

/** What a cloud assembly tells about a stack's resources. */
export interface CdkInfo {
  /** The stack artifact (or nested stack template) this template is. */
  stack: string;
  /** Logical ID → construct path (`MyStack/Ingest/Queue/Resource`). */
  constructPaths: ReadonlyMap<string, string>;
  /** Logical ID → where the user's code created the construct, when the assembly recorded stack traces. */
  sources: ReadonlyMap<string, SourceLocation>;
}

/** A place in a file that is not a template (the user's CDK source). */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** A user's input problem: reported with file:line:col, exit code 2, and the run goes on. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly position: Position = { line: 1, column: 1 },
    /** A machine-readable kind, for the few errors a caller treats differently. */
    readonly code?: 'multiple-documents',
  ) {
    super(message);
    this.name = 'InputError';
  }
}

export const pathToString = (path: Path): string =>
  path.map((s) => (typeof s === 'number' ? `[${s}]` : s)).join('.').replace(/\.\[/g, '[');

/**
 * A path into another template of the same run starts with this marker segment and that
 * template's file (a queue in one stack reached through Fn::ImportValue from another). Rules never
 * look inside paths; the engine finds the file and strips the marker.
 */
const FOREIGN_MARKER = '\u0000file:';

export function foreignRoot(file: string): Path {
  return [FOREIGN_MARKER + file];
}

/** The file and the path inside it, when `path` points into another template. */
export function splitForeign(path: Path): { file: string; path: Path } | undefined {
  const first = path[0];
  return typeof first === 'string' && first.startsWith(FOREIGN_MARKER) ? { file: first.slice(FOREIGN_MARKER.length), path: path.slice(1) } : undefined;
}
