// A small structural schema language: what the API server's OpenAPI validation guarantees about an
// object's shape. Objects read offline have had no such validation, so the store checks them once, and
// the translator can rely on the types in src/model.

/** Where and why a value does not fit its schema. */
export type SchemaError = { readonly field: string; readonly message: string };

/**
 * Checks a value: returns the problem, or the value itself, or a copy without `null` fields (a JSON/YAML
 * `null` on a typed field means "not set", as the API server decodes it).
 */
export type Schema = (value: unknown, path: string) => { readonly error: SchemaError } | { readonly value: unknown };

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  return typeof v === 'string' ? 'a string' : `${typeof v} ${String(v)}`;
}

const fail = (path: string, want: string, got: unknown) => ({ error: { field: path, message: `must be ${want}, got ${describe(got)}` } });
const scalar = (ok: (v: unknown) => boolean, want: string): Schema => (v, p) => (ok(v) ? { value: v } : fail(p, want, v));

/** Any value (free-form JSON such as plugin config): kept as written, nulls included. */
export const any: Schema = (v) => ({ value: v });
/** A string. */
export const str = scalar((v) => typeof v === 'string', 'a string');
/** A boolean. */
export const bool = scalar((v) => typeof v === 'boolean', 'a boolean');
/** An integer. */
export const int = scalar((v) => typeof v === 'number' && Number.isInteger(v), 'an integer');
/** A finite number. */
export const num = scalar((v) => typeof v === 'number' && Number.isFinite(v), 'a number');
/** Kubernetes IntOrString. */
export const intOrString = scalar((v) => typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v)), 'an integer or a string');
/** A JSON object with any content. */
export const anyObject = scalar(isPlainObject, 'an object');

/** A list whose items all fit `item` (a null item is an error: there is nothing to translate in it). */
export function list(item: Schema): Schema {
  return (v, p) => {
    if (!Array.isArray(v)) return fail(p, 'a list', v);
    let copy: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      if (v[i] === null) return fail(`${p}[${i}]`, 'set', null);
      const r = item(v[i], `${p}[${i}]`);
      if ('error' in r) return r;
      if (r.value !== v[i]) (copy ??= [...v])[i] = r.value;
    }
    return { value: copy ?? v };
  };
}

/** A map whose values all fit `value`. */
export function mapOf(value: Schema): Schema {
  return (v, p) => {
    if (!isPlainObject(v)) return fail(p, 'an object', v);
    let copy: Record<string, unknown> | undefined;
    for (const [k, x] of Object.entries(v)) {
      if (x === null) {
        copy ??= { ...v };
        delete copy[k];
        continue;
      }
      const r = value(x, `${p}[${k}]`);
      if ('error' in r) return r;
      if (r.value !== x) (copy ??= { ...v })[k] = r.value;
    }
    return { value: copy ?? v };
  };
}

/** An object whose listed fields, when set, fit their schemas. Other fields are kept unchecked. */
export function obj(fields: Readonly<Record<string, Schema>>): Schema {
  const entries = Object.entries(fields);
  return (v, p) => {
    if (!isPlainObject(v)) return fail(p, 'an object', v);
    let copy: Record<string, unknown> | undefined;
    for (const [k, s] of entries) {
      const x = v[k];
      if (x === undefined) continue;
      if (x === null) {
        copy ??= { ...v };
        delete copy[k];
        continue;
      }
      const r = s(x, p ? `${p}.${k}` : k);
      if ('error' in r) return r;
      if (r.value !== x) (copy ??= { ...v })[k] = r.value;
    }
    return { value: copy ?? v };
  };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
