// The direct YAML reader (src/load/yaml-fast.ts) must never change what a template means or where
// a finding points: wherever it accepts a text, its values and every position must be those of the
// yaml library path; wherever it is unsure it must decline, and the library path then decides.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { buildSync } from 'esbuild';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { longForm, SHORT_FORM_TAGS } from '../src/load/intrinsics.js';
import { readYamlFast } from '../src/load/yaml-fast.js';
import { parseYamlWithLibrary } from '../src/load/yaml.js';
import type { InputError, Path } from '../src/load/types.js';

/** Every path in a value, and one absent path below each container (where findings on missing properties point). */
function* pathsOf(value: unknown, path: Path = []): Generator<Path> {
  yield path;
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* pathsOf(value[i], [...path, i]);
    yield [...path, value.length + 1];
  } else {
    for (const key of Object.keys(value)) yield* pathsOf((value as Record<string, unknown>)[key], [...path, key]);
    yield [...path, 'NoSuchProperty'];
  }
}

/** What differs between the fast reader and the library for `text`, or undefined; `accepted` says whether the fast reader took it. */
function compare(text: string, maxPaths = 20_000): { accepted: boolean; difference?: string } {
  const fast = readYamlFast(text);
  if (!fast) return { accepted: false };
  let lib;
  try {
    lib = parseYamlWithLibrary('t.yaml', text);
  } catch (err) {
    // A duplicate key or an unknown tag: refused by both, with the same message at the same place.
    const said = `${(err as Error).message} at ${JSON.stringify((err as InputError).position)}`;
    if ('refused' in fast && said === `${fast.refused.message} at ${JSON.stringify(fast.refused.position)}`) return { accepted: true };
    return { accepted: true, difference: `the library refuses it: ${said}` };
  }
  if ('refused' in fast) return { accepted: true, difference: `refused (${fast.refused.message}) at ${JSON.stringify(fast.refused.position)}, which the library reads` };
  if (!isDeepStrictEqual(fast.body, lib.body)) return { accepted: true, difference: `values differ: ${JSON.stringify(fast.body)} vs ${JSON.stringify(lib.body)}` };
  let n = 0;
  for (const path of pathsOf(lib.body)) {
    if (++n > maxPaths) break;
    const [a, b] = [fast.source.locate(path), lib.source.locate(path)];
    const [ka, kb] = [fast.source.locateKey(path), lib.source.locateKey(path)];
    if (!isDeepStrictEqual(a, b) || !isDeepStrictEqual(ka, kb)) {
      return { accepted: true, difference: `position of ${JSON.stringify(path)}: ${JSON.stringify([a, ka])} vs ${JSON.stringify([b, kb])}` };
    }
  }
  return { accepted: true };
}

