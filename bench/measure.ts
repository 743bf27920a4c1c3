import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { loadManifestFile, type LoadedManifests } from '../src/store/load-manifests.js';
import { Snapshot } from '../src/store/snapshot.js';
import { knownKind } from '../src/model/kinds.js';
import { parseApiVersion } from '../src/model/meta.js';
import { translate } from '../src/translate/index.js';
import { defaultTranslateOptions } from '../src/translate/options.js';
import { toDeclarativeConfig } from '../src/serialize/declarative.js';
import { writeDeclarative } from '../src/serialize/write-declarative.js';
import type { KongState } from '../src/kongstate/types.js';

// One size of one profile, in a process of its own (so that peak RSS belongs to this size alone).
// Run by bench/run.ts: `node --expose-gc dist/bench/measure.js --yaml F --json F --runs N`; prints one
// JSON line (a SizeMeasurement) on stdout.

/** Milliseconds per phase of one run. */
export type RunTimes = {
  /** YAML file -> objects -> snapshot, as `kic translate` loads (read in chunks, parsed document by document) */
  loadYaml: number;
  /** JSON file -> objects -> snapshot */
  loadJson: number;
  translate: number;
  /** compact JSON streamed from the state (writeDeclarative) into SHA-256, as a config hash is taken */
  serialize: number;
  /** JSON.stringify + SHA-256 of the same output object: the floor */
  floor: number;
  /** CPU time (user + system, all threads) of translate + serialize, and of the floor: steadier than wall time on a busy machine */
  cpuTranslateSerialize: number;
  cpuFloor: number;
};

/** What the child reports for one size. */
export type SizeMeasurement = {
  readonly objects: number;
  readonly yamlBytes: number;
  readonly jsonBytes: number;
  readonly outputBytes: number;
  readonly outputSha256: string;
  readonly failures: number;
  readonly counts: Readonly<Record<string, number>>;
  readonly runs: readonly RunTimes[];
  /** process peak resident set size, MB */
  readonly peakRssMB: number;
};

const gc: () => void = (globalThis as { gc?: () => void }).gc ?? (() => {});

function time<T>(f: () => T): [T, number, number] {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const v = f();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return [v, wall, (c.user + c.system) / 1000];
}

/** Reads a manifest file and builds the snapshot the way `kic translate` does (src/cli/translate-command.ts). */
export function loadSnapshot(file: string): { snapshot: Snapshot; objects: number } {
  const loaded: LoadedManifests = { objects: [], sources: [] };
  loadManifestFile(file, loaded);
  const known = loaded.objects.filter((o) => knownKind(parseApiVersion(o.apiVersion).group, o.kind));
  return { snapshot: Snapshot.of(known), objects: loaded.objects.length };
}

/** Compact JSON of the state streamed into SHA-256: the hash and the byte count, no whole text kept. */
export function hashConfig(state: KongState): { hash: string; bytes: number } {
  const h = createHash('sha256');
  let bytes = 0;
  writeDeclarative(state, { expressions: false }, 'json-compact', (chunk) => {
    h.update(chunk);
    bytes += Buffer.byteLength(chunk);
  });
  return { hash: h.digest('hex'), bytes };
}

const HASH_CHUNK = 1 << 22;

// In 4M-character pieces: hashing a whole 100 MB string would first copy it into a 100 MB UTF-8 buffer.
/** SHA-256 (hex) of the UTF-8 text (then `suffix`), hashed in pieces. */
export function sha256(text: string, suffix = ''): string {
  const h = createHash('sha256');
  for (let i = 0; i < text.length; ) {
    let end = Math.min(i + HASH_CHUNK, text.length);
    const c = text.charCodeAt(end - 1);
    if (end < text.length && c >= 0xd800 && c <= 0xdbff) end--; // never split a surrogate pair
    h.update(text.slice(i, end));
    i = end;
  }
  if (suffix) h.update(suffix);
  return h.digest('hex');
}

/** Measures `runs` runs of every phase; the texts are read from the files outside the timings. */
export function measure(yamlFile: string, jsonFile: string, runs: number): SizeMeasurement {
  const options = defaultTranslateOptions();
  const times: RunTimes[] = [];
  let last: Omit<SizeMeasurement, 'runs' | 'peakRssMB'> | undefined;
  const yamlBytes = statSync(yamlFile).size;
  const jsonBytes = statSync(jsonFile).size;
  for (let r = 0; r < runs; r++) {
    // Loading reads the file (from the page cache after the first run) as part of parsing, in 1 MiB chunks.
    gc();
    const [, loadYaml] = time(() => loadSnapshot(yamlFile));
    gc();
    const [loaded, loadJson] = time(() => loadSnapshot(jsonFile));
    gc();
    const [result, translateMs, translateCpu] = time(() => translate(loaded.snapshot, options));
    gc();
    const [out, serialize, serializeCpu] = time(() => hashConfig(result.state));
    // The floor writes the same output from a finished document object; building that object is not timed.
    let doc: ReturnType<typeof toDeclarativeConfig> | undefined = toDeclarativeConfig(result.state, { expressions: false });
    gc();
    const [floorOut, floor, cpuFloor] = time(() => {
      const text = JSON.stringify(doc);
      return { hash: sha256(text, '\n'), bytes: Buffer.byteLength(text) + 1 };
    });
    // The streamed text must be the floor's text (with writeDeclarative's final newline), or the floor means nothing.
    if (floorOut.hash !== out.hash) throw new Error('the streamed config differs from JSON.stringify(doc): the floor is not comparable');
    times.push({ loadYaml, loadJson, translate: translateMs, serialize, floor, cpuTranslateSerialize: translateCpu + serializeCpu, cpuFloor });
    const counts: Record<string, number> = {};
    for (const [k, v] of Object.entries(doc)) if (Array.isArray(v)) counts[k] = v.length;
    counts.routes = result.state.services.reduce((n, s) => n + s.routes.length, 0);
    doc = undefined;
    last = {
      objects: loaded.objects, yamlBytes, jsonBytes, outputBytes: out.bytes, outputSha256: out.hash,
      failures: result.failures.length, counts,
    };
  }
  if (!last) throw new Error('measure: runs must be at least 1');
  return { ...last, runs: times, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) };
}

/**
 * Peak RSS (MB) of one pass of the pipeline alone, in a fresh process: read the file, load, translate,
 * serialize, hash. What a translation of this set needs, without the benchmark's own copies.
 */
export function pipelinePeakRss(file: string): number {
  const { snapshot } = loadSnapshot(file);
  const result = translate(snapshot, defaultTranslateOptions());
  hashConfig(result.state);
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

function main(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: { yaml: { type: 'string' }, json: { type: 'string' }, runs: { type: 'string', default: '3' }, 'rss-only': { type: 'boolean' } },
  });
  if (values['rss-only'] && values.json) {
    process.stdout.write(`${JSON.stringify({ pipelinePeakRssMB: pipelinePeakRss(values.json) })}\n`);
    return;
  }
  if (!values.yaml || !values.json) throw new Error('usage: measure.js --yaml FILE --json FILE [--runs N] | --rss-only --json FILE');
  process.stdout.write(`${JSON.stringify(measure(values.yaml, values.json, Number(values.runs)))}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));
