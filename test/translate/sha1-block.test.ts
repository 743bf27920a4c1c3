import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sha1Block } from '../../src/translate/sha1-block.js';

// The generator is a plain script (no types): what this test uses of it.
const { sha1BlockSource, SHA1_BLOCK_FILE } = (await import('../../scripts/gen-sha1-block.mjs')) as {
  sha1BlockSource(): string;
  SHA1_BLOCK_FILE: string;
};

test('src/translate/sha1-block.ts is what scripts/gen-sha1-block.mjs generates', () => {
  assert.equal(readFileSync(SHA1_BLOCK_FILE, 'utf8'), sha1BlockSource());
});

// SHA-1 of a whole message, padded here, through sha1Block: compared with OpenSSL's.
function sha1(message: Uint8Array): string {
  const end = (((message.length + 8) >> 6) + 1) * 64;
  const buf = new Uint8Array(end);
  buf.set(message);
  buf[message.length] = 0x80;
  new DataView(buf.buffer).setUint32(end - 4, message.length * 8);
  const h = new Int32Array([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0]);
  for (let off = 0; off < end; off += 64) sha1Block(buf, off, h);
  return [...h].map((w) => (w >>> 0).toString(16).padStart(8, '0')).join('');
}

test('sha1Block gives OpenSSL SHA-1 digests for messages of 0 to 300 bytes of every byte value', () => {
  let seed = 11;
  for (let len = 0; len <= 300; len++) {
    const m = new Uint8Array(len);
    for (let i = 0; i < len; i++) m[i] = (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
    assert.equal(sha1(m), createHash('sha1').update(m).digest('hex'), `length ${len}`);
  }
});
