import type { K8sObject } from '../model/meta.js';
import type { EndpointSlice } from '../model/core.js';
import { KINDS, type KindMap, type KindName } from '../model/kinds.js';
import { nsName, refKey, refOf, type ObjectRef } from '../model/object-ref.js';
import { parseApiVersion } from '../model/meta.js';
import { knownKind } from '../model/kinds.js';
import { validateObject } from '../model/schema/validate.js';

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
const NO_SLICES: readonly EndpointSlice[] = Object.freeze([]);

/**
 * A frozen view of the objects, what `translate()` reads. Lists come in namespace/name order so that
 * translation is deterministic; indexes are built on first use and kept for the snapshot's life.
 */
export class Snapshot {
  private readonly sorted = new Map<KindName, readonly K8sObject[]>();
  private slicesByService?: Map<string, Map<string, EndpointSlice[]>>;
  private readonly byNamespace = new Map<KindName, Map<string, Map<string, K8sObject>> | null>();

  constructor(
    private readonly objects: ReadonlyMap<KindName, ReadonlyMap<string, K8sObject>>,
    /** objects of known kinds whose shape the API server would have refused; not translated */
    readonly invalid: readonly InvalidObject[] = [],
  ) {}

  /**
   * A snapshot of exactly these objects (later duplicates replace earlier ones). Unknown kinds are skipped;
   * objects of a known kind with a malformed shape go to `invalid` instead.
   */
  static of(objects: Iterable<K8sObject>): Snapshot {
    const byKind = new Map<KindName, Map<string, K8sObject>>();
    const invalid = new Map<string, InvalidObject>();
    for (const raw of objects) {
      const kind = knownKind(parseApiVersion(raw.apiVersion).group, raw.kind);
      if (!kind) continue;
      const key = nsName(KINDS[kind].namespaced ? raw.metadata.namespace : undefined, raw.metadata.name);
      const checked = validateObject(kind, raw);
      let byName = byKind.get(kind);
      if (!byName) byKind.set(kind, (byName = new Map()));
      if ('error' in checked) {
        byName.delete(key);
        invalid.set(`${kind}/${key}`, { ref: refOf(raw), ...checked.error });
        continue;
      }
      if (invalid.size > 0) invalid.delete(`${kind}/${key}`); // no key string per object when all are valid
      byName.set(key, checked.object);
    }
    return new Snapshot(byKind, [...invalid.values()]);
  }

  /** One object, or undefined. `namespace` is ignored for cluster-scoped kinds. */
  get<K extends KindName>(kind: K, namespace: string | undefined, name: string): KindMap[K] | undefined {
    let index = this.byNamespace.get(kind);
    if (index === undefined) this.byNamespace.set(kind, (index = this.indexOf(kind)));
    if (index === null) {
      return this.objects.get(kind)?.get(nsName(KINDS[kind].namespaced ? namespace : undefined, name)) as KindMap[K] | undefined;
    }
    return index.get(KINDS[kind].namespaced ? (namespace ?? '') : '')?.get(name) as KindMap[K] | undefined;
  }

  // namespace -> name -> object: translation looks objects up hundreds of thousands of times, and a
  // `namespace/name` key would be a new string to hash on every lookup. null when some key is not the
  // plain `namespace/name` of its object (a `/` inside a name): then lookups use the keys themselves.
  private indexOf(kind: KindName): Map<string, Map<string, K8sObject>> | null {
    const index = new Map<string, Map<string, K8sObject>>();
    const namespaced = KINDS[kind].namespaced;
    for (const [key, obj] of this.objects.get(kind) ?? []) {
      const ns = namespaced ? (obj.metadata.namespace ?? '') : '';
      const name = obj.metadata.name;
      if (ns.includes('/') || name.includes('/') || key !== nsName(ns, name)) return null;
      let byName = index.get(ns);
      if (!byName) index.set(ns, (byName = new Map()));
      byName.set(name, obj);
    }
    return index;
  }

  /** All objects of a kind, sorted by namespace then name. */
  list<K extends KindName>(kind: K): readonly KindMap[K][] {
    let list = this.sorted.get(kind);
    if (!list) {
      const byName = this.objects.get(kind);
      // `namespace/name` keys in plain code-unit order (namespace first, then name), by the default
      // comparison: no callback per step.
      list = byName ? [...byName.keys()].sort().map((key) => byName.get(key)!) : [];
      this.sorted.set(kind, list);
    }
    return list as readonly KindMap[K][];
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
    // namespace -> Service name -> slices, for the same reason as the object index: no key string per lookup.
    if (!this.slicesByService) {
      this.slicesByService = new Map();
      for (const slice of this.list('EndpointSlice')) {
        const svc = slice.metadata.labels?.[SERVICE_NAME_LABEL];
        const ns = slice.metadata.namespace;
        if (!svc || !ns) continue;
        let byService = this.slicesByService.get(ns);
        if (!byService) this.slicesByService.set(ns, (byService = new Map()));
        const list = byService.get(svc);
        if (list) list.push(slice);
        else byService.set(svc, [slice]);
      }
    }
    return this.slicesByService.get(namespace)?.get(serviceName) ?? NO_SLICES;
  }

  /** A snapshot without the given objects (what the fallback translates). */
  without(refs: Iterable<ObjectRef>): Snapshot {
    const drop = new Set<string>();
    for (const r of refs) drop.add(refKey(r));
    const copy = new Map<KindName, Map<string, K8sObject>>();
    for (const [kind, byName] of this.objects) {
      const kept = new Map<string, K8sObject>();
      for (const [key, obj] of byName) {
        const ref = { group: KINDS[kind].group, kind, namespace: KINDS[kind].namespaced ? obj.metadata.namespace : undefined, name: obj.metadata.name };
        if (!drop.has(refKey(ref))) kept.set(key, obj);
      }
      copy.set(kind, kept);
    }
    return new Snapshot(copy, this.invalid.filter((i) => !drop.has(refKey(i.ref))));
  }
}

/** An object left out because a field has the wrong type (what the API server's validation would refuse). */
export type InvalidObject = { readonly ref: ObjectRef; readonly field: string; readonly message: string };
