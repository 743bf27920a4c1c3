// A small structural schema language: what the API server's OpenAPI validation guarantees about an
// object's shape. Objects read offline have had no such validation, so the store checks them once, and
// the translator can rely on the types in src/model.
//
// Every object of a large set passes through here, so the success path allocates nothing: a schema
// returns the value itself (or a copy without `null` fields) and an error is a `SchemaFailure` whose field
// path is built only on the way out, one segment per level.

/** Where and why a value does not fit its schema. */
export type SchemaError = { readonly field: string; readonly message: string };

/** A value that does not fit: the message and the path segments from the failing value up (innermost first). */
export class SchemaFailure {
  private readonly segments: string[] = [];

  constructor(readonly message: string) {}

  /** Adds the segment that leads to the failing value from its parent (`.key`, `[i]` or `[key]`). */
  within(segment: string): this {
    this.segments.push(segment);
    return this;
  }

  /** The error as reported: the field path from the root (`spec.rules[0].host`) and the message. */
  toError(): SchemaError {
    let field = '';
    for (let i = this.segments.length - 1; i >= 0; i--) {
      const s = this.segments[i];
      // Top-level keys have no leading dot (`spec`, not `.spec`).
      field += field === '' && s.charCodeAt(0) === 46 ? s.slice(1) : s;
    }
    return { field, message: this.message };
  }
}

/**
 * Checks a value: returns a `SchemaFailure`, or the value itself, or a copy without `null` fields (a
 * JSON/YAML `null` on a typed field means "not set", as the API server decodes it).
 */
export type Schema = (value: unknown) => unknown;

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  return typeof v === 'string' ? 'a string' : `${typeof v} ${String(v)}`;
}

const fail = (want: string, got: unknown): SchemaFailure => new SchemaFailure(`must be ${want}, got ${describe(got)}`);
const scalar = (ok: (v: unknown) => boolean, want: string): Schema => (v) => (ok(v) ? v : fail(want, v));

/** Any value (free-form JSON such as plugin config): kept as written, nulls included. */
export const any: Schema = (v) => v;
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
  return (v) => {
    if (!Array.isArray(v)) return fail('a list', v);
    let copy: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (x === null) return fail('set', null).within(`[${i}]`);
      const r = item(x);
      if (r instanceof SchemaFailure) return r.within(`[${i}]`);
      if (r !== x) (copy ??= [...v])[i] = r;
    }
    return copy ?? v;
  };
}

/** A map whose values all fit `value`. */
export function mapOf(value: Schema): Schema {
  return (v) => {
    if (!isPlainObject(v)) return fail('an object', v);
    let copy: Record<string, unknown> | undefined;
    for (const k in v) {
      if (!Object.hasOwn(v, k)) continue;
      const x = v[k];
      if (x === null) {
        copy ??= { ...v };
        delete copy[k];
        continue;
      }
      const r = value(x);
      if (r instanceof SchemaFailure) return r.within(`[${k}]`);
      if (r !== x) (copy ??= { ...v })[k] = r;
    }
    return copy ?? v;
  };
}

/** An object whose listed fields, when set, fit their schemas. Other fields are kept unchecked. */
export function obj(fields: Readonly<Record<string, Schema>>): Schema {
  const keys = Object.keys(fields);
  const schemas = keys.map((k) => fields[k]);
  return (v) => {
    if (!isPlainObject(v)) return fail('an object', v);
    let copy: Record<string, unknown> | undefined;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      const x = v[k];
      if (x === undefined) continue;
      if (x === null) {
        copy ??= { ...v };
        delete copy[k];
        continue;
      }
      const r = schemas[i](x);
      if (r instanceof SchemaFailure) return r.within(`.${k}`);
      if (r !== x) (copy ??= { ...v })[k] = r;
    }
    return copy ?? v;
  };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
