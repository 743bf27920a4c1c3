import { KINDS, type KindInfo } from '../model/kinds.js';
import { formatRef, type ObjectRef } from '../model/object-ref.js';
import type { Snapshot } from '../store/snapshot.js';
import { DependencyGraph, type DependencyStep, type GraphError } from './dependency-graph.js';
import { identityKey, refOfIdentity, type ObjectIdentity } from './object-identity.js';

/** An object left out of the fallback configuration, and why. */
export type ExcludedObject = {
  readonly object: ObjectRef;
  readonly identity: ObjectIdentity;
  /** the broken object it was removed for (the object itself when it is the broken one) */
  readonly cause: ObjectRef;
  /** from `cause` to `object`: each step is "dependant depends on dependency via field" */
  readonly chain: readonly DependencyStep[];
};

/** The objects to translate instead, what was left out, and the broken objects the snapshot does not hold. */
export type Exclusion = {
  readonly ok: true;
  readonly snapshot: Snapshot;
  readonly excluded: readonly ExcludedObject[];
  /** broken objects with no object of that identity (uid included) in the snapshot: nothing removed for them */
  readonly unmatched: readonly ObjectIdentity[];
};

/** The fallback could not be built (spec 06 §6.3); the caller pushes the last valid Kong state instead. */
export type FallbackError = { readonly ok: false; readonly error: GraphError };

/**
 * Spec 06 §4: removes every broken object and everything that depends on it, directly or transitively,
 * from the snapshot. Dependencies of a broken object stay. Each excluded object is listed once, with the
 * first broken object (in the given order) that reaches it.
 */
export function excludeBroken(snapshot: Snapshot, broken: readonly ObjectIdentity[]): Exclusion | FallbackError {
  const built = DependencyGraph.build(snapshot);
  if ('error' in built) return { ok: false, error: built.error };
  const { excluded, unmatched } = collectExcluded(built.graph, broken);
  return { ok: true, snapshot: snapshot.without(excluded.map((e) => storeRef(e.identity))), excluded, unmatched };
}

/** The union of Subgraph(b) over the broken objects b (spec 06 §3.3), each object once. */
export function collectExcluded(
  graph: DependencyGraph,
  broken: readonly ObjectIdentity[],
): { excluded: ExcludedObject[]; unmatched: ObjectIdentity[] } {
  const excluded: ExcludedObject[] = [];
  const unmatched: ObjectIdentity[] = [];
  const seen = new Set<string>();
  for (const b of broken) {
    if (!graph.has(b)) {
      if (!unmatched.some((u) => identityKey(u) === identityKey(b))) unmatched.push(b);
      continue;
    }
    const cause = refOfIdentity(b);
    for (const reached of graph.subgraph(b)) {
      const key = identityKey(reached.identity);
      if (seen.has(key)) continue;
      seen.add(key);
      excluded.push({ object: refOfIdentity(reached.identity), identity: reached.identity, cause, chain: reached.chain });
    }
  }
  return { excluded, unmatched };
}

/**
 * One line saying why an object was left out, e.g.
 * `Ingress default/echo: depends on Service default/echo (spec.rules[0].http.paths[0].backend.service.name), which Kong rejected`.
 */
export function formatExcluded(e: ExcludedObject): string {
  if (e.chain.length === 0) return `${formatRef(e.object)}: rejected by Kong`;
  const links: string[] = [];
  for (let i = e.chain.length - 1; i >= 0; i--) {
    const step = e.chain[i];
    links.push(`${i === e.chain.length - 1 ? 'depends' : 'which depends'} on ${formatRef(step.dependency)} (${step.via})`);
  }
  return `${formatRef(e.object)}: ${links.join(', ')}, which Kong rejected`;
}

// Snapshot.without matches by the store's group of the kind and its scope, whatever apiVersion the object had.
function storeRef(id: ObjectIdentity): ObjectRef {
  const info = (KINDS as Readonly<Record<string, KindInfo>>)[id.kind];
  if (!info) return refOfIdentity(id);
  return info.namespaced
    ? { group: info.group, kind: id.kind, namespace: id.namespace, name: id.name }
    : { group: info.group, kind: id.kind, name: id.name };
}
