import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ManifestError, loadManifestFile, type LoadedManifests } from '../../src/store/load-manifests.js';
import type { ParallelYamlCounts, ParallelYamlOptions } from '../../src/store/parallel-yaml.js';

// Large YAML files are converted on a worker thread (and on this one while the worker is busy): the
// objects, sources and first error must be exactly those of reading the file in one thread.

type Outcome = { readonly loaded: LoadedManifests; readonly error?: string };

function load(file: string, parallel: ParallelYamlOptions): Outcome {
  const out: LoadedManifests = { objects: [], sources: [] };
  try {
    loadManifestFile(file, out, 1 << 12, parallel);
  } catch (err) {
    if (!(err instanceof ManifestError)) throw err;
    return { loaded: out, error: err.message }; // what was appended before the error too
  }
  return { loaded: out };
}

const SEQUENTIAL: ParallelYamlOptions = { workers: 0 };
// Every batch is a worker's until it has `batchesPerWorker` in hand; then this thread converts them.
const forced = (counts: ParallelYamlCounts, o: ParallelYamlOptions = {}): ParallelYamlOptions => ({ minBytes: 0, workers: 1, counts, ...o });

// Each way of sharing the work out: all to the worker, some here (the worker is full), one document per batch.
const WAYS: readonly { name: string; o: ParallelYamlOptions; here: boolean }[] = [
  { name: 'all batches to the worker', o: { batchChars: 200, batchesPerWorker: 1_000, maxPending: 1_000 }, here: false },
  { name: 'one document per batch, worker full after one', o: { batchChars: 1, batchesPerWorker: 1, maxPending: 1_000 }, here: true },
  { name: 'small batches, waiting on the oldest', o: { batchChars: 300, batchesPerWorker: 1, maxPending: 2 }, here: true },
];

function assertSame(file: string, label: string): Outcome {
  const want = load(file, SEQUENTIAL);
  for (const way of WAYS) {
    const counts = { worker: 0, here: 0 };
    const got = load(file, forced(counts, way.o));
    assert.deepStrictEqual(got, want, `${label}: ${way.name}`);
    // The worker really converted batches (a worker that does not start would fall back to this thread).
    if (!want.error) assert.ok(counts.worker > 0, `${label}: ${way.name}: ${JSON.stringify(counts)}`);
    if (!way.here && !want.error) assert.equal(counts.here, 0, `${label}: ${way.name}`);
  }
  return want;
}

let dir: string | undefined;
function tempFile(name: string, content: string): string {
  dir ??= mkdtempSync(join(tmpdir(), 'kic-parallel-'));
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}
test.after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const svc = (name: string, extra = '') => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: ns\n${extra}`;
const many = (n: number, doc: (i: number) => string = (i) => svc(`s${i}`, 'spec:\n  ports:\n  - port: 80\n')): string[] =>
  Array.from({ length: n }, (_, i) => doc(i));
const names = (o: Outcome): string[] => o.loaded.objects.map((x) => x.metadata.name);

test('plain documents: the same objects and sources, in order, from the worker', () => {
  const want = assertSame(tempFile('plain.yaml', many(60).join('---\n')), 'plain');
  assert.equal(want.loaded.objects.length, 60);
  assert.deepEqual(names(want).slice(0, 3), ['s0', 's1', 's2']);
  assert.deepEqual(want.loaded.sources.slice(0, 2).map((s) => s.line), [1, 10]); // 8 lines and a separator
});

test('documents js-yaml must read (anchors, block scalars, flow) among plain ones', () => {
  const docs = many(40);
  docs[5] = svc('anchored', 'spec:\n  a: &x\n    port: 80\n  b: *x\n');
  docs[17] = svc('block', 'data:\n  script: |\n    line one\n    line two\n  folded: >\n    a\n    b\n');
  docs[30] = '{apiVersion: v1, kind: Service, metadata: {name: flow}}\n';
  const want = assertSame(tempFile('js-yaml.yaml', docs.join('---\n')), 'js-yaml');
  assert.equal(want.error, undefined);
  assert.deepEqual([names(want)[5], names(want)[17], names(want)[30]], ['anchored', 'block', 'flow']);
  assert.equal((want.loaded.objects[17] as unknown as { data: { script: string } }).data.script, 'line one\nline two\n');
});

test('comments-only and empty documents are skipped; sources count their lines', () => {
  const docs = many(30);
  docs[3] = '# only a comment\n# and another\n';
  docs[10] = '\n';
  docs[20] = `# leading comment\n\n${svc('after-comment')}`;
  const want = assertSame(tempFile('comments.yaml', `${docs.join('---\n')}---\n`), 'comments');
  assert.equal(want.loaded.objects.length, 28);
  const i = names(want).indexOf('after-comment');
  assert.equal(want.loaded.sources[i].line - want.loaded.sources[i - 1].line, 11); // 8-line doc, separator, 2 lines
});

