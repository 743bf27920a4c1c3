import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import {
  ManifestError, loadManifestFile, loadManifests, parseManifestChunks, type LoadedManifests,
} from '../../src/store/load-manifests.js';
import { parseManifestText } from '../helpers/manifest-text.js';
import { OWN_GOLDEN_DIR, SHARED_GOLDEN_DIR } from '../helpers/golden.js';

// The chunked reader must give exactly what parsing the whole text gives (parseManifestText, the reference):
// the same objects, the same sources, or the same fatal error.

type Outcome = { readonly loaded: LoadedManifests } | { readonly error: string };

function outcome(read: (out: LoadedManifests) => void): Outcome {
  const out: LoadedManifests = { objects: [], sources: [] };
  try {
    read(out);
  } catch (err) {
    if (!(err instanceof ManifestError)) throw err;
    return { error: err.message };
  }
  return { loaded: out };
}

const whole = (text: string): Outcome => outcome((out) => parseManifestText(text, 'f.yaml', out));

function piecesOf(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

// Every way of cutting the text in two, and pieces of several sizes.
function assertChunkedSame(text: string, label: string): Outcome {
  const want = whole(text);
  const cuts: string[][] = [];
  for (let i = 0; i <= text.length; i++) cuts.push([text.slice(0, i), text.slice(i)]);
  for (const size of [1, 2, 3, 5, 7, 16]) cuts.push(piecesOf(text, size));
  for (const pieces of cuts) {
    assert.deepStrictEqual(outcome((out) => parseManifestChunks(pieces, 'f.yaml', out)), want, `${label}: ${JSON.stringify(pieces.map((p) => p.length))}`);
  }
  return want;
}

let dir: string | undefined;
function tempFile(name: string, content: string | Buffer): string {
  dir ??= mkdtempSync(join(tmpdir(), 'kic-stream-'));
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}
test.after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// The file read in pieces of `chunkBytes` bytes, against the whole file's text.
function assertFileSame(file: string, chunkSizes: readonly number[]): Outcome {
  const want = outcome((out) => parseManifestText(readFileSync(file, 'utf8'), file, out));
  for (const chunk of chunkSizes) {
    assert.deepStrictEqual(outcome((out) => loadManifestFile(file, out, chunk)), want, `${file} in chunks of ${chunk} bytes`);
  }
  return want;
}

const svc = (name: string, extra = '') => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n${extra}`;
const names = (o: Outcome): string[] | string => ('error' in o ? o.error : o.loaded.objects.map((x) => x.metadata.name));
const lines = (o: Outcome): number[] => ('error' in o ? [] : o.loaded.sources.map((s) => s.line));

const YAML_CASES: readonly { name: string; text: string; want: string[] | RegExp; lines?: number[] }[] = [
  { name: 'plain multi-document', text: `${svc('a')}---\n${svc('b')}---\n${svc('c')}`, want: ['a', 'b', 'c'], lines: [1, 6, 11] },
  { name: 'separators with comments and spaces, empty documents', text: `# head\n${svc('a')}--- # two\n\n${svc('b')}---  \n---\n${svc('c')}---`, want: ['a', 'b', 'c'], lines: [2, 8, 14] },
  { name: '--- indented inside a block scalar', text: `${svc('a', 'data:\n  x: |\n    one\n    ---\n    two\n')}---\n${svc('b')}`, want: ['a', 'b'] },
  { name: '--- at column 0 inside a block scalar ends the document', text: `${svc('a', 'spec:\n  x: |\n    one\n---\n    two\n')}`, want: /^f\.yaml:9: document is not an object$/ },
  { name: '--- inside quoted strings on one line', text: `${svc('a', 'spec:\n  x: "---"\n  y: \'--- a\'\n')}---\n${svc('b')}`, want: ['a', 'b'] },
  { name: '--- at column 0 inside a multi-line quoted string', text: `${svc('a', 'spec:\n  x: "one\n---\n  two"\n')}`, want: /invalid YAML/ },
  { name: '--- followed by content is js-yaml\'s separator', text: `${svc('a')}--- {apiVersion: v1, kind: Service, metadata: {name: b}}\n`, want: ['a', 'b'], lines: [1, 1] },
  { name: '---x and -- are not separators', text: `${svc('a', 'spec:\n  l:\n---x: 1\n--\n')}`, want: /invalid YAML/ },
  { name: 'a ---x key at column 0 is a key', text: `${svc('a', '---x: 1\n')}---\n${svc('b')}`, want: ['a', 'b'], lines: [1, 7] },
  { name: 'first content line after blank and comment lines', text: `\n   \n  # c\n#\n${svc('a')}---\n \n\n${svc('b')}`, want: ['a', 'b'], lines: [5, 12] },
  { name: 'documents of comments only', text: `# only\n# comments\n---\n# more\n---\n${svc('a')}---\n# trailing\n`, want: ['a'], lines: [6] },
  { name: '... document end markers', text: `${svc('a')}...\n---\n${svc('b')}...\n`, want: ['a', 'b'] },
  { name: 'CRLF line ends', text: `${svc('a')}---\r\n${svc('b')}`.replaceAll('\n', '\r\n').replaceAll('\r\r', '\r'), want: ['a', 'b'], lines: [1, 6] },
  { name: 'a BOM', text: `\uFEFF${svc('a')}---\n${svc('b')}`, want: ['a', 'b'] },
  { name: 'a BOM before a flow mapping', text: '\uFEFF{apiVersion: v1, kind: Service, metadata: {name: a}}\n', want: ['a'] },
  { name: 'a YAML flow mapping that starts like JSON', text: '{apiVersion: v1, kind: Service, metadata: {name: a}}\n---\n' + svc('b'), want: ['a', 'b'] },
  { name: 'a YAML flow sequence that starts like JSON', text: '  [{apiVersion: v1, kind: Service, metadata: {name: a}}]\n', want: ['a'] },
  { name: 'no final newline, and a final separator without one', text: `${svc('a')}---\n${svc('b').trimEnd()}\n---`, want: ['a', 'b'] },
  { name: 'unicode text (several UTF-16 units per character)', text: svc('a', 'spec:\n  x: héllo 你好 😀\n  "ключ": 値\n'), want: ['a'] },
  { name: 'a List in YAML', text: `apiVersion: v1\nkind: List\nitems:\n- ${svc('a').trimEnd().replaceAll('\n', '\n  ')}\n`, want: ['a'] },
  { name: 'empty text', text: '', want: [] },
  { name: 'whitespace only', text: ' \n\n \t\n', want: [] },
  { name: 'bad YAML in the second document', text: `${svc('a')}---\nkind: [\n`, want: /^f\.yaml:6: invalid YAML/ },
  { name: 'a document that is not an object', text: `${svc('a')}---\njust text\n`, want: /^f\.yaml:6: document is not an object$/ },
];

