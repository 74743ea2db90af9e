// npm run bench: archlint's speed against the floor (node -e '') and cfn-lint, side by side in one
// run so that the ratios hold on a noisy machine. Prints one table; checks the targets of issue 7.
// Not a test: CI must not depend on timings.
//
//   node scripts/bench.js [--runs N] [--in-process-runs N] [--scaling-processes N] [--scaling-runs N] [--cfn-lint-corpus-runs N] [--corpus DIR] [--no-cfn-lint]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { getHeapSpaceStatistics } from 'node:v8';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args[i + 1];
};
const RUNS = Number(arg('--runs', 5));
const IN_PROCESS_RUNS = Number(arg('--in-process-runs', 21));
// The scaling rows' ratios vary most from round to round (one scavenge lands in a round's 5,000-
// resource lint or not, early or late): with 41 rounds, three processes' medians spread over up
// to 1.0x; with 121, six processes' over 0.3x (YAML) and 0.7x (JSON), nine over 0.4x and 0.7x.
// What is left is the process's own draw (where V8 placed and optimised things), which more
// rounds in one process do not average out: the rounds come from several processes, one after
// another, and the ratio is the median of all their rounds.
const SCALING_PROCESSES = Number(arg('--scaling-processes', 5));
const SCALING_RUNS = Number(arg('--scaling-runs', 61));
// A child process that measures one scaling sample set (see scaling()) and prints it.
const SCALING_CHILD = args.includes('--scaling-child');
// One cfn-lint run over the corpus takes minutes; its spread is small next to a 30x target.
const CFN_CORPUS_RUNS = Number(arg('--cfn-lint-corpus-runs', 1));
const CORPUS = arg('--corpus', join(ROOT, '..', 'shared', 'corpus'));
const WORK = join(ROOT, '.archlint-bench');
const BIN = join(ROOT, 'bin', 'archlint.cjs');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const cfnLint = !SCALING_CHILD && !args.includes('--no-cfn-lint') && spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' }).status === 0 ? spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' }).stdout.trim() : undefined;

mkdirSync(WORK, { recursive: true });

