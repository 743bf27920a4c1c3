import { JsonTextBuffer } from './json-text-buffer.js';
import { CharCodes } from './char-codes.js';
import { ContentLines } from './yaml-content-lines.js';
import { codeTable, hasImplicitTypes, isDecimal, isLowercaseNullOrBool, isNullOrBoolAt, mayBeNumber, plain } from './yaml-plain-scalars.js';
import { keepShape } from '../runtime/keep-shape.js';

// A reader for the plain block YAML that manifests are written in (block mappings and sequences, plain and
// single-line quoted scalars, comments): it gives what `yaml.loadAll(text, { schema: CORE_SCHEMA })` gives,
// several times faster, and gives up (undefined) on anything else (anchors, tags, block or multi-line
// scalars, flow collections, escapes, tabs, ...), which js-yaml then reads. Scalars resolve through
// js-yaml's own CORE_SCHEMA types, so `80`, `true`, `~` or `0x1F` become what js-yaml makes of them.
// It works on character positions (no string per line, key or value where it can be helped) and writes
// JSON text, parsed at once: JSON.parse makes objects and arrays of exactly their size and strings of
// their own (not slices that would keep the whole manifest text alive), and is fast.

// Cannot start a plain scalar (js-yaml readPlainScalar), or starts something this reader leaves alone.
const BAD_FIRST = codeTable(',[]{}#&*!|>\'"%@`?:');

// `key in {}` would be true for these: a key js-yaml must read (an own `__proto__` property, say).
const PROTOTYPE_KEYS = new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__']);
// Their first characters and lengths, as a prefilter: most keys are not hashed for the Set lookup.
const PROTOTYPE_KEY_CLASSES = new Uint8Array(128 * 64);
for (const k of PROTOTYPE_KEYS) PROTOTYPE_KEY_CLASSES[keyClass(k.charCodeAt(0), k.length)] = 1;

function keyClass(first: number, length: number): number {
  return (first & 127) * 64 + Math.min(length, 63);
}

const GIVE_UP: unique symbol = Symbol('give up');

// Reused from document to document (the reader runs one document at a time, synchronously).
const LINES = new ContentLines();
const JSON_TEXT = new JsonTextBuffer();
const CODES = new CharCodes();

/** The documents of `text` as js-yaml (CORE_SCHEMA) loads them, or undefined when js-yaml must read it. */
export function loadSimpleYaml(text: string): unknown[] | undefined {
  if (!hasImplicitTypes()) return undefined;
  const codes = CODES.of(text);
  if (!LINES.read(codes, text.length) || LINES.count === 0 || LINES.indent[0] !== 0) return undefined;
  try {
    const reader = new Reader(text, codes, LINES, JSON_TEXT);
    reader.mapping(0);
    const json = JSON_TEXT.take(); // taken in any case: the buffer starts empty for the next document
    return reader.done() ? [JSON.parse(json)] : undefined;
  } catch (err) {
    JSON_TEXT.take();
    if (err === GIVE_UP) return undefined;
    throw err;
  }
}

class Reader {
  private i = 0;
  private readonly count: number;
  private readonly indents: Int32Array;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private doubledQuote = false; // the quoted scalar closingQuote scanned last has a `''`
  private keyAsWritten = false; // the key `key` returned last is its text in the document

  // `c`: the character codes of `t` (faster to read than a string that is a slice of a larger one), and a
  // line break after them, so that looking one character past a line's end never reads stale codes.
  constructor(
    private readonly t: string,
    private readonly c: Uint16Array,
    lines: ContentLines,
    private readonly out: JsonTextBuffer,
  ) {
    this.count = lines.count;
    this.indents = lines.indent;
    this.starts = lines.start;
    this.ends = lines.end;
  }

  done(): boolean {
    return this.i === this.count;
  }

  // The indentation of the next line, or -1 at the end.
  private nextIndent(): number {
    return this.i < this.count ? this.indents[this.i] : -1;
  }

