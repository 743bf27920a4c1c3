import type { ObjectRef } from './object-ref.js';

/**
 * Object references without repeats, in the order first added. Looked up by their parts (kind, group,
 * namespace, name: strings the objects already hold) rather than by a `group/Kind/namespace/name` key: a
 * key string per object marked was, at 10k Ingresses, ~5 MB of garbage that lived long enough to be promoted.
 */
export class RefSet {
  private readonly index = new Map<string, Map<string, Map<string, Set<string>>>>();
  private readonly list: ObjectRef[] = [];

  /** Adds the reference unless an equal one is already in; true when added. */
  add(ref: ObjectRef): boolean {
    let byGroup = this.index.get(ref.kind);
    if (!byGroup) this.index.set(ref.kind, (byGroup = new Map()));
    let byNamespace = byGroup.get(ref.group);
    if (!byNamespace) byGroup.set(ref.group, (byNamespace = new Map()));
    const ns = ref.namespace ?? '';
    let names = byNamespace.get(ns);
    if (!names) byNamespace.set(ns, (names = new Set()));
    if (names.has(ref.name)) return false;
    names.add(ref.name);
    this.list.push(ref);
    return true;
  }

  /** The references, in the order first added. */
  values(): ObjectRef[] {
    return [...this.list];
  }

  get size(): number {
    return this.list.length;
  }
}
