import type { KongRoute } from '../../kongstate/types.js';
import type { IngressShared } from './ingress.js';
import { applyRouteAnnotations } from '../annotations/route.js';

/**
 * Spec 02 §6: the konghq.com route annotations of an Ingress, applied to one of its routes in KIC's order
 * (later overrides win where two touch the same field). With the expressions router only the first group
 * applies as route fields (spec 04 §2); methods, SNIs, headers and host aliases are in the expression.
 */
export function applyIngressRouteAnnotations(route: KongRoute, ing: IngressShared): void {
  applyRouteAnnotations(ing, route);
}

/**
 * A route of an Ingress with the fields every Ingress route starts with (spec 02 §2.3, §5). The fields most
 * routes get later (id, hosts, paths, protocols, regex_priority) are declared here, unset: V8 keeps an
 * object literal's fields inside the object, and a field added afterwards goes to a separate property
 * array, grown in steps (garbage, and more to copy when the route is promoted). Rarer fields (methods,
 * headers, ...) are added when an annotation sets them.
 */
export function newIngressRoute(ing: IngressShared, name: string): KongRoute {
  return {
    id: undefined,
    name,
    hosts: undefined,
    paths: undefined,
    protocols: undefined,
    strip_path: false,
    preserve_host: true,
    regex_priority: undefined,
    request_buffering: true,
    response_buffering: true,
    tags: ing.tags,
    meta: ing.routeMeta,
  };
}
