import type { KongRoute } from '../../kongstate/types.js';
import type { GatewayRoute } from '../../model/gateway-api.js';
import { refOf } from '../../model/object-ref.js';
import type { TranslateContext } from '../context.js';
import { applyBuffering } from '../annotations/buffering.js';
import { applyHeaders } from '../annotations/headers.js';
import { applyHostAliases } from '../annotations/host-aliases.js';
import { applyHTTPSRedirect } from '../annotations/https-redirect.js';
import { applyMethods } from '../annotations/methods.js';
import { applyPathHandling } from '../annotations/path-handling.js';
import { applyPreserveHost } from '../annotations/preserve-host.js';
import { applyProtocols, normalizeRouteProtocols } from '../annotations/protocols.js';
import { applyRegexPriority } from '../annotations/regex-priority.js';
import { applySNIs, SNIS_ANNOTATION } from '../annotations/snis.js';
import type { AnnotationSource } from '../annotations/source.js';
import { applyStripPath } from '../annotations/strip-path.js';
import { splitList } from '../annotations/lists.js';

/**
 * Spec 03 §4.9: the route annotations of a Gateway API route object, applied to every Kong route made from
 * it in the Ingress order (spec 02 §6). With the expressions router only the first group applies as route
 * fields; `konghq.com/snis` is folded into HTTPRoute/GRPCRoute expressions instead (spec 04 §2).
 */
export function applyGatewayRouteAnnotations(ctx: TranslateContext, route: KongRoute, obj: GatewayRoute): void {
  const src: AnnotationSource = { ctx, objects: [refOf(obj)], annotations: obj.metadata.annotations ?? {} };
  applyStripPath(src, route);
  applyHTTPSRedirect(src, route);
  applyPreserveHost(src, route);
  applyBuffering(src, route);
  applyProtocols(src, route);
  if (ctx.expressions) return;
  applyRegexPriority(src, route);
  applyMethods(src, route);
  applySNIs(src, route);
  applyHostAliases(src, route);
  applyHeaders(src, route);
  applyPathHandling(src, route);
  normalizeRouteProtocols(route);
}

/** Spec 04 §1.5: the `konghq.com/snis` values (trimmed, empties dropped) an expression matches on. */
export function snisAnnotation(obj: GatewayRoute): string[] {
  return splitList(obj.metadata.annotations?.[SNIS_ANNOTATION]);
}
