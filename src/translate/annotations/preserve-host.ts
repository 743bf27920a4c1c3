import type { KongRoute } from '../../kongstate/types.js';
import { parseCaseInsensitiveBool, read, warnIgnored, type AnnotationSource } from './source.js';

export const PRESERVE_HOST_ANNOTATION = 'konghq.com/preserve-host';

/** Spec 02 §6: `konghq.com/preserve-host` true/false (any case) -> `preserve_host`; other values ignored. */
export function applyPreserveHost(src: AnnotationSource, route: KongRoute): void {
  const value = read(src, PRESERVE_HOST_ANNOTATION);
  if (value === undefined) return;
  const b = parseCaseInsensitiveBool(value);
  if (b === undefined) return warnIgnored(src, PRESERVE_HOST_ANNOTATION, value, 'is not true or false');
  route.preserve_host = b;
}