const ACCEPTED: Record<string, string> = {
  'block map and sequence': 'A:\n  B: 1\n  C:\n    - x\n    - y: 2\n      z: 3\n',
  'sequence at its key\'s indentation': 'A:\n- 1\n- 2\nB: 3\n',
  'nested sequences': 'A:\n  - - 1\n    - 2\n  - - 3\n',
  'scalars of the core schema': 'a: ~\nb: null\nc: True\nd: FALSE\ne: 0o17\nf: 0x1F\ng: -12\nh: +3\ni: 1.5\nj: .5\nk: 1e3\nl: -.inf\nm: .NaN\nn: 1.0\no: 2026-11-27\np: 012\nq: "1"\nr: \'x\'\ns: yes\n',
  'keys resolved then stringified': '1.0: a\n0x10: b\ntrue: c\n~: d\n',
  // The reader reuses a plain key it has read before: the same text again, anagrams, a resolved key,
  // and `Aaa` and `Bcb`, which share a slot of its cache.
  'keys repeated across mappings': 'x:\n  Type: 1\n  Tpye: 2\n  0x10: a\n  Aaa: 5\ny:\n  Type: 3\n  16: b\n  Bcb: 6\nz:\n  0x10: c\n  Tpye: 4\n  Aaa: 7\n',
  'escapes between runs of text': 'a: "def f(x):\\n    return x\\n"\nb: "\\x41BC\\tD  E\\\\"\n',
  'quoted scalars and escapes': 'a: "tab\\there \\"q\\" \\u00e9 \\x41 \\\\"\nb: \'it\'\'s\'\n"c d": 1\n\'e\': 2\n',
  'multi-line plain scalars': 'Description: a long\n  description\n\n  with a paragraph\nB: x\n',
  // As PyYAML and cfn-flip write long strings: folded, blank lines kept as breaks, escaped breaks joined.
  'multi-line quoted scalars': "A: 'one\n  two  \n\n  three''s \n   four'\nB: \"x \n  y\\\n  z \\t \n\n\n  w\\ \n  v\"\nC:\n  - \"a\n    b\" # after\n  - 'c\n\n\n    d'\nD: !Sub \"${X}\n  y\"\nE: 'ends on a\n  '\n",
  'block scalars, every chomping': 'a: |\n  one\n  two\n\nb: |-\n  x\nc: |+\n  y\n\nd: >\n  folded\n  text\n\n  para\ne: >-\n  f\n',
  'literal with more-indented lines': 'Code: |\n  def f():\n      return 1\n  # not a comment\nNext: 1\n',
  // Lines of spaces only, longer than the indentation: spaces kept, even at the end (before chomping).
  'literal with spaces-only lines': 'A: |\n  x\n      \n  y\n\nB: |-\n  x\n     \n\nC: |+\n  z\n    \n\nD: 1\n',
  'comments everywhere': '# top\nA: 1 # trailing\n# between\nB:\n  # inside\n  C: 2\n    # deeper\n\n  # same\nD: 3\n# end\n',
  'flow collections over lines': 'A: [1, "two", {k: v, "q": [x, y]}, !Ref B]\nC: {\n    a: 1,\n    b: [2,\n      3],\n  }\n',
  'short-form tags': 'A: !Ref B\nC: !GetAtt D.Arn\nE: !Sub\n  - "${X}"\n  - X: !Ref Y\nF: !If [Cond, !Ref A, !Ref "AWS::NoValue"]\nG: !Join\n- ""\n- [a, b]\nH: !Base64 |\n  script\n',
  'empty values': 'A:\nB:   \nC: # note\nD:\n  -\n  - x\n',
  // After an empty last value, a comment anywhere moves the end of the collections it closes to the next token.
  'comments after an empty last value': 'A:\n  B:\n    C:\n# note\n  D:\n    -\n\n  # note\n  E: !GetAZs\n# note\nF: 1\n',
  'an empty last value with its own comment, then blank lines': 'A:\n  - x\n  - # note\n\n\nB:\n  C: # note\n\n',
  'tags on empty values': 'A: !Select\n  - 0\n  - !GetAZs\nB: !GetAZs # any region\nC: !GetAtt\nD:\n  - !Ref   \n',
  'document start marker': '--- # template\nAWSTemplateFormatVersion: "2010-09-09"\n',
  'JSON written as YAML': '{\n  "Resources": {\n    "Q": {"Type": "AWS::SQS::Queue", "Properties": {"DelaySeconds": 5}}\n  }\n}\n',
  'URLs, ARNs and colons in plain scalars': 'A: arn:aws:s3:::bucket/*\nB: http://example.com:8080/x\nC: a:b\n',
  '__proto__ as a key': '__proto__:\n  polluted: true\n',
  '__proto__ among other keys, in block and flow mappings': 'a: 1\n__proto__: {polluted: true, __proto__: 2}\nb: 2\n',
  'index keys among named ones': 'A:\n  1: x\n  b: y\n  0: z\nB: {2: a, c: b}\n',
  'a mapping of many keys': `A:\n${Array.from({ length: 40 }, (_, i) => `  k${i}: ${i}\n`).join('')}`,
  'a mapping of more keys than one literal of JSON.parse\'s takes': `A:\n${Array.from({ length: 130 }, (_, i) => `  k${i}: ${i}\n`).join('')}`,
  // What the library refuses and the loader retries relaxed (yaml-relax.ts), as cfn-flip and PyYAML write it.
  'lines at their key\'s indentation, read relaxed': 'A: "one\ntwo"\nB:\n  - Statement: [{\n    "Effect": "Allow"\n  }]\n  - !Sub \'{\n    "a": 1\n  }\'\nC: 1\n',
};

