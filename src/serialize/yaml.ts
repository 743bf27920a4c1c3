import yaml from 'js-yaml';
import {
  blockHeader, codePointAt, dropEndingNewline, indentString, isBase60Start, isPlainSafe, isPlainSafeFirst, isPlainSafeLast, isPrintable,
  lastCodePoint,
} from './yaml-chars.js';
import { SortedKeys } from './sorted-keys.js';

// A YAML writer for JSON-shaped documents that gives byte for byte what
// `yaml.dump(doc, { sortKeys: true, lineWidth: -1, noRefs: true, quotingType: '"' })` gives, ~7x faster:
// js-yaml runs every implicit type's regular expressions on every string and rebuilds each nested level's
// text. The scalar rules below are js-yaml 4's (chooseScalarStyle/writeScalar, block context, no line
// folding); anything rarer (an unusual number, a quoted or long key, undefined) is handed to js-yaml itself:
// quoted scalars one at a time, and anything else by rendering the whole document with js-yaml.
// test/serialize/yaml.test.ts holds it to js-yaml's output (also after a js-yaml upgrade).

/** The js-yaml options whose output renderYAMLFast reproduces. */
export const YAML_DUMP_OPTIONS: yaml.DumpOptions = { sortKeys: true, lineWidth: -1, noRefs: true, quotingType: '"' };

type ImplicitType = { resolve(data: string): boolean };

