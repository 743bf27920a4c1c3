import type { JsonObject, JsonValue } from '../kongstate/types.js';

/** Fields whose values Kong takes verbatim: key order is normalized, but nothing inside is pruned. */
export const RAW_FIELDS: ReadonlySet<string> = new Set(['config', 'healthchecks', 'ordering']);

/**
 * One output entity (spec 01 §11): keys sorted, `meta`, unset fields, empty lists and empty maps omitted;
 * false, 0 and "" kept. `raw` replaces or adds fields before that (as a spread would); `done` adds lists
 * that are already serialized. Built for large states: no intermediate copies, key orders sorted once per
 * object shape.
 */
export function entity(obj: object, raw?: Record<string, unknown>, done?: Record<string, JsonValue[]>): JsonObject {
  const src = obj as Record<string, unknown>;
  const out: JsonObject = {};
  for (const key of sortedKeys(src, raw, done)) {
    if (key === 'meta') continue;
    if (done && hasOwn(done, key)) {
      const list = done[key];
      if (list.length > 0) out[key] = list;
      continue;
    }
    const v = raw && hasOwn(raw, key) ? raw[key] : src[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'object') {
      out[key] = v as JsonValue;
    } else if (Array.isArray(v)) {
      if (v.length === 0) continue;
      out[key] = RAW_FIELDS.has(key) ? (sortKeys(v as JsonValue) as JsonValue) : entityList(v);
    } else {
      if (isEmptyObject(v)) continue;
      out[key] = RAW_FIELDS.has(key) ? (sortKeys(v as JsonValue) as JsonValue) : entity(v);
    }
  }
  return out;
}

// Items that are plain objects become entities; anything else (strings, nested lists) is kept as is.
function entityList(v: readonly unknown[]): JsonValue[] {
  const out: JsonValue[] = new Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    out[i] = x !== null && typeof x === 'object' && !Array.isArray(x) ? entity(x) : (x as JsonValue);
  }
  return out;
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

/** An object shape's keys: sorted, and as JSON writes them (see jsonKeys). */
export type KeyOrder = { readonly sorted: readonly string[]; json?: JSONKeys };
/** The keys an entity of one shape may write, in JSON.stringify's order of the built object, with their texts. */
export type JSONKeys = { readonly keys: readonly string[]; readonly first: readonly string[]; readonly next: readonly string[] };

// Sorted key lists, cached by the sequence of keys an object has (its shape): Kong states hold tens of
// thousands of routes and services with a handful of shapes. A trie over the key sequence finds the entry.
type KeyTrie = { next: Map<string, KeyTrie>; order?: KeyOrder };
const keyTrie: KeyTrie = { next: new Map() };
const MAX_CACHED_SHAPES = 10_000;
let cachedShapes = 0;

function sortedKeys(src: Record<string, unknown>, raw?: Record<string, unknown>, done?: Record<string, unknown>): readonly string[] {
  return keyOrder(src, raw, done).sorted;
}

// The shapes met last, most recent first: runs of entities of one shape skip the trie walk.
const RECENT = 8;
const recent: { keys: string[]; order: KeyOrder }[] = [];

/** The key order of an entity made from `src` with `raw` and `done` (see entity()). */
export function keyOrder(src: Record<string, unknown>, raw?: Record<string, unknown>, done?: Record<string, unknown>): KeyOrder {
  const keys = Object.keys(src);
  if (raw) for (const k of Object.keys(raw)) if (!hasOwn(src, k)) keys.push(k);
  if (done) for (const k of Object.keys(done)) if (!hasOwn(src, k) && !(raw && hasOwn(raw, k))) keys.push(k);
  for (let r = 0; r < recent.length; r++) {
    if (sameKeys(recent[r].keys, keys)) {
      const hit = recent[r];
      if (r > 0) recent.copyWithin(1, 0, r), (recent[0] = hit);
      return hit.order;
    }
  }
  const order = trieOrder(keys);
  recent.unshift({ keys, order });
  if (recent.length > RECENT) recent.pop();
  return order;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function trieOrder(keys: string[]): KeyOrder {
  let node = keyTrie;
  for (const k of keys) {
    let child = node.next.get(k);
    if (!child) {
      if (cachedShapes >= MAX_CACHED_SHAPES) return { sorted: [...keys].sort() }; // unusual inputs: do not grow without bound
      node.next.set(k, (child = { next: new Map() }));
    }
    node = child;
  }
  if (!node.order) {
    node.order = { sorted: [...keys].sort() };
    cachedShapes++;
  }
  return node.order;
}

/**
 * The keys in the order JSON.stringify writes an object that got them assigned in sorted order: JavaScript
 * puts integer-like keys first, and an assignment to `__proto__` makes no key. `meta` is never written.
 */
export function jsonKeys(order: KeyOrder): JSONKeys {
  if (order.json) return order.json;
  const probe: Record<string, boolean> = {};
  for (const k of order.sorted) if (k !== 'meta') probe[k] = true;
  const keys = Object.keys(probe);
  const first = keys.map((k) => `{${JSON.stringify(k)}:`);
  const next = keys.map((k) => `,${JSON.stringify(k)}:`);
  return (order.json = { keys, first, next });
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
