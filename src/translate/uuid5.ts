// UUIDv5 (RFC 9562 §5.5: SHA-1 of namespace bytes + name) computed in place. The `uuid` package does the
// same through crypto.createHash, whose per-call setup cost about 5 µs: a translation of 10k Ingresses
// makes ~35k ids, so that was ~200 ms of a 1 s translation (measured). This is ~0.7 µs, with no
// allocation but the result string. crypto.hash (one call, no setup) takes a string only as UTF-8 text,
// not after the binary namespace: with a Buffer per call it measured 3x slower than this.
// test/translate/uuid5.test.ts checks the result against `uuid`'s v5.

import { sha1Block } from './sha1-block.js';

// The SHA-1 state between blocks.
const H = new Int32Array(5);
let buf = new Uint8Array(1024);
const encoder = new TextEncoder();
// Char codes of the hex digits 0-f, and of '-'.
const HEXC = new Uint8Array([...'0123456789abcdef'].map((c) => c.charCodeAt(0)));
const DASH = 45;

/** The version 5 UUID of `name` (UTF-8) in the namespace given as its 16 bytes. */
export function uuidV5(name: string, namespace: Uint8Array): string {
  const len = writeMessage(name, namespace);
  // Padding: 0x80, zeros, then the bit length (big-endian 64-bit) at the end of the last 64-byte block.
  const end = (((len + 8) >> 6) + 1) * 64;
  buf[len] = 0x80;
  for (let i = len + 1; i < end - 4; i++) buf[i] = 0; // a loop: fill() is a builtin call costlier than ~60 stores
  const bits = len * 8; // < 2^32: names are far shorter than 512 MB
  buf[end - 4] = bits >>> 24;
  buf[end - 3] = bits >>> 16;
  buf[end - 2] = bits >>> 8;
  buf[end - 1] = bits;

  const h = H;
  h[0] = 0x67452301;
  h[1] = 0xefcdab89 | 0;
  h[2] = 0x98badcfe | 0;
  h[3] = 0x10325476;
  h[4] = 0xc3d2e1f0 | 0;
  for (let off = 0; off < end; off += 64) sha1Block(buf, off, h);
  const h0 = h[0];
  const h1 = (h[1] & 0xffff0fff) | 0x5000; // version 5 (high nibble of byte 6)
  const h2 = (h[2] & 0x3fffffff) | 0x80000000; // RFC variant (top bits of byte 8)
  const h3 = h[3];
  // One flat string from 36 char codes: concatenating 20 pieces would allocate a chain of ropes per id.
  const x = HEXC;
  return String.fromCharCode(
    x[h0 >>> 28], x[(h0 >>> 24) & 15], x[(h0 >>> 20) & 15], x[(h0 >>> 16) & 15], x[(h0 >>> 12) & 15], x[(h0 >>> 8) & 15], x[(h0 >>> 4) & 15], x[h0 & 15], DASH,
    x[h1 >>> 28], x[(h1 >>> 24) & 15], x[(h1 >>> 20) & 15], x[(h1 >>> 16) & 15], DASH,
    x[(h1 >>> 12) & 15], x[(h1 >>> 8) & 15], x[(h1 >>> 4) & 15], x[h1 & 15], DASH,
    x[h2 >>> 28], x[(h2 >>> 24) & 15], x[(h2 >>> 20) & 15], x[(h2 >>> 16) & 15], DASH,
    x[(h2 >>> 12) & 15], x[(h2 >>> 8) & 15], x[(h2 >>> 4) & 15], x[h2 & 15],
    x[h3 >>> 28], x[(h3 >>> 24) & 15], x[(h3 >>> 20) & 15], x[(h3 >>> 16) & 15], x[(h3 >>> 12) & 15], x[(h3 >>> 8) & 15], x[(h3 >>> 4) & 15], x[h3 & 15],
  );
}

// Namespace then UTF-8 name into `buf` (grown when a name needs it); returns the message length.
function writeMessage(name: string, namespace: Uint8Array): number {
  // Room for the name at 3 bytes per UTF-16 unit, plus the padding block.
  if (buf.length < 16 + name.length * 3 + 72) buf = new Uint8Array(2 * (16 + name.length * 3 + 72));
  for (let i = 0; i < 16; i++) buf[i] = namespace[i];
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c > 0x7f) return 16 + encoder.encodeInto(name, buf.subarray(16)).written;
    buf[16 + i] = c;
  }
  return 16 + name.length;
}
