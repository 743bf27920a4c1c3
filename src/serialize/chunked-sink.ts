/** Receives the output text piece by piece, in order. */
export type TextSink = (chunk: string) => void;

/** Default piece size, in UTF-16 code units: large enough that per-write costs vanish, small next to the output. */
export const CHUNK_SIZE = 1 << 16;

/**
 * Collects small strings and hands them to the sink in pieces of about `size` characters (never more than
 * 1.25 × size), so that a large output never exists as one string and the sink (a pipe, a hash) is not
 * called per value.
 */
export class ChunkedSink {
  // One growing string: V8 keeps the appends as a rope and copies it flat once, when it is handed on.
  private text = '';

  constructor(
    private readonly sink: TextSink,
    private readonly size = CHUNK_SIZE,
  ) {}

  /** Appends text; hands the collected text on once it reaches the piece size. */
  write(s: string): void {
    if (s.length >= this.size >> 2) return this.writeLarge(s);
    this.text += s;
    if (this.text.length >= this.size) this.flush();
  }

  /** Hands on whatever is collected (call once at the end). */
  flush(): void {
    if (this.text.length === 0) return;
    const chunk = this.text;
    this.text = '';
    this.sink(chunk);
  }

  // A large piece (a batch of items' text) goes on by itself, in slices of at most `size`: appended to
  // the rope it would be copied once more when the rope is flattened. Slices of a flat string are views,
  // and never end between the two halves of a surrogate pair.
  private writeLarge(s: string): void {
    this.flush();
    if (s.length <= this.size) return this.sink(s);
    for (let i = 0; i < s.length; ) {
      let end = Math.min(i + this.size, s.length);
      if (end < s.length && isHighSurrogate(s.charCodeAt(end - 1))) end--;
      this.sink(s.slice(i, end));
      i = end;
    }
  }
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