/** Refused by both readers alike, at the first place the library's converter stops. */
const REFUSED: Record<string, string> = {
  'an unknown tag': 'Resources:\n  M: !Rain::Module ./m.yaml\n',
  'an unknown tag on a mapping, after a known one inside it': 'A: !Rain::S3\n  Path: !Ref P\n  B: !Rain::Embed x\n',
  'an unknown tag on a mapping holding a duplicate key': 'A: !Rain::Module\n  K: 1\n  K: 2\n',
  'an empty value with an unknown tag': 'A:\n  - !Rain::Constant\n',
  'an unknown tag with a comment before its node': '!Rain::X # note\n- {}\n',
  'a duplicate key in a block mapping': 'A: 1\nA: 2\n',
  'a duplicate key spelled differently': 'A:\n  1: x\n  "1": y\n',
  'a duplicate key in a flow mapping, JSON-style': '{"Resources": {"Q": {"Type": "a", "Type": "b"}}}\n',
  'duplicate keys, deep before shallow': 'R:\n  F:\n    P: 1\n    P: 2\n  F: 3\nR: 4\n',
  'a duplicate key among many (past those searched one by one)': `A:\n${Array.from({ length: 20 }, (_, i) => `  k${i}: ${i}\n`).join('')}  k3: again\n`,
  'a duplicate key among many in a flow mapping': `A: {${Array.from({ length: 20 }, (_, i) => `k${i}: ${i}`).join(', ')}, k19: again}\n`,
  'a duplicate key in a text read relaxed': 'A: [{\n  "x": 1\n}]\nB:\n  C: 1\n  "C": 2\n',
};

const DECLINED: Record<string, string> = {
  'a duplicate key before a syntax error': 'A: 1\nA: 2\nB: [\n',
  anchors: 'A: &x 1\nB: *x\n',
  'merge keys': 'A: &x {a: 1}\nB:\n  <<: *x\n',
  'two documents': 'A: 1\n---\nB: 2\n',
  'a directive': '%YAML 1.2\n---\nA: 1\n',
  'a core tag': 'A: !!str 1\n',
  'a tag handle': 'A: !e!x 1\n',
  'two tags on one node, over two lines': 'A: !Base64\n  !Sub x\n',
  tabs: 'A:\n\tB: 1\n',
  'CRLF line ends': 'A: 1\r\nB: 2\r\n',
  'a complex key': '? a\n: b\n',
  'a nested compact mapping': 'A: b: c\n',
  'a comment inside a flow collection at its key\'s indentation': 'A: [a,\n# c\n  b]\n',
  'a multi-line quoted key': '"a\n b": 1\n',
  'a multi-line quoted key in a flow mapping': 'A: {"one\n  two": 1}\n',
  'an indentation indicator': 'A: |2\n   x\n',
  'a spaces-only line in a folded scalar': 'A: >\n  x\n     \n  y\n',
  'bad indentation': 'A:\n    B: 1\n  C: 2\n',
  'nesting past 512 levels': `A: ${'['.repeat(600)}${']'.repeat(600)}\n`,
  'an empty file': '',
  'only comments': '# nothing\n',
};

