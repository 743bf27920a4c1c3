// UUIDv5 (RFC 9562 §5.5: SHA-1 of namespace bytes + name) computed in place. The `uuid` package does the
// same through crypto.createHash, whose per-call setup cost about 5 µs: a translation of 10k Ingresses
// makes ~35k ids, so that was ~200 ms of a 1 s translation (measured). This is ~1.5 µs, with no
// allocation but the result string; test/translate/uuid5.test.ts checks it against `uuid`'s v5.

const W = new Int32Array(80);
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
  buf.fill(0, len + 1, end);
  const bits = len * 8; // < 2^32: names are far shorter than 512 MB
  buf[end - 4] = bits >>> 24;
  buf[end - 3] = bits >>> 16;
  buf[end - 2] = bits >>> 8;
  buf[end - 1] = bits;

  let h0 = 0x67452301, h1 = 0xefcdab89 | 0, h2 = 0x98badcfe | 0, h3 = 0x10325476, h4 = 0xc3d2e1f0 | 0;
  for (let off = 0; off < end; off += 64) {
    for (let t = 0; t < 16; t++) {
      const j = off + t * 4;
      W[t] = (buf[j] << 24) | (buf[j + 1] << 16) | (buf[j + 2] << 8) | buf[j + 3];
    }
    for (let t = 16; t < 80; t++) {
      const x = W[t - 3] ^ W[t - 8] ^ W[t - 14] ^ W[t - 16];
      W[t] = (x << 1) | (x >>> 31);
    }
    let a = h0, b = h1, c = h2, d = h3, e = h4;
    // The four rounds as four loops: one loop with a branch per step measured ~30% slower.
    for (let t = 0; t < 20; t++) {
      const temp = (((a << 5) | (a >>> 27)) + ((b & c) | (~b & d)) + e + 0x5a827999 + W[t]) | 0;
      e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = temp;
    }
    for (let t = 20; t < 40; t++) {
      const temp = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e + 0x6ed9eba1 + W[t]) | 0;
      e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = temp;
    }
    for (let t = 40; t < 60; t++) {
      const temp = (((a << 5) | (a >>> 27)) + ((b & c) | (b & d) | (c & d)) + e + 0x8f1bbcdc + W[t]) | 0;
      e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = temp;
    }
    for (let t = 60; t < 80; t++) {
      const temp = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e + 0xca62c1d6 + W[t]) | 0;
      e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = temp;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
  }
  h1 = (h1 & 0xffff0fff) | 0x5000; // version 5 (high nibble of byte 6)
  h2 = (h2 & 0x3fffffff) | 0x80000000; // RFC variant (top bits of byte 8)
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
  buf.set(namespace, 0);
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c > 0x7f) return 16 + encoder.encodeInto(name, buf.subarray(16)).written;
    buf[16 + i] = c;
  }
  return 16 + name.length;
}
