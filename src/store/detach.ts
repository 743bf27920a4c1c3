// V8 makes a substring of 13 or more characters a view into its parent string. Values sliced out of a
// document's text would keep the whole text alive as long as the objects live (a 100 MB manifest set
// held twice); these copy such strings out.

// Shorter substrings are copies already (V8's SlicedString::kMinLength).
const MIN_SLICE = 13;

/** The same characters, in a string that does not keep a larger string alive. */
export function detachString(s: string): string {
  // Concatenating makes a rope; slicing it flattens the rope into a new string of just these characters.
  return s.length < MIN_SLICE ? s : (' ' + s).slice(1);
}

/** Replaces, in place, every string inside a parsed YAML value (keys are interned by V8 already). */
export function detachStrings<T>(value: T): T {
  detachIn(value, new Set());
  return value;
}

// `seen`: YAML aliases share one node between several places.
function detachIn(value: unknown, seen: Set<object>): void {
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (typeof v === 'string') value[i] = detachString(v);
      else detachIn(v, seen);
    }
    return;
  }
  const o = value as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    const v = o[k];
    // An own `__proto__` key (js-yaml makes one) cannot be assigned without changing the prototype: left as is.
    if (typeof v === 'string') {
      if (k !== '__proto__') o[k] = detachString(v);
    } else detachIn(v, seen);
  }
}
