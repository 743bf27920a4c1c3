import { test } from 'node:test';
import assert from 'node:assert/strict';
import yaml from 'js-yaml';
import { loadSimpleYaml } from '../../src/store/simple-yaml.js';
import { generateCluster } from '../../bench/cluster.js';
import { toYAML } from '../../bench/generate.js';

// The simple reader must give exactly what js-yaml gives, or give up (undefined) and leave the text to js-yaml.
const jsYaml = (text: string): unknown[] => yaml.loadAll(text, undefined, { schema: yaml.CORE_SCHEMA });

// Documents it reads itself: what manifests usually look like.
const READ = [
  { name: 'nested mappings, plain scalars resolved as js-yaml does', text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: echo\n  uid: 123\nspec:\n  a: true\n  b: ~\n  c: 1.5\n  d: 0x1F\n  e: -3\n  f: +7\n  h: null\n  i: 2024-01-01\n  j:\n' },
  { name: 'sequences indented and not, of scalars and of mappings', text: 'spec:\n  ports:\n  - name: http\n    port: 80\n  - port: 443\n    protocol: TCP\n  hosts:\n    - a.example.com\n    - b.example.com\n  empty: []\n  none: {}\n' },
  { name: 'quoted scalars and keys', text: `metadata:\n  annotations:\n    "konghq.com/plugins": "a,b"\n    'it''s': 'x''y'\n    plain: '*.example.com'\n    n: "80"\n    e: ""\n` },
  { name: 'comments, blank lines, trailing spaces, # inside a word, colons inside words', text: '# head\nkind: Ingress   \n\nspec:\n  # inside\n  image: nginx:1.25\n  path: /a#b\n  url: http://x/y\n' },
  { name: 'a dash item with extra spaces, and a nested sequence under an item key', text: 'items:\n-   name: a\n    list:\n    - 1\n    - 2\n- name: b\n' },
  { name: 'unicode text', text: 'name: héllo wörld\nmsg: 你好\n' },
  { name: 'trailing spaces go, other trailing white space stays (as in js-yaml)', text: 'a: b\u00A0 \nc: d \u00A0\ne: f  \n' },
  { name: 'a quoted key\'s value keeps a leading non-breaking space', text: '"a": \u00A0b\n\'c\':   \u00A0d\n' },
  { name: 'keys and values past Latin-1, with quotes and backslashes', text: 'ключ: 值\npath: C:\\dir "x"\n\'k\\\\\': \'a"b\'\nÿ: ÿ\n' },
  { name: '`#` and `:` inside scalars, not as a comment or a separator', text: 'a: b#c\nd: e:f\nurl#x: h:/#y\n\'q #\': \'v: w #\'\n- x: 1\n'.replace('- x: 1\n', 'l:\n- x:y\n- x#: a#\n') },
  { name: "a '' in a quoted key does not carry over to the next scalar", text: "'a''b': 'c'\n'd': 'e''f'\ng: 'h'\n" },
  { name: 'items: empty, scalar, nested mapping, deeper sequence', text: 'a:\n-\n- \n-   x\n- k: v\n  l:\n    - 1\n-\n  m: n\n' },
] as const;

// Documents it must leave to js-yaml (or read identically).
const OTHER = [
  'a: |\n  line1\n  line2\n', 'a: >-\n  folded\n  text\n', 'a: &x 1\nb: *x\n', 'a: !!str 80\n', 'a: [1, 2]\n', 'a: {b: 1}\n',
  'a: "esc\\n"\n', 'a: "multi\n  line"\n', "a: 'multi\n  line'\n", 'a: plain\n  continued\n', 'a:\n  plain on next line\n',
  'a: 1 # comment\n', 'a: "q" # comment\n', 'a: b: c\n', 'a: x:\n', '- a\n- b\n', 'just a scalar\n', '"quoted doc"\n',
  'a: 1\na: 2\n', '<<: {a: 1}\n', '__proto__: x\n', 'constructor: x\ntoString: y\n', '? complex\n: value\n',
  'a:\n\tb: 1\n', 'a: 1\r\nb: 2\r\n', '\uFEFFa: 1\n', 'a: \u0001\n', 'a: 😀\n', 'a: -\n', 'a: - b\n', 'a:\n- - x\n',
  'a: 1\n- b\n', 'a:\n    b: 1\n  c: 2\n', '--- a: 1\n', '...\n', '%YAML 1.2\n---\na: 1\n', 'key:value\n', 'a : 1\n',
  '# \u0001\na: 1\n', 'a: 1\n# x\u0085\n', 'a: 1\n  \t\n', '#\ta\na: 1\n', 'a: 1\n\u0001\n', 'a: b\u007f\n', 'a: b\u009f\n', '# \u0090\na: 1\n', 'a\uFFFE: 1\n', 'a: ---\n', '---\n', 'a: 1\n...x\n', 'a: 1\n--\n',
  'a: [\n', 'a: ]\n', 'a: ,x\n', 'a: @x\n', 'a: `x\n', 'a: %x\n', 'a: ?x\n', 'a: :x\n', '"a" : 1\n', "'a'x: 1\n",
  'a: \'x\' y\n', 'a: .inf\n', 'a: +.inf\n', 'a: -.Inf\n', 'a: .NaN\n', '.inf: x\n', '#only a comment\n', '', '   \n', 'a:\n  - x\n   - y\n', 'a:\n  b: 1\n   c: 2\n',
];

for (const tc of READ) {
  test(`reads: ${tc.name}`, () => {
    const got = loadSimpleYaml(tc.text);
    assert.notEqual(got, undefined, 'left to js-yaml');
    assert.deepStrictEqual(got, jsYaml(tc.text));
  });
}

test('scalars and keys resolve as js-yaml resolves them', () => {
  const values = ['0', '7', '80', '0080', '123456789012345', '1234567890123456', '12345678901234567890', '10.1.2.3', '1.2.', '1_0', '+1', '-1', '.5', '0x1F', 'nulL', 'Tru', '~~', 'NuLL', 'FaLSE', 'nulll', 'Falsee', 'TRUe', 'tRUE', '2024-01-01', '1:20', '1_000', '.5', '0o17', '012', '-0', '1e21', '-1.5e-7', 'y', 'yes', 'NULL', 'nUll', 'Null', 'null', 'true', 'tRUE', 'True', 'FALSE', 'False', 'false', 'falsey', 'nullable', 'name', 'True1', '~', '1e3', '0b101', '~/x', 'a b'];
  for (const v of values) {
    const text = `a: ${v}\n${v}: key\n`;
    const got = loadSimpleYaml(text);
    assert.notEqual(got, undefined, v);
    assert.deepStrictEqual(got, jsYaml(text), v);
  }
});

test('everything else: the same as js-yaml, or left to it', () => {
  for (const text of OTHER) {
    const got = loadSimpleYaml(text);
    if (got === undefined) continue;
    let want: unknown;
    assert.doesNotThrow(() => (want = jsYaml(text)), `read ${JSON.stringify(text)} although js-yaml rejects it`);
    assert.deepStrictEqual(got, want, JSON.stringify(text));
  }
});

test('the benchmark clusters are read without js-yaml, and as js-yaml reads them', () => {
  const docs = toYAML(generateCluster({ size: 120, seed: 4, profile: 'mixed' })).split(/^---$/m).filter((d) => d.trim());
  for (const d of docs) {
    const got = loadSimpleYaml(d);
    assert.notEqual(got, undefined, d.slice(0, 200));
    assert.deepStrictEqual(got, jsYaml(d));
  }
});

test('a document larger than the reused buffers, and a small one after it', () => {
  const big = Array.from({ length: 3000 }, (_, i) => `k${i}: ${'v'.repeat(40)}${i}\n`).join('') + 'end:\n' + '  - x\n'.repeat(2000);
  for (const text of [big, 'a: 1\n', big, 'b: c\n']) {
    const got = loadSimpleYaml(text);
    assert.notEqual(got, undefined);
    assert.deepStrictEqual(got, jsYaml(text));
  }
});

// Random documents built from the pieces where YAML readers go wrong: whatever the reader gives must be
// what js-yaml gives.
test('random documents: the same as js-yaml, or left to it', () => {
  let seed = 12345;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return (seed >> 8) % n;
  };
  const pick = <T>(xs: readonly T[]): T => xs[rand(xs.length)];
  const keys = ['a', 'b', 'name', 'k k', '"q"', "'s''t'", '80', '0x1F', '~', 'null', 'True', '__proto__', 'constructor', '-x', 'a#b', 'a #b', 'é', '<<', '"a\\\\"', 'a:b', 'a ', "'a'x"];
  const values = ['x', 'x y', '80', '-3', '+1', '.5', '1e3', '0o17', '012', '~', 'Null', 'FALSE', 'yes', '-', '- x', '[]', '{}', '[1]', "'q'", "'q''r'", '"d"', '"d\\\\n"', 'a #c', 'a#c', 'a: b', 'a:', 'a:b', '\u00A0x', 'ü', '&x', '*x', '!t', '|', '>', '.inf', '10.0.0.1', '"k": v', "'q' x", 'x  '];
  const sometimes = <T>(usual: T, odd: readonly T[]): T => (rand(6) === 0 ? pick(odd) : usual);
  // A node at `indent` columns: a scalar after `key:` on the same line, or a block on the next lines.
  const node = (indent: number, depth: number): string => {
    const pad = ' '.repeat(sometimes(indent, [indent + 1, Math.max(0, indent - 1)]));
    const kind = depth > 2 ? 0 : rand(3);
    if (kind === 0) return ` ${sometimes(`v${rand(9)}`, values)}${sometimes('', [' # c', ' ', '#c'])}\n`;
    let text = sometimes('\n', [' \n', ' # c\n']);
    for (let i = 1 + rand(3); i > 0; i--) {
      const dash = kind === 1 ? sometimes('- ', ['-   ', '-']) : '';
      text += `${pad}${dash}${sometimes(`k${rand(4)}`, keys)}${sometimes(':', [' :', ''])}${node(indent + 2 + dash.length, depth + 1)}`;
    }
    return text;
  };
  let read = 0;
  for (let n = 0; n < 3000; n++) {
    const text = `top:${node(0, 0)}`;
    const got = loadSimpleYaml(text);
    if (got === undefined) continue;
    read++;
    let want: unknown;
    assert.doesNotThrow(() => (want = jsYaml(text)), `read ${JSON.stringify(text)} although js-yaml rejects it`);
    assert.deepStrictEqual(got, want, JSON.stringify(text));
  }
  assert.ok(read > 600, `only ${read} documents read without js-yaml`);
});

test('keys named like Object.prototype members are left to js-yaml', () => {
  for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', "'valueOf'"]) {
    assert.equal(loadSimpleYaml(`a: 1\n${key}: x\n`), undefined, key);
  }
});

test('a document read after a longer one is not confused by what is left of it', () => {
  for (const [before, text] of [["a: 'b'''\n", "a: 'b'"], ['a: "b":\n', 'a: "b"'], ["'k''': 1\n", "'k'"], ['a: b c\n', 'a: b']]) {
    loadSimpleYaml(before);
    const got = loadSimpleYaml(text);
    if (got !== undefined) assert.deepStrictEqual(got, jsYaml(text), text);
  }
  loadSimpleYaml("a: 'b'''\n");
  assert.deepStrictEqual(loadSimpleYaml("a: 'b'"), [{ a: 'b' }]);
});
