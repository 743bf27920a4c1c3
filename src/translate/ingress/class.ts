import type { K8sObject } from '../../model/meta.js';
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

/**
 * Spec 02 §1.2: creationTimestamp ascending, then namespace/name. The sort keys are computed once per object
 * rather than twice per comparison.
 */
export function inIngressOrder<T extends K8sObject>(items: readonly T[]): T[] {
  const keyed = items.map((obj) => ({
    obj,
    time: Date.parse(obj.metadata.creationTimestamp ?? '') || 0,
    key: `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`,
  }));
  keyed.sort((a, b) => (a.time !== b.time ? a.time - b.time : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.obj);
}

/** The Ingresses this controller translates, in processing order. */
export function translatedIngresses(snapshot: Snapshot, ingressClass: string): Ingress[] {
  const def = isDefaultClass(snapshot, ingressClass);
  return inIngressOrder(snapshot.list('Ingress').filter((i) => isIngressForClass(i, ingressClass, def)));
}
