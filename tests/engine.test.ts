import { describe, expect, it } from 'vitest';
import { lintTemplate } from '../src/engine/run.js';
import { defineRule, formatMessage } from '../src/engine/rule.js';
import { template } from './helpers/lint.js';
import { codeFrame } from '../src/report/codeframe.js';

const TEXT = 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: 5\n  F:\n    Type: AWS::Lambda::Function\n';

const reportsEveryQueue = defineRule({
  id: 'test-reports',
  severity: 'warning',
  category: 'lambda',
  description: 'test',
  suggest: ['Amazon SQS'],
  sources: [],
  messages: { m: 'Queue "{{q}}" property {{p}}.' },
  check({ graph, report }) {
    for (const q of graph.ofType('AWS::SQS::Queue')) {
      report({ message: 'm', at: q.pathOf('VisibilityTimeout'), data: { q: q.id, p: 'VisibilityTimeout' } });
      report({ message: 'm', at: q.pathOf('DelaySeconds'), data: { q: q.id, p: 'DelaySeconds' }, severity: 'error', related: [{ at: ['Resources', 'F'], message: 'see F' }] });
    }
  },
});

const throws = defineRule({
  id: 'test-throws',
  severity: 'error',
  category: 'lambda',
  description: 'test',
  suggest: [],
  sources: [],
  messages: {},
  check() {
    throw new TypeError('boom');
  },
});

describe('engine', () => {
  it('turns reported paths into ranges (nearest parent when absent), fills messages, sorts', () => {
    const findings = lintTemplate(template(TEXT), [reportsEveryQueue]);
    expect(findings.map((f) => [f.range.start, f.severity, f.message, f.resource, f.suggest])).toEqual([
      [{ line: 4, column: 5 }, 'warning', 'Queue "Q" property VisibilityTimeout.', 'Q', ['Amazon SQS']],
      [{ line: 5, column: 21 }, 'error', 'Queue "Q" property DelaySeconds.', 'Q', ['Amazon SQS']],
    ]);
    expect(findings[1].related).toEqual([{ file: 'test.yaml', path: ['Resources', 'F'], range: { start: { line: 6, column: 3 }, end: { line: 6, column: 4 } }, message: 'see F' }]);
  });

  it('turns a throwing rule into an internal-error finding and keeps the other rules', () => {
    const findings = lintTemplate(template(TEXT), [throws, reportsEveryQueue]);
    expect(findings.map((f) => `${f.rule}: ${f.message}`)).toEqual([
      'internal-error: rule test-throws failed on this template: boom',
      'test-reports: Queue "Q" property VisibilityTimeout.',
      'test-reports: Queue "Q" property DelaySeconds.',
    ]);
    // Placed as every finding on the whole template is: where its content starts.
    expect(findings[0].range).toEqual({ start: { line: 1, column: 1 }, end: { line: 1, column: 1 } });
  });

  it('shows a whole section at its name and the whole template where its content starts, in both formats', () => {
    const atSectionAndTemplate = defineRule({
      ...reportsEveryQueue,
      id: 'test-places',
      messages: { section: 'the section', whole: 'the template' },
      check({ report }) {
        report({ message: 'section', at: ['Resources'] });
        report({ message: 'whole', at: [] });
      },
    });
    const yaml = `# a comment\n\n${TEXT}`;
    const json = '{\n  "Resources": {\n    "Q": { "Type": "AWS::SQS::Queue" }\n  }\n}\n';
    const ranges = (text: string, file?: string) => lintTemplate(template(text, file), [atSectionAndTemplate]).map((f) => f.range);
    const key = (line: number, column: number, end: number) => ({ start: { line, column }, end: { line, column: end } });
    // An empty range at the first key: not one running to the end of the file.
    expect(ranges(yaml)).toEqual([key(3, 1, 10), key(3, 1, 1)]);
    expect(ranges(json, 'test.json')).toEqual([key(2, 3, 14), key(2, 3, 3)]);
  });

  it('leaves an unfilled placeholder visible rather than empty', () => {
    expect(formatMessage('a {{x}} b {{y}}', { x: 1 })).toBe('a 1 b {{y}}');
  });
});

describe('rules that need generated input', () => {
  it('cfn-template-limits refuses a template over 1 MB', async () => {
    const { lint } = await import('./helpers/lint.js');
    const padding = Array.from({ length: 12_000 }, (_, i) => `    k${i}: "${'x'.repeat(80)}"`).join('\n');
    const text = `Metadata:\n  Padding:\n${padding}\nResources:\n  Q: { Type: AWS::SQS::Queue }\n`;
    const findings = lint(text, ['cfn-template-limits']);
    expect(findings.map((f) => [f.severity, f.message.replace(/\d{7,}/, 'N')])).toEqual([['error', 'The template is N bytes; CloudFormation accepts at most 1048576 bytes, even from S3.']]);
  });
});

describe('code frames', () => {
  const at = (line: number, column: number, endColumn = column + 1) => ({ start: { line, column }, end: { line, column: endColumn } });

  it('show the line before and carets under the value, with CRLF or LF', () => {
    for (const text of ['a: 1\nbb: 22\n', 'a: 1\r\nbb: 22\r\n']) {
      expect(codeFrame(text, at(2, 5, 7), '')).toBe('  1 | a: 1\n> 2 | bb: 22\n    |     ^^');
    }
  });

  it('cut a long line (minified JSON) to a window around the finding, carets still under it', () => {
    const line = `{${'"k": 1, '.repeat(100)}"Timeout": 1200, ${'"z": 2, '.repeat(100)}}`;
    const column = line.indexOf('1200') + 1;
    const [shown, carets] = codeFrame(line, at(1, column, column + 4), '').split('\n');
    expect(shown.length).toBeLessThan(200);
    expect(shown.startsWith('> 1 | …') && shown.endsWith('…')).toBe(true);
    expect(shown.slice(carets.indexOf('^'), carets.lastIndexOf('^') + 1)).toBe('1200');
  });

  it('take each line from the text at hand when findings of several files alternate (the line index is kept per text)', () => {
    const a = Array.from({ length: 500 }, (_, i) => `a ${i}`).join('\n');
    const b = Array.from({ length: 300 }, (_, i) => `b ${i}`).join('\r\n');
    for (let i = 1; i <= 300; i += 7) {
      expect(codeFrame(a, at(i, 1), '')).toContain(`> ${i} | a ${i - 1}`);
      expect(codeFrame(b, at(i, 1), '')).toContain(`> ${i} | b ${i - 1}`);
    }
    expect(codeFrame(b, at(301, 1), '')).toBe('');
  });
});
