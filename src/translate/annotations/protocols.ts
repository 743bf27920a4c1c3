import type { KongRoute } from '../../kongstate/types.js';
import { splitList } from './lists.js';
import { read, type AnnotationSource } from './source.js';

export const PROTOCOLS_ANNOTATION = 'konghq.com/protocols';

/** The route protocols KIC accepts in `konghq.com/protocols` (spec 02 §6). */
export const VALID_ROUTE_PROTOCOLS: readonly string[] = ['http', 'https', 'grpc', 'grpcs', 'ws', 'wss', 'tls', 'tcp', 'tls_passthrough'];

/** True for a protocol of VALID_ROUTE_PROTOCOLS. */
export function isValidRouteProtocol(p: string): boolean {
  return VALID_ROUTE_PROTOCOLS.includes(p);
}

/**
 * Spec 02 §6: what an Ingress rule route gets at creation: the raw list, sorted (invalid items included).
 * Undefined when the annotation gives no protocol.
 */
export function initialRouteProtocols(annotations: Readonly<Record<string, string>>): string[] | undefined {
  const list = splitList(annotations[PROTOCOLS_ANNOTATION]);
  return list.length ? [...list].sort() : undefined;
}

/** Spec 02 §6: when every item is valid, `protocols` becomes the list in annotation order; else it is left alone. */
export function applyProtocols(src: AnnotationSource, route: KongRoute): void {
  const value = read(src, PROTOCOLS_ANNOTATION);
  if (value === undefined) return;
  const list = splitList(value);
  const invalid = list.filter((p) => !isValidRouteProtocol(p));
  if (invalid.length) {
    const kept = route.protocols?.length ? `the route keeps [${route.protocols.join(', ')}]` : 'the route gets no protocols';
    src.ctx.warn({
      objects: src.objects,
      field: `metadata.annotations[${PROTOCOLS_ANNOTATION}]`,
      message: `${PROTOCOLS_ANNOTATION} value ${JSON.stringify(value)}: ${invalid.map((p) => JSON.stringify(p)).join(', ')} not one of ${VALID_ROUTE_PROTOCOLS.join(', ')}; ${kept}, as KIC does`,
    });
    return;
  }
  // An empty list is all-valid too: it clears what force-ssl-redirect set (spec 02 §6, literally).
  route.protocols = list;
}

/**
 * Spec 02 §6.1 (traditional router only): grpc mixed with http (or an invalid protocol) becomes
 * [http, https]; any grpc protocol removes `strip_path`.
 */
export function normalizeRouteProtocols(route: KongRoute): void {
  const protocols = route.protocols ?? [];
  const grpc = protocols.some((p) => p.includes('grpc'));
  const http = protocols.some((p) => p.includes('http') || !isValidRouteProtocol(p));
  if (grpc && http) route.protocols = ['http', 'https'];
  if (grpc) delete route.strip_path;
}
