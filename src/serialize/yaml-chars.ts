// js-yaml 4's character classes and block-scalar layout (block context, no line folding), for yaml.ts.

const LEADING_SPACE = /^\n* /;

/** Characters a YAML 1.1 base-60 number may start with. */
export function isBase60Start(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 95;
}

/** The code point at `pos`, a surrogate pair joined. */
export function codePointAt(s: string, pos: number): number {
  const first = s.charCodeAt(pos);
  if (first >= 0xd800 && first <= 0xdbff && pos + 1 < s.length) {
    const second = s.charCodeAt(pos + 1);
    if (second >= 0xdc00 && second <= 0xdfff) return (first - 0xd800) * 0x400 + second - 0xdc00 + 0x10000;
  }
  return first;
}

/** The last code point as js-yaml reads it: the code unit at length-1 (a lone low surrogate for astral characters). */
export function lastCodePoint(s: string): number {
  return codePointAt(s, s.length - 1);
}

function isWhitespace(c: number): boolean {
  return c === 32 || c === 9;
}

/** Characters YAML may print as they are. */
export function isPrintable(c: number): boolean {
  return (
    (c >= 32 && c <= 126) ||
    (c >= 161 && c <= 55295 && c !== 8232 && c !== 8233) ||
    (c >= 57344 && c <= 65533 && c !== 0xfeff) ||
    (c >= 65536 && c <= 1114111)
  );
}

function isNsCharOrWhitespace(c: number): boolean {
  return isPrintable(c) && c !== 0xfeff && c !== 13 && c !== 10;
}

/** js-yaml's isPlainSafe with inblock = true (every node here is in block context). */
export function isPlainSafe(c: number, prev: number): boolean {
  const cIsNsCharOrWhitespace = isNsCharOrWhitespace(c);
  const cIsNsChar = cIsNsCharOrWhitespace && !isWhitespace(c);
  return (
    (cIsNsCharOrWhitespace && c !== 35 && !(prev === 58 && !cIsNsChar)) ||
    (isNsCharOrWhitespace(prev) && !isWhitespace(prev) && c === 35) ||
    (prev === 58 && cIsNsChar)
  );
}

/** Whether a plain scalar may start with c: not white space and none of - ? : , [ ] { } # & * ! | = > ' " % @ ` */
export function isPlainSafeFirst(c: number): boolean {
  return (
    isPrintable(c) && c !== 0xfeff && !isWhitespace(c) &&
    c !== 45 && c !== 63 && c !== 58 && c !== 44 && c !== 91 && c !== 93 && c !== 123 && c !== 125 &&
    c !== 35 && c !== 38 && c !== 42 && c !== 33 && c !== 124 && c !== 61 && c !== 62 && c !== 39 && c !== 34 &&
    c !== 37 && c !== 64 && c !== 96
  );
}

/** Whether a plain scalar may end with c. */
export function isPlainSafeLast(c: number): boolean {
  return !isWhitespace(c) && c !== 58;
}

/** The literal block scalar's header: indentation indicator and chomping. */
export function blockHeader(s: string): string {
  const indicator = LEADING_SPACE.test(s) ? '2' : '';
  const clip = s[s.length - 1] === '\n';
  const keep = clip && (s[s.length - 2] === '\n' || s === '\n');
  return `${indicator}${keep ? '+' : clip ? '' : '-'}\n`;
}

/** The text without one final line break. */
export function dropEndingNewline(s: string): string {
  return s[s.length - 1] === '\n' ? s.slice(0, -1) : s;
}

/** Each non-empty line indented by `spaces`. */
export function indentString(s: string, spaces: number): string {
  const ind = ' '.repeat(spaces);
  let out = '';
  let pos = 0;
  while (pos < s.length) {
    const next = s.indexOf('\n', pos);
    const line = next === -1 ? s.slice(pos) : s.slice(pos, next + 1);
    pos = next === -1 ? s.length : next + 1;
    if (line.length && line !== '\n') out += ind;
    out += line;
  }
  return out;
}
