// A frozen copy of toDeclarativeConfig as it was before streaming (src/serialize/declarative.ts at d557d9e):
// the oracle the streamed writer and the new toDeclarativeConfig are held to, byte for byte. Do not "fix" it.
import type { JsonObject, JsonValue, KongPluginEntity, KongState } from '../../src/kongstate/types.js';

/** The declarative configuration document Kong's `/config` endpoint takes. */
export type DeclarativeConfig = { readonly _format_version: '3.0' } & { readonly [key: string]: JsonValue };

type SerializeOptions = {
  /** expressions router: routes get no default path_handling (spec 01 §10) */
  readonly expressions: boolean;
};

// Values Kong takes verbatim: key order is normalized, but nothing inside is pruned.
const RAW_FIELDS = new Set(['config', 'healthchecks', 'ordering']);

/** Spec 01 §10–§11: defaults, sorting and pruning, giving the document with keys sorted at every level. */
export function referenceDeclarativeConfig(state: KongState, opts: SerializeOptions): DeclarativeConfig {
  const doc: Record<string, JsonValue> = { _format_version: '3.0' };

  // Nested lists that are already serialized (routes, targets, SNIs) go in as they are (`done`).
  const services = [...state.services].sort(byDesc((s) => s.name)).map((s) => {
    const routes = [...s.routes].sort(byDesc((r) => r.name)).map((r) =>
      entity(r, {
        plugins: sortNested(r.plugins),
        https_redirect_status_code: r.https_redirect_status_code ?? 426,
        path_handling: opts.expressions ? r.path_handling : (r.path_handling ?? 'v0'),
      }),
    );
    return entity(s, { plugins: sortNested(s.plugins) }, { routes });
  });
  const upstreams = [...state.upstreams].sort(byDesc((u) => u.name)).map((u) => {
    // As `{ ...u.extra, ...uWithoutExtra, algorithm }`: typed fields win over `extra`, without the copies.
    const raw: Record<string, unknown> = {};
    if (u.extra) for (const k of Object.keys(u.extra)) if (!hasOwn(u, k) || k === 'extra') raw[k] = u.extra[k];
    if (!hasOwn(raw, 'extra')) raw.extra = undefined;
    raw.algorithm = u.algorithm ?? 'round-robin';
    const targets = [...u.targets].sort(byDesc((t) => t.target)).map((t) => entity(t));
    return entity(u, raw, { targets });
  });
  const certificates = [...state.certificates].sort(byDesc((c) => c.cert)).map((c) =>
    entity(c, undefined, { snis: [...c.snis].sort(byAsc((s) => s.name)).map((s) => entity(s)) }),
  );
  const caCertificates = [...state.caCertificates].sort(byDesc((c) => c.cert)).map((c) => entity(c));
  const plugins = [...state.plugins].sort(byDesc(pluginSortKey)).map((p) => entity(p));
  const consumers = [...state.consumers]
    .sort((a, b) => cmp(a.username ?? '', b.username ?? '') || cmp(a.custom_id ?? '', b.custom_id ?? ''))
    .map((c) => entity(c, { plugins: c.plugins ? [...c.plugins].sort(byDesc(pluginSortKey)) : undefined }));
  const consumerGroups = [...state.consumerGroups].sort(byDesc((g) => g.name)).map((g) => entity(g));
  const vaults = [...state.vaults].sort(byDesc((v) => v.prefix)).map((v) => entity(v));

  put(doc, 'services', services);
  put(doc, 'upstreams', upstreams);
  put(doc, 'certificates', certificates);
  put(doc, 'ca_certificates', caCertificates);
  put(doc, 'plugins', plugins);
  put(doc, 'consumers', consumers);
  put(doc, 'consumer_groups', consumerGroups);
  put(doc, 'consumer_group_consumers', state.consumerGroupConsumers.map((m) => entity(m)));
  put(doc, 'vaults', vaults);

  // Spec 01 §2.1: an otherwise empty config gets a stub upstream so that Kong's readiness works.
  if (Object.keys(doc).length === 1) doc.upstreams = [{ name: 'kong' }];

  // Custom entities come after the stub check: they do not count as content.
  const customByType = new Map<string, JsonObject[]>();
  for (const ce of [...state.customEntities].sort((a, b) => cmp(a.meta.sortKey, b.meta.sortKey))) {
    const list = customByType.get(ce.type) ?? [];
    list.push(entity(ce.fields as Record<string, unknown>));
    customByType.set(ce.type, list);
  }
  for (const [type, list] of customByType) put(doc, type, list);

  const sorted: Record<string, JsonValue> = {};
  for (const k of Object.keys(doc).sort()) sorted[k] = doc[k];
  return sorted as DeclarativeConfig;
}

/** JSON text of the document, as renderJSON wrote it. */
export function referenceJSON(doc: DeclarativeConfig, pretty: boolean): string {
  return JSON.stringify(doc, null, pretty ? 2 : undefined) + '\n';
}

function put(doc: Record<string, JsonValue>, key: string, list: JsonValue[]): void {
  if (list.length > 0) doc[key] = list;
}

/** Spec 01 §10: top-level plugins sort by name + consumer + consumer group + route + service, descending. */
function pluginSortKey(p: KongPluginEntity): string {
  return p.name + (p.consumer ?? '') + (p.consumer_group ?? '') + (p.route ?? '') + (p.service ?? '');
}

function sortNested<T extends { name: string }>(plugins: T[] | undefined): T[] | undefined {
  return plugins ? [...plugins].sort(byDesc((p) => p.name)) : undefined;
}

// Spec 01 §11: unset fields, `meta`, empty lists and empty maps are omitted; false, 0 and "" are kept.
// `raw` replaces or adds fields before that (as a spread would); `done` adds already-serialized lists.
// Built for large states: no intermediate copies, key orders sorted once per object shape.
function entity(obj: object, raw?: Record<string, unknown>, done?: Record<string, JsonValue[]>): JsonObject {
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

function isEmptyObject(v: object): boolean {
  for (const k in v) if (hasOwn(v, k)) return false;
  return true;
}

function hasOwn(o: object, k: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, k);
}

// Sorted key lists, cached by the sequence of keys an object has (its shape): Kong states hold tens of
// thousands of routes and services with a handful of shapes. A trie over the key sequence finds the entry.
type KeyTrie = { next: Map<string, KeyTrie>; sorted?: string[] };
const keyTrie: KeyTrie = { next: new Map() };
const MAX_CACHED_SHAPES = 10_000;
let cachedShapes = 0;

function sortedKeys(src: Record<string, unknown>, raw?: Record<string, unknown>, done?: Record<string, unknown>): string[] {
  const keys = Object.keys(src);
  if (raw) for (const k of Object.keys(raw)) if (!hasOwn(src, k)) keys.push(k);
  if (done) for (const k of Object.keys(done)) if (!hasOwn(src, k) && !(raw && hasOwn(raw, k))) keys.push(k);
  let node = keyTrie;
  for (const k of keys) {
    let child = node.next.get(k);
    if (!child) {
      if (cachedShapes >= MAX_CACHED_SHAPES) return keys.sort(); // unusual inputs: do not grow without bound
      node.next.set(k, (child = { next: new Map() }));
    }
    node = child;
  }
  if (!node.sorted) {
    node.sorted = [...keys].sort();
    cachedShapes++;
  }
  return node.sorted;
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

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
function byDesc<T>(key: (t: T) => string): (a: T, b: T) => number {
  return (a, b) => cmp(key(b), key(a));
}
function byAsc<T>(key: (t: T) => string): (a: T, b: T) => number {
  return (a, b) => cmp(key(a), key(b));
}
