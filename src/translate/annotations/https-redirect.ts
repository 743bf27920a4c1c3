import type { KongRoute } from '../../kongstate/types.js';
import { parseGoInt, read, warnIgnored, type AnnotationSource } from './source.js';

export const FORCE_SSL_REDIRECT_ANNOTATION = 'ingress.kubernetes.io/force-ssl-redirect';
export const HTTPS_REDIRECT_CODE_ANNOTATION = 'konghq.com/https-redirect-status-code';
const REDIRECT_CODES: readonly number[] = [426, 301, 302, 307, 308];

/**
 * Spec 02 §6: `force-ssl-redirect: "true"` gives code 302 and TLS protocols; then a valid
 * `https-redirect-status-code` overrides the code.
 */
export function applyHTTPSRedirect(src: AnnotationSource, route: KongRoute): void {
  if (read(src, FORCE_SSL_REDIRECT_ANNOTATION) === 'true') {
    route.https_redirect_status_code = 302;
    route.protocols = tlsProtocols(route.protocols ?? []);
  }
  const value = read(src, HTTPS_REDIRECT_CODE_ANNOTATION);
  if (value === undefined) return;
  const code = parseGoInt(value);
  if (code === undefined) return warnIgnored(src, HTTPS_REDIRECT_CODE_ANNOTATION, value, 'is not an integer');
  if (!REDIRECT_CODES.includes(code)) {
    return warnIgnored(src, HTTPS_REDIRECT_CODE_ANNOTATION, value, `is not one of ${REDIRECT_CODES.join(', ')}`);
  }
  route.https_redirect_status_code = code;
}

/** grpc* -> grpcs, http* -> https, neither -> https (the protocols are replaced, not extended). */
export function tlsProtocols(protocols: readonly string[]): string[] {
  const grpc = protocols.some((p) => p.includes('grpc'));
  const http = protocols.some((p) => p.includes('http'));
  const out: string[] = [];
  if (grpc) out.push('grpcs');
  if (http || !grpc) out.push('https');
  return out;
}
