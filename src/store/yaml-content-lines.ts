// Where the content lines (not blank, not a comment) of a YAML document are: positions in its text, in
// typed arrays reused from document to document, instead of a string per line.

/** The content lines of the last text read: line i is text[start[i], end[i]), indented by indent[i] spaces. */
export class ContentLines {
  indent = new Int32Array(1024);
  start = new Int32Array(1024);
  end = new Int32Array(1024); // trailing spaces excluded
  count = 0;

  /** Finds the content lines of `text`; false when it has a document marker or a directive (left to js-yaml). */
  read(text: string): boolean {
    let n = 0;
    for (let pos = 0; pos < text.length; ) {
      let end = text.indexOf('\n', pos);
      if (end < 0) end = text.length;
      let start = pos;
      while (text.charCodeAt(start) === 32) start++;
      const first = text.charCodeAt(start);
      const indent = start - pos;
      pos = end + 1;
      if (start === end || first === 35) continue; // an empty line or a comment
      // Document markers and directives are the splitter's and js-yaml's business.
      if (indent === 0 && (first === 37 || text.startsWith('---', start) || text.startsWith('...', start))) return false;
      while (text.charCodeAt(end - 1) === 32) end--;
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