for (const tc of YAML_CASES) {
  test(`chunked YAML = whole text: ${tc.name}`, () => {
    const got = assertChunkedSame(tc.text, tc.name);
    // The reference itself gives what the case is about (or the comparison would prove little).
    if (tc.want instanceof RegExp) assert.match(String(names(got)), tc.want);
    else assert.deepEqual(names(got), tc.want);
    if (tc.lines) assert.deepEqual(lines(got), tc.lines);
  });
}

const obj = (name: string, extra: Record<string, unknown> = {}) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name }, ...extra });
const JSON_CASES: readonly { name: string; text: string; want: string[] | RegExp }[] = [
  { name: 'one object', text: JSON.stringify(obj('a')), want: ['a'] },
  { name: 'a List', text: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [obj('a'), obj('b')] }, null, 2), want: ['a', 'b'] },
  { name: 'a List whose kind comes after its items', text: JSON.stringify({ items: [obj('a'), obj('b')], kind: 'ServiceList', apiVersion: 'v1' }), want: ['a', 'b'] },
  { name: 'an array, with a null and a nested array', text: JSON.stringify([obj('a'), null, [obj('b'), obj('c')]]), want: ['a', 'b', 'c'] },
  { name: 'empty array and empty items', text: '[ ]', want: [] },
  { name: 'a List with no items', text: '{"kind":"List","items":[]}', want: [] },
  {
    name: 'strings with brackets, braces, escaped quotes and backslashes',
    // Keys given twice: JSON.parse takes the last, js-yaml refuses them, so a wrong split cannot pass as YAML.
    text: JSON.stringify([obj('a', { data: { k: '}]{["\\', 'q"]': '\\"', u: '\u005d\u2028' } }), obj('b', { spec: { s: ['],', '\\\\', '"}'] } })]).replaceAll('"kind":', '"kind":"x","kind":'),
    want: ['a', 'b'],
  },
  { name: 'unicode escapes and characters', text: '[{"apiVersion":"v1","kind":"Service","metadata":{"name":"\\u0061"},"x":"héllo 😀 \\ud83d\\ude00"}]', want: ['a'] },
  { name: 'items inside items are not the list', text: JSON.stringify({ kind: 'List', items: [obj('a', { items: [1, 2], spec: { items: [obj('x')] } })] }), want: ['a'] },
  { name: 'a later items member replaces an earlier one', text: '{"kind":"List","items":[{"apiVersion":"v1","kind":"Service","metadata":{"name":"a"}}],"items":[{"apiVersion":"v1","kind":"Service","metadata":{"name":"b"}}]}', want: ['b'] },
  { name: 'items that is not a list', text: '{"kind":"List","items":[{"kind":"x"}],"items":5}', want: /List has no items list$/ },
  { name: 'an object with an items list that is not a List', text: JSON.stringify(obj('a', { items: [1, { b: 2 }] })), want: ['a'] },
  { name: 'escaped key names', text: '{"kind":"List","it\\u0065ms":[{"apiVersion":"v1","kind":"Service","metadata":{"name":"a"}}]}', want: ['a'] },
  { name: 'a __proto__ member', text: '{"__proto__":{"x":1},"apiVersion":"v1","kind":"Service","metadata":{"name":"a"}}', want: ['a'] },
  { name: 'numbers, literals and whitespace everywhere', text: ' \r\n\t[ {"apiVersion" : "v1" , "kind":"Service","metadata":{"name":"a"},"n":[-1.5e3,0,true,false,null]} ,\n null ]\n ', want: ['a'] },
  { name: 'a document without kind in valid JSON', text: JSON.stringify([obj('a'), { apiVersion: 'v1' }, obj('b')]), want: /^f\.yaml:1: document has no kind$/ },
  { name: 'a wrong document, then text that is not JSON', text: `${JSON.stringify([obj('a'), { apiVersion: 'v1' }])}x`, want: /invalid YAML/ },
  { name: 'trailing text after the value', text: `${JSON.stringify(obj('a'))} {}`, want: /invalid YAML/ },
  { name: 'a missing comma', text: '[{"a":1} {"b":2}]', want: /invalid YAML/ },
  { name: 'a trailing comma', text: `[${JSON.stringify(obj('a'))},]`, want: /.*/ },
  { name: 'an unclosed array', text: `[${JSON.stringify(obj('a'))}`, want: /invalid YAML/ },
  { name: 'mismatched brackets', text: '[{"a":[1}]]', want: /invalid YAML/ },
  { name: 'a bad literal', text: '[tru]', want: /document is not an object/ },
  { name: 'a string at the top of an array', text: '["x"]', want: /document is not an object/ },
];

