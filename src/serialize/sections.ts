import type { JsonValue, KongPluginEntity, KongState } from '../kongstate/types.js';
import { entity, hasOwn } from './entity.js';

/**
 * How one output entity is made from a state object (see entity()): `raw` replaces or adds fields,
 * `nested` adds lists of entities made the same way (routes, targets, SNIs). Writers build one item's
 * output object at a time (buildEntity) and drop it once written.
 */
export type EntityPlan = {
  readonly obj: object;
  readonly raw?: Record<string, unknown>;
  readonly nested?: Readonly<Record<string, readonly EntityPlan[]>>;
};

/** The output object of a plan. */
export function buildEntity(plan: EntityPlan): JsonValue {
  if (!plan.nested) return entity(plan.obj, plan.raw);
  const done: Record<string, JsonValue[]> = {};
  for (const k of Object.keys(plan.nested)) done[k] = plan.nested[k].map(buildEntity);
  return entity(plan.obj, plan.raw, done);
}

/** Options of the declarative serialization. */
export type SerializeOptions = {
  /** expressions router: routes get no default path_handling (spec 01 §10) */
  readonly expressions: boolean;
};

/** A top-level list of the document: sorted, its items built one at a time when asked for. */
export type ListSection = { readonly key: string; readonly length: number; readonly item: (i: number) => EntityPlan };
/** A top-level key with a fixed value (`_format_version`). */
export type ValueSection = { readonly key: string; readonly value: JsonValue };
/** One top-level key of the declarative document and what it holds. */
export type Section = ListSection | ValueSection;

/** Whether the section is a list. */
export function isListSection(s: Section): s is ListSection {
  return 'item' in s;
}

/**
 * Spec 01 §10–§11: the document's top-level keys in output order, each list sorted, with its items' defaults
 * and pruning. Nothing is built until an item is asked for, so the whole document never exists at once.
 */
export function declarativeSections(state: KongState, opts: SerializeOptions): Section[] {
  const doc: Record<string, Section> = {};
  const put = <T>(key: string, items: readonly T[], build: (x: T) => EntityPlan): void => {
    if (items.length > 0) doc[key] = list(key, items, build);
  };
  doc._format_version = { key: '_format_version', value: '3.0' };

  put('services', sortDesc(state.services, (s) => s.name), (s: KongState['services'][number]) => {
    // Routes are made with their service: the service's text is one piece of output.
    const routes = sortDesc(s.routes, (r) => r.name).map((r) => ({
      obj: r,
      raw: {
        plugins: sortNested(r.plugins),
        https_redirect_status_code: r.https_redirect_status_code ?? 426,
        path_handling: opts.expressions ? r.path_handling : (r.path_handling ?? 'v0'),
      },
    }));
    return { obj: s, raw: { plugins: sortNested(s.plugins) }, nested: { routes } };
  });
  put('upstreams', sortDesc(state.upstreams, (u) => u.name), (u: KongState['upstreams'][number]) => {
    // As `{ ...u.extra, ...uWithoutExtra, algorithm }`: typed fields win over `extra`, without the copies.
    const raw: Record<string, unknown> = {};
    if (u.extra) for (const k of Object.keys(u.extra)) if (!hasOwn(u, k) || k === 'extra') raw[k] = u.extra[k];
    if (!hasOwn(raw, 'extra')) raw.extra = undefined;
    raw.algorithm = u.algorithm ?? 'round-robin';
    const targets = sortDesc(u.targets, (t) => t.target).map((t) => ({ obj: t }));
    return { obj: u, raw, nested: { targets } };
  });
  put('certificates', [...state.certificates].sort(byDesc((c) => c.cert)), (c: KongState['certificates'][number]) => ({
    obj: c,
    nested: { snis: [...c.snis].sort(byAsc((s) => s.name)).map((s) => ({ obj: s })) },
  }));
  put('ca_certificates', [...state.caCertificates].sort(byDesc((c) => c.cert)), plain);
  put('plugins', [...state.plugins].sort(byDesc(pluginSortKey)), plain);
  const consumers = [...state.consumers].sort((a, b) => cmp(a.username ?? '', b.username ?? '') || cmp(a.custom_id ?? '', b.custom_id ?? ''));
  put('consumers', consumers, (c: KongState['consumers'][number]) => ({
    obj: c,
    raw: { plugins: c.plugins ? [...c.plugins].sort(byDesc(pluginSortKey)) : undefined },
  }));
  put('consumer_groups', [...state.consumerGroups].sort(byDesc((g) => g.name)), plain);
  put('consumer_group_consumers', state.consumerGroupConsumers, plain);
  put('vaults', [...state.vaults].sort(byDesc((v) => v.prefix)), plain);

  // Spec 01 §2.1: an otherwise empty config gets a stub upstream so that Kong's readiness works.
  if (Object.keys(doc).length === 1) doc.upstreams = list('upstreams', [{ name: 'kong' }], plain);

  // Custom entities come after the stub check: they do not count as content. A type named like a built-in
  // list replaces it, as it always has.
  const customByType = new Map<string, KongState['customEntities']>();
  for (const ce of [...state.customEntities].sort((a, b) => cmp(a.meta.sortKey, b.meta.sortKey))) {
    const items = customByType.get(ce.type) ?? [];
    items.push(ce);
    customByType.set(ce.type, items);
  }
  for (const [type, items] of customByType) put(type, items, (ce: KongState['customEntities'][number]) => ({ obj: ce.fields }));

  // The keys in the order a plain object with them inserted in sorted order has (JavaScript puts
  // integer-like keys first): what JSON.stringify of the assembled document writes.
  const sorted: Record<string, Section> = {};
  for (const k of Object.keys(doc).sort()) sorted[k] = doc[k];
  return Object.keys(sorted).map((k) => sorted[k]);
}

function list<T>(key: string, items: readonly T[], build: (x: T) => EntityPlan): ListSection {
  return { key, length: items.length, item: (i) => build(items[i]) };
}

function plain(obj: object): EntityPlan {
  return { obj };
}

/** Spec 01 §10: top-level plugins sort by name + consumer + consumer group + route + service, descending. */
function pluginSortKey(p: KongPluginEntity): string {
  return p.name + (p.consumer ?? '') + (p.consumer_group ?? '') + (p.route ?? '') + (p.service ?? '');
}

function sortNested<T extends { name: string }>(plugins: T[] | undefined): T[] | undefined {
  return plugins ? [...plugins].sort(byDesc((p) => p.name)) : undefined;
}

/**
 * A stable sort, descending by key (byte-wise on UTF-16 code units, as `<`). Most lists are short or
 * arrive already in order, in either direction: those cost one pass and no comparator calls.
 */
function sortDesc<T>(items: readonly T[], key: (t: T) => string): readonly T[] {
  const n = items.length;
  if (n < 2) return items;
  let desc = true;
  let asc = true;
  let prev = key(items[0]);
  for (let i = 1; i < n && (desc || asc); i++) {
    const k = key(items[i]);
    if (prev < k) desc = false;
    if (!(prev < k)) asc = false; // strictly ascending only: reversing equal keys would not be stable
    prev = k;
  }
  if (desc) return items;
  if (asc) return [...items].reverse();
  return [...items].sort(byDesc(key));
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
