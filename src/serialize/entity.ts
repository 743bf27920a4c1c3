import type { JsonObject, JsonValue } from '../kongstate/types.js';
import { FROM_DONE, FROM_RAW, keyOrder, RAW_FIELDS } from './key-order.js';

/**
 * One output entity (spec 01 §11): keys sorted, `meta`, unset fields, empty lists and empty maps omitted;
 * false, 0 and "" kept. `raw` replaces or adds fields before that (as a spread would); `done` adds lists
 * that are already serialized. Built for large states: no intermediate copies, key orders sorted once per
 * object shape (key-order.ts).
 */
export function entity(obj: object, raw?: Record<string, unknown>, done?: Record<string, JsonValue[]>): JsonObject {
  const src = obj as Record<string, unknown>;
  const out: JsonObject = {};
  const { sorted, from } = keyOrder(src, raw, done);
  for (let i = 0; i < sorted.length; i++) {
    const key = sorted[i];
    if (key === 'meta') continue;
    if (from[i] === FROM_DONE) {
      const list = (done as Record<string, JsonValue[]>)[key];
      if (list.length > 0) out[key] = list;
      continue;
    }
    const v = fieldValue(from[i] === FROM_RAW ? (raw as Record<string, unknown>)[key] : src[key], RAW_FIELDS.has(key));
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/**
 * What an entity's field holds in the output: undefined when the key is omitted (unset, null, an empty
 * list or map); a raw field's value (config, healthchecks, ordering) with its keys sorted; any other list
 * or map as entities. Shared by entity() and the typed builders (items.ts), so that both apply one rule.
 */
export function fieldValue(v: unknown, raw = false): JsonValue | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object') return v as JsonValue;
  if (Array.isArray(v)) {
    if (v.length === 0) return undefined;
    if (raw) return sortKeys(v as JsonValue);
    // Lists of strings (tags, hosts, paths...) are written as they are: the output only reads them, and a
    // document handed out (toDeclarativeConfig) is a copy.
    return hasEntityItem(v) ? entityList(v) : (v as JsonValue[]);
  }
  if (isEmptyObject(v)) return undefined;
  return raw ? sortKeys(v as JsonValue) : entity(v);
}

// Items that are plain objects become entities; anything else (strings, nested lists) is kept as is.
function entityList(v: readonly unknown[]): JsonValue[] {
  const out: JsonValue[] = new Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    out[i] = isEntityItem(x) ? entity(x) : (x as JsonValue);
  }
  return out;
}

function hasEntityItem(v: readonly unknown[]): boolean {
  for (let i = 0; i < v.length; i++) if (isEntityItem(v[i])) return true;
  return false;
}

function isEntityItem(x: unknown): x is object {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/** Whether the object has no own enumerable key (an empty map is omitted). */
export function isEmptyObject(v: object): boolean {
  for (const k in v) if (hasOwn(v, k)) return false;
  return true;
}

/** Object.prototype.hasOwnProperty, for objects whose own keys may shadow it. */
export function hasOwn(o: object, k: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, k);
}

/** A copy with object keys sorted at every level (Go's encoding/json order). */
export function sortKeys(v: JsonValue): JsonValue {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === 'object') {
    const out: JsonObject = {};
    for (const k of Object.keys(v).sort()) {
      const x = v[k];
      if (x !== undefined) out[k] = sortKeys(x);
    }
    return out;
  }
  return v;
}
