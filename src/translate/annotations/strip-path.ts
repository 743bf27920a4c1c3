import type { KongRoute } from '../../kongstate/types.js';
import { parseCaseInsensitiveBool, read, warnIgnored, type AnnotationSource } from './source.js';

export const STRIP_PATH_ANNOTATION = 'konghq.com/strip-path';

/** Spec 02 §6: `konghq.com/strip-path` true/false (any case) -> `strip_path`; other values ignored. */
export function applyStripPath(src: AnnotationSource, route: KongRoute): void {
  const value = read(src, STRIP_PATH_ANNOTATION);
  if (value === undefined) return;
  const b = parseCaseInsensitiveBool(value);
  if (b === undefined) return warnIgnored(src, STRIP_PATH_ANNOTATION, value, 'is not true or false');
  route.strip_path = b;
}
