import { test } from 'node:test';
import assert from 'node:assert/strict';
import yaml from 'js-yaml';
import { renderYAMLFast, YAML_DUMP_OPTIONS } from '../../src/serialize/yaml.js';
import { generateCluster } from '../../bench/cluster.js';
import { Snapshot } from '../../src/store/snapshot.js';
import { translate } from '../../src/translate/index.js';
import { defaultTranslateOptions } from '../../src/translate/options.js';
import { toDeclarativeConfig } from '../../src/serialize/declarative.js';

// renderYAMLFast promises js-yaml's dump text byte for byte; js-yaml itself is the oracle.
const same = (doc: unknown): void => assert.equal(renderYAMLFast(doc), yaml.dump(doc, YAML_DUMP_OPTIONS));

// Strings at the edges of js-yaml's plain/quoted/literal choice.
const STRINGS = [
  '', ' lead', 'trail ', 'a: b', 'a:b', 'a:', ':a', 'a #b', 'a#b', '#x', '-x', '- x', '-', '---', '...', '?x', 'x?',
  'true', 'True', 'tRue', 'FALSE', 'null', 'Null', 'nUll', '~', '~/api', '<<', '<x', 'yes', 'NO', 'on', 'Off', 'y', 'n',
  '12', '-5', '+1', '1.5', '.5', '1e3', '0x1F', '0o7', '0b101', '1_000', '09', '12:30', '1:2:3', '1:60',
  '2025-01-01', '2025-01-01T00:00:00Z', '.inf', '-.inf', '.NaN', '7deb6e70-60be-5dd2-b374-06551479ea5e', '10.0.0.1:8080',
  'a\nb', 'a\nb\n', 'a\n\n', '\n', ' \nx', '\nx', 'a\tb', 'tab\t', 'a\u0001b', 'a\u0085b', 'é', 'ü x', '😀', 'a😀', '\ud800',
  'line\r\nx', '[x', 'x]', '{x}', 'a,b', ',a', '@x', '`x', '"x', "'x", "a'b", 'a"b', '%x', '!x', '&x', '*x', '|x', '>x',
  '=x', 'a b', 'a  b', '~/items/[0-9]+/v1$', 'k8s-name:app-1', 'http.path ^= "/"', 'x'.repeat(2000),
  // Around the shortcuts that skip js-yaml's resolvers: exponents, dots, dashes, timestamps, `~`, `<<`, words.
  '1e-5', '1E-5', '-1e-5', '+1.5', '1.5e+3', '1.e5', '1.2.3', '.1.2', '1-', '-1-2', '12-34', '1-e5', '0x1F-', '1234-x',
  '2025-1-1', '2025-01-01 10:00:00', '2025-01-01t10:00:00.5-05:00', '12345678-aaaa-bbbb', '1a2b3c4d-0000', '~x', '~~',
  '<<x', '<', '+', '-.5', '.', '..', '-', '+-1', '1__0', '1_', 'Nul', 'NULLS', 'Truee', 'fALSE', 'Yes', 'ON', 'oN',
];

test('every edge-case string as a value, a list item and a key', () => {
  for (const s of STRINGS) {
    same({ v: s });
    same({ list: [s, [s]], nested: { deeper: [{ k: s }] } });
    if (!s.includes('\n') && s.length < 1000) same({ [s]: 1 });
  }
});

test('numbers, booleans, null, empty and nested collections', () => {
  same({ n: [0, -0, 1, -5, 1.5, -2.25, 1e21, 1e-7, 2 ** 53, 70368744177664, 3.0], b: [true, false, null] });
  same({ e: {}, l: [], nested: [[1, [2, []]], {}, [], [{}], { a: { b: { c: [{ d: 'x\ny', e: [] }] } } }] });
  same({});
});

test('what js-yaml does itself: a multi-line key, undefined values, a long key', () => {
  same({ 'a\nb': 1 });
  same({ a: undefined, b: [undefined, 1] });
  // Undefined values in mappings are left out (the writer does that itself); a mapping of only those is {}.
  same({ x: { a: undefined, b: 1 }, y: { a: undefined }, z: [{ a: undefined }, { b: undefined, c: [1] }], w: undefined });
  same({ only: undefined });
  same({ ['k'.repeat(1100)]: 'v' });
});

test('a translated synthetic cluster renders as js-yaml renders it', () => {
  const result = translate(Snapshot.of(generateCluster({ size: 120, seed: 3, profile: 'mixed' })), defaultTranslateOptions());
  for (const expressions of [false, true]) same(toDeclarativeConfig(result.state, { expressions }));
});

test('mappings of one shape with different keys left undefined, in different orders, and many shapes', () => {
  same({ list: [{ b: 1, a: 2, c: 3 }, { b: undefined, a: 2, c: 3 }, { b: 1, a: undefined, c: undefined }, { b: undefined, a: undefined, c: undefined }, { b: 1, a: 2, c: 3 }] });
  same({ list: [{ b: 1, a: 2 }, { a: 2, b: 1 }, { b: 1, a: 2, c: 3 }, { b: 1 }, { B: 1, a: 2, _: 3, é: 4, 10: 5, 9: 6, '-': 7 }] });
  // More key lists than are remembered, many with the same first key.
  same({ list: Array.from({ length: 5000 }, (_, i) => ({ first: i, [`k${i % 40}`]: 1, [`j${i}`]: i % 3 === 0 ? undefined : 2 })) });
});

// Random strings from the characters where js-yaml's choice of style turns: the writer must agree.
test('random strings: the same text as js-yaml', () => {
  let seed = 777;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return (seed >> 8) % n;
  };
  const pieces = ['a', 'Z', '0', '1', '9', '.', '-', '+', '_', ':', ' ', '#', '~', '<', 'e', 'E', 'x', 'o', 'b', 'n', 'T', 'Z', '/', '"', "'", '\\', 'é', '\n', 'true', 'null', 'inf', 'nan', '2025-01-01', '12:30'];
  for (let n = 0; n < 4000; n++) {
    let s = '';
    for (let k = 1 + rand(6); k > 0; k--) s += pieces[rand(pieces.length)];
    same({ v: s, l: [s], [s.replaceAll('\n', '')]: s });
  }
});