for (const tc of JSON_CASES) {
  test(`chunked JSON = whole text: ${tc.name}`, () => {
    const got = assertChunkedSame(tc.text, tc.name);
    if (tc.want instanceof RegExp) assert.match(String(names(got)), tc.want);
    else assert.deepEqual(names(got), tc.want);
  });
}

test('files read in pieces of a few bytes: characters of 2, 3 and 4 UTF-8 bytes split between reads', () => {
  const text = `${svc('a', 'spec:\n  x: é你😀é你😀\n')}---\n${svc('b', 'spec:\n  y: "😀😀😀"\n')}`;
  const yamlGot = assertFileSame(tempFile('u.yaml', text), [1, 2, 3, 5, 7, 64]);
  assert.equal(JSON.stringify(('loaded' in yamlGot && yamlGot.loaded.objects[0]) || {}).includes('é你😀é你😀'), true);
  const json = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [obj('a', { x: 'é你😀'.repeat(5) }), obj('b', { y: '"😀\\' })] });
  const jsonGot = assertFileSame(tempFile('u.json', json), [1, 2, 3, 5, 7, 64]);
  assert.deepEqual(names(jsonGot), ['a', 'b']);
  // A BOM is kept in the text, as readFileSync keeps it: JSON.parse refuses it, so the file is read as YAML.
  const bomGot = assertFileSame(tempFile('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)])), [1, 2, 4, 4096]);
  assert.deepEqual(names(bomGot), ['a', 'b']);
  // Invalid UTF-8 becomes U+FFFD in both.
  assertFileSame(tempFile('bad.yaml', Buffer.concat([Buffer.from(svc('a', 'spec:\n  x: ')), Buffer.from([0xe4, 0xbd, 0x0a])])), [1, 2, 3]);
});