  // `-` or `- ...` at [s, e).
  private isItem(s: number, e: number): boolean {
    return this.c[s] === 45 && (s + 1 === e || this.c[s + 1] === 32);
  }

  private block(indent: number): void {
    if (this.isItem(this.starts[this.i], this.ends[this.i])) this.sequence(indent);
    else this.mapping(indent);
  }

  // Anything but the end of this node or a line of a shallower one is a continuation or an error.
  private expectEnd(indent: number): void {
    if (this.nextIndent() > indent) throw GIVE_UP;
  }

  mapping(indent: number): void {
    const { c, out } = this;
    out.char(123);
    const keys: string[] = [];
    while (this.nextIndent() === indent) {
      const s = this.starts[this.i];
      const e = this.ends[this.i];
      if (this.isItem(s, e)) throw GIVE_UP;
      const colon = this.entryColon(s, e);
      if (colon < 0) throw GIVE_UP;
      const key = this.key(s, colon);
      // A duplicate key, a merge key or an Object.prototype member (`constructor`, `__proto__`): js-yaml's to handle.
      if (key === '<<' || (PROTOTYPE_KEY_CLASSES[keyClass(key.charCodeAt(0), key.length)] === 1 && PROTOTYPE_KEYS.has(key)) || keys.includes(key)) throw GIVE_UP;
      if (keys.length > 0) out.char(44);
      keys.push(key);
      if (this.keyAsWritten) out.codes(c, s, colon);
      else out.string(key);
      out.char(58);
      this.i++;
      let p = colon + 1;
      while (p < e && c[p] === 32) p++;
      if (p < e) this.scalar(p, e);
      else {
        const n = this.nextIndent();
        if (n > indent) this.block(n);
        else if (n === indent && this.isItem(this.starts[this.i], this.ends[this.i])) this.sequence(indent);
        else out.ascii('null');
      }
      this.expectEnd(indent);
    }
    out.char(125);
  }

  private sequence(indent: number): void {
    const { c, out } = this;
    out.char(91);
    for (let first = true; this.nextIndent() === indent; first = false) {
      const s = this.starts[this.i];
      const e = this.ends[this.i];
      if (!this.isItem(s, e)) break;
      if (!first) out.char(44);
      let p = s + 1;
      while (p < e && c[p] === 32) p++;
      if (p === e) {
        this.i++;
        const n = this.nextIndent();
        if (n > indent) this.block(n);
        else out.ascii('null');
      } else if (this.isItem(p, e)) {
        throw GIVE_UP;
      } else if (this.entryColon(p, e) >= 0) {
        // `- key: value`: a mapping whose first key is on the dash line, the others at its column.
        this.indents[this.i] = indent + p - s;
        this.starts[this.i] = p;
        this.mapping(indent + p - s);
      } else {
        this.scalar(p, e);
        this.i++;
      }
      this.expectEnd(indent);
    }
    out.char(93);
  }

  // The position of the `:` ending the key of a `key: value` at [s, e) (plain or quoted key), or -1 when
  // the text is not a mapping entry.
  private entryColon(s: number, e: number): number {
    const c = this.c;
    const q = c[s];
    if (q === 34 || q === 39) {
      const end = this.closingQuote(s, e);
      if (c[end + 1] === 58 && (end + 2 === e || c[end + 2] === 32)) return end + 1;
      if (end === e - 1) return -1; // a quoted scalar
      throw GIVE_UP;
    }
    let colon = -1;
    let comment = false; // ` #` before the colon
    for (let j = s; j < e; j++) {
      const ch = c[j];
      if (ch === 58 && (j + 1 === e || c[j + 1] === 32)) {
        colon = j;
        break;
      }
      if (ch === 35 && j > s && c[j - 1] === 32) comment = true;
    }
    if (colon < 0) return -1;
    if (colon === s || comment || c[colon - 1] === 32) throw GIVE_UP;
    if (q < 128 && BAD_FIRST[q] === 1) throw GIVE_UP;
    if (q === 45 && (colon === s + 1 || c[s + 1] === 32)) throw GIVE_UP;
    return colon;
  }

