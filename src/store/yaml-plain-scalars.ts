import yaml from 'js-yaml';

// How the simple YAML reader (simple-yaml.ts) tells what a plain scalar is: js-yaml's own CORE_SCHEMA
// types decide, and these shortcuts skip them where the answer is known from the characters alone.

type ImplicitType = { resolve(data: string): boolean; construct(data: string): unknown };

const IMPLICIT_TYPES: readonly ImplicitType[] | undefined = (
  yaml.CORE_SCHEMA as unknown as { compiledImplicit?: ImplicitType[] }
).compiledImplicit;

/** A table of the given ASCII characters, by code. */
export function codeTable(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
}

// First characters of the scalars js-yaml's CORE_SCHEMA types may resolve: a sign, a digit or a dot (int,
// float), and `~`; a scalar starting with a letter resolves only if it is one of NULL_OR_BOOL.
const MAY_BE_NUMBER = codeTable('~0123456789+-.');
const NULL_OR_BOOL = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

/** Whether js-yaml's CORE_SCHEMA types are at hand (an internal of js-yaml: without them, js-yaml reads). */
export function hasImplicitTypes(): boolean {
  return IMPLICIT_TYPES !== undefined;
}

/** Whether a scalar starting with this character may be a number or `~`. */
export function mayBeNumber(first: number): boolean {
  return first < 128 && MAY_BE_NUMBER[first] === 1;
}

/**
 * One of NULL_OR_BOOL at c[s, e) (`null`, `Null`, `NULL`, and so for true and false), compared without
 * making a string.
 */
export function isNullOrBoolAt(c: Uint16Array, s: number, e: number): boolean {
  const first = c[s] | 32; // lowercase
  const rest = first === 110 ? 'ull' : first === 116 ? 'rue' : first === 102 ? 'alse' : undefined;
  if (rest === undefined || e - s !== rest.length + 1) return false;
  let lower = true;
  let upper = c[s] !== first;
  for (let j = 0; j < rest.length; j++) {
    const ch = c[s + 1 + j];
    const want = rest.charCodeAt(j);
    lower = lower && ch === want;
    upper = upper && ch === want - 32;
  }
  return lower || upper;
}

/** `0` or digits not starting with 0, few enough to be exact as a double: js-yaml's int gives that number. */
export function isDecimal(c: Uint16Array, s: number, e: number): boolean {
  if (e - s > 15) return false;
  const first = c[s];
  if (first === 48) return e - s === 1;
  for (let j = s; j < e; j++) {
    const ch = c[j];
    if (ch < 48 || ch > 57) return false;
  }
  return true;
}

/** `null`, `true` or `false` at c[s, e) (NULL_OR_BOOL's other spellings are left to js-yaml's resolvers). */
export function isLowercaseNullOrBool(c: Uint16Array, s: number, e: number): boolean {
  return c[s] >= 97 && isNullOrBoolAt(c, s, e);
}

/** A plain scalar: the first CORE_SCHEMA type that resolves it (null, bool, int, float), else the string. */
export function plain(s: string): unknown {
  // None of js-yaml's CORE_SCHEMA types (null: ~ null Null NULL; bool: true/false in three cases; int and
  // float: a sign, a digit or a dot first) resolves any other scalar: most keys and values skip the resolvers.
  const first = s.charCodeAt(0);
  if (!mayBeNumber(first) && !NULL_OR_BOOL.has(s)) return s;
  for (const t of IMPLICIT_TYPES ?? []) if (t.resolve(s)) return t.construct(s);
  return s;
}
