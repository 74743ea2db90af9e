import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../src/load/index.js';
import { parseTemplate } from '../src/load/template.js';
import { InputError } from '../src/load/types.js';
import { template } from './helpers/lint.js';

const resources = (text: string) => template(text).body.Resources as Record<string, { Properties: Record<string, unknown> }>;
const props = (text: string) => resources(text).R.Properties;

function inputError(file: string, text: string): InputError {
  try {
    parseTemplate(file, text);
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('YAML short-form tags become long form', () => {
  const cases: Array<[string, unknown]> = [
    ['!Ref Bucket', { Ref: 'Bucket' }],
    ['!GetAtt Queue.Arn', { 'Fn::GetAtt': ['Queue', 'Arn'] }],
    ['!GetAtt Db.Endpoint.Address', { 'Fn::GetAtt': ['Db', 'Endpoint.Address'] }],
    ['!GetAtt [Queue, Arn]', { 'Fn::GetAtt': ['Queue', 'Arn'] }],
    ['!Sub "arn:${AWS::Partition}:s3:::${B}"', { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${B}' }],
    ['!Sub ["${A}-x", { A: !Ref P }]', { 'Fn::Sub': ['${A}-x', { A: { Ref: 'P' } }] }],
    ['!If [C, 1, 2]', { 'Fn::If': ['C', 1, 2] }],
    ['!Join ["", [a, b]]', { 'Fn::Join': ['', ['a', 'b']] }],
    ['!Select [0, !GetAZs ""]', { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }],
    ['!Split [",", "a,b"]', { 'Fn::Split': [',', 'a,b'] }],
    ['!FindInMap [M, K, V]', { 'Fn::FindInMap': ['M', 'K', 'V'] }],
    ['!Base64 text', { 'Fn::Base64': 'text' }],
    ['!Cidr [10.0.0.0/16, 4, 8]', { 'Fn::Cidr': ['10.0.0.0/16', 4, 8] }],
    ['!ImportValue shared', { 'Fn::ImportValue': 'shared' }],
    ['!GetAZs us-east-1', { 'Fn::GetAZs': 'us-east-1' }],
    ['!Equals [a, b]', { 'Fn::Equals': ['a', 'b'] }],
    ['!And [!Condition A, !Condition B]', { 'Fn::And': [{ Condition: 'A' }, { Condition: 'B' }] }],
    ['!Or [!Condition A, !Not [!Condition B]]', { 'Fn::Or': [{ Condition: 'A' }, { 'Fn::Not': [{ Condition: 'B' }] }] }],
    ['!Transform { Name: AWS::Include, Parameters: { Location: s3://b/k } }', { 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://b/k' } } }],
    ['!Length [a, b]', { 'Fn::Length': ['a', 'b'] }],
    ['!ToJsonString { a: 1 }', { 'Fn::ToJsonString': { a: 1 } }],
  ];
  it.each(cases)('%s', (yaml, expected) => {
    expect(props(`Resources:\n  R:\n    Type: X::Y::Z\n    Properties:\n      V: ${yaml}\n`).V).toEqual(expected);
  });

  it('reads a block sequence after a tag', () => {
    const text = 'Resources:\n  R:\n    Type: X::Y::Z\n    Properties:\n      V: !If\n        - C\n        - !Ref A\n        - !Ref AWS::NoValue\n';
    expect(props(text).V).toEqual({ 'Fn::If': ['C', { Ref: 'A' }, { Ref: 'AWS::NoValue' }] });
  });

  it('keeps YAML 1.2 scalars: the template version is a string, yes/no are strings', () => {
    const t = template('AWSTemplateFormatVersion: 2010-09-09\nResources:\n  R:\n    Type: X::Y::Z\n    Properties: { A: yes, B: 010, C: "12" }\n');
    expect(t.body.AWSTemplateFormatVersion).toBe('2010-09-09');
    expect(props('Resources:\n  R:\n    Type: X::Y::Z\n    Properties: { A: yes, B: 10, C: "12" }\n')).toEqual({ A: 'yes', B: 10, C: '12' });
  });

  it('refuses an unknown tag with its position', () => {
    const err = inputError('t.yaml', 'Resources:\n  R:\n    Type: X::Y::Z\n    Properties:\n      V: !Rain::Embed file.txt\n');
    expect(err.message).toMatch(/^unknown tag !Rain::Embed/);
    expect(err.position).toEqual({ line: 5, column: 10 });
  });
});

describe('positions', () => {
  const yaml = [
    'Resources:', //                        1
    '  Fn:', //                             2
    '    Type: AWS::Lambda::Function', //   3
    '    Properties:', //                   4
    '      Timeout: 1200', //               5
    '      Role: !GetAtt Role.Arn', //      6
    '      Env: !If [C, 1, !Ref P]', //     7
  ].join('\n');

  it('finds every key and value in YAML', () => {
    const t = template(yaml);
    expect(t.source.locate(['Resources', 'Fn', 'Properties', 'Timeout']).range).toEqual({ start: { line: 5, column: 16 }, end: { line: 5, column: 20 } });
    expect(t.source.locateKey(['Resources', 'Fn', 'Properties', 'Timeout'])).toEqual({ start: { line: 5, column: 7 }, end: { line: 5, column: 14 } });
    expect(t.source.locate(['Resources', 'Fn', 'Type']).range.start).toEqual({ line: 3, column: 11 });
  });

  it('steps through short-form tags, underlining the tag', () => {
    const t = template(yaml);
    expect(t.source.locate(['Resources', 'Fn', 'Properties', 'Role', 'Fn::GetAtt', 0]).range.start).toEqual({ line: 6, column: 13 });
    expect(t.source.locate(['Resources', 'Fn', 'Properties', 'Env', 'Fn::If', 2]).range.start).toEqual({ line: 7, column: 23 });
    expect(t.source.locate(['Resources', 'Fn', 'Properties', 'Env', 'Fn::If', 2, 'Ref']).range.start).toEqual({ line: 7, column: 23 });
  });

  it('falls back to the key of the nearest existing parent for an absent path', () => {
    const t = template(yaml);
    const located = t.source.locate(['Resources', 'Fn', 'Properties', 'MemorySize']);
    expect(located.exact).toBe(false);
    expect(located.range.start).toEqual({ line: 4, column: 5 });
  });

  it('finds every key and value in JSON', () => {
    const json = '{\n  "Resources": {\n    "Fn": {\n      "Type": "AWS::Lambda::Function",\n      "Properties": { "Timeout": 1200, "L": [1, {"Ref": "X"}] }\n    }\n  }\n}\n';
    const t = template(json, 't.json');
    expect(t.source.locate(['Resources', 'Fn', 'Properties', 'Timeout']).range).toEqual({ start: { line: 5, column: 34 }, end: { line: 5, column: 38 } });
    expect(t.source.locateKey(['Resources', 'Fn', 'Properties', 'Timeout'])?.start).toEqual({ line: 5, column: 23 });
    expect(t.source.locate(['Resources', 'Fn', 'Properties', 'L', 1, 'Ref']).range.start).toEqual({ line: 5, column: 57 });
    expect(t.source.locate(['Resources', 'Fn', 'Properties', 'Nope']).range.start).toEqual({ line: 5, column: 7 });
  });

  it('finds the same JSON positions in whichever order the paths are asked (what a walk skipped is remembered)', () => {
    const body = {
      Resources: Object.fromEntries(
        Array.from({ length: 30 }, (_, i) => [`R${i}`, { Type: 'AWS::SQS::Queue', Properties: { A: [i, { Ref: `R${i + 1}` }, 'x'], 'B\\"q': i } }]),
      ),
    };
    const json = JSON.stringify(body, null, 1);
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]) => {
      paths.push(path, [...path, 'Absent'], [...path, 99]);
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(body, []);
    const ask = (order: (string | number)[][]) => {
      const { source } = template(json, 't.json');
      return new Map(order.map((p) => [p.join('\u0000'), [source.locate(p), source.locateKey(p)]]));
    };
    const forward = ask(paths);
    const reverse = ask([...paths].reverse());
    const shuffled = ask([...paths].sort((a, b) => (a.join('.').length * 7919) % 13 - (b.join('.').length * 7919) % 13));
    for (const p of paths) {
      const k = p.join('\u0000');
      expect(reverse.get(k), p.join('.')).toEqual(forward.get(k));
      expect(shuffled.get(k), p.join('.')).toEqual(forward.get(k));
    }
    expect(forward.get(['Resources', 'R29', 'Properties', 'A', 1, 'Ref'].join('\u0000'))![0]).toMatchObject({ exact: true });
  });

  it('keeps columns right with CRLF line endings', () => {
    const t = template(yaml.replace(/\n/g, '\r\n'));
    expect(t.source.locate(['Resources', 'Fn', 'Properties', 'Timeout']).range.start).toEqual({ line: 5, column: 16 });
  });

  it('maps positions back when the relaxed-indentation retry was needed', () => {
    const text = 'Resources:\n  R:\n    Type: X::Y::Z\n    Properties:\n      L: [{\n        "a": 1\n      }]\n      T: 5\n';
    const t = template(text);
    expect(props(text).L).toEqual([{ a: 1 }]);
    expect(t.source.locate(['Resources', 'R', 'Properties', 'L', 0, 'a']).range.start).toEqual({ line: 6, column: 14 });
    expect(t.source.locate(['Resources', 'R', 'Properties', 'T']).range.start).toEqual({ line: 8, column: 10 });
  });
});

describe('input errors carry file:line:col', () => {
  it('duplicate keys in YAML', () => {
    const err = inputError('t.yaml', 'Resources:\n  A:\n    Type: X::Y::Z\n  A:\n    Type: X::Y::Z\n');
    expect(err.message).toMatch(/^duplicate key/);
    expect(err.position).toEqual({ line: 4, column: 3 });
  });

  it('duplicate keys in JSON', () => {
    const err = inputError('t.json', '{"Resources": {"A": {"Type": "X"},\n "A": {"Type": "Y"}}}');
    expect(err.message).toBe('JSON syntax error: duplicate key "A": CloudFormation keeps one of them silently; remove the other');
    expect(err.position).toEqual({ line: 2, column: 2 });
  });

  it('JSON nesting: a value of any kind past 512 levels is refused, one at 512 is not (the key count and the strict parser agree on the edge)', () => {
    // The root is level 0 and "V" holds level 4: arrays open levels 5 and on.
    const nested = (levels: number, inner: string) => `{"Resources": {"A": {"Type": "X::Y::Z", "Properties": {"V": ${'['.repeat(levels)}${inner}${']'.repeat(levels)}}}}}`;
    for (const inner of ['1', '"s"', '{}', '[]', 'null']) {
      expect(() => parseTemplate('ok.json', nested(508, inner))).not.toThrow();
      expect(inputError('deep.json', nested(509, inner)).message).toBe('JSON syntax error: nesting deeper than 512 levels');
    }
    expect(inputError('deep.json', nested(508, '{"k": 1}')).message).toBe('JSON syntax error: nesting deeper than 512 levels');
  });

  it('duplicate keys in JSON, whatever the strings hold: colons, quotes, backslashes, spaces and \\u escapes (the key counts never hide one)', () => {
    // Keys and strings from a small alphabet so that duplicates are common; every string may be
    // written with its colons as \u003a; whitespace varies around every colon and comma.
    type Value = string | number | Value[] | Array<[string, Value]> | { object: Array<[string, Value]> };
    const text = fc.string({ unit: fc.constantFrom(':', ' ', '"', '\\', 'a', '\u0001', 'é'), maxLength: 3 });
    const { value } = fc.letrec<{ value: Value; object: { object: Array<[string, Value]> } }>((tie) => ({
      value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, text, fc.integer(), fc.array(tie('value'), { maxLength: 3 }), tie('object')),
      object: fc.record({ object: fc.array(fc.tuple(text, tie('value')), { maxLength: 4 }) }),
    }));
    const ws = fc.constantFrom('', ' ', '\n  ', '\t');
    fc.assert(
      fc.property(fc.array(fc.tuple(text, value), { maxLength: 4 }), fc.infiniteStream(fc.tuple(ws, fc.boolean())), (entries, choices) => {
        let dup = false;
        const write = (v: Value): string => {
          if (typeof v === 'number') return String(v);
          if (typeof v === 'string') {
            const [, escape] = choices.next().value;
            const json = JSON.stringify(v);
            return escape ? json.replace(/:/g, '\\u003a') : json;
          }
          if (Array.isArray(v)) return `[${v.map((x) => write(x as Value)).join(',')}]`;
          const keys = v.object.map(([k]) => k);
          if (new Set(keys).size !== keys.length) dup = true;
          return `{${v.object.map(([k, x]) => `${choices.next().value[0]}${write(k)}${choices.next().value[0]}:${choices.next().value[0]}${write(x)}`).join(',')}}`;
        };
        const json = `{"Resources": ${write({ object: entries })}}`;
        let error: InputError | undefined;
        try {
          parseTemplate('t.json', json);
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
          error = err;
        }
        expect(error?.message.includes('duplicate key') ?? false).toBe(dup);
      }),
      { numRuns: 3000 },
    );
  });

  it('a YAML syntax error', () => {
    const err = inputError('t.yaml', 'Resources:\n  A:\n    Type: x: y\n');
    expect(err.message).toBe('YAML syntax error: Nested mappings are not allowed in compact mappings');
    expect(err.position).toEqual({ line: 3, column: 11 });
    const tab = inputError('t.yaml', 'Resources:\n  A:\n\tType: x\n');
    expect([tab.message, tab.position]).toEqual(['YAML syntax error: Tabs are not allowed as indentation', { line: 3, column: 1 }]);
  });

  it('a trailing comma in JSON is an error, not silently accepted', () => {
    const err = inputError('t.json', '{\n  "Resources": {\n    "A": {"Type": "X"},\n  }\n}');
    expect(err.message).toBe("JSON syntax error: trailing comma before '}' is not allowed in JSON");
    expect(err.position).toEqual({ line: 4, column: 3 });
  });

  it('comments in JSON', () => {
    expect(inputError('t.json', '{ // c\n"Resources": {}}').message).toBe('JSON syntax error: comments are not allowed in JSON');
  });

  it('an empty file', () => {
    const err = inputError('t.yaml', '  \n\n');
    expect(err.message).toMatch(/^the file is empty/);
    expect(err.position).toEqual({ line: 1, column: 1 });
  });

  it('several YAML documents', () => {
    expect(inputError('t.yaml', 'Resources: {}\n---\nResources: {}\n').message).toMatch(/several YAML documents/);
  });

  it('Resources that is not a mapping', () => {
    const err = inputError('t.yaml', 'Resources:\n  - A\n');
    expect(err.message).toBe('Resources must be a mapping of logical IDs to resources, not a list');
    expect(err.position).toEqual({ line: 2, column: 3 });
  });

  it('an alias bomb is refused without expanding it', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill('*' + String.fromCharCode(96 + i)).join(', ')}]`);
    const text = `Metadata:\n${levels.map((l) => '  ' + l).join('\n')}\nResources: {}\n`;
    const started = Date.now();
    expect(inputError('t.yaml', text).message).toMatch(/aliases expand to more than/);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('files that are not templates', () => {
  it('is recognised, not an error, at the parser', () => {
    expect(parseTemplate('ci.yml', 'on: push\njobs: {}\n').kind).toBe('not-a-template');
    expect(parseTemplate('package.json', '{"name": "x"}').kind).toBe('not-a-template');
  });

  it('is skipped quietly when found by walking, reported when named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'archlint-load-'));
    writeFileSync(join(dir, 'package.json'), '{"name": "x"}');
    writeFileSync(join(dir, 'template.yaml'), 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n');
    mkdirSync(join(dir, 'node_modules', 'dep'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'dep', 'template.yaml'), 'Resources: [broken');
    writeFileSync(join(dir, 'notes.txt'), 'not an input');
    const walked = loadInputs([dir]);
    expect(walked.templates.map((t) => t.file)).toEqual([join(dir, 'template.yaml')]);
    expect(walked.errors).toEqual([]);
    expect(walked.skipped).toEqual([join(dir, 'package.json')]);

    const named = loadInputs([join(dir, 'package.json')]);
    expect(named.errors.map((e) => e.message)).toEqual(['not a CloudFormation template: no Resources or AWSTemplateFormatVersion at the top level']);
  });

  it('reads stdin for -', () => {
    const r = loadInputs(['-'], { readStdin: () => '{"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}' });
    expect(r.templates.map((t) => [t.file, t.format])).toEqual([['<stdin>', 'json']]);
  });

  it('reports a missing path and still loads the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'archlint-load-'));
    writeFileSync(join(dir, 'ok.yaml'), 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n');
    writeFileSync(join(dir, 'bad.yaml'), 'Resources:\n  Q:\n    Type: [\n');
    const r = loadInputs([join(dir, 'missing.yaml'), join(dir, 'bad.yaml'), join(dir, 'ok.yaml')]);
    expect(r.templates.map((t) => t.file)).toEqual([join(dir, 'ok.yaml')]);
    expect(r.errors.map((e) => [e.file, e.message.slice(0, 20)])).toEqual([
      [join(dir, 'missing.yaml'), 'no such file or dire'],
      [join(dir, 'bad.yaml'), 'YAML syntax error: F'],
    ]);
  });

  it('refuses binary files and invalid UTF-8 with a position', () => {
    const dir = mkdtempSync(join(tmpdir(), 'archlint-load-'));
    writeFileSync(join(dir, 'bin.yaml'), Buffer.from([0x52, 0x0a, 0x00, 0x01]));
    writeFileSync(join(dir, 'latin1.yaml'), Buffer.concat([Buffer.from('Resources:\n  Q: caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    const r = loadInputs([join(dir, 'bin.yaml'), join(dir, 'latin1.yaml')]);
    expect(r.errors.map((e) => [e.message, e.position])).toEqual([
      ['binary file (it contains a NUL byte), not a template', { line: 2, column: 1 }],
      ['the file is not valid UTF-8', { line: 2, column: 9 }],
    ]);
  });
});
