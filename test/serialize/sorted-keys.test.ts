import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SortedKeys } from '../../src/serialize/sorted-keys.js';

const expected = (o: Record<string, unknown>): string[] => Object.keys(o).filter((k) => o[k] !== undefined).sort();

test('the defined keys, sorted, for objects of one shape and of many', () => {
  const keys = new SortedKeys();
  const objects: Record<string, unknown>[] = [
    {}, { a: undefined }, { b: 1, a: 2, c: 3 }, { b: undefined, a: 2, c: 3 }, { b: 1, a: undefined, c: undefined },
    { b: 1, a: 2, c: 3 }, { a: 2, b: 1, c: 3 }, { B: 1, a: 2, _: 3, é: 4, 10: 5, 9: 6, '-': 7 }, { b: null, a: 0, c: '' }, { z: 1, 2: 'two', 1: 'one', y: undefined },
    ...Array.from({ length: 5000 }, (_, i) => ({ first: i, [`k${i % 40}`]: 1, [`j${i}`]: i % 3 === 0 ? undefined : 2 })),
  ];
  for (let round = 0; round < 2; round++) {
    for (const o of objects) {
      const values: unknown[] = [];
      const got = keys.defined(o, values);
      assert.deepStrictEqual(got, expected(o));
      assert.deepStrictEqual(values, got.map((k) => o[k]));
    }
  }
});