test('an empty file and a whitespace-only file give no objects', () => {
  assert.equal(assertSame(tempFile('empty.yaml', ''), 'empty').loaded.objects.length, 0);
  assert.equal(assertSame(tempFile('blank.yaml', '\n\n  \n'), 'blank').loaded.objects.length, 0);
});

const BAD: readonly { name: string; doc: string; want: RegExp }[] = [
  { name: 'invalid YAML', doc: 'apiVersion: v1\nkind: [\n', want: /^\S+:\d+: invalid YAML: / },
  { name: 'no kind', doc: 'apiVersion: v1\nmetadata:\n  name: x\n', want: /^\S+:\d+: document has no kind$/ },
  { name: 'not an object', doc: '- 1\n- 2\n', want: /^\S+:\d+: document is not an object$/ },
];
for (const bad of BAD) {
  test(`a bad document in the middle (${bad.name}): the same first error, after the same objects`, () => {
    const docs = many(50);
    docs[23] = bad.doc;
    docs[40] = 'kind: Service\nmetadata:\n  name: later-error\n'; // a later error must not win
    const want = assertSame(tempFile(`bad-${bad.name.replaceAll(' ', '-')}.yaml`, docs.join('---\n')), bad.name);
    assert.match(want.error ?? 'no error', bad.want);
    const line = Number(/:(\d+): /.exec(want.error ?? '')?.[1]);
    assert.ok(line >= 23 * 9 + 1 && line <= 23 * 9 + 2, want.error); // within document 23
    assert.equal(want.loaded.objects.length, 23);
  });
}

test('a file under minBytes is read in this thread; workers: 0 never starts one', () => {
  const file = tempFile('small.yaml', many(5).join('---\n'));
  for (const o of [{ minBytes: 1 << 20 }, { minBytes: 0, workers: 0 }]) {
    const counts = { worker: 0, here: 0 };
    assert.equal(load(file, { ...o, counts }).loaded.objects.length, 5);
    assert.deepEqual(counts, { worker: 0, here: 0 }); // ParallelYamlDocuments not used at all
  }
});

// The bench sets, when present (`node dist/bench/generate.js` writes them): the worker gives exactly what one
// thread gives.
const BENCH = '/tmp/kic-bench';
const benchSets = existsSync(BENCH) ? readdirSync(BENCH).filter((f) => /^\w+-(1000|10000)-.*\.yaml$/.test(f)).sort() : [];
test('bench sets: the same objects and sources with workers (default batches) as in one thread', { skip: benchSets.length === 0 ? `no ${BENCH}/*.yaml` : false }, () => {
  for (const f of benchSets) {
    const file = join(BENCH, f);
    const want = load(file, SEQUENTIAL);
    const counts = { worker: 0, here: 0 };
    const got = load(file, { minBytes: 0, counts });
    assert.equal(got.error, undefined, f);
    assert.equal(got.loaded.objects.length, want.loaded.objects.length, f);
    assert.deepStrictEqual(got, want, f);
    assert.ok(counts.worker > 0, `${f}: ${JSON.stringify(counts)}`);
  }
});

// bin/kic runs dist/: the worker's module must be found there too (yaml-worker.js beside parallel-yaml.js).
const ROOT = join(import.meta.dirname, '..', '..');
const built = existsSync(join(ROOT, 'dist', 'src', 'store', 'parallel-yaml.js'));
test('from dist/: the worker module is found and converts batches', { skip: built ? false : 'dist/ not built' }, () => {
  const file = tempFile('dist.yaml', many(40).join('---\n'));
  const script = `
    const { loadManifestFile } = await import(${JSON.stringify(join(ROOT, 'dist/src/store/load-manifests.js'))});
    const counts = { worker: 0, here: 0 }, out = { objects: [], sources: [] };
    loadManifestFile(${JSON.stringify(file)}, out, 4096, { minBytes: 0, batchChars: 200, batchesPerWorker: 1000, maxPending: 1000, counts });
    process.stdout.write(JSON.stringify({ counts, n: out.objects.length }));`;
  const got = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', execArgv: [] } as never)) as {
    counts: ParallelYamlCounts; n: number;
  };
  assert.equal(got.n, 40);
  assert.ok(got.counts.worker > 0 && got.counts.here === 0, JSON.stringify(got.counts));
});
