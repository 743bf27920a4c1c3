import type { KongRoute } from '../../kongstate/types.js';
import type { IngressShared } from './ingress.js';
import type { TranslateContext } from '../context.js';
import { applyRouteAnnotations } from '../annotations/route.js';
import type { AnnotationSource } from '../annotations/source.js';

/**
 * Spec 02 §6: the konghq.com route annotations of an Ingress, applied to one of its routes in KIC's order
 * (later overrides win where two touch the same field). With the expressions router only the first group
 * applies as route fields (spec 04 §2); methods, SNIs, headers and host aliases are in the expression.
 */
export function applyIngressRouteAnnotations(ctx: TranslateContext, route: KongRoute, ing: IngressShared): void {
  const src: AnnotationSource = { ctx, objects: [ing.ref], annotations: ing.annotations };
  applyRouteAnnotations(src, route);
}

/** A route of an Ingress with the fields every Ingress route starts with (spec 02 §2.3, §5). */
export function newIngressRoute(ing: IngressShared, name: string): KongRoute {
  return {
    name,
    strip_path: false,
    preserve_host: true,
    request_buffering: true,
    response_buffering: true,
    tags: ing.tags,
    meta: ing.routeMeta,
  };
}
