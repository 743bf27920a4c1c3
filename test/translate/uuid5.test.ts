import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, v5 } from 'uuid';
import { uuidV5 } from '../../src/translate/uuid5.js';

const NS = parse(v5('routes', 'fd02801f-0957-4a15-a55a-c8d9606f30b5'));

// Deterministic names of every length around the 64-byte block boundaries (55/56 bytes with the
// 16-byte namespace is where the padding needs a second block), ASCII and multi-byte.
function names(): string[] {
  const out: string[] = [''];
  const pieces = ['a', 'é', '€', '😀', '.', 'Z'];
  let seed = 7;
  for (let len = 1; len < 200; len++) {
    let s = '';
    for (let i = 0; i < len; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      s += len % 3 === 0 ? pieces[seed % pieces.length] : String.fromCharCode(97 + (seed % 26));
    }
    out.push(s);
  }
  out.push('x'.repeat(5000)); // longer than the initial buffer
  return out;
}

test('uuidV5 equals the uuid package v5 for names of every length and encoding', () => {
  for (const name of names()) assert.equal(uuidV5(name, NS), v5(name, NS), JSON.stringify(name));
});

test('a long name does not leave bytes behind for a shorter one hashed next', () => {
  const short = 'abc';
  const before = uuidV5(short, NS);
  uuidV5('y'.repeat(3000), NS);
  assert.equal(uuidV5(short, NS), before);
  assert.equal(before, v5(short, NS));
});