describe('the fast YAML reader', () => {
  for (const [name, text] of Object.entries(ACCEPTED)) {
    it(`reads ${name} exactly as the library does`, () => {
      expect(compare(text)).toEqual({ accepted: true });
    });
  }

  for (const [name, text] of Object.entries(REFUSED)) {
    it(`refuses ${name} as the library path does`, () => {
      expect(readYamlFast(text)).toHaveProperty('refused');
      expect(compare(text)).toEqual({ accepted: true });
    });
  }

  for (const [name, text] of Object.entries(DECLINED)) {
    it(`leaves ${name} to the library`, () => {
      expect(readYamlFast(text)).toBeUndefined();
    });
  }

  it('agrees with the library on lines at and left of their parent\'s indentation', () => {
    // The reader retries relaxed only where the library refuses the text as written; where the
    // library takes it (a closing bracket at the parent's indentation) the reader must too, or decline.
    const openers: Record<string, [string, string]> = {
      double: ['"a', 'b"'], single: ["'a", "b'"], 'flow sequence': ['[a,', 'b]'], 'flow mapping': ['{a: 1,', 'b: 2}'],
      'closing bracket': ['[a, b', ']'], 'closing brace': ['{a: 1', '}'], comment: ['[a,', '# c\n        b]'], 'leading comma': ['[a', ', b]'],
    };
    let accepted = 0;
    const contexts: Record<string, string> = { map: 'K:\n  A: ', seq: 'K:\n  - ', 'seq at its key': 'K:\n- ', 'map in seq': 'K:\n  - P: 1\n    A: ', 'second item': 'K:\n  - X\n  - ' };
    const differences: string[] = [];
    for (const [context, head] of Object.entries(contexts)) {
      for (const [name, [open, rest]] of Object.entries(openers)) {
        for (let indent = 0; indent <= 7; indent++) {
          // The block scalar first is what a needless relaxed reading would change: yaml-relax.ts
          // takes its `{` for a flow mapping and indents the line after it.
          const text = `S: |-\n  {\n  }\n${head}${open}\n${' '.repeat(indent)}${rest}\nZ: 1\n`;
          const result = compare(text);
          if (result.accepted) accepted++;
          if (result.difference) differences.push(`${context}, ${name}, indent ${indent}: ${result.difference}`);
        }
      }
    }
    expect(differences).toEqual([]);
    // Agreement means little if the reader declined them: 305 of the 400 are read, 95 of them only
    // through the relaxed re-read (210 without it).
    expect(accepted).toBeGreaterThanOrEqual(300);
  });

  it('agrees with the library on random documents and on random damage to them', () => {
    const scalar = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom('', ' x', 'a: b', 'x #y', '- z', 'true', '0x1F', '1e3', '.5', '~', 'line\nbreak', 'trail \n', 'é', '"q"', "'", '#', '!Ref'),
      // Text long enough for the writer to fold over lines (lineWidth 20 and 80): multi-line quoted and block scalars.
      fc.array(fc.constantFrom('word', 'x', 'longer-text', ' ', ' ', '  ', '\n', '\n\n', ' \n', '\\', "'", '"', '#', ': ', 'é'), { maxLength: 16 }).map((parts) => parts.join('')),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
    );
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, tie('map'), tie('seq')),
      map: fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('Ref', 'Fn::If', 'Type')), tie('node'), { maxKeys: 4 }),
      seq: fc.array(tie('node'), { maxLength: 3 }),
    })).map;
    const options = fc.record({
      indent: fc.integer({ min: 1, max: 4 }),
      indentSeq: fc.boolean(),
      flowCollectionPadding: fc.boolean(),
      lineWidth: fc.constantFrom(0, 20, 80),
      minContentWidth: fc.constantFrom(0, 10),
      defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
      collectionStyle: fc.constantFrom('any', 'block', 'flow'),
    });
    // Damage: a character inserted, deleted or replaced, from the characters YAML's structure is made of.
    const damage = fc.array(fc.tuple(fc.nat(), fc.constantFrom('', ' ', '\n', '#', ':', '-', '!Ref ', '!Rain::X ', '"', "'", '|', '>', '[', ']', '{', '}', ',', '  ', '\n  ')), { maxLength: 3 });
    let accepted = 0;
    fc.assert(
      fc.property(tree, options, damage, fc.boolean(), fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: fc.nat(), weight: 1 }), (value, opts, edits, replace, repeat) => {
        let text = stringify(value, { ...(opts as object), version: '1.2' });
        // A line written twice: a duplicate key, most often.
        if (repeat !== null) {
          const lines = text.split('\n');
          const n = repeat % lines.length;
          text = [...lines.slice(0, n + 1), lines[n], ...lines.slice(n + 1)].join('\n');
        }
        for (const [at, insert] of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + insert + text.slice(replace ? i + 1 : i);
        }
        const result = compare(text, 2_000);
        if (result.accepted) accepted++;
        if (result.difference) throw new Error(`${result.difference}\n--- text:\n${text}`);
      }),
      { numRuns: 10_000, seed: 20261127 },
    );
    // The property means little if the reader declined everything.
    expect(accepted).toBeGreaterThan(3_000);
  });
});

