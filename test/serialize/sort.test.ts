import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sortDesc } from '../../src/serialize/sort.js';

// sortDesc is held to Array.prototype.sort with a descending comparator, which is stable: the same items in
// the same order (equal keys keep their order), on lists of every length and shape.

type Item = { readonly key: string; readonly at: number };
const key = (x: Item): string => x.key;
const expected = (items: readonly Item[]): Item[] => [...items].sort((a, b) => (b.key < a.key ? -1 : a.key < b.key ? 1 : 0));

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// Keys from a small alphabet (many equal keys), with prefixes of one another, and beyond ASCII (where
// UTF-16 code unit order is not code point order: '\uffff' sorts after '😀').
const ALPHABET = ['a', 'b', 'ab', 'aa', '', 'B', '-', '.', 'é', '😀', '\uffff', 'a.b', 'a-b'];

function shapes(n: number, rnd: () => number): Item[][] {
  const pick = (): string => ALPHABET[Math.floor(rnd() * ALPHABET.length)] + (rnd() < 0.5 ? '' : String(Math.floor(rnd() * 4)));
  const make = (keys: string[]): Item[] => keys.map((k, at) => ({ key: k, at }));
  const randomKeys = Array.from({ length: n }, pick);
  const distinct = Array.from({ length: n }, (_, i) => `k${String(i).padStart(5, '0')}`);
  const runs = distinct.map((_, i) => distinct[(i % 7) * Math.ceil(n / 7) + Math.floor(i / 7)] ?? distinct[i]);
  return [
    make(randomKeys),
    make([...randomKeys].sort()),
    make([...randomKeys].sort().reverse()),
    make([...distinct]),
    make([...distinct].reverse()),
    make(runs),
    make(Array.from({ length: n }, () => 'same')),
    make(distinct.map((k, i) => (i % 10 === 3 ? distinct[0] : k))),
    // Ordered blocks, each shuffled, with equal keys at block edges: runs that overlap a little.
    make(randomKeys.map((_, i) => `${String(Math.floor(i / 9)).padStart(4, '0')}${ALPHABET[Math.floor(rnd() * 3)]}`)),
    make(randomKeys.map((_, i) => `${String(Math.floor((n - i) / 9)).padStart(4, '0')}${ALPHABET[Math.floor(rnd() * 3)]}`)),
  ];
}

test('same order as a stable descending sort, for every length up to 80 and every shape', () => {
  const rnd = random(1);
  for (let n = 0; n <= 80; n++) {
    for (let round = 0; round < 5; round++) {
      for (const items of shapes(n, rnd)) assert.deepEqual(sortDesc(items, key), expected(items), `n=${n}: ${items.map(key).join(',')}`);
    }
  }
});

test('same order on long lists (merged runs)', () => {
  const rnd = random(2);
  for (const n of [500, 4097]) for (const items of shapes(n, rnd)) assert.deepEqual(sortDesc(items, key), expected(items));
});

test('a list in order is returned as it is; the input is never changed', () => {
  const inOrder: Item[] = [{ key: 'b', at: 0 }, { key: 'b', at: 1 }, { key: 'a', at: 2 }];
  assert.equal(sortDesc(inOrder, key), inOrder);
  const unordered: Item[] = [{ key: 'a', at: 0 }, { key: 'c', at: 1 }, { key: 'b', at: 2 }, { key: 'a', at: 3 }];
  const copy = [...unordered];
  assert.deepEqual(sortDesc(unordered, key).map((x) => x.at), [1, 2, 0, 3]);
  assert.deepEqual(unordered, copy);
});