/** Wall time (ms) and peak RSS (MB) of one run of a command. */
function runOnce(cmd, cmdArgs, options = {}) {
  const start = performance.now();
  const r = TIME
    ? spawnSync(TIME, ['-f', '%M', cmd, ...cmdArgs], { encoding: 'utf8', maxBuffer: 1 << 30, ...options })
    : spawnSync(cmd, cmdArgs, { encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  const ms = performance.now() - start;
  const kb = TIME ? Number(r.stderr.trim().split('\n').pop()) : NaN;
  return { ms, mb: kb / 1024 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** Median wall time (ms) and peak RSS (MB) of a command, over `runs` runs after one warm-up. */
function measure(cmd, cmdArgs, runs = RUNS, options = {}) {
  return measureTogether([[cmd, cmdArgs, options]], runs)[0];
}

/**
 * Several commands compared with each other, run in turns (one run of each per round) after one
 * warm-up each: a slow or fast spell of the machine then falls on all of them, not on one.
 */
function measureTogether(commands, runs = RUNS) {
  if (runs > 1) for (const [cmd, cmdArgs, options] of commands) runOnce(cmd, cmdArgs, options); // file cache, the runtime's own lazy compilation
  const samples = commands.map(() => []);
  for (let i = 0; i < Math.max(1, runs); i++) commands.forEach(([cmd, cmdArgs, options], k) => samples[k].push(runOnce(cmd, cmdArgs, options)));
  return samples.map((list) => ({ ms: median(list.map((x) => x.ms)), mb: median(list.map((x) => x.mb)) }));
}

/**
 * In-process times (ms) of functions compared with each other, run in turns (one run of each per
 * round, as measureTogether does for processes; the order reversed every other round) after
 * `warmups` runs of each. Returns every sample, by function, in round order: ratios are taken round
 * by round (pairedRatio), the times shown are medians.
 *
 * A sample pays for the garbage collections its allocations cause, and also for the garbage the
 * sample before it left: measured here (random order, 120 samples, two processes), a 5,000-resource
 * JSON lint took 14-16% longer after another one than after ten 500-resource lints, and ten
 * 500-resource lints 16-24% longer after a 5,000-resource one than after ten others. With the order
 * reversed every other round, each kind of sample follows each kind as often; in one fixed order,
 * the ten small lints would always clean up after the large one (JSON scaling 9.6-10.0x counted
 * that way, 12.7-13.9x counted the other way, over seven processes).
 * A run here lasts milliseconds, and one collection falling into it or not moves a median of 5 by
 * a third: these take more runs.
 */
function timeTogether(fns, runs = IN_PROCESS_RUNS, warmups = 1) {
  for (let i = 0; i < warmups; i++) for (const fn of fns) fn();
  const samples = fns.map(() => []);
  for (let i = 0; i < Math.max(1, runs); i++) {
    const order = i % 2 === 0 ? fns.map((_, k) => k) : fns.map((_, k) => fns.length - 1 - k);
    for (const k of order) {
      fillYoungGenerationAtRandom();
      const start = performance.now();
      fns[k]();
      samples[k].push(performance.now() - start);
    }
  }
  return samples;
}

/**
 * Untimed, before each in-process sample: short-lived garbage of a random size, from nothing to
 * the young generation's capacity, so that the sample starts with the young generation filled to
 * a random level. A lint allocates about as much as that capacity (16 MB by then; a 5,000-resource
 * lint 11-16 MB), so its one scavenge falls at whatever point of the lint the fill left it, and a
 * scavenge late in a large lint copies its whole template and graph, early it copies little. In
 * fixed turns the fill at each start repeats from round to round: the ratio then measured where
 * that point happened to be, and moved with any change to what a lint allocates. Measured here
 * on the same code (80f7c06): JSON scaling 9.0-9.5x and YAML 10.2-10.8x without this (three runs
 * of the bench), 10.4-11.1x and 10.8-11.2x with it (nine processes, 121 rounds). The code before
 * (23ec1a2), which allocates a fifth more per lint: 10.5-11.1x and 10.4-10.7x without it (twelve
 * and five processes, 41 rounds), 11.1-11.5x and 11.0-11.1x with it (three, 121 rounds). A lint
 * among many files, as in a directory run, starts at such a random fill.
 */
function fillYoungGenerationAtRandom() {
  const capacity = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;
  const arrays = Math.floor((Math.random() * capacity) / SMALL_ARRAY_BYTES);
  for (let i = 0; i < arrays; i++) garbage = [i, i, i, i, i, i, i, i];
}
// An eight-number array: its header, its elements' header and eight slots, on a 64-bit heap.
const SMALL_ARRAY_BYTES = 32 + 16 + 8 * 8;
let garbage;

/**
 * The median, over rounds, of one round's ratio `scale * top / bottom`. This machine's speed
 * swings by up to 2x in spells of a few hundred milliseconds: two runs of one round (tens of
 * milliseconds apart) share a spell, where the medians of two lists of samples may each fall in a
 * different one. Measured here, ten processes of the scaling row: the ratio of the medians ranged
 * 7.7x to 13.8x, this one 10.35x to 10.59x (YAML).
 */
function pairedRatio(top, bottom, scale = 1) {
  return median(top.map((t, i) => (scale * t) / bottom[i]));
}

/** Reading and `JSON.parse`: the parse alone archlint's JSON lint is compared with. */
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/**
 * Scaling from the 500- to the 5,000-resource template of a format: ten 500-resource runs against
 * one 5,000-resource run, in turns (see row 4), in SCALING_PROCESSES fresh processes one after
 * another. `work` is 'lint' (archlint's in-process lint) or 'parse' (reading and JSON.parse).
 */
function scaling(work, format) {
  const tenSmall = [];
  const oneLarge = [];
  const byProcess = [];
  for (let p = 0; p < SCALING_PROCESSES; p++) {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--scaling-child', work, format, '--scaling-runs', String(SCALING_RUNS)], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (child.status !== 0) throw new Error(`the scaling measure (${work}, ${format}) failed:\n${child.stderr}`);
    const samples = JSON.parse(child.stdout);
    tenSmall.push(...samples.tenSmall);
    oneLarge.push(...samples.oneLarge);
    byProcess.push(pairedRatio(samples.oneLarge, samples.tenSmall, 10));
  }
  return { ratio: pairedRatio(oneLarge, tenSmall, 10), small: median(tenSmall) / 10, large: median(oneLarge), byProcess };
}

/** In-process work (rows 3, 4 and 6): archlint's whole lint of one file, as `lintPaths` does it for the CLI, or reading and JSON.parse. */
async function inProcessWork(work) {
  if (work === 'parse') return readJson;
  const { lintPaths } = await import(join(ROOT, 'dist', 'src', 'api.js'));
  const { RULES } = await import(join(ROOT, 'dist', 'rules', 'index.js'));
  return (file) => lintPaths([file], { rules: RULES, date: new Date('2026-11-27T00:00:00Z') });
}

if (SCALING_CHILD) {
  const at = args.indexOf('--scaling-child');
  const [work, format] = args.slice(at + 1, at + 3);
  const run = await inProcessWork(work);
  const small = join(WORK, `gen-500.${format}`);
  const large = join(WORK, `gen-5000.${format}`);
  if (!existsSync(small) || !existsSync(large)) throw new Error(`--scaling-child measures the templates the bench generates first (${large})`);
  // Five warm-up rounds: fifty 500-resource runs and five 5,000-resource ones before the first timed round.
  const [tenSmall, oneLarge] = timeTogether([() => { for (let i = 0; i < 10; i++) run(small); }, () => run(large)], SCALING_RUNS, 5);
  // Exit once written: a pipe is asynchronous on some systems, and exiting early would cut the output.
  await new Promise((written) => process.stdout.write(JSON.stringify({ tenSmall, oneLarge }), written));
  process.exit(0);
}

/** A realistic template: queues feeding functions through mappings, roles, streams, !Ref/!Sub/!GetAtt, conditions. */
function generate(resources) {
  const body = {
    AWSTemplateFormatVersion: '2010-09-09',
    Parameters: { Stage: { Type: 'String', Default: 'prod' }, WorkerTimeout: { Type: 'Number', Default: 60 } },
    Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Stage' }, 'prod'] } },
    Resources: {},
  };
  for (let i = 0; body.Resources && Object.keys(body.Resources).length < resources; i++) {
    const r = body.Resources;
    r[`Queue${i}`] = { Type: 'AWS::SQS::Queue', Properties: { VisibilityTimeout: 360, RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [`Dlq${i}`, 'Arn'] }, maxReceiveCount: 5 } } };
    r[`Dlq${i}`] = { Type: 'AWS::SQS::Queue', Properties: { MessageRetentionPeriod: 1209600 } };
    r[`Role${i}`] = {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
        Policies: [{ PolicyName: 'q', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage'], Resource: { 'Fn::GetAtt': [`Queue${i}`, 'Arn'] } }] } }],
      },
    };
    r[`Worker${i}`] = {
      Type: 'AWS::Lambda::Function',
      Properties: {
        Runtime: 'python3.13',
        Handler: 'index.handler',
        Role: { 'Fn::GetAtt': [`Role${i}`, 'Arn'] },
        Code: { ZipFile: 'def handler(event, context):\n    return event\n' },
        Timeout: { 'Fn::If': ['IsProd', { Ref: 'WorkerTimeout' }, 30] },
        MemorySize: 512,
        Environment: { Variables: { QUEUE_URL: { Ref: `Queue${i}` }, TABLE: { 'Fn::Sub': `\${AWS::StackName}-table-${i}` } } },
      },
    };
    r[`Mapping${i}`] = { Type: 'AWS::Lambda::EventSourceMapping', Properties: { EventSourceArn: { 'Fn::GetAtt': [`Queue${i}`, 'Arn'] }, FunctionName: { Ref: `Worker${i}` }, BatchSize: 10 } };
    if (i % 5 === 0) r[`Stream${i}`] = { Type: 'AWS::Kinesis::Stream', Properties: { ShardCount: 2, RetentionPeriodHours: 48 } };
  }
  for (const id of Object.keys(body.Resources).slice(resources)) delete body.Resources[id];
  return body;
}

/** YAML with short-form tags, as people write it. */
function toYaml(value, indent = '') {
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? JSON.stringify(value) : String(value);
  const keys = Object.keys(value);
  if (!Array.isArray(value) && keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) {
    const name = keys[0] === 'Ref' ? 'Ref' : keys[0].slice(4);
    const arg = value[keys[0]];
    if (name === 'GetAtt') return `!GetAtt ${arg.join('.')}`;
    return `!${name} ${Array.isArray(arg) ? toFlow(arg) : toYaml(arg, indent)}`;
  }
  if (Array.isArray(value)) return value.length === 0 ? '[]' : value.map((v) => `\n${indent}- ${toYaml(v, indent + '  ').replace(/^\n\s*/, '')}`).join('');
  return keys.map((k) => `\n${indent}${k}: ${toYaml(value[k], indent + '  ')}`).join('');
}

/** A value inside a flow collection: lists and mappings in flow style too (a block list there is a syntax error). */
function toFlow(value) {
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? JSON.stringify(value) : String(value);
  const keys = Object.keys(value);
  if (!Array.isArray(value) && keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) return toYaml(value);
  if (Array.isArray(value)) return `[${value.map(toFlow).join(', ')}]`;
  return `{${keys.map((k) => `${JSON.stringify(k)}: ${toFlow(value[k])}`).join(', ')}}`;
}

function writeTemplate(name, body, format) {
  const file = join(WORK, `${name}.${format === 'json' ? 'json' : 'yaml'}`);
  writeFileSync(file, format === 'json' ? JSON.stringify(body, null, 2) + '\n' : toYaml(body).replace(/^\n/, '') + '\n');
  return file;
}

const rows = [];
const row = (name, archlint, other, ratio, target, met) => rows.push({ name, archlint, other, ratio, target, met });
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);
const spread = (ratios) => `${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)}x`;
const fmtMb = (mb) => (Number.isFinite(mb) ? `${mb.toFixed(0)} MB` : 'n/a');
const cfnArgs = ['--format', 'parseable', '--non-zero-exit-code', 'none'];

// 1. A small template through the whole process.
const small = writeTemplate('small', generate(10), 'yaml');
const [floor, smallRun, cfn] = measureTogether([['node', ['-e', '']], ['node', [BIN, small]], ...(cfnLint ? [['cfn-lint', [...cfnArgs, small]]] : [])]);
row('small template (10 resources, YAML), whole process', `${fmt(smallRun.ms)}, ${fmtMb(smallRun.mb)}`, `node -e '': ${fmt(floor.ms)}`, `${(smallRun.ms / floor.ms).toFixed(2)}x node`, '<= 2x node', smallRun.ms <= 2 * floor.ms);
if (cfn) {
  row('small template vs cfn-lint', fmt(smallRun.ms), `cfn-lint: ${fmt(cfn.ms)}, ${fmtMb(cfn.mb)}`, `${(cfn.ms / smallRun.ms).toFixed(1)}x faster`, '>= 15x faster', cfn.ms / smallRun.ms >= 15);
} else row('small template vs cfn-lint', fmt(smallRun.ms), 'cfn-lint not installed: skipped', '', '>= 15x faster', undefined);

// 2. The whole corpus in one process.
if (existsSync(CORPUS)) {
  const corpusRun = measure('node', [BIN, CORPUS, '--format', 'json', '--no-config']);
  row('corpus, one archlint process: peak RSS', fmtMb(corpusRun.mb), '', '', '< 200 MB', corpusRun.mb < 200);
  if (cfnLint) {
    const files = listTemplates(CORPUS);
    const cfn = measure('cfn-lint', [...cfnArgs, ...files], CFN_CORPUS_RUNS);
    row(`corpus (${files.length} files) vs cfn-lint`, fmt(corpusRun.ms), `cfn-lint: ${fmt(cfn.ms)}, ${fmtMb(cfn.mb)}`, `${(cfn.ms / corpusRun.ms).toFixed(1)}x faster`, '>= 30x faster', cfn.ms / corpusRun.ms >= 30);
  } else row('corpus vs cfn-lint', fmt(corpusRun.ms), 'cfn-lint not installed: skipped', '', '>= 30x faster', undefined);
} else row('corpus', '', `no corpus at ${CORPUS}: skipped`, '', '', undefined);

// 3. Generated templates: total lint time in process against the parse alone.
const { parseYaml } = await import(join(ROOT, 'dist', 'src', 'load', 'yaml.js'));
const lintOnce = await inProcessWork('lint');
for (const size of [500, 2000, 5000]) {
  for (const format of ['yaml', 'json']) {
    const file = writeTemplate(`gen-${size}`, generate(size), format);
    const text = readFileSync(file, 'utf8');
    // The parse alone: JSON.parse, or the yaml library's parseDocument with the options archlint
    // passes when it uses the library (short-form tags declared, no quadratic duplicate-key check).
    const parse = format === 'json' ? () => readJson(file) : () => parseYaml(readFileSync(file, 'utf8'));
    const [parses, lints] = timeTogether([parse, () => lintOnce(file)]);
    const ratio = pairedRatio(lints, parses);
    const limit = format === 'json' ? 3 : 1.5;
    row(
      `${size} resources, ${format.toUpperCase()} (${(text.length / 1024).toFixed(0)} KB): lint vs parse alone`,
      fmt(median(lints)),
      `${format === 'json' ? 'JSON.parse' : 'yaml parseDocument'}: ${fmt(median(parses))}`,
      `${ratio.toFixed(2)}x parse`,
      `<= ${limit}x parse`,
      ratio <= limit,
    );
    if (size === 2000 && format === 'yaml') {
      const [whole, cfn] = measureTogether([['node', [BIN, file]], ...(cfnLint ? [['cfn-lint', [...cfnArgs, file]]] : [])]);
      row('2,000 resources (YAML), whole process', fmt(whole.ms), '', '', '< 1 s', whole.ms < 1000);
      if (cfn) {
        row('2,000 resources vs cfn-lint', fmt(whole.ms), `cfn-lint: ${fmt(cfn.ms)}, ${fmtMb(cfn.mb)}`, `${(cfn.ms / whole.ms).toFixed(1)}x faster`, '>= 20x faster', cfn.ms / whole.ms >= 20);
      }
    }
  }
}
// 5. Bounded work: 200 conditions combined through nested Fn::If (cfn-lint users report minutes on such templates).
{
  const conditions = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`C${i}`, { 'Fn::Equals': [{ Ref: 'Stage' }, `s${i}`] }]));
  let nested = 900;
  for (let i = 0; i < 200; i++) nested = { 'Fn::If': [`C${i}`, i + 1000, nested] };
  const wide = { 'Fn::Join': ['', Array.from({ length: 200 }, (_, i) => ({ 'Fn::If': [`C${i}`, 'a', 'b'] }))] };
  const body = { Parameters: { Stage: { Type: 'String' } }, Conditions: conditions, Resources: { F: { Type: 'AWS::Lambda::Function', Properties: { Timeout: nested, Description: wide } } } };
  const file = writeTemplate('conditions-200', body, 'yaml');
  const whole = measure('node', [BIN, file]);
  row('200 conditions in nested Fn::If (YAML), whole process', fmt(whole.ms), '', '', 'well under 1 s', whole.ms < 1000);
  if (cfnLint) {
    // cfn-lint can take minutes to hours on such templates: it gets two minutes.
    const cfn = measure('cfn-lint', [...cfnArgs, file], 1, { timeout: 120_000 });
    const stopped = cfn.ms >= 119_000;
    row('200 nested conditions vs cfn-lint', fmt(whole.ms), `cfn-lint: ${stopped ? 'stopped after 2 min' : fmt(cfn.ms)}`, `${stopped ? '> ' : ''}${(cfn.ms / whole.ms).toFixed(0)}x faster`, '', undefined);
  }
}