const CORPUS = process.env.ARCHLINT_CORPUS ?? join(import.meta.dirname, '..', '..', 'shared', 'corpus');

describe.skipIf(!existsSync(CORPUS))('the fast YAML reader on the corpus', () => {
  it('reads every corpus template it accepts exactly as the library does, and accepts most of them', () => {
    const files = execFileSync('find', [CORPUS, '-type', 'f', '(', '-name', '*.yaml', '-o', '-name', '*.yml', ')'], { encoding: 'utf8' }).trim().split('\n');
    const differences: string[] = [];
    let accepted = 0;
    for (const file of files) {
      const result = compare(readFileSync(file, 'utf8'));
      if (result.accepted) accepted++;
      if (result.difference) differences.push(`${file}: ${result.difference}`);
    }
    expect(differences).toEqual([]);
    // Declining is always safe but slow: most real templates should take the fast path.
    expect(accepted / files.length).toBeGreaterThan(0.85);
  });
});

/**
 * What `script` prints (as JSON) when run after the bundled module `entry` (a file of src/load) in
 * a child process with `flags`, by default V8's natives syntax: hidden classes and elements kinds
 * are seen only there.
 */
function inChildProcess(entry: string, script: string, flags = ['--allow-natives-syntax']): unknown {
  const module = buildSync({ entryPoints: [join(import.meta.dirname, '..', 'src', 'load', entry)], bundle: true, format: 'esm', platform: 'node', write: false }).outputFiles[0].text;
  const out = execFileSync(process.execPath, [...flags, '--input-type=module', '-e', `${module}\nconsole.log(JSON.stringify(${script}));`], { encoding: 'utf8' });
  return JSON.parse(out);
}

describe('the long form of a short-form tag', () => {
  it('is made by a literal of its own for every tag, with the hidden class JSON.parse gives it', () => {
    for (const name of SHORT_FORM_TAGS.values()) expect(longForm(name, [1])).toEqual({ [name]: [1] });
    const differ = inChildProcess('intrinsics.ts', `[...SHORT_FORM_TAGS.values()].filter((name) => !%HaveSameMap(longForm(name, 'x'), JSON.parse(JSON.stringify({ [name]: 'x' }))))`);
    expect(differ).toEqual([]);
  });
});

describe('sequences', () => {
  it('are packed arrays, as JSON.parse makes them, also after a mapping with a sequence inside', () => {
    // A holey array has another hidden class than JSON.parse's: code optimised on one format would be thrown away on the other.
    const text = 'A:\n  B: [1, 2]\n  C:\n    - x\n    - y: 1\n      z: [a, b]\n  D: !GetAtt Queue.Arn\nE:\n  - !If [C, 1, 2]\n';
    expect(readYamlFast(text)).toHaveProperty('body');
    const holey = inChildProcess('yaml-fast.ts', `((holey) => {
      const visit = (v, path) => {
        if (Array.isArray(v)) { if (%HasHoleyElements(v)) holey.push(path); v.forEach((x, i) => visit(x, path + '/' + i)); }
        else if (v && typeof v === 'object') for (const k in v) visit(v[k], path + '/' + k);
      };
      visit(readYamlFast(${JSON.stringify(text)}).body, '');
      return holey;
    })([])`);
    expect(holey).toEqual([]);
  });
});

