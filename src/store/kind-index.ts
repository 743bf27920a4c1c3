import type { K8sObject } from '../model/meta.js';
import { nsName } from '../model/object-ref.js';

/**
 * The objects of one kind, namespace -> name -> object. Objects are identified, as Kubernetes names them,
 * by their `namespace/name` key (just `name` without a namespace); keeping that key as one string per
 * object cost ~60 bytes each (a `namespace/` prefix and a rope to the name), and translation then built
 * this nested index beside it anyway to look objects up without a new key string per lookup.
 *
 * A place is the key split at its first `/`. For a valid object (no `/` in namespaces or names) that is
 * its namespace and name, and no key string is made; a `/` inside a name gives the same place, and the
 * same collisions, as the key itself did (`a` + `b/c` and `a/b` + `c` are one object).
 */
export class KindIndex {
  private readonly byNamespace = new Map<string, Map<string, K8sObject>>();
  private count = 0;

  /** Number of objects. */
  get size(): number {
    return this.count;
  }

  get(namespace: string | undefined, name: string): K8sObject | undefined {
    if (namespace && !namespace.includes('/')) return this.byNamespace.get(namespace)?.get(name);
    const [ns, rest] = splitKey(nsName(namespace, name));
    return this.byNamespace.get(ns)?.get(rest);
  }

  /** Adds or replaces; true when an object was replaced. */
  set(namespace: string | undefined, name: string, obj: K8sObject): boolean {
    const [ns, rest] = placeOf(namespace, name);
    let byName = this.byNamespace.get(ns);
    if (!byName) this.byNamespace.set(ns, (byName = new Map()));
    const had = byName.has(rest);
    byName.set(rest, obj);
    if (!had) this.count++;
    return had;
  }

  /** Removes; true when the object was there. */
  delete(namespace: string | undefined, name: string): boolean {
    const [ns, rest] = placeOf(namespace, name);
    const byName = this.byNamespace.get(ns);
    if (!byName?.delete(rest)) return false;
    if (byName.size === 0) this.byNamespace.delete(ns);
    this.count--;
    return true;
  }

  /** Every object, in any order. */
  *values(): IterableIterator<K8sObject> {
    for (const byName of this.byNamespace.values()) yield* byName.values();
  }

  /**
   * The objects in the code-unit order of their `namespace/name` keys (what sorting the keys gave), without
   * making the keys: a namespace's objects are contiguous, behind those of namespaces whose `namespace/`
   * sorts lower, and keys without a `/` fall between whole namespaces (such a key compares with every key
   * of a namespace as it compares with `namespace/`, since it has no `/`).
   */
  sorted(): K8sObject[] {
    type Unit = { readonly key: string; readonly byName?: Map<string, K8sObject> };
    const units: Unit[] = [];
    for (const [ns, byName] of this.byNamespace) {
      if (ns !== '') units.push({ key: `${ns}/`, byName });
      else for (const name of byName.keys()) units.push({ key: name });
    }
    units.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const loose = this.byNamespace.get('');
    const out: K8sObject[] = [];
    for (const u of units) {
      if (!u.byName) out.push(loose!.get(u.key)!);
      else for (const name of [...u.byName.keys()].sort()) out.push(u.byName.get(name)!);
    }
    return out;
  }

  /** An independent copy (the objects themselves are shared). */
  clone(): KindIndex {
    const copy = new KindIndex();
    for (const [ns, byName] of this.byNamespace) copy.byNamespace.set(ns, new Map(byName));
    copy.count = this.count;
    return copy;
  }
}

// The place of an object: its namespace and name when the namespace is set and has no `/`.
function placeOf(namespace: string | undefined, name: string): [string, string] {
  return namespace && !namespace.includes('/') ? [namespace, name] : splitKey(nsName(namespace, name));
}

// A `namespace/name` key split at its first `/`: ['', key] when it has none.
function splitKey(key: string): [string, string] {
  const slash = key.indexOf('/');
  return slash < 0 ? ['', key] : [key.slice(0, slash), key.slice(slash + 1)];
}
