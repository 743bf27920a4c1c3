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
] as const;

// Documents it must leave to js-yaml (or read identically).
const OTHER = [
  'a: |\n  line1\n  line2\n', 'a: >-\n  folded\n  text\n', 'a: &x 1\nb: *x\n', 'a: !!str 80\n', 'a: [1, 2]\n', 'a: {b: 1}\n',
  'a: "esc\\n"\n', 'a: "multi\n  line"\n', "a: 'multi\n  line'\n", 'a: plain\n  continued\n', 'a:\n  plain on next line\n',
  'a: 1 # comment\n', 'a: "q" # comment\n', 'a: b: c\n', 'a: x:\n', '- a\n- b\n', 'just a scalar\n', '"quoted doc"\n',
  'a: 1\na: 2\n', '<<: {a: 1}\n', '__proto__: x\n', 'constructor: x\ntoString: y\n', '? complex\n: value\n',
  'a:\n\tb: 1\n', 'a: 1\r\nb: 2\r\n', '\uFEFFa: 1\n', 'a: \u0001\n', 'a: 😀\n', 'a: -\n', 'a: - b\n', 'a:\n- - x\n',
  'a: 1\n- b\n', 'a:\n    b: 1\n  c: 2\n', '--- a: 1\n', '...\n', '%YAML 1.2\n---\na: 1\n', 'key:value\n', 'a : 1\n',
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
  const values = ['2024-01-01', '1:20', '1_000', '.5', '0o17', '012', '-0', '1e21', '-1.5e-7', 'y', 'yes', 'NULL', 'nUll', 'Null', 'null', 'true', 'tRUE', 'True', 'FALSE', 'False', 'false', 'falsey', 'nullable', 'name', 'True1', '~', '1e3', '0b101', '~/x', 'a b'];
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
