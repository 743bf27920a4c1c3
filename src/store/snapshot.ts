import type { K8sObject } from '../model/meta.js';
import type { EndpointSlice } from '../model/core.js';
import { KINDS, type KindMap, type KindName } from '../model/kinds.js';
import { nsName, refKey, refOf, type ObjectRef } from '../model/object-ref.js';
import { parseApiVersion } from '../model/meta.js';
import { knownKind } from '../model/kinds.js';
import { validateObject } from '../model/schema/validate.js';
import { KindIndex } from './kind-index.js';

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
const NO_SLICES: readonly EndpointSlice[] = Object.freeze([]);

/**
 * A frozen view of the objects, what `translate()` reads. Lists come in namespace/name order so that
 * translation is deterministic; lists and the EndpointSlice index are built on first use and kept for the
 * snapshot's life.
 */
export class Snapshot {
  private readonly sorted = new Map<KindName, readonly K8sObject[]>();
  private slicesByService?: Map<string, Map<string, EndpointSlice | EndpointSlice[]>>;
  private readonly objects: ReadonlyMap<KindName, KindIndex>;

  /**
   * `objects`: per kind, an index (kept as it is, not copied: Snapshot.of, Store.snapshot) or a map by
   * `namespace/name` key (`name` alone without a namespace), indexed here by its keys.
   */
  constructor(
    objects: ReadonlyMap<KindName, KindIndex | ReadonlyMap<string, K8sObject>>,
    /** objects of known kinds whose shape the API server would have refused; not translated */
    readonly invalid: readonly InvalidObject[] = [],
  ) {
    const indexes = new Map<KindName, KindIndex>();
    for (const [kind, byKey] of objects) indexes.set(kind, byKey instanceof KindIndex ? byKey : indexOfKeys(byKey));
    this.objects = indexes;
  }

  /**
   * A snapshot of exactly these objects (later duplicates replace earlier ones). Unknown kinds are skipped;
   * objects of a known kind with a malformed shape go to `invalid` instead.
   */
  static of(objects: Iterable<K8sObject>): Snapshot {
    const byKind = new Map<KindName, KindIndex>();
    const invalid = new Map<string, InvalidObject>();
    for (const raw of objects) {
      const kind = knownKind(parseApiVersion(raw.apiVersion).group, raw.kind);
      if (!kind) continue;
      const namespace = KINDS[kind].namespaced ? raw.metadata.namespace : undefined;
      const checked = validateObject(kind, raw);
      let index = byKind.get(kind);
      if (!index) byKind.set(kind, (index = new KindIndex()));
      if ('error' in checked) {
        index.delete(namespace, raw.metadata.name);
        invalid.set(`${kind}/${nsName(namespace, raw.metadata.name)}`, { ref: refOf(raw), ...checked.error });
        continue;
      }
      // no key string per object when all are valid
      if (invalid.size > 0) invalid.delete(`${kind}/${nsName(namespace, raw.metadata.name)}`);
      index.set(namespace, raw.metadata.name, checked.object);
    }
    return new Snapshot(byKind, [...invalid.values()]);
  }

  /** One object, or undefined. `namespace` is ignored for cluster-scoped kinds. */
  get<K extends KindName>(kind: K, namespace: string | undefined, name: string): KindMap[K] | undefined {
    return this.objects.get(kind)?.get(KINDS[kind].namespaced ? namespace : undefined, name) as KindMap[K] | undefined;
  }

  /** All objects of a kind, sorted by namespace then name. */
  list<K extends KindName>(kind: K): readonly KindMap[K][] {
    let list = this.sorted.get(kind);
    if (!list) {
      list = this.objects.get(kind)?.sorted() ?? [];
      this.sorted.set(kind, list);
    }
    return list as readonly KindMap[K][];
  }

  /** All objects of a kind in no particular order, for callers that put them in an order of their own. */
  unordered<K extends KindName>(kind: K): KindMap[K][] {
    return [...(this.objects.get(kind)?.values() ?? [])] as KindMap[K][];
  }

  /** Every object in the snapshot, kind by kind. */
  *all(): IterableIterator<K8sObject> {
    for (const kind of this.objects.keys()) yield* this.list(kind);
  }

  /** Number of objects of a kind. */
  count(kind: KindName): number {
    return this.objects.get(kind)?.size ?? 0;
  }

  /** EndpointSlices labelled for the Service `namespace/name`. */
  endpointSlicesFor(namespace: string, serviceName: string): readonly EndpointSlice[] {
    const found = (this.slicesByService ??= this.indexSlices()).get(namespace)?.get(serviceName);
    return found === undefined ? NO_SLICES : Array.isArray(found) ? found : [found];
  }

  // namespace -> Service name -> its slice, or its slices in name order when it has several (most Services
  // have one: a one-item list for each was ~60 bytes, 3 MB at 50k). By namespace first, for the same reason
  // as the object index: no key string per lookup. The slices are read unsorted and only a Service's own
  // several are put in order (sorting all of them by namespace/name was ~5 ms at 10k).
  private indexSlices(): Map<string, Map<string, EndpointSlice | EndpointSlice[]>> {
    const index = new Map<string, Map<string, EndpointSlice | EndpointSlice[]>>();
    const several: EndpointSlice[][] = [];
    for (const slice of this.objects.get('EndpointSlice')?.values() ?? []) {
      const svc = slice.metadata.labels?.[SERVICE_NAME_LABEL];
      const ns = slice.metadata.namespace;
      if (!svc || !ns) continue;
      let byService = index.get(ns);
      if (!byService) index.set(ns, (byService = new Map()));
      const found = byService.get(svc);
      if (found === undefined) byService.set(svc, slice as EndpointSlice);
      else if (Array.isArray(found)) found.push(slice as EndpointSlice);
      else {
        const list = [found, slice as EndpointSlice];
        several.push(list);
        byService.set(svc, list);
      }
    }
    // One namespace's: by name, in code-unit order, as list() orders them.
    for (const list of several) list.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
    return index;
  }

  /** A snapshot without the given objects (what the fallback translates). */
  without(refs: Iterable<ObjectRef>): Snapshot {
    const drop = new Set<string>();
    for (const r of refs) drop.add(refKey(r));
    const copy = new Map<KindName, KindIndex>();
    for (const [kind, index] of this.objects) {
      const kept = index.clone();
      for (const obj of index.values()) {
        const namespace = KINDS[kind].namespaced ? obj.metadata.namespace : undefined;
        if (drop.has(refKey({ group: KINDS[kind].group, kind, namespace, name: obj.metadata.name }))) kept.delete(namespace, obj.metadata.name);
      }
      copy.set(kind, kept);
    }
    return new Snapshot(copy, this.invalid.filter((i) => !drop.has(refKey(i.ref))));
  }
}

/** An object left out because a field has the wrong type (what the API server's validation would refuse). */
export type InvalidObject = { readonly ref: ObjectRef; readonly field: string; readonly message: string };

// An index of objects given by `namespace/name` key (a Store's, or a hand-made snapshot's).
function indexOfKeys(byKey: ReadonlyMap<string, K8sObject>): KindIndex {
  const index = new KindIndex();
  for (const [key, obj] of byKey) index.set(undefined, key, obj);
  return index;
}
