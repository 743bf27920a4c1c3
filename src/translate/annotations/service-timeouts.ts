import type { KongService } from '../../kongstate/types.js';
import { parseGoInt, read, warnIgnored, type AnnotationKey, type AnnotationSource } from './source.js';

type IntegerField = 'connect_timeout' | 'read_timeout' | 'write_timeout' | 'retries' | 'tls_verify_depth';

/** Spec 02 §8: the integer Service annotations and the Kong service field each sets. */
export const SERVICE_INTEGER_ANNOTATIONS: readonly (readonly [AnnotationKey, IntegerField])[] = [
  ['konghq.com/connect-timeout', 'connect_timeout'],
  ['konghq.com/read-timeout', 'read_timeout'],
  ['konghq.com/write-timeout', 'write_timeout'],
  ['konghq.com/retries', 'retries'],
  ['konghq.com/tls-verify-depth', 'tls_verify_depth'],
];

/** Spec 02 §8: timeouts (ms), retries and tls-verify-depth; non-integers are ignored. */
export function applyServiceIntegers(src: AnnotationSource, ks: KongService): void {
  for (const [key, field] of SERVICE_INTEGER_ANNOTATIONS) {
    const value = read(src, key);
    if (value === undefined) continue;
    const n = parseGoInt(value);
    if (n === undefined) warnIgnored(src, key, value, 'is not an integer');
    else ks[field] = n;
  }
}
