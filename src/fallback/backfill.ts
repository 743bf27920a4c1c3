import type { K8sObject } from '../model/meta.js';
import type { ObjectRef } from '../model/object-ref.js';
import { Snapshot } from '../store/snapshot.js';
import { DependencyGraph, type DependencyStep } from './dependency-graph.js';
import { excludeBroken, type ExcludedObject, type FallbackError } from './exclude-broken.js';
import { identityKey, refOfIdentity, type ObjectIdentity } from './object-identity.js';

/** The fallback switches of spec 06 §1, as the running controller's flags set them. */
export type FallbackSettings = {
  /** the `FallbackConfiguration` feature gate */
  readonly fallbackConfiguration: boolean;
  /** `--use-last-valid-config-for-fallback` */
  readonly useLastValidConfigForFallback: boolean;
};

/** The startup error KIC gives for the flag without the gate (spec 07 flags table), or undefined when valid. */
export function validateFallbackSettings(s: FallbackSettings): string | undefined {
  return s.useLastValidConfigForFallback && !s.fallbackConfiguration
    ? '--use-last-valid-config-for-fallback requires the FallbackConfiguration feature gate'
    : undefined;
}

/** An object put back from the last valid snapshot, in its last valid version. */
export type BackfilledObject = {
  readonly object: ObjectRef;
  readonly identity: ObjectIdentity;
  /** the excluded object whose last valid version (or whose dependant there) this is */
  readonly for: ObjectRef;
  /** in the last valid snapshot, from `for` to `object` (empty when it is `for` itself) */
  readonly chain: readonly DependencyStep[];
};

/** The snapshot the fallback configuration is translated from, with what was left out and put back. */
export type FallbackCache = {
  readonly ok: true;
  readonly snapshot: Snapshot;
  readonly excluded: readonly ExcludedObject[];
  readonly backfilled: readonly BackfilledObject[];
  /** broken objects the current snapshot does not hold (uid included) */
  readonly unmatched: readonly ObjectIdentity[];
};

/**
 * The fallback cache for the running controller (spec 06 §4, §5.2). With
 * `useLastValidConfigForFallback` and a last valid snapshot, every excluded object that was in the last
 * valid snapshot (same uid, group, kind, namespace, name) comes back in its last valid version, with its
 * dependants as they were there; otherwise this is the plain exclusion of §4. Pure: the caller keeps the
 * last valid snapshot (§5.1) and translates the result.
 */
export function buildFallbackCache(
  settings: FallbackSettings,
  current: Snapshot,
  broken: readonly ObjectIdentity[],
  lastValid: Snapshot | undefined,
): FallbackCache | FallbackError {
  const exclusion = excludeBroken(current, broken);
  if (!exclusion.ok) return exclusion;
  const { excluded, unmatched, snapshot: remaining } = exclusion;
  if (!settings.useLastValidConfigForFallback || !lastValid) {
    return { ok: true, snapshot: remaining, excluded, backfilled: [], unmatched };
  }
  const last = DependencyGraph.build(lastValid);
  if ('error' in last) return { ok: false, error: last.error };
  const backfilled: BackfilledObject[] = [];
  const added = new Map<string, K8sObject>();
  for (const a of excluded) {
    for (const reached of last.graph.subgraph(a.identity)) {
      const key = identityKey(reached.identity);
      if (added.has(key)) continue;
      added.set(key, reached.object);
      backfilled.push({ object: refOfIdentity(reached.identity), identity: reached.identity, for: a.object, chain: reached.chain });
    }
  }
  // Snapshot.of keeps the later of two objects with the same kind and namespace/name: add-or-replace.
  const snapshot = added.size ? Snapshot.of([...remaining.all(), ...added.values()]) : remaining;
  return { ok: true, snapshot, excluded, backfilled, unmatched };
}
