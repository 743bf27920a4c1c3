import type { GRPCMethodMatch, GRPCRouteMatch } from '../../model/gateway-api.js';
import { and, hostMatcher, or, predicate, render, shifted, sniMatcher, type Matcher } from './matcher.js';
import { headerMatchers } from './httproute.js';

const GRPC_KIND_PRIORITY = 1; // spec 04 §4.4: bits 44-45 mark routes from GRPCRoute

/** Spec 04 §1.6: what an HTTP or gRPC route matches when nothing else is left. */
export const CATCH_ALL_EXPRESSION = '(net.protocol == "http") || (net.protocol == "https")';

/** Spec 04 §4.2: method, headers, hostname, then the `konghq.com/snis` values, flat under one And. */
export function grpcMatchExpression(match: GRPCRouteMatch, hostname: string, snis: readonly string[]): string {
  const text = render(
    and(
      match.method ? methodPredicate(match.method) : or(),
      and(...headerMatchers(match.headers)),
      hostname ? hostMatcher([hostname]) : or(),
      sniMatcher(snis),
    ),
  );
  return text || CATCH_ALL_EXPRESSION;
}

/** Spec 04 §4.3. */
export function methodPredicate(m: GRPCMethodMatch): Matcher {
  const { service, method } = m;
  if ((m.type ?? 'Exact') === 'RegularExpression') {
    if (!service && !method) return predicate('http.path', '^=', '/');
    return predicate('http.path', '~', `^/${service || '.+'}/${method || '.+'}`);
  }
  if (service && method) return predicate('http.path', '==', `/${service}/${method}`);
  if (service) return predicate('http.path', '^=', `/${service}/`);
  if (method) return predicate('http.path', '=^', `/${method}`);
  return predicate('http.path', '^=', '/');
}

/**
 * Spec 04 §4.4: the base priority of a split gRPC match (the 8 relative-order bits are added later):
 * kind 1 << 44, precise hostname << 43, hostname length << 35, service length << 24, method length << 13,
 * header count << 8.
 */
export function grpcBasePriority(match: GRPCRouteMatch, hostname: string): number {
  const precise = hostname !== '' && !hostname.startsWith('*');
  return (
    shifted(GRPC_KIND_PRIORITY, 44) +
    (precise ? shifted(1, 43) : 0) +
    shifted(byteLength(hostname), 35) +
    shifted(byteLength(match.method?.service ?? ''), 24) +
    shifted(byteLength(match.method?.method ?? ''), 13) +
    shifted(Array.isArray(match.headers) ? match.headers.length : 0, 8)
  );
}

/** Lengths as KIC measures them (Go's len: bytes). */
export function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}
