/** Fields whose values Kong takes verbatim: key order is normalized, but nothing inside is pruned. */
export const RAW_FIELDS: ReadonlySet<string> = new Set(['config', 'healthchecks', 'ordering']);

/** Where an entity's field value comes from (see entity()): `done` beats `raw`, which beats the object. */
export const FROM_OBJECT = 0;
export const FROM_RAW = 1;
export const FROM_DONE = 2;

/** The keys of an entity of one shape, sorted, with where each value comes from. */
export type KeyOrder = { readonly sorted: readonly string[]; readonly from: Uint8Array };

// Key orders, cached by shape: the key sequences of the object, of `raw` and of `done`. Kong states hold
// tens of thousands of routes and services with a handful of shapes. A trie over the sequence (after the
// two lengths, which keep the three parts apart) finds the entry; the shapes met last are checked first.
type KeyTrie = { next: Map<string | number, KeyTrie>; order?: KeyOrder };
const keyTrie: KeyTrie = { next: new Map() };
const MAX_CACHED_SHAPES = 10_000;
let cachedShapes = 0;
const RECENT = 8;
const recent: { keys: string[]; objectKeys: number; rawKeys: number; order: KeyOrder }[] = [];

/** The key order of an entity made from `obj` with `raw` and `done` (see entity()). */
export function keyOrder(obj: object, raw?: object, done?: object): KeyOrder {
  const keys = Object.keys(obj);
  const objectKeys = keys.length;
  if (raw) for (const k of Object.keys(raw)) keys.push(k);
  const rawKeys = keys.length - objectKeys;
  if (done) for (const k of Object.keys(done)) keys.push(k);
  for (let r = 0; r < recent.length; r++) {
    const c = recent[r];
    if (c.objectKeys === objectKeys && c.rawKeys === rawKeys && sameKeys(c.keys, keys)) {
      if (r > 0) {
        recent.copyWithin(1, 0, r);
        recent[0] = c;
      }
      return c.order;
    }
  }
  const order = trieOrder(keys, objectKeys, rawKeys);
  recent.unshift({ keys, objectKeys, rawKeys, order });
  if (recent.length > RECENT) recent.pop();
  return order;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function trieOrder(keys: readonly string[], objectKeys: number, rawKeys: number): KeyOrder {
  let node = keyTrie;
  for (const k of [objectKeys, rawKeys, ...keys]) {
    let child = node.next.get(k);
    if (!child) {
      if (cachedShapes >= MAX_CACHED_SHAPES) return computeOrder(keys, objectKeys, rawKeys); // unusual inputs: do not grow without bound
      node.next.set(k, (child = { next: new Map() }));
    }
    node = child;
  }
  if (!node.order) {
    node.order = computeOrder(keys, objectKeys, rawKeys);
    cachedShapes++;
  }
  return node.order;
}

function computeOrder(keys: readonly string[], objectKeys: number, rawKeys: number): KeyOrder {
  const from = new Map<string, number>();
  keys.forEach((k, i) => from.set(k, i < objectKeys ? FROM_OBJECT : i < objectKeys + rawKeys ? FROM_RAW : FROM_DONE));
  const sorted = [...from.keys()].sort();
  return { sorted, from: Uint8Array.from(sorted, (k) => from.get(k) ?? FROM_OBJECT) };
}
