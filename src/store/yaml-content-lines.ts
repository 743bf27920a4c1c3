// Where the content lines (not blank, not a comment) of a YAML document are: positions in its text, in
// typed arrays reused from document to document, instead of a string per line. Found in one pass over
// the character codes, which also looks for the characters the reader leaves to js-yaml.

/** The content lines of the last text read: line i is [start[i], end[i]), indented by indent[i] spaces. */
export class ContentLines {
  indent = new Int32Array(1024);
  start = new Int32Array(1024);
  end = new Int32Array(1024); // trailing spaces excluded
  count = 0;

  /**
   * Finds the content lines of the text whose character codes are `c[0, length)`, followed by a line
   * break (`c[length]` is 10). False when the text has a character js-yaml must judge (a tab, CR, BOM,
   * control, non-printable or astral character), a document marker or a directive (left to js-yaml).
   */
  read(c: Uint16Array, length: number): boolean {
    let n = 0;
    for (let pos = 0; pos < length; ) {
      let start = pos;
      while (c[start] === 32) start++;
      let end = start;
      for (let ch = c[end]; ch !== 10; ch = c[++end]) if ((ch < 32 || ch >= 0x7f) && isUnsupported(ch)) return false;
      const first = c[start];
      const indent = start - pos;
      pos = end + 1;
      if (start === end || first === 35) continue; // an empty line or a comment
      // Document markers and directives are the splitter's and js-yaml's business.
      if (indent === 0 && (first === 37 || isMarker(c, start))) return false;
      while (c[end - 1] === 32) end--;
      if (n === this.indent.length) this.grow();
      this.indent[n] = indent;
      this.start[n] = start;
      this.end[n] = end;
      n++;
    }
    this.count = n;
    return true;
  }

  private grow(): void {
    const size = 2 * this.indent.length;
    for (const k of ['indent', 'start', 'end'] as const) {
      const next = new Int32Array(size);
      next.set(this[k]);
      this[k] = next;
    }
  }
}

// `---` or `...` at `start` (the line break after the text stops the comparison in time).
function isMarker(c: Uint16Array, start: number): boolean {
  const first = c[start];
  return (first === 45 || first === 46) && c[start + 1] === first && c[start + 2] === first;
}

// What js-yaml rejects or this reader does not read, other than the line break: C0 controls (tab and CR
// included), DEL and C1 controls, the BOM, U+FFFE, U+FFFF and surrogates (astral characters).
function isUnsupported(ch: number): boolean {
  return ch < 32 || ch <= 0x9f || ch === 0xfeff || ch === 0xfffe || ch === 0xffff || (ch >= 0xd800 && ch <= 0xdfff);
}