test('a file that starts like JSON but is YAML is read again from the start, without the objects of the first try', () => {
  const text = `[${JSON.stringify(obj('a'))}, {apiVersion: v1, kind: Service, metadata: {name: b}}]\n`;
  const got = assertFileSame(tempFile('flow.yaml', text), [1, 8, 4096]);
  assert.deepEqual(names(got), ['a', 'b']);
});

test('a pipe (`-f <(...)`) that starts like JSON but is YAML: read once, kept whole, parsed as YAML', (t) => {
  const root = mkdtempSync(join(tmpdir(), 'kic-fifo-'));
  try {
    const fifo = join(root, 'in.yaml');
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      t.skip('mkfifo is not available');
      return;
    }
    const text = `{apiVersion: v1, kind: Service, metadata: {name: a}}\n---\n${svc('b')}`;
    const source = tempFile('fifo-src.yaml', text);
    // The writer runs in its own process: opening a FIFO for reading waits for it.
    const writer = spawn('sh', ['-c', 'cat "$0" > "$1"', source, fifo], { stdio: 'ignore' });
    const got = outcome((out) => loadManifestFile(fifo, out, 8));
    writer.kill();
    assert.deepStrictEqual(got, outcome((out) => parseManifestText(text, fifo, out)));
    assert.deepEqual(names(got), ['a', 'b']);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('golden inputs: read in pieces, the same as whole', (t) => {
  const cases: string[] = [];
  for (const base of [OWN_GOLDEN_DIR, SHARED_GOLDEN_DIR]) {
    if (!existsSync(base)) {
      t.diagnostic(`skipping ${base}: not found (the shared conformance cases are not beside the repo)`);
      continue;
    }
    for (const c of readdirSync(base).sort()) if (existsSync(join(base, c, 'in.yaml'))) cases.push(join(base, c, 'in.yaml'));
  }
  if (cases.length === 0) t.skip('no golden inputs found');
  for (const file of cases) {
    const got = assertFileSame(file, [7, 100, 4096]);
    assert.ok('loaded' in got && got.loaded.objects.length > 0, `${file}: no objects`);
  }
});

test('loadManifests: directories in name order, recursively; unreadable paths are fatal', () => {
  const root = mkdtempSync(join(tmpdir(), 'kic-dir-'));
  try {
    writeFileSync(join(root, 'b.yaml'), svc('b'));
    writeFileSync(join(root, 'a.json'), JSON.stringify(obj('a')));
    writeFileSync(join(root, 'c.txt'), svc('ignored'));
    mkdirSync(join(root, 'sub'));
    writeFileSync(join(root, 'sub', 'y.yml'), svc('y'));
    const got = loadManifests([root]);
    assert.deepEqual(got.objects.map((o) => o.metadata.name), ['a', 'b', 'y']);
    assert.deepEqual(got.sources.map((s) => s.file), [join(root, 'a.json'), join(root, 'b.yaml'), join(root, 'sub', 'y.yml')]);
    assert.throws(() => loadManifests([join(root, 'missing.yaml')]), (err: unknown) => err instanceof ManifestError && err.message === `cannot read ${join(root, 'missing.yaml')}: no such file or directory`);
    assert.deepEqual(loadManifests(['-'], () => `${svc('s')}---\n${svc('t')}`).sources, [{ file: '<stdin>', line: 1 }, { file: '<stdin>', line: 6 }]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