describe('mappings', () => {
  // Resources, properties, a statement, flow and block style, index keys, an empty mapping, one of
  // 40 keys, one shape 40 times; not 128 keys or more, which JSON.parse makes a dictionary (json-shapes.ts).
  const text = [
    'Resources:',
    '  Queue:',
    '    Type: AWS::SQS::Queue',
    '    Properties: {VisibilityTimeout: 60, Tags: [{Key: a, Value: b}]}',
    '  Role:',
    '    Type: AWS::IAM::Role',
    '    Properties:',
    '      Policies:',
    '        - PolicyName: q',
    '          PolicyDocument:',
    '            Statement:',
    '              - Effect: Allow',
    '                Action: sqs:SendMessage',
    '                Resource: !GetAtt Queue.Arn',
    '      Extra: {}',
    'Mappings:',
    '  ByIndex: {1: {a: 1}, x: {0: b, y: 2}}',
    `  Many: {${Array.from({ length: 40 }, (_, i) => `k${i}: ${i}`).join(', ')}}`,
    // One shape many times: made from JSON.parse's skeleton at first, then by a literal compiled for it.
    `  Tags: [${Array.from({ length: 40 }, (_, i) => `{Key: k${i}, Value: ${i % 2 ? i : `v${i}`}}`).join(', ')}]`,
    '',
  ].join('\n');
  /** The paths of the objects in `read` (a value read from `text`) whose hidden class differs from JSON.parse's for the same value. */
  const differing = (read: string) => `((differ) => {
    const body = ${read};
    const visit = (a, b, path) => {
      if (a === null || typeof a !== 'object') return;
      if (!Array.isArray(a) && !%HaveSameMap(a, b)) differ.push(path);
      for (const k of Object.keys(a)) visit(a[k], b[k], path + '/' + k);
    };
    visit(body, JSON.parse(JSON.stringify(body)), '');
    return differ;
  })([])`;

  it('have the hidden classes JSON.parse gives the same keys, read by the fast reader', () => {
    // Two classes per resource would throw away code V8 optimised on one format when the other arrives.
    expect(readYamlFast(text)).toHaveProperty('body');
    expect(inChildProcess('yaml-fast.ts', differing(`readYamlFast(${JSON.stringify(text)}).body`))).toEqual([]);
  });

  it('have them too when the yaml library reads the text (merge keys included)', () => {
    const merged = `${text}Base: &base {Type: AWS::SQS::Queue, Extra: 1}\nMerged:\n  <<: *base\n  Properties: {}\n`;
    expect(parseYamlWithLibrary('t.yaml', merged).body).toMatchObject({ Merged: { Type: 'AWS::SQS::Queue', Extra: 1, Properties: {} } });
    expect(inChildProcess('yaml.ts', differing(`parseYamlWithLibrary('t.yaml', ${JSON.stringify(merged)}).body`))).toEqual([]);
  });

  it('keep __proto__ a key of their own, never a prototype, in both readers', () => {
    const proto = 'a: 1\n__proto__: {x: 1}\nb: {__proto__: 2, c: 3}\n';
    for (const body of [(readYamlFast(proto) as { body: Record<string, Record<string, unknown>> }).body, parseYamlWithLibrary('t.yaml', proto).body as Record<string, Record<string, unknown>>]) {
      expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
      expect(Object.getPrototypeOf(body.b)).toBe(Object.prototype);
      expect(Object.keys(body)).toEqual(['a', '__proto__', 'b']);
      expect(Object.getOwnPropertyDescriptor(body.b, '__proto__')?.value).toBe(2);
    }
  });

  it('are read the same where the runtime compiles no code from text', () => {
    const body = inChildProcess('yaml-fast.ts', `readYamlFast(${JSON.stringify(text)}).body`, ['--disallow-code-generation-from-strings']);
    expect(body).toEqual((readYamlFast(text) as { body: unknown }).body);
  });
});
