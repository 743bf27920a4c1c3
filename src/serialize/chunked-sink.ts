/** Receives the output text piece by piece, in order. */
export type TextSink = (chunk: string) => void;

/** Default piece size, in UTF-16 code units: large enough that per-write costs vanish, small next to the output. */
export const CHUNK_SIZE = 1 << 16;

/**
 * Collects small strings and hands them to the sink in pieces of about `size` characters, so that a
 * large output never exists as one string and the sink (a pipe, a hash) is not called per value.
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
}
