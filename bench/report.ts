import type { ClusterProfile } from './cluster.js';
import type { SizeMeasurement } from './measure.js';

/** Medians (ms) of one size. `translateSerializeHash` is what the issue's 500 ms target is about. */
export type Medians = {
  readonly loadYaml: number;
  readonly loadJson: number;
  readonly translate: number;
  readonly serialize: number;
  readonly translateSerializeHash: number;
  readonly floor: number;
  readonly totalYaml: number;
  readonly totalJson: number;
  readonly cpuTranslateSerializeHash: number;
  readonly cpuFloor: number;
};

export type SizeResult = SizeMeasurement & {
  readonly profile: ClusterProfile;
  readonly size: number;
  /** peak RSS of one JSON load + translate + serialize + hash in a fresh process, MB */
  readonly pipelinePeakRssMB: number;
  readonly median: Medians;
};

/** `bin/kic translate` of one generated file, as a whole process. */
export type ProcessResult = {
  readonly profile: ClusterProfile;
  readonly size: number;
  readonly input: 'yaml' | 'json';
  readonly output: 'yaml' | 'json';
  readonly wallMs: number;
  readonly runs: readonly number[];
  readonly peakRssMB?: number;
};

/** The JSON file a bench run writes (bench/results/*.json, bench/baseline.json). */
export type BenchReport = {
  readonly commit: string;
  readonly date: string;
  readonly node: string;
  readonly cpus: number;
  readonly cpuModel: string;
  readonly seed: number;
  /** Ingresses per namespace in the generated sets */
  readonly perNamespace: number;
  /** 1-minute load average before and after the run: other work on the machine inflates wall times */
  readonly loadAverage: { before: number; after?: number };
  readonly sizes: SizeResult[];
  readonly process: ProcessResult[];
};

/** The median of a non-empty list (mean of the two middle values for even lengths). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const ms = (n: number): string => n.toFixed(0);

/** The per-size table; with a baseline of the same kind of sets, the change of translate+serialize+hash against it. */
export function formatSizeTable(sizes: readonly SizeResult[], baseline?: BenchReport, perNamespace = 100): string {
  if (baseline && (baseline.perNamespace ?? 100) !== perNamespace) baseline = undefined;
  const head = ['profile', 'size', 'objects', 'out MB', 'load yaml', 'load json', 'translate', 'ser+hash', 't+s+h', 'floor', 'x floor', 'cpu x', 'total yaml', 'total json', 'RSS MB', 'bench RSS', 'fail', 'vs base'];
  const rows = sizes.map((s) => {
    const base = baseline?.sizes.find((b) => b.profile === s.profile && b.size === s.size);
    const delta = base ? `${((s.median.translateSerializeHash / base.median.translateSerializeHash - 1) * 100).toFixed(0)}%` : '';
    return [
      s.profile, String(s.size), String(s.objects), (s.outputBytes / 1e6).toFixed(1),
      ms(s.median.loadYaml), ms(s.median.loadJson), ms(s.median.translate), ms(s.median.serialize),
      ms(s.median.translateSerializeHash), ms(s.median.floor), (s.median.translateSerializeHash / s.median.floor).toFixed(2),
      (s.median.cpuTranslateSerializeHash / s.median.cpuFloor).toFixed(2),
      ms(s.median.totalYaml), ms(s.median.totalJson), String(s.pipelinePeakRssMB), String(s.peakRssMB), String(s.failures), delta,
    ];
  });
  return `medians in ms (${sizes.map((s) => `${s.profile} ${s.size}: ${s.runs.length} runs`).join(', ')})\n${table(head, rows)}`;
}

/** The whole-process table. */
export function formatProcessTable(rows: readonly ProcessResult[]): string {
  if (rows.length === 0) return 'kic translate: not measured';
  const head = ['profile', 'size', 'command', 'wall ms', 'RSS MB'];
  return `bin/kic translate as a whole process (median of ${rows[0].runs.length})\n${table(
    head,
    rows.map((r) => [r.profile, String(r.size), `-f ${r.input}${r.output === 'json' ? ' -o json' : ''}`, ms(r.wallMs), r.peakRssMB === undefined ? '?' : String(r.peakRssMB)]),
  )}`;
}

/** The issue's targets, one PASS/FAIL line each (only those whose sizes were measured). */
export function checkTargets(r: BenchReport): string[] {
  const out: string[] = [];
  const mark = (ok: boolean, text: string): void => void out.push(`${ok ? 'PASS' : 'FAIL'}  ${text}`);
  for (const profile of new Set(r.sizes.map((s) => s.profile))) {
    const at = (size: number): SizeResult | undefined => r.sizes.find((s) => s.profile === profile && s.size === size);
    const k10 = at(10000);
    const k50 = at(50000);
    if (k10) {
      const v = k10.median.translateSerializeHash;
      mark(v <= 500, `${profile} 10k: translate+serialize+hash ${ms(v)} ms <= 500 ms`);
      mark(v <= 3 * k10.median.floor, `${profile} 10k: ${(v / k10.median.floor).toFixed(2)}x the floor (${ms(k10.median.floor)} ms) <= 3x`);
    }
    if (k10 && k50) {
      const ratio = k50.median.translateSerializeHash / k10.median.translateSerializeHash;
      mark(ratio <= 5.5, `${profile} 50k/10k: ${ratio.toFixed(2)} <= 5.5`);
    }
    if (k50) mark(k50.pipelinePeakRssMB <= 400, `${profile} 50k: peak RSS ${k50.pipelinePeakRssMB} MB <= 400 MB (JSON load + translate + serialize + hash)`);
    const p = r.process.find((x) => x.profile === profile && x.size === 10000 && x.input === 'yaml');
    if (p) mark(p.wallMs <= 3000, `${profile} 10k: kic translate -f <yaml> ${ms(p.wallMs)} ms <= 3000 ms`);
  }
  return out;
}
