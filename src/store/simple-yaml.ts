import yaml from 'js-yaml';

// A reader for the plain block YAML that manifests are written in (block mappings and sequences, plain and
// single-line quoted scalars, comments): it gives what `yaml.loadAll(text, { schema: CORE_SCHEMA })` gives,
// several times faster, and gives up (undefined) on anything else (anchors, tags, block or multi-line
// scalars, flow collections, escapes, tabs, ...), which js-yaml then reads. Scalars resolve through
// js-yaml's own CORE_SCHEMA types, so `80`, `true`, `~` or `0x1F` become what js-yaml makes of them.

type ImplicitType = { resolve(data: string): boolean; construct(data: string): unknown };
// A document's content lines (no blank or comment lines): indentation and text without it, side by side.
type Lines = { indents: number[]; texts: string[] };

const IMPLICIT_TYPES: readonly ImplicitType[] | undefined = (
  yaml.CORE_SCHEMA as unknown as { compiledImplicit?: ImplicitType[] }
).compiledImplicit;

// Characters that make js-yaml do something this reader does not: tabs, CR, BOM, NEL, non-printable and
// astral characters (js-yaml rejects some, and js-yaml's own messages are the ones to show).
const UNSUPPORTED = /[\t\r\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFEFF\uFFFE\uFFFF\uD800-\uDFFF]/;
// Cannot start a plain scalar (js-yaml readPlainScalar), or starts something this reader leaves alone.
const BAD_FIRST = new Set([',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`', '?', ':']);

// `key in {}` would be true for these: a key js-yaml must read (an own `__proto__` property, say).
const PROTOTYPE_KEYS = new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__']);
// First characters of the scalars js-yaml's CORE_SCHEMA types may resolve: a sign, a digit or a dot (int,
// float), and `~`; a scalar starting with a letter resolves only if it is one of NULL_OR_BOOL.
const MAY_BE_NUMBER = new Set([...'~0123456789+-.'].map((c) => c.charCodeAt(0)));
const NULL_OR_BOOL = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

const GIVE_UP: unique symbol = Symbol('give up');

/** The documents of `text` as js-yaml (CORE_SCHEMA) loads them, or undefined when js-yaml must read it. */
export function loadSimpleYaml(text: string): unknown[] | undefined {
  if (!IMPLICIT_TYPES || UNSUPPORTED.test(text)) return undefined;
  const lines = contentLines(text);
  if (!lines || lines.indents.length === 0 || lines.indents[0] !== 0) return undefined;
  try {
    const reader = new Reader(lines);
    const json = reader.mapping(0);
    // Built as JSON text and parsed at once: JSON.parse makes objects and arrays of exactly their size and
    // strings of their own (not slices that would keep the whole manifest text alive), and is fast.
    return reader.done() ? [JSON.parse(json)] : undefined;
  } catch (err) {
    if (err === GIVE_UP) return undefined;
    throw err;
  }
}

function contentLines(text: string): Lines | undefined {
  const indents: number[] = [];
  const texts: string[] = [];
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
    if (indent === 0 && (first === 37 || text.startsWith('---', start) || text.startsWith('...', start))) return undefined;
    while (text.charCodeAt(end - 1) === 32) end--;
    indents.push(indent);
    texts.push(text.slice(start, end));
  }
  return { indents, texts };
}

