import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, v5 } from 'uuid';
import { uuidV5 } from '../../src/translate/uuid5.js';
import { entityId } from '../../src/translate/ids.js';

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

test('entity ids match the worked examples of spec 01 §3', () => {
  assert.equal(entityId('services', 'foo-namespace.foo-svc.80'), 'fe1e2edc-5479-52fe-b0f4-b90d8d5f83ba');
  assert.equal(entityId('routes', 'foo-namespace.foo.foo-svc.example.com.80'), '3eee2c18-8fcc-5661-8f84-5c89adfa404f');
  assert.equal(entityId('routes', 'default.beta'), '95255daa-88f8-504b-9098-9300d404c741');
  assert.equal(entityId('consumers', 'consumer'), '7deb6e70-60be-5dd2-b374-06551479ea5e');
});

test('entityId hashes in the namespace of the entity type', () => {
  assert.equal(entityId('routes', 'r1'), v5('r1', NS));
  assert.notEqual(entityId('services', 'r1'), entityId('routes', 'r1'));
  assert.equal(entityId('services', 'r1'), v5('r1', v5('services', 'fd02801f-0957-4a15-a55a-c8d9606f30b5')));
});

test('a long name does not leave bytes behind for a shorter one hashed next', () => {
  const short = 'abc';
  const before = uuidV5(short, NS);
  uuidV5('y'.repeat(3000), NS);
  assert.equal(uuidV5(short, NS), before);
  assert.equal(before, v5(short, NS));
});
