import type { KongRoute } from '../../kongstate/types.js';
import { and, intPredicate, or, render, sniMatcher } from './matcher.js';

/** Spec 04 §5: every L4 route (TCP/UDP/TLS routes, TCP/UDPIngress) has this priority. */
export const L4_ROUTE_PRIORITY = 1;

/**
 * Spec 04 §5: `And(SNIMatcher(snis), Or(net.dst.port == p ...))`; invalid SNIs (wildcards) are dropped and
 * nothing left gives "" (no catch-all for L4). E.g. (["db.example.com"], [9000]) ->
 * `(tls.sni == "db.example.com") && (net.dst.port == 9000)`.
 */
export function l4Expression(snis: readonly string[], ports: readonly number[]): { expression: string; priority: number } {
  const expression = render(and(sniMatcher(snis), or(...ports.map((p) => intPredicate('net.dst.port', p)))));
  return { expression, priority: L4_ROUTE_PRIORITY };
}

/** Converts a traditional L4 route in place: expression and priority from its snis and destinations, which go. */
export function toL4ExpressionRoute(route: KongRoute): void {
  const ports = (route.destinations ?? []).map((d) => d.port).filter((p): p is number => typeof p === 'number');
  Object.assign(route, l4Expression(route.snis ?? [], ports));
  delete route.snis;
  delete route.destinations;
}
