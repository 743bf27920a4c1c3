// A text's UTF-16 code units in a reused typed array: reading them there is faster than charCodeAt on a
// string that is a slice of a larger one (every document's text is a slice of the chunk it was read in).

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const INITIAL_LENGTH = 1 << 14;

/** Holds the code units of the last text given to `of`. */
export class CharCodes {
  private codes = new Uint16Array(INITIAL_LENGTH);
  private bytes = Buffer.from(this.codes.buffer);

  /** The code units of `text`, followed by a line break (10); valid until the next call. */
  of(text: string): Uint16Array {
    // Grown for a large text, and made small again after it (one large document must not keep it).
    const length = text.length + 1;
    if (length > this.codes.length || (this.codes.length > 64 * INITIAL_LENGTH && length <= INITIAL_LENGTH)) {
      this.codes = new Uint16Array(Math.max(INITIAL_LENGTH, 2 * length));
      this.bytes = Buffer.from(this.codes.buffer);
    }
    // UTF-16LE bytes are the code units on a little-endian machine; elsewhere they are copied one by one.
    if (LITTLE_ENDIAN) this.bytes.write(text, 0, 'utf16le');
    else for (let i = 0; i < text.length; i++) this.codes[i] = text.charCodeAt(i);
    this.codes[text.length] = 10;
    return this.codes;
  }
}
