// kubectl splits multi-document YAML on lines that are exactly `---` (optionally followed by a comment/space).
import { keepShape } from '../runtime/keep-shape.js';
// A `---` line inside a block scalar or a multi-line quoted string is no exception: YAML forbids such a line
// inside a document (js-yaml ends the document there too), so splitting on it gives what js-yaml gives.
/** A document separator line (without its `\n`). `\r`: files with CRLF line ends. */
export const DOC_SEPARATOR = /^---[ \t]*(?:#.*)?\r?$/;

/**
 * Splits a YAML stream that arrives in pieces into the texts between separator lines, exactly as they
 * are in the whole text (a document's text excludes the `\n` before its separator line; the last one runs
 * to the end of the stream). Only the current document's text is held.
 */
export class YamlDocumentSplitter {
  private pieces: string[] = []; // the current document's text so far
  private carry = ''; // the start of a line that may turn out to be a separator line
  private midLine = false; // the current line began in an earlier piece and cannot be a separator
  private line = 0; // the number (0-based) of the line being read
  private docLine = 0; // the current document's first line

  /** `onDocument(text, line)`: a document's text and the number (0-based) of its first line. */
  constructor(private readonly onDocument: (text: string, line: number) => void) {}

  /** Reads the next piece of the stream. */
  push(chunk: string): void {
    const text = this.carry === '' ? chunk : this.carry + chunk;
    this.carry = '';
    let docStart = 0; // where the current document resumes in `text` (what came before is in `pieces`)
    let pos = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', pos)) {
      if (this.midLine) this.midLine = false;
      else if (text.charCodeAt(pos) === 45 && DOC_SEPARATOR.test(text.slice(pos, nl))) {
        this.separator(text.slice(docStart, pos));
        docStart = nl + 1;
      }
      pos = nl + 1;
      this.line++;
    }
    // The last line is incomplete. Kept aside only while it might be a separator line (it starts with '-').
    if (!this.midLine && text.charCodeAt(pos) === 45) {
      this.pieces.push(text.slice(docStart, pos));
      this.carry = text.slice(pos);
    } else {
      this.pieces.push(text.slice(docStart));
      this.midLine = this.midLine || pos < text.length;
    }
  }

  /** Ends the stream: the last document is passed on. */
  end(): void {
    const last = this.carry;
    this.carry = '';
    if (!this.midLine && last.charCodeAt(0) === 45 && DOC_SEPARATOR.test(last)) this.separator('');
    else if (this.line + 1 > this.docLine) this.emit(last, false);
    this.pieces = [];
  }

  // A separator line starts at the current line; `before` is the document's text just before it.
  private separator(before: string): void {
    if (this.line > this.docLine) this.emit(before, true);
    this.pieces = [];
    this.docLine = this.line + 1;
  }

  private emit(tail: string, dropFinalNewline: boolean): void {
    this.pieces.push(tail);
    let text = this.pieces.length === 1 ? this.pieces[0] : this.pieces.join('');
    this.pieces = [];
    if (dropFinalNewline) text = text.slice(0, -1);
    this.onDocument(text, this.docLine);
  }
}

// An idle instance for the life of the process: see keepShape.
keepShape(new YamlDocumentSplitter(() => {}));
