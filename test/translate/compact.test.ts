import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendKept, exact, flat, keptCopy } from '../../src/translate/compact.js';

test('flat returns a string equal to its input, whatever the characters', () => {
  const pieces = ['', 'a', '\0', 'x\0y', 'é', '😀', '$&', '$1', '\\'];
  for (const a of pieces) {
    for (const b of pieces) {
      const built = `${a}.${b}.${a}${b}`;
      assert.equal(flat(built), built, JSON.stringify(built));
    }
  }
});

test('exact returns a new array with the same items in order', () => {
  const grown: number[] = [];
  for (let i = 0; i < 5; i++) grown.push(i);
  const out = exact(grown);
  assert.deepEqual(out, [0, 1, 2, 3, 4]);
  assert.notEqual(out, grown);
  out.push(9);
  assert.equal(grown.length, 5);
});

test('appendKept: items in order; short lists are new lists, long ones grow in place', () => {
  let list: number[] = [];
  const seen: number[][] = [];
  for (let i = 0; i < 20; i++) {
    const before = list;
    list = appendKept(list, i);
    assert.deepEqual(list, Array.from({ length: i + 1 }, (_, j) => j));
    if (i < 8) {
      assert.notEqual(list, before, `append ${i} copies`);
      assert.equal(before.length, i, 'the old short list is left as it was');
    } else assert.equal(list, before, `append ${i} grows in place`);
    seen.push(list);
  }
});

test('keptCopy: a new list with the same items in order, for every length', () => {
  for (let n = 0; n <= 9; n++) {
    const items = Array.from({ length: n }, (_, i) => ({ i }));
    const copy = keptCopy(items);
    assert.notEqual(copy, items);
    assert.equal(copy.length, n);
    for (let i = 0; i < n; i++) assert.equal(copy[i], items[i]);
  }
});