// 4. Scaling: the same work both ways, measured in turns once warm. One sample is ten
// 500-resource lints in a row, the other one 5,000-resource lint, so that each carries its share
// of garbage collection: a single 500-resource lint allocates a few MB and most runs see no
// collection, where every 5,000-resource lint sees one or two, and a median of single small runs
// leaves that cost out. The order alternates (timeTogether), so the small lints do not always
// clean up after the large one. Dividing row 3's medians would also compare a partly cold first
// lint with one timed a minute later, on a machine whose speed drifts by a third between such moments.
// Each row pools the rounds of several fresh processes (scaling()); the row shows their own medians too.
for (const format of ['yaml', 'json']) {
  const { ratio, small, large, byProcess } = scaling('lint', format);
  row(`scaling 500 -> 5,000 resources (${format.toUpperCase()}): one 5,000 lint vs ten 500 lints, in turns`, `${ratio.toFixed(2)}x`, `${fmt(small)} -> ${fmt(large)}; linear: 10x; by process: ${spread(byProcess)}`, '', '<= 11x', ratio <= 11);
}
// The same measure of reading and JSON.parse alone, for comparison: the floor under the JSON row.
{
  const { ratio, small, large, byProcess } = scaling('parse', 'json');
  row('scaling of reading + JSON.parse alone, same measure (not a target)', `${ratio.toFixed(2)}x`, `${fmt(small)} -> ${fmt(large)}; by process: ${spread(byProcess)}`, '', '', undefined);
}

