import type { KongRoute } from '../../kongstate/types.js';
import type { GatewayRoute } from '../../model/gateway-api.js';
import { refOf } from '../../model/object-ref.js';
import type { TranslateContext } from '../context.js';
import { SNIS_ANNOTATION } from '../annotations/snis.js';
import { applyRouteAnnotations } from '../annotations/route.js';
import type { AnnotationSource } from '../annotations/source.js';
import { splitList } from '../annotations/lists.js';

/**
 * Spec 03 §4.9: the route annotations of a Gateway API route object, applied to every Kong route made from
 * it in the Ingress order (spec 02 §6). With the expressions router only the first group applies as route
 * fields; `konghq.com/snis` is folded into HTTPRoute/GRPCRoute expressions instead (spec 04 §2).
 */
export function applyGatewayRouteAnnotations(ctx: TranslateContext, route: KongRoute, obj: GatewayRoute): void {
  const src: AnnotationSource = { ctx, objects: [refOf(obj)], annotations: obj.metadata.annotations ?? {} };
  applyRouteAnnotations(src, route);
}

/** Spec 04 §1.5: the `konghq.com/snis` values (trimmed, empties dropped) an expression matches on. */
export function snisAnnotation(obj: GatewayRoute): string[] {
  return splitList(obj.metadata.annotations?.[SNIS_ANNOTATION]);
}
