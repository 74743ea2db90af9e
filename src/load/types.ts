/** A step into a template: an object key or an array index. */
export type PathSegment = string | number;
/** Where a value stands in a template, from the root: ['Resources', 'Fn', 'Properties', 'Timeout']. */
export type Path = readonly PathSegment[];

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
}

/** A user's input problem: reported with file:line:col, exit code 2, and the run goes on. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly position: Position = { line: 1, column: 1 },
  ) {
    super(message);
    this.name = 'InputError';
  }
}

export const pathToString = (path: Path): string =>
  path.map((s) => (typeof s === 'number' ? `[${s}]` : s)).join('.').replace(/\.\[/g, '[');