// 6. Not a target: the 500-resource JSON row again, measured last (so that it warms nothing
// above) and after 100 lints, once V8 has optimised archlint's code. The row above measures runs 2
// to 22 of it, mostly before: this one shows what the lint adds over the parse in steady state.
{
  const file = join(WORK, 'gen-500.json');
  const [parses, lints] = timeTogether([() => readJson(file), () => lintOnce(file)], IN_PROCESS_RUNS, 100);
  row('500 resources, JSON, after 100 lints (not a target)', fmt(median(lints)), `JSON.parse: ${fmt(median(parses))}`, `${pairedRatio(lints, parses).toFixed(2)}x parse`, '', undefined);
}

function listTemplates(dir) {
  const r = spawnSync('find', [dir, '-type', 'f', '(', '-name', '*.yaml', '-o', '-name', '*.yml', '-o', '-name', '*.json', '-o', '-name', '*.template', ')'], { encoding: 'utf8' });
  return r.stdout.split('\n').filter((f) => f && !/(manifest|tree|integ)\.json$|\.assets\.json$/.test(f)).sort();
}

const header = ['case', 'archlint', 'compared with', 'ratio', 'target', 'met'];
const lines = rows.map((r) => [r.name, r.archlint, r.other, r.ratio, r.target, r.met === undefined ? '-' : r.met ? 'yes' : 'NO']);
console.log(`archlint bench, ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}${cfnLint ? `, ${cfnLint}` : ''}; whole processes: median of ${RUNS} runs after a warm-up, compared commands run in turns${cfnLint ? ` (cfn-lint on the corpus: ${CFN_CORPUS_RUNS} run)` : ''}; in process: ${IN_PROCESS_RUNS} rounds (scaling: ${SCALING_RUNS} in each of ${SCALING_PROCESSES} processes) after a warm-up, the compared runs in turns from a random young-generation fill, ratios the median of each round's ratio\n`);
console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
for (const l of lines) console.log(`| ${l.join(' | ')} |`);
const missed = rows.filter((r) => r.met === false).length;
console.log(missed === 0 ? '\nEvery target met.' : `\n${missed} target(s) missed.`);