// The resolvers js-yaml's dumper consults to decide whether a plain scalar would read back as another type.
const IMPLICIT_TYPES: readonly ImplicitType[] | undefined = (
  yaml.DEFAULT_SCHEMA as unknown as { compiledImplicit?: ImplicitType[] }
).compiledImplicit;
const COMPAT_BOOLEANS = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF']);
const BASE60 = /^[-+]?[0-9_]+(?::[0-9_]+)+(?:\.[0-9_]*)?$/;
const NULL_OR_BOOL = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);
const MAX_SIMPLE_KEY = 1024;
const MAX_CACHED_KEYS = 4096;
// Printable ASCII with no space or `#`, a `:` only before another such character, and a first character
// js-yaml allows to start a plain scalar: such strings are plain unless they read back as another type.
const SIMPLE_PLAIN = /^[A-Za-z0-9_./~$()+;<\\^](?:[!"$-9;-~]|:(?=[!-~]))*$/;

class Unsupported extends Error {}

/** YAML text of a JSON-shaped document, identical to js-yaml's dump with YAML_DUMP_OPTIONS. */
export function renderYAMLFast(doc: unknown): string {
  if (!IMPLICIT_TYPES || doc === null || typeof doc !== 'object' || Array.isArray(doc)) return yaml.dump(doc, YAML_DUMP_OPTIONS);
  const w = new Writer();
  try {
    const values: unknown[] = [];
    const keys = SORTED_KEYS.defined(doc as Record<string, unknown>, values);
    if (keys.length === 0) return '{}\n';
    w.mapping(keys, values, 0, true);
  } catch (err) {
    if (err instanceof Unsupported) return yaml.dump(doc, YAML_DUMP_OPTIONS);
    throw err;
  }
  return `${w.out}\n`;
}

/**
 * The pieces of a document's text, for writing it out one top-level pair or list item at a time: joined
 * (pairs separated by a line break, plus a final one) they are renderYAMLFast's text of the document
 * with those pairs, keys in sorted order. js-yaml renders a node the same wherever it appears at a given
 * level, so a piece the fast writer cannot do is handed to js-yaml alone.
 */
export class YAMLPieces {
  private readonly w = new Writer();

  /** `key: value` at the top level. */
  pair(key: string, value: unknown): string {
    return this.render(() => {
      this.w.pair(key, value, 0, false);
    }, () => yaml.dump({ [key]: value }, YAML_DUMP_OPTIONS).slice(0, -1));
  }

  /** `key:` opening a non-empty top-level list; undefined when the key is one js-yaml must write (then use pair). */
  listKey(key: string): string | undefined {
    if (!IMPLICIT_TYPES) return undefined;
    try {
      return this.w.key(key, 0);
    } catch (err) {
      if (err instanceof Unsupported) return undefined;
      throw err;
    }
  }

  /** One item of a top-level list, from its line break on. */
  listItem(item: unknown): string {
    return this.render(() => this.w.listItem(item, 1), () => yaml.dump({ k: [item] }, YAML_DUMP_OPTIONS).slice(2, -1));
  }

  private render(fast: () => void, slow: () => string): string {
    if (!IMPLICIT_TYPES) return slow();
    this.w.out = '';
    try {
      fast();
    } catch (err) {
      if (err instanceof Unsupported) return slow();
      throw err;
    } finally {
      this.w.release();
    }
    const text = this.w.out;
    this.w.out = '';
    return text;
  }
}

class Writer {
  out = '';
  private readonly indents: string[] = [];
  private readonly quoted = new Map<string, string>();
  // Keys repeat on every entity; their rendering does not depend on the level.
  private readonly keys = new Map<string, string>();

  /** The pairs of a mapping: its keys with a value, sorted, and their values (SORTED_KEYS.defined). */
  mapping(keys: readonly string[], values: readonly unknown[], level: number, compact: boolean): void {
    for (let i = 0; i < keys.length; i++) this.pair(keys[i], values[i], level, !compact || i > 0);
  }

  /** One `key: value` of a mapping at this level, after a line break unless it comes first on its line. */
  pair(key: string, v: unknown, level: number, newline: boolean): void {
    if (newline) this.out += this.newline(level);
    this.out += this.key(key, level);
    this.value(v, level + 1, false, ': ', ':');
  }

  key(key: string, level: number): string {
    let k = this.keys.get(key);
    if (k === undefined) {
      k = this.scalar(key, level + 1, true);
      if (this.keys.size < MAX_CACHED_KEYS) this.keys.set(key, k);
    }
    if (k.length > MAX_SIMPLE_KEY) throw new Unsupported();
    return k;
  }

  /** One item of a sequence at this level, from its line break on. */
  listItem(item: unknown, level: number): void {
    this.out += this.newline(level);
    this.value(item, level + 1, true, '- ', '-');
  }

  /** Forgets quoted strings when there are many: a streamed document must not keep all of its own. */
  release(): void {
    if (this.quoted.size > MAX_CACHED_KEYS) this.quoted.clear();
  }

  sequence(arr: readonly unknown[], level: number, compact: boolean): void {
    // Top-level lists are built in batches joined into flat strings: one ever-growing string would keep
    // millions of rope pieces alive until the end, and garbage collection would dominate.
    if (level > 1) {
      for (let i = 0; i < arr.length; i++) {
        if (!compact || i > 0) this.out += this.newline(level);
        this.value(arr[i], level + 1, true, '- ', '-');
      }
      return;
    }
    const outer = this.out;
    const batches: string[] = [outer];
    let batch: string[] = [];
    for (let i = 0; i < arr.length; i++) {
      this.out = '';
      if (!compact || i > 0) this.out += this.newline(level);
      this.value(arr[i], level + 1, true, '- ', '-');
      batch.push(this.out);
      if (batch.length === 64) {
        batches.push(batch.join(''));
        batch = [];
      }
    }
    batches.push(batch.join(''));
    this.out = batches.join('');
  }

  // One node after its key or dash. Nested block collections start on a new line (non-compact) under a
  // key, and on the same line (compact) after a dash.
  private value(v: unknown, level: number, compact: boolean, sep: string, sepBeforeNewline: string): void {
    if (typeof v === 'string') {
      this.out += sep + this.scalar(v, level, false);
    } else if (typeof v === 'number') {
      this.out += sep + (Number.isInteger(v) && !Object.is(v, -0) && Math.abs(v) < 1e21 ? String(v) : this.delegated(v));
    } else if (typeof v === 'boolean') {
      this.out += sep + (v ? 'true' : 'false');
    } else if (v === null) {
      this.out += `${sep}null`;
    } else if (Array.isArray(v)) {
      if (v.length === 0) this.out += `${sep}[]`;
      else {
        this.out += compact ? sep : sepBeforeNewline;
        this.sequence(v, level, compact);
      }
    } else if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      const values: unknown[] = [];
      const keys = SORTED_KEYS.defined(v as Record<string, unknown>, values);
      if (keys.length === 0) this.out += `${sep}{}`;
      else {
        this.out += compact ? sep : sepBeforeNewline;
        this.mapping(keys, values, level, compact);
      }
    } else {
      throw new Unsupported(); // undefined, functions, class instances: js-yaml's own rules
    }
  }

  private newline(level: number): string {
    return (this.indents[level] ??= '\n' + ' '.repeat(2 * level));
  }

  // js-yaml's writeScalar for block context with lineWidth -1: plain, double-quoted or literal.
  private scalar(s: string, level: number, isKey: boolean): string {
    if (s.length === 0) return '""';
    const first = s.charCodeAt(0);
    // The compat booleans are 1 to 3 characters long: longer strings skip hashing for the lookup.
    if ((s.length <= 3 && COMPAT_BOOLEANS.has(s)) || (isBase60Start(first) && mayBeBase60(s) && BASE60.test(s))) return `"${s}"`;
    if (SIMPLE_PLAIN.test(s)) return isAmbiguous(s, first) ? this.delegated(s) : s;
    let plain = isPlainSafeFirst(codePointAt(s, 0)) && isPlainSafeLast(lastCodePoint(s));
    let hasLineBreak = false;
    let prev = -1;
    for (let i = 0; i < s.length; ) {
      const c = codePointAt(s, i);
      i += c >= 0x10000 ? 2 : 1;
      if (c === 10 && !isKey) hasLineBreak = true;
      else if (!isPrintable(c)) return this.delegated(s);
      plain = plain && isPlainSafe(c, prev);
      prev = c;
    }
    if (!hasLineBreak) return plain && !isAmbiguous(s, first) ? s : this.delegated(s);
    return `|${blockHeader(s)}${dropEndingNewline(indentString(s, 2 * Math.max(1, level)))}`;
  }

  // Double-quoted strings and unusual numbers: js-yaml renders them the same at every level.
  private delegated(v: string | number): string {
    if (typeof v === 'number') return yaml.dump(v, YAML_DUMP_OPTIONS).slice(0, -1);
    let q = this.quoted.get(v);
    if (q === undefined) {
      q = yaml.dump(v, YAML_DUMP_OPTIONS).slice(0, -1);
      if (q.includes('\n')) throw new Unsupported();
      this.quoted.set(v, q);
    }
    return q;
  }
}

// js-yaml leaves out the pairs of a mapping whose value is undefined (a mapping of only those is `{}`),
// as JSON.stringify does: output items mark absent fields so (items.ts), and SORTED_KEYS.defined leaves
// them out. In a sequence js-yaml writes undefined as null; the writer leaves that to js-yaml.
const SORTED_KEYS = new SortedKeys();

// A base-60 number has a `:` right after its first run of digits and underscores (after a sign): most
// strings starting with a digit (ids, addresses) fail that before the regular expression runs.
function mayBeBase60(s: string): boolean {
  let i = s.charCodeAt(0) === 43 || s.charCodeAt(0) === 45 ? 1 : 0;
  for (let c = s.charCodeAt(i); (c >= 48 && c <= 57) || c === 95; c = s.charCodeAt(i)) i++;
  return s.charCodeAt(i) === 58;
}

// Only strings starting with a sign, digit, dot, `<` or `~`, or the null/bool words, can resolve to
// another type (int, float, timestamp, merge, null, bool); those go through js-yaml's own resolvers.
function isAmbiguous(s: string, first: number): boolean {
  const maybe = (first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46 || first === 60 || first === 126;
  if (maybe ? !mayBeNumberOrMerge(s, first) : !((s.length === 4 || s.length === 5) && NULL_OR_BOOL.has(s))) return false;
  for (const t of IMPLICIT_TYPES ?? []) if (t.resolve(s)) return true;
  return false;
}

// False when no DEFAULT_SCHEMA type can resolve a string starting with a sign, digit, dot, `<` or `~`:
// null resolves only `~` of those, merge only `<<`; int and float allow no second `.` and no `-` but a
// leading sign or an exponent's, and a timestamp has its `-` at [4]. Ids (uuids) and addresses stop here.
function mayBeNumberOrMerge(s: string, first: number): boolean {
  if (first === 126) return s.length === 1;
  if (first === 60) return s === '<<';
  if (s.charCodeAt(4) === 45) return true;
  let dots = first === 46 ? 1 : 0;
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 && ++dots > 1) return false;
    if (c === 45 && (s.charCodeAt(i - 1) | 32) !== 101) return false; // not after e or E
  }
  return true;
}