  // The key of the entry at [s, colon), as js-yaml makes it (a property name: `80`, `true` or `~` as strings).
  private key(s: number, colon: number): string {
    const { t, c } = this;
    const q = c[s];
    this.keyAsWritten = false;
    if (q === 34 || q === 39) {
      const inner = t.slice(s + 1, colon - 1);
      return q === 39 && this.doubledQuote ? inner.replaceAll("''", "'") : inner;
    }
    const text = t.slice(s, colon);
    if (mayBeNumber(q) || isNullOrBoolAt(c, s, colon)) return String(plain(text));
    this.keyAsWritten = true;
    return text;
  }

  private closingQuote(s: number, e: number): number {
    const c = this.c;
    const q = c[s];
    this.doubledQuote = false;
    for (let j = s + 1; j < e; j++) {
      const ch = c[j];
      if (q === 34 && ch === 92) throw GIVE_UP; // escapes: js-yaml's
      if (ch !== q) continue;
      // Past e there are only trailing spaces or the line break: a quote there is not this line's.
      if (q === 39 && c[j + 1] === 39) {
        this.doubledQuote = true;
        j++;
        continue;
      }
      return j;
    }
    throw GIVE_UP; // a quoted scalar continued on the next line
  }

  // A value at [s, e), as JSON.
  private scalar(s: number, e: number): void {
    const { t, c, out } = this;
    const first = c[s];
    if (first === 34 || first === 39) {
      if (this.closingQuote(s, e) !== e - 1) throw GIVE_UP; // text after the closing quote (a comment)
      if (first === 39 && this.doubledQuote) out.string(t.slice(s + 1, e - 1).replaceAll("''", "'"));
      else out.codes(c, s + 1, e - 1);
      return;
    }
    const last = c[e - 1];
    if (e - s === 2 && ((first === 91 && last === 93) || (first === 123 && last === 125))) return out.ascii(first === 91 ? '[]' : '{}');
    if (first < 128 && BAD_FIRST[first] === 1) throw GIVE_UP;
    if (first === 45 && (s + 1 === e || c[s + 1] === 32)) throw GIVE_UP;
    if (last === 58) throw GIVE_UP;
    if (mayBeNumber(first) || isNullOrBoolAt(c, s, e)) {
      if (this.hasCommentOrColon(s, e)) throw GIVE_UP;
      this.resolved(s, e);
    } else if (!out.plainScalar(c, s, e)) throw GIVE_UP;
  }

  // ` #` (a comment) or `: ` (a nested mapping) inside a plain scalar.
  private hasCommentOrColon(s: number, e: number): boolean {
    const c = this.c;
    for (let j = s + 1; j < e; j++) {
      const ch = c[j];
      if ((ch === 35 && c[j - 1] === 32) || (ch === 32 && c[j - 1] === 58)) return true;
    }
    return false;
  }

  // A plain scalar some CORE_SCHEMA type may resolve, as JSON.
  private resolved(s: number, e: number): void {
    const { t, c, out } = this;
    // A decimal number's JSON is its digits; `null`, `true` and `false` are JSON as they are.
    if (isDecimal(c, s, e) || isLowercaseNullOrBool(c, s, e)) {
      for (let j = s; j < e; j++) out.char(c[j]);
      return;
    }
    const v = plain(t.slice(s, e));
    if (typeof v === 'string') return out.string(v);
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw GIVE_UP; // .inf, .nan: not JSON
      return out.ascii(Object.is(v, -0) ? '-0' : String(v));
    }
    if (v === null || typeof v === 'boolean') return out.ascii(String(v));
    throw GIVE_UP;
  }
}

// An idle instance for the life of the process: see keepShape.
keepShape(new Reader('', new Uint16Array(1), LINES, JSON_TEXT));
