import type { Snapshot } from '../store/snapshot.js';

/** The referring side of a cross-namespace reference: API group ("" for core), kind and namespace. */
export type ReferenceFrom = { readonly group: string; readonly kind: string; readonly namespace: string };

/** The referenced side: API group ("" for core), kind, namespace and name. */
export type ReferenceTo = { readonly group: string; readonly kind: string; readonly namespace: string; readonly name: string };

/**
 * Spec 03 §3.2, spec 05 §2.3: a reference into another namespace is permitted when a ReferenceGrant in the
 * target namespace has a `from` entry equal to (group, kind, namespace) and a `to` entry with the target's
 * group and kind whose name is empty or the target's name. Callers decide when a grant is needed at all.
 */
export function isReferenceGranted(snapshot: Snapshot, from: ReferenceFrom, to: ReferenceTo): boolean {
  for (const grant of snapshot.list('ReferenceGrant')) {
    if (grant.metadata.namespace !== to.namespace) continue;
    const spec = grant.spec;
    const fromOk = (spec?.from ?? []).some(
      (f) => (f.group ?? '') === from.group && f.kind === from.kind && f.namespace === from.namespace,
    );
    if (!fromOk) continue;
    const toOk = (spec?.to ?? []).some((t) => (t.group ?? '') === to.group && t.kind === to.kind && (!t.name || t.name === to.name));
    if (toOk) return true;
  }
  return false;
}
