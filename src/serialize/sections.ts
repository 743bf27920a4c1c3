import type { JsonValue, KongPluginEntity, KongState } from '../kongstate/types.js';
import { entity } from './entity.js';
import { serviceItem, upstreamItem, type OutputItem } from './items.js';
import { byAsc, cmp, sortDesc } from './sort.js';

/** Options of the declarative serialization. */
export type SerializeOptions = {
  /** expressions router: routes get no default path_handling (spec 01 §10) */
  readonly expressions: boolean;
};

/** A top-level list of the document: sorted, its items built one at a time when asked for (and dropped once written). */
export type ListSection = { readonly key: string; readonly length: number; readonly item: (i: number) => OutputItem };
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
  const put = <T>(key: string, items: readonly T[], build: (x: T) => OutputItem): void => {
    if (items.length > 0) doc[key] = list(key, items, build);
  };
  doc._format_version = { key: '_format_version', value: '3.0' };

  const { expressions } = opts;
  put('services', sortDesc(state.services, (s) => s.name), (s) => serviceItem(s, expressions));
  put('upstreams', sortDesc(state.upstreams, (u) => u.name), upstreamItem);
  put('certificates', sortDesc(state.certificates, (c) => c.cert), (c) =>
    entity(c, undefined, { snis: [...c.snis].sort(byAsc((s) => s.name)).map((s) => entity(s)) }),
  );
  put('ca_certificates', sortDesc(state.caCertificates, (c) => c.cert), entity);
  put('plugins', sortDesc(state.plugins, pluginSortKey), entity);
  const consumers = [...state.consumers].sort((a, b) => cmp(a.username ?? '', b.username ?? '') || cmp(a.custom_id ?? '', b.custom_id ?? ''));
  put('consumers', consumers, (c) => entity(c, { plugins: c.plugins ? sortDesc(c.plugins, pluginSortKey) : undefined }));
  put('consumer_groups', sortDesc(state.consumerGroups, (g) => g.name), entity);
  put('consumer_group_consumers', state.consumerGroupConsumers, entity);
  put('vaults', sortDesc(state.vaults, (v) => v.prefix), entity);

  // Spec 01 §2.1: an otherwise empty config gets a stub upstream so that Kong's readiness works.
  if (Object.keys(doc).length === 1) doc.upstreams = list('upstreams', [{ name: 'kong' }], entity);

  // Custom entities come after the stub check: they do not count as content. A type named like a built-in
  // list replaces it, as it always has.
  const customByType = new Map<string, KongState['customEntities']>();
  for (const ce of [...state.customEntities].sort((a, b) => cmp(a.meta.sortKey, b.meta.sortKey))) {
    const items = customByType.get(ce.type) ?? [];
    items.push(ce);
    customByType.set(ce.type, items);
  }
  for (const [type, items] of customByType) put(type, items, (ce) => entity(ce.fields));

  // The keys in the order a plain object with them inserted in sorted order has (JavaScript puts
  // integer-like keys first): what JSON.stringify of the assembled document writes.
  const sorted: Record<string, Section> = {};
  for (const k of Object.keys(doc).sort()) sorted[k] = doc[k];
  return Object.keys(sorted).map((k) => sorted[k]);
}

function list<T>(key: string, items: readonly T[], build: (x: T) => OutputItem): ListSection {
  return { key, length: items.length, item: (i) => build(items[i]) };
}

/** Spec 01 §10: top-level plugins sort by name + consumer + consumer group + route + service, descending. */
function pluginSortKey(p: KongPluginEntity): string {
  return p.name + (p.consumer ?? '') + (p.consumer_group ?? '') + (p.route ?? '') + (p.service ?? '');
}
