import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ChunkedSink } from '../../src/serialize/chunked-sink.js';

function run(size: number, pieces: readonly string[]): string[] {
  const chunks: string[] = [];
  const sink = new ChunkedSink((c) => chunks.push(c), size);
  for (const p of pieces) sink.write(p);
  sink.flush();
  return chunks;
}

test('small pieces are collected into chunks of at least the size, under 1.25 times it', () => {
  const pieces = Array.from({ length: 500 }, (_, i) => 'x'.repeat(1 + (i % 24)));
  const chunks = run(100, pieces);
  assert.equal(chunks.join(''), pieces.join(''));
  for (const c of chunks.slice(0, -1)) assert.ok(c.length >= 100 && c.length < 125, `a chunk of ${c.length}`);
});

test('a piece of a quarter of the size or more goes on by itself (what was collected first), cut to the size', () => {
  const chunks = run(100, ['ab', 'c'.repeat(25), 'd', 'e'.repeat(250), 'f']);
  assert.deepEqual(chunks, ['ab', 'c'.repeat(25), 'd', 'e'.repeat(100), 'e'.repeat(100), 'e'.repeat(50), 'f']);
});

test('a cut never separates the two halves of a surrogate pair', () => {
  const text = `${'a'.repeat(99)}😀${'b'.repeat(150)}`;
  const chunks = run(100, [text]);
  assert.deepEqual(chunks, ['a'.repeat(99), `😀${'b'.repeat(98)}`, 'b'.repeat(52)]);
  assert.equal(chunks.join(''), text);
});

test('nothing collected, nothing handed on', () => {
  assert.deepEqual(run(100, []), []);
  assert.deepEqual(run(100, ['']), []);
});
