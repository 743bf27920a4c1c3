import type { KindName } from '../model/kinds.js';
import type { K8sObject } from '../model/meta.js';
import { formatRef, type ObjectRef } from '../model/object-ref.js';
import type { Snapshot } from '../store/snapshot.js';
import { DEPENDENCY_RESOLVERS } from './edges/index.js';
import { identityKey, identityOf, refOfIdentity, type ObjectIdentity } from './object-identity.js';

/** One edge, read in the direction "dependant depends on dependency" (spec 06 §3.2: the edge is D → O). */
export type DependencyStep = {
  readonly dependant: ObjectRef;
  readonly dependency: ObjectRef;
  /** the dependant's field naming the dependency */
  readonly via: string;
};

/** An object reached from a root, with the chain of edges that leads to it (empty for the root itself). */
export type ReachedObject = {
  readonly identity: ObjectIdentity;
  readonly object: K8sObject;
  /** from the root outwards: chain[0].dependency is the root, the last step's dependant is this object */
  readonly chain: readonly DependencyStep[];
};

type Vertex = {
  readonly identity: ObjectIdentity;
  readonly ref: ObjectRef;
  readonly object: K8sObject;
  readonly dependants: { readonly key: string; readonly via: string }[];
  readonly dependencies: { readonly key: string; readonly via: string }[];
};

/** Graph construction failed (spec 06 §6.3): the fallback is abandoned. */
export type GraphError = { readonly object: ObjectRef; readonly message: string };

/** The dependency graph of a snapshot (spec 06 §3): every object is a vertex, identified by spec 06 §3.1. */
export class DependencyGraph {
  private constructor(private readonly vertices: ReadonlyMap<string, Vertex>) {}

  /**
   * Builds the graph of every object in the snapshot. Fails only for an object of a kind the graph does
   * not know, which the store never holds (spec 06 §3.2, last paragraph).
   */
  static build(snapshot: Snapshot): { graph: DependencyGraph } | { error: GraphError } {
    const vertices = new Map<string, Vertex>();
    const objects = [...snapshot.all()];
    for (const object of objects) {
      const identity = identityOf(object);
      vertices.set(identityKey(identity), { identity, ref: refOfIdentity(identity), object, dependants: [], dependencies: [] });
    }
    for (const object of objects) {
      const resolve = (DEPENDENCY_RESOLVERS as Readonly<Record<string, (typeof DEPENDENCY_RESOLVERS)[KindName]>>)[object.kind];
      const key = identityKey(identityOf(object));
      const vertex = vertices.get(key);
      if (!resolve || !vertex) {
        return { error: { object: refOfIdentity(identityOf(object)), message: `no dependency rules for kind ${object.kind}` } };
      }
      for (const dep of resolve(object, snapshot)) {
        const depKey = identityKey(identityOf(dep.object));
        const target = vertices.get(depKey);
        if (!target || depKey === key) continue; // only objects of this snapshot; a self-reference adds nothing
        if (vertex.dependencies.some((d) => d.key === depKey)) continue; // first field that names it is enough
        vertex.dependencies.push({ key: depKey, via: dep.via });
        target.dependants.push({ key, via: dep.via });
      }
    }
    // Stable order whatever the order of the input: dependants sorted by kind, namespace, name.
    for (const v of vertices.values()) {
      v.dependants.sort((a, b) => compare(sortKey(vertices.get(a.key)), sortKey(vertices.get(b.key))));
    }
    return { graph: new DependencyGraph(vertices) };
  }

  /** True when an object with exactly this identity (uid included) is in the graph. */
  has(id: ObjectIdentity): boolean {
    return this.vertices.has(identityKey(id));
  }

  /** The objects that depend directly on `id`, with the field that names it. */
  dependantsOf(id: ObjectIdentity): { readonly object: ObjectRef; readonly via: string }[] {
    return (this.vertices.get(identityKey(id))?.dependants ?? []).map((d) => ({ object: this.ref(d.key), via: d.via }));
  }

  /** The objects `id` depends on directly, with the field that names each. */
  dependenciesOf(id: ObjectIdentity): { readonly object: ObjectRef; readonly via: string }[] {
    return (this.vertices.get(identityKey(id))?.dependencies ?? []).map((d) => ({ object: this.ref(d.key), via: d.via }));
  }

  /**
   * Subgraph(id) of spec 06 §3.3: the object and all its transitive dependants, each once, with the
   * shortest chain that reaches it (breadth-first; the set is the same as the spec's depth-first walk).
   * Empty when no object has this identity.
   */
  subgraph(id: ObjectIdentity): ReachedObject[] {
    const rootKey = identityKey(id);
    const root = this.vertices.get(rootKey);
    if (!root) return [];
    const out: ReachedObject[] = [{ identity: root.identity, object: root.object, chain: [] }];
    const seen = new Set([rootKey]);
    for (let i = 0; i < out.length; i++) {
      const current = out[i];
      const vertex = this.vertices.get(identityKey(current.identity));
      for (const d of vertex?.dependants ?? []) {
        if (seen.has(d.key)) continue;
        seen.add(d.key);
        const next = this.vertices.get(d.key);
        if (!next || !vertex) continue;
        const step: DependencyStep = { dependant: next.ref, dependency: vertex.ref, via: d.via };
        out.push({ identity: next.identity, object: next.object, chain: [...current.chain, step] });
      }
    }
    return out;
  }

  private ref(key: string): ObjectRef {
    const v = this.vertices.get(key);
    if (!v) throw new Error(`dependency graph: edge to unknown vertex ${key}`); // a bug: edges only join vertices
    return v.ref;
  }
}

function sortKey(v: Vertex | undefined): string {
  return v ? `${v.ref.kind}\u0000${formatRef(v.ref)}` : '';
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
