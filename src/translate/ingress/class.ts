import type { Ingress } from '../../model/ingress.js';
import type { Snapshot } from '../../store/snapshot.js';

export const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';
export const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';

/** True when the controller's IngressClass exists and is marked default. */
export function isDefaultClass(snapshot: Snapshot, ingressClass: string): boolean {
  return snapshot.get('IngressClass', undefined, ingressClass)?.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true';
}

/** Spec 02 §1: the annotation wins, then spec.ingressClassName (even ""), else only the default class takes it. */
export function isIngressForClass(ing: Ingress, ingressClass: string, defaultClass: boolean): boolean {
  const ann = ing.metadata.annotations?.[INGRESS_CLASS_ANNOTATION];
  if (ann) return ann === ingressClass;
  const spec = ing.spec?.ingressClassName;
  if (spec !== undefined && spec !== null) return spec === ingressClass;
  return defaultClass;
}

/** Spec 02 §1.2: creationTimestamp ascending, then namespace/name. */
export function compareIngressOrder(a: Ingress, b: Ingress): number {
  const ta = Date.parse(a.metadata.creationTimestamp ?? '') || 0;
  const tb = Date.parse(b.metadata.creationTimestamp ?? '') || 0;
  if (ta !== tb) return ta - tb;
  const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name}`;
  const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** The Ingresses this controller translates, in processing order. */
export function translatedIngresses(snapshot: Snapshot, ingressClass: string): Ingress[] {
  const def = isDefaultClass(snapshot, ingressClass);
  // compareIngressOrder's keys computed once per Ingress rather than twice per comparison (same order).
  const keyed = snapshot
    .list('Ingress')
    .filter((i) => isIngressForClass(i, ingressClass, def))
    .map((ing) => ({ ing, time: Date.parse(ing.metadata.creationTimestamp ?? '') || 0, key: `${ing.metadata.namespace ?? ''}/${ing.metadata.name}` }));
  keyed.sort((a, b) => (a.time !== b.time ? a.time - b.time : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.ing);
}
