import type { JsonValue, KongRoute, NestedPlugin, KongService, KongTarget, KongUpstream } from '../kongstate/types.js';
import { entity, fieldValue, hasOwn } from './entity.js';
import { sortDesc } from './sort.js';

/**
 * One top-level item of the document as written: a value of `undefined` means the key is absent
 * (JSON.stringify and the YAML writer skip it). The typed builders below make such items in one object
 * literal each, where entity() would add keys one at a time.
 */
export type OutputItem = { readonly [key: string]: OutputValue };
/** A value in an output item: JSON, nested items (routes, targets), or undefined for an absent key. */
export type OutputValue = JsonValue | OutputItem | readonly OutputItem[] | undefined;

// Typed builders for the entities that are most of a large document (services with their routes,
// upstreams with their targets). Each writes every field of its state type, in output order (keys sorted
// as JavaScript `<` sorts them, Go's byte order for these ASCII names), with the value entity() would give
// it (fieldValue: undefined where entity() omits the key). The `satisfies` clauses make TypeScript prove
// that every field of the type is listed and no other: a field added to a type cannot be silently dropped.
// Values that are lists or maps go through fieldValue, so their items are pruned and sorted as entity()
// does; scalars are copied with null made undefined, as entity() omits null.
//
// The translator puts no keys on these objects beyond their types (test/serialize/typed-items.test.ts
// checks every golden input and the synthetic clusters). Upstreams with `extra` (untyped fields) and
// nested plugins (a NestedPlugin may be a wider object) go through entity(), which writes whatever keys
// an object has.

/** Spec 01 §10–§11: a service with its routes (sorted descending by name) and plugins. */
export function serviceItem(s: KongService, expressions: boolean): OutputItem {
  return {
    ca_certificates: fieldValue(s.ca_certificates),
    client_certificate: fieldValue(s.client_certificate),
    connect_timeout: s.connect_timeout ?? undefined,
    host: s.host ?? undefined,
    id: s.id ?? undefined,
    name: s.name ?? undefined,
    path: s.path ?? undefined,
    plugins: fieldValue(s.plugins && sortDesc(s.plugins, pluginName)),
    port: s.port ?? undefined,
    protocol: s.protocol ?? undefined,
    read_timeout: s.read_timeout ?? undefined,
    retries: s.retries ?? undefined,
    routes: nestedItems(s.routes, routeName, routeItem, expressions),
    tags: fieldValue(s.tags),
    tls_verify: s.tls_verify ?? undefined,
    tls_verify_depth: s.tls_verify_depth ?? undefined,
    write_timeout: s.write_timeout ?? undefined,
  } satisfies Record<Exclude<keyof KongService, 'meta'>, unknown>;
}

/** A route, with the defaults of spec 01 §10: 426, and path_handling v0 for the traditional router. */
export function routeItem(r: KongRoute, expressions: boolean): OutputItem {
  return {
    destinations: fieldValue(r.destinations),
    expression: r.expression ?? undefined,
    headers: fieldValue(r.headers),
    hosts: fieldValue(r.hosts),
    https_redirect_status_code: r.https_redirect_status_code ?? 426,
    id: r.id ?? undefined,
    methods: fieldValue(r.methods),
    name: r.name ?? undefined,
    path_handling: (expressions ? r.path_handling : r.path_handling ?? 'v0') ?? undefined,
    paths: fieldValue(r.paths),
    plugins: fieldValue(r.plugins && sortDesc(r.plugins, pluginName)),
    preserve_host: r.preserve_host ?? undefined,
    priority: r.priority ?? undefined,
    protocols: fieldValue(r.protocols),
    regex_priority: r.regex_priority ?? undefined,
    request_buffering: r.request_buffering ?? undefined,
    response_buffering: r.response_buffering ?? undefined,
    snis: fieldValue(r.snis),
    sources: fieldValue(r.sources),
    strip_path: r.strip_path ?? undefined,
    tags: fieldValue(r.tags),
  } satisfies Record<Exclude<keyof KongRoute, 'meta'>, unknown>;
}

/**
 * An upstream, algorithm defaulting to round-robin, with its targets sorted descending. One with `extra`
 * is `{ ...extra, ...typed fields, algorithm }` minus `extra` itself: its keys are not known in advance,
 * so entity() orders them.
 */
export function upstreamItem(u: KongUpstream): OutputItem {
  if (u.extra) return upstreamWithExtra(u);
  return {
    algorithm: u.algorithm ?? 'round-robin',
    hash_fallback: u.hash_fallback ?? undefined,
    hash_fallback_header: u.hash_fallback_header ?? undefined,
    hash_fallback_query_arg: u.hash_fallback_query_arg ?? undefined,
    hash_fallback_uri_capture: u.hash_fallback_uri_capture ?? undefined,
    hash_on: u.hash_on ?? undefined,
    hash_on_cookie: u.hash_on_cookie ?? undefined,
    hash_on_cookie_path: u.hash_on_cookie_path ?? undefined,
    hash_on_header: u.hash_on_header ?? undefined,
    hash_on_query_arg: u.hash_on_query_arg ?? undefined,
    hash_on_uri_capture: u.hash_on_uri_capture ?? undefined,
    healthchecks: fieldValue(u.healthchecks, true),
    host_header: u.host_header ?? undefined,
    name: u.name ?? undefined,
    slots: u.slots ?? undefined,
    sticky_sessions_cookie: u.sticky_sessions_cookie ?? undefined,
    sticky_sessions_cookie_path: u.sticky_sessions_cookie_path ?? undefined,
    tags: fieldValue(u.tags),
    targets: nestedItems(u.targets, targetAddress, targetItem, false),
  } satisfies Record<Exclude<keyof KongUpstream, 'meta' | 'extra'>, unknown>;
}

// The generic path, as it always was: a key of `extra` fills in wherever the upstream has no own key of
// that name (an own key set to undefined still wins, and is omitted); `extra.extra` is an ordinary field.
function upstreamWithExtra(u: KongUpstream): OutputItem {
  const extra = u.extra as Record<string, unknown>;
  const raw: Record<string, unknown> = {};
  for (const k of Object.keys(extra)) if (!hasOwn(u, k) || k === 'extra') raw[k] = extra[k];
  if (!hasOwn(raw, 'extra')) raw.extra = undefined;
  raw.algorithm = u.algorithm ?? 'round-robin';
  const targets = sortDesc(u.targets, targetAddress).map((t) => entity(t));
  return entity(u, raw, { targets });
}

/** A target of an upstream. */
export function targetItem(t: KongTarget): OutputItem {
  return {
    target: t.target ?? undefined,
    weight: t.weight ?? undefined,
  } satisfies Record<keyof KongTarget, unknown>;
}

// A nested list's items, sorted descending by key; undefined (the key omitted) when there are none.
function nestedItems<T>(
  list: readonly T[],
  key: (t: T) => string,
  build: (t: T, expressions: boolean) => OutputItem,
  expressions: boolean,
): OutputItem[] | undefined {
  if (list.length === 0) return undefined;
  const sorted = sortDesc(list, key);
  const out = new Array<OutputItem>(sorted.length);
  for (let i = 0; i < sorted.length; i++) out[i] = build(sorted[i], expressions);
  return out;
}

function routeName(r: KongRoute): string {
  return r.name;
}
function targetAddress(t: KongTarget): string {
  return t.target;
}
function pluginName(p: NestedPlugin): string {
  return p.name;
}
