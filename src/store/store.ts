import { parseApiVersion, type K8sObject } from '../model/meta.js';
import { KINDS, knownKind, type KindMap, type KindName } from '../model/kinds.js';
import { nsName } from '../model/object-ref.js';
import { Snapshot, type InvalidObject } from './snapshot.js';
import { refOf } from '../model/object-ref.js';
import { validateObject } from '../model/schema/validate.js';
import { KindIndex } from './kind-index.js';

/**
 * What upsert did with an object. `ignored`: its kind is not one the translator reads; `invalid`: a field
 * has the wrong type, so it is kept out of translation (and reported) until a valid version arrives.
 */
export type UpsertResult = 'added' | 'updated' | 'ignored' | 'invalid';

/**
 * The in-memory set of objects the translator reads, keyed by kind and namespace/name.
 * Fed by manifest files (translate) or informer events (run); `snapshot()` freezes a view.
 */
export class Store {
  private readonly objects = new Map<KindName, KindIndex>();
  private readonly invalid = new Map<string, InvalidObject>();
  private version = 0;

  /** Adds or replaces an object. Objects of unknown kinds are not stored. */
  upsert(obj: K8sObject): UpsertResult {
    const kind = knownKind(parseApiVersion(obj.apiVersion).group, obj.kind);
    if (!kind) return 'ignored';
    let index = this.objects.get(kind);
    if (!index) this.objects.set(kind, (index = new KindIndex()));
    const namespace = KINDS[kind].namespaced ? obj.metadata.namespace : undefined;
    const key = nsName(namespace, obj.metadata.name);
    const checked = validateObject(kind, obj);
    this.version++;
    if ('error' in checked) {
      index.delete(namespace, obj.metadata.name);
      this.invalid.set(`${kind}/${key}`, { ref: refOf(obj), ...checked.error });
      return 'invalid';
    }
    this.invalid.delete(`${kind}/${key}`);
    return index.set(namespace, obj.metadata.name, checked.object) ? 'updated' : 'added';
  }

  /** Removes an object; true when it was there. */
  delete(kind: KindName, namespace: string | undefined, name: string): boolean {
    const ns = KINDS[kind].namespaced ? namespace : undefined;
    const removed = (this.objects.get(kind)?.delete(ns, name) ?? false) || this.invalid.delete(`${kind}/${nsName(ns, name)}`);
    if (removed) this.version++;
    return removed;
  }

  /** One object, or undefined. */
  get<K extends KindName>(kind: K, namespace: string | undefined, name: string): KindMap[K] | undefined {
    return this.objects.get(kind)?.get(KINDS[kind].namespaced ? namespace : undefined, name) as KindMap[K] | undefined;
  }

  /** Increases on every change; lets callers skip work when nothing changed. */
  get generation(): number {
    return this.version;
  }

  /** A frozen view of the current objects; later store changes do not affect it. */
  snapshot(): Snapshot {
    const copy = new Map<KindName, KindIndex>();
    for (const [kind, index] of this.objects) copy.set(kind, index.clone());
    return new Snapshot(copy, [...this.invalid.values()]);
  }
}
