// JSON text written byte by byte into one reused buffer and read out as a single flat string: building it
// with `+=` made a rope of a slice and a cons cell per key and value, most of the YAML reader's garbage.
// Only Latin-1 bytes are written (other characters as \u escapes), so a latin1 decode gives the text.

const HEX = '0123456789abcdef';
const INITIAL_BYTES = 1 << 16;

/** A growing JSON text; `take` returns it and starts an empty one. */
export class JsonTextBuffer {
  private buf = Buffer.allocUnsafe(INITIAL_BYTES);
  private n = 0;

  /** The text written since the last take. */
  take(): string {
    const text = this.buf.toString('latin1', 0, this.n);
    this.n = 0;
    // One large document must not keep its buffer for the rest of the process.
    if (this.buf.length > 16 * INITIAL_BYTES) this.buf = Buffer.allocUnsafe(INITIAL_BYTES);
    return text;
  }

  /** One ASCII character, by its code. */
  char(c: number): void {
    if (this.n === this.buf.length) this.grow(1);
    this.buf[this.n++] = c;
  }

  /** ASCII text as it is (JSON numbers and literals). */
  ascii(s: string): void {
    this.reserve(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.n++] = s.charCodeAt(i);
  }

  /** `s[start, end)` as a JSON string, quotes included. */
  string(s: string, start = 0, end = s.length): void {
    this.reserve(6 * (end - start) + 2);
    const b = this.buf;
    let n = this.n;
    b[n++] = 34;
    for (let i = start; i < end; i++) n = put(b, n, s.charCodeAt(i));
    b[n++] = 34;
    this.n = n;
  }

  /** The characters `codes[start, end)` as a JSON string, quotes included. */
  codes(codes: Uint16Array, start: number, end: number): void {
    this.reserve(6 * (end - start) + 2);
    const b = this.buf;
    let n = this.n;
    b[n++] = 34;
    for (let i = start; i < end; i++) n = put(b, n, codes[i]);
    b[n++] = 34;
    this.n = n;
  }

  /**
   * A YAML plain scalar `codes[start, end)` as a JSON string, checked on the way (one pass instead of
   * two): false, and nothing written, when it holds ` #` (a comment) or `: ` (a mapping).
   */
  plainScalar(codes: Uint16Array, start: number, end: number): boolean {
    this.reserve(6 * (end - start) + 2);
    const b = this.buf;
    let n = this.n;
    b[n++] = 34;
    for (let i = start, prev = -1; i < end; i++) {
      const c = codes[i];
      if ((c === 35 && prev === 32) || (c === 32 && prev === 58)) return false;
      n = put(b, n, c);
      prev = c;
    }
    b[n++] = 34;
    this.n = n;
    return true;
  }

  private reserve(k: number): void {
    if (this.n + k > this.buf.length) this.grow(k);
  }

  private grow(k: number): void {
    const next = Buffer.allocUnsafe(Math.max(2 * this.buf.length, this.n + k));
    this.buf.copy(next, 0, 0, this.n);
    this.buf = next;
  }
}

// Writes one character of a JSON string at b[n]; returns the next position.
function put(b: Buffer, n: number, c: number): number {
  if (c >= 32 && c < 256 && c !== 34 && c !== 92) {
    b[n] = c;
    return n + 1;
  }
  if (c === 34 || c === 92) {
    b[n] = 92;
    b[n + 1] = c;
    return n + 2;
  }
  b[n++] = 92;
  b[n++] = 117; // \uXXXX: control characters and anything past Latin-1
  for (let shift = 12; shift >= 0; shift -= 4) b[n++] = HEX.charCodeAt((c >> shift) & 15);
  return n;
}
