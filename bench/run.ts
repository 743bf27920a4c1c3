import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ClusterProfile } from './cluster.js';
import type { SizeMeasurement } from './measure.js';
import { checkTargets, formatProcessTable, formatSizeTable, median, type BenchReport, type ProcessResult, type SizeResult } from './report.js';

// `npm run bench`: builds, then per profile and size generates (or reuses) a synthetic cluster, measures
// it in a child process, times `bin/kic translate` as a whole process, prints tables and writes
// bench/results/<commit>-<time>.json. See bench/README.md.

const DIST_BENCH = dirname(fileURLToPath(import.meta.url)); // dist/bench
const ROOT = join(DIST_BENCH, '..', '..');
const DEFAULT_RUNS: Readonly<Record<number, number>> = { 1000: 7, 10000: 5, 50000: 3 };

type Args = {
  sizes: number[];
  profiles: ClusterProfile[];
  runs?: number;
  seed: number;
  perNamespace: number;
  processSizes: number[];
  processRuns: number;
  out: string;
  baseline: string;
};

const USAGE = `usage: npm run bench -- [options]   (or: node --expose-gc dist/bench/run.js [options])
  --sizes N,N,...          Ingress-equivalents per cluster (default 1000,10000,50000)
  --profiles P,...         ingress and/or mixed (default ingress,mixed)
  --runs N                 runs per size (default 7 at 1k, 5 at 10k, 3 at 50k)
  --seed S                 generator seed (default 1)
  --per-namespace N        Ingresses per namespace, a multiple of 20 (default 100)
  --process-sizes N,...    sizes to time \`kic translate\` at as a whole process; '' for none (default 10000)
  --process-runs N         runs of each such process (default 3)
  --out FILE               where to write the JSON result (default bench/results/<commit>-<time>.json)
  --baseline FILE          the result to compare with (default bench/baseline.json)
See bench/README.md.`;

function parse(argv: string[]): Args {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: '1000,10000,50000' },
      profiles: { type: 'string', default: 'ingress,mixed' },
      runs: { type: 'string' },
      seed: { type: 'string', default: '1' },
      'per-namespace': { type: 'string', default: '100' },
      'process-sizes': { type: 'string', default: '10000' },
      'process-runs': { type: 'string', default: '3' },
      out: { type: 'string' },
      baseline: { type: 'string', default: join(ROOT, 'bench', 'baseline.json') },
    },
  });
  const list = (s: string): number[] => s.split(',').filter(Boolean).map((n) => positive(n));
  const profiles = values.profiles.split(',').filter(Boolean) as ClusterProfile[];
  for (const p of profiles) if (p !== 'ingress' && p !== 'mixed') fail(`unknown profile ${p}`);
  return {
    sizes: list(values.sizes),
    profiles,
    runs: values.runs ? positive(values.runs) : undefined,
    seed: Number(values.seed),
    perNamespace: positive(values['per-namespace']),
    processSizes: list(values['process-sizes']),
    processRuns: positive(values['process-runs']),
    out: values.out ?? join(ROOT, 'bench', 'results', `${commitId()}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
    baseline: values.baseline,
  };
}

function fail(message: string): never {
  process.stderr.write(`bench: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function positive(n: string): number {
  const v = Number(n);
  if (!Number.isInteger(v) || v < 1) fail(`not a positive integer: ${JSON.stringify(n)}`);
  return v;
}

function commitId(): string {
  const git = (...a: string[]): string => spawnSync('git', a, { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() ?? '';
  const head = git('rev-parse', '--short', 'HEAD') || 'unknown';
  return git('status', '--porcelain', '--untracked-files=no') ? `${head}-dirty` : head;
}

// Generated sets are cached by the generator's own code, so a changed generator never reuses stale files.
function datasetFiles(profile: ClusterProfile, size: number, a: Args): { yaml: string; json: string } {
  const { seed, perNamespace } = a;
  const h = createHash('sha256');
  for (const f of ['cluster.js', 'certs.js', 'random.js', 'generate.js']) h.update(readFileSync(join(DIST_BENCH, f)));
  h.update(readFileSync(join(ROOT, 'node_modules', 'js-yaml', 'package.json')));
  const dir = join(tmpdir(), 'kic-bench');
  mkdirSync(dir, { recursive: true });
  const base = join(dir, `${profile}-${size}-seed${seed}-ns${perNamespace}-${h.digest('hex').slice(0, 12)}`);
  const files = { yaml: `${base}.yaml`, json: `${base}.json` };
  if (!existsSync(files.yaml) || !existsSync(files.json)) {
    const tmp = { yaml: `${base}.tmp.yaml`, json: `${base}.tmp.json` };
    run(process.execPath, [join(DIST_BENCH, 'generate.js'), '--size', String(size), '--profile', profile, '--seed', String(seed), '--per-namespace', String(perNamespace), '--out', tmp.yaml, '--out', tmp.json]);
    renameSync(tmp.yaml, files.yaml);
    renameSync(tmp.json, files.json);
  }
  return files;
}

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

function measureSize(profile: ClusterProfile, size: number, a: Args): SizeResult {
  const files = datasetFiles(profile, size, a);
  const runs = a.runs ?? DEFAULT_RUNS[size] ?? 3;
  const out = run(process.execPath, ['--expose-gc', join(DIST_BENCH, 'measure.js'), '--yaml', files.yaml, '--json', files.json, '--runs', String(runs)]);
  const m = JSON.parse(out.trim().split('\n').pop() ?? '{}') as SizeMeasurement;
  const rssOut = run(process.execPath, [join(DIST_BENCH, 'measure.js'), '--rss-only', '--json', files.json]);
  const { pipelinePeakRssMB } = JSON.parse(rssOut.trim().split('\n').pop() ?? '{}') as { pipelinePeakRssMB: number };
  const med = (f: (r: SizeMeasurement['runs'][number]) => number): number => median(m.runs.map(f));
  return {
    profile, size, ...m, pipelinePeakRssMB,
    median: {
      loadYaml: med((r) => r.loadYaml),
      loadJson: med((r) => r.loadJson),
      translate: med((r) => r.translate),
      serialize: med((r) => r.serialize),
      translateSerializeHash: med((r) => r.translate + r.serialize),
      floor: med((r) => r.floor),
      totalYaml: med((r) => r.loadYaml + r.translate + r.serialize),
      totalJson: med((r) => r.loadJson + r.translate + r.serialize),
      cpuTranslateSerializeHash: med((r) => r.cpuTranslateSerialize),
      cpuFloor: med((r) => r.cpuFloor),
    },
  };
}

// `bin/kic translate -f FILE` as users run it; /usr/bin/time gives the peak RSS when it is installed.
function measureProcess(profile: ClusterProfile, size: number, input: 'yaml' | 'json', a: Args): ProcessResult {
  const files = datasetFiles(profile, size, a);
  const kic = [join(ROOT, 'bin', 'kic'), 'translate', '-f', files[input], ...(input === 'json' ? ['-o', 'json'] : [])];
  const hasTime = existsSync('/usr/bin/time');
  const walls: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < a.processRuns; i++) {
    const t0 = performance.now();
    const r = hasTime
      ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...kic], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] })
      : spawnSync(process.execPath, kic, { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    walls.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`kic translate -f ${files[input]} exited ${r.status}: ${r.stderr.slice(-2000)}`);
    if (hasTime) rss.push(Number(r.stderr.trim().split('\n').pop()) / 1024);
  }
  return { profile, size, input, output: input, wallMs: median(walls), runs: walls, peakRssMB: rss.length ? Math.round(median(rss)) : undefined };
}

