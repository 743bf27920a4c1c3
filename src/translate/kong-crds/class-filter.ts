import type { K8sObject } from '../../model/meta.js';
import type { TranslateContext } from '../context.js';
import { INGRESS_CLASS_ANNOTATION, isDefaultClass } from '../ingress/class.js';

/**
 * Spec 05 §1.1: a Kong object's class is its `kubernetes.io/ingress.class` annotation. When the controller's
 * IngressClass exists and is the default, objects without a class are accepted; otherwise the class must match.
 */
export function isForClass(ctx: TranslateContext, className: string | undefined): boolean {
  if (className) return className === ctx.options.ingressClass;
  return isDefaultClass(ctx.snapshot, ctx.options.ingressClass);
}

/** Spec 05 §1.2: the class filter of KongConsumer, KongConsumerGroup, global KongClusterPlugin, KongVault, TCP/UDPIngress. */
export function isKongObjectForClass(ctx: TranslateContext, obj: K8sObject): boolean {
  return isForClass(ctx, obj.metadata.annotations?.[INGRESS_CLASS_ANNOTATION]);
}

/** The objects of a list this controller translates (spec 05 §1). */
export function forClass<T extends K8sObject>(ctx: TranslateContext, objects: readonly T[]): T[] {
  return objects.filter((o) => isKongObjectForClass(ctx, o));
}