function isSequenceItem(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

class Reader {
  private i = 0;
  private readonly indents: number[];
  private readonly texts: string[];

  constructor(lines: Lines) {
    this.indents = lines.indents;
    this.texts = lines.texts;
  }

  done(): boolean {
    return this.i === this.indents.length;
  }

  // The indentation of the next line, or -1 at the end.
  private nextIndent(): number {
    return this.i < this.indents.length ? this.indents[this.i] : -1;
  }

  private block(indent: number): string {
    return isSequenceItem(this.texts[this.i]) ? this.sequence(indent) : this.mapping(indent);
  }

  // Anything but the end of this node or a line of a shallower one is a continuation or an error.
  private expectEnd(indent: number): void {
    if (this.nextIndent() > indent) throw GIVE_UP;
  }

  mapping(indent: number): string {
    let out = '{';
    const keys: string[] = [];
    while (this.nextIndent() === indent) {
      const text = this.texts[this.i];
      if (isSequenceItem(text)) throw GIVE_UP;
      const key = splitKey(text);
      if (key === null) throw GIVE_UP;
      const rest = splitRest;
      // A duplicate key, a merge key or an Object.prototype member (`constructor`, `__proto__`): js-yaml's to handle.
      if (key === '<<' || PROTOTYPE_KEYS.has(key) || keys.includes(key)) throw GIVE_UP;
      this.i++;
      let value = 'null';
      if (rest !== '') {
        value = scalar(rest);
      } else {
        const n = this.nextIndent();
        if (n > indent) value = this.block(n);
        else if (n === indent && isSequenceItem(this.texts[this.i])) value = this.sequence(indent);
      }
      this.expectEnd(indent);
      out += `${keys.length === 0 ? '' : ','}${jsonKey(key)}:${value}`;
      keys.push(key);
    }
    return `${out}}`;
  }

  private sequence(indent: number): string {
    let out = '[';
    let first = true;
    while (this.nextIndent() === indent && isSequenceItem(this.texts[this.i])) {
      const text = this.texts[this.i];
      let spaces = 1;
      while (text.charCodeAt(spaces) === 32) spaces++;
      const item = text.slice(spaces);
      let value = 'null';
      if (item === '') {
        this.i++;
        const n = this.nextIndent();
        if (n > indent) value = this.block(n);
      } else if (isSequenceItem(item)) {
        throw GIVE_UP;
      } else if (splitKey(item) !== null) {
        // `- key: value`: a mapping whose first key is on the dash line, the others at its column.
        this.indents[this.i] = indent + spaces;
        this.texts[this.i] = item;
        value = this.mapping(indent + spaces);
      } else {
        value = scalar(item);
        this.i++;
      }
      this.expectEnd(indent);
      out += first ? value : `,${value}`;
      first = false;
    }
    return `${out}]`;
  }
}

// The value text of the entry splitKey split last (a variable rather than a result object per line).
let splitRest = '';

// The key of `key: rest` with a plain or quoted key (`rest` in splitRest), or null when the text is not a
// mapping entry.
function splitKey(text: string): string | null {
  const q = text[0];
  if (q === '"' || q === "'") {
    const end = closingQuote(text);
    if (text[end + 1] === ':' && (end + 2 === text.length || text[end + 2] === ' ')) {
      splitRest = text.slice(end + 2).trim();
      return quoted(text.slice(0, end + 1));
    }
    if (end === text.length - 1) return null; // a quoted scalar
    throw GIVE_UP;
  }
  let colon = text.indexOf(': ');
  if (colon < 0 && text.endsWith(':')) colon = text.length - 1;
  if (colon < 0) return null;
  const keyText = text.slice(0, colon);
  if (keyText === '' || BAD_FIRST.has(keyText[0]) || keyText.endsWith(' ') || keyText.includes(' #')) throw GIVE_UP;
  if (keyText[0] === '-' && (keyText.length === 1 || keyText[1] === ' ')) throw GIVE_UP;
  let start = colon + 1;
  while (text.charCodeAt(start) === 32) start++; // the line has no trailing spaces
  splitRest = text.slice(start);
  return String(plain(keyText));
}

function closingQuote(text: string): number {
  const q = text[0];
  for (let j = 1; j < text.length; j++) {
    const c = text[j];
    if (q === '"' && c === '\\') throw GIVE_UP; // escapes: js-yaml's
    if (c !== q) continue;
    if (q === "'" && text[j + 1] === "'") {
      j++;
      continue;
    }
    return j;
  }
  throw GIVE_UP; // a quoted scalar continued on the next line
}

function quoted(s: string): string {
  const inner = s.slice(1, -1);
  return s[0] === "'" ? inner.replaceAll("''", "'") : inner;
}

// A value, as JSON text.
function scalar(s: string): string {
  const first = s[0];
  if (first === '"' || first === "'") {
    if (closingQuote(s) !== s.length - 1) throw GIVE_UP; // text after the closing quote (a comment)
    return jsonString(quoted(s));
  }
  if (s === '[]' || s === '{}') return s;
  if (BAD_FIRST.has(first)) throw GIVE_UP;
  if (first === '-' && (s.length === 1 || s[1] === ' ')) throw GIVE_UP;
  if (s.includes(' #') || s.includes(': ') || s.endsWith(':')) throw GIVE_UP;
  return toJson(plain(s));
}

// Keys repeat in every document (apiVersion, metadata, name, ...): their JSON text is made once.
const KEY_JSON = new Map<string, string>();
function jsonKey(key: string): string {
  let json = KEY_JSON.get(key);
  if (json === undefined) {
    json = jsonString(key);
    if (KEY_JSON.size < 10_000) KEY_JSON.set(key, json);
  }
  return json;
}

// A string as JSON. Lines hold no control characters (UNSUPPORTED): only `"` and `\` need escapes.
function jsonString(s: string): string {
  return s.includes('"') || s.includes('\\') ? JSON.stringify(s) : `"${s}"`;
}

// What a CORE_SCHEMA type made of a plain scalar (null, a boolean, a number or the string), as JSON text.
function toJson(v: unknown): string {
  if (typeof v === 'string') return jsonString(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw GIVE_UP; // .inf, .nan: not JSON
    return Object.is(v, -0) ? '-0' : String(v);
  }
  if (v === null || typeof v === 'boolean') return String(v);
  throw GIVE_UP;
}

// A plain scalar: the first CORE_SCHEMA type that resolves it (null, bool, int, float), else the string.
function plain(s: string): unknown {
  // None of js-yaml's CORE_SCHEMA types (null: ~ null Null NULL; bool: true/false in three cases; int and
  // float: a sign, a digit or a dot first) resolves any other scalar: most keys and values skip the resolvers.
  if (!MAY_BE_NUMBER.has(s.charCodeAt(0)) && !NULL_OR_BOOL.has(s)) return s;
  for (const t of IMPLICIT_TYPES ?? []) if (t.resolve(s)) return t.construct(s);
  return s;
}