function main(): void {
  const a = parse(process.argv.slice(2));
  const report: BenchReport = {
    commit: commitId(), date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '',
    seed: a.seed, perNamespace: a.perNamespace, loadAverage: { before: loadavg()[0] }, sizes: [], process: [],
  };
  for (const profile of a.profiles) {
    for (const size of a.sizes) {
      process.stderr.write(`bench: ${profile} ${size} ...\n`);
      report.sizes.push(measureSize(profile, size, a));
    }
    for (const size of a.processSizes) {
      process.stderr.write(`bench: kic translate ${profile} ${size} ...\n`);
      report.process.push(measureProcess(profile, size, 'yaml', a), measureProcess(profile, size, 'json', a));
    }
  }
  report.loadAverage.after = loadavg()[0];
  const baseline = existsSync(a.baseline) ? (JSON.parse(readFileSync(a.baseline, 'utf8')) as BenchReport) : undefined;
  const busy = report.loadAverage.before > 1 || (report.loadAverage.after ?? 0) > 1.5;
  process.stdout.write(`kic-ts bench ${report.commit} (node ${report.node}, ${report.cpus} CPUs, load average ${report.loadAverage.before.toFixed(1)} before, ${report.loadAverage.after.toFixed(1)} after${busy ? ': the machine was busy, wall times are inflated' : ''})\n\n`);
  process.stdout.write(`${formatSizeTable(report.sizes, baseline, report.perNamespace)}\n\n${formatProcessTable(report.process)}\n\n`);
  const targets = checkTargets(report);
  if (targets.length) process.stdout.write(`${targets.join('\n')}\n`);
  mkdirSync(dirname(a.out), { recursive: true });
  writeFileSync(a.out, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\nwrote ${a.out}${baseline ? ` (compared with ${a.baseline}, commit ${baseline.commit})` : ''}\n`);
}

try {
  main();
} catch (err) {
  // Bad flags: one line and the usage, not a stack trace.
  if (err instanceof Error && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`bench: ${err.message}\n${USAGE}\n`);
    process.exit(2);
  }
  throw err;
}
