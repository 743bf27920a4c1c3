import type { KongService } from '../../kongstate/types.js';
import { parseGoBool, read, warnIgnored, type AnnotationSource } from './source.js';

export const TLS_VERIFY_ANNOTATION = 'konghq.com/tls-verify';

/** The `konghq.com/tls-verify` value as KIC parses it (Go's strconv.ParseBool), or undefined. */
export function tlsVerifyOf(annotations: Readonly<Record<string, string>>): boolean | undefined {
  const value = annotations[TLS_VERIFY_ANNOTATION];
  return value === undefined ? undefined : parseGoBool(value);
}

/** Spec 02 §8: `konghq.com/tls-verify` -> `tls_verify`; non-booleans ignored. */
export function applyServiceTLSVerify(src: AnnotationSource, ks: KongService): void {
  const value = read(src, TLS_VERIFY_ANNOTATION);
  if (value === undefined) return;
  const b = parseGoBool(value);
  if (b === undefined) return warnIgnored(src, TLS_VERIFY_ANNOTATION, value, 'is not a boolean (true, false, t, f, 1, 0)');
  ks.tls_verify = b;
}
