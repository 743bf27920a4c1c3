import type { KongRoute } from '../../kongstate/types.js';
import { read, warnIgnored, type AnnotationSource } from './source.js';

export const PATH_HANDLING_ANNOTATION = 'konghq.com/path-handling';
// KIC's test is unanchored: any `v<digit>` inside the value passes (spec 02 §6).
const PATH_HANDLING = /v\d/;

/** Spec 02 §6 (traditional router): `konghq.com/path-handling` -> `path_handling` when it contains v<digit>. */
export function applyPathHandling(src: AnnotationSource, route: KongRoute): void {
  const value = read(src, PATH_HANDLING_ANNOTATION);
  if (value === undefined) return;
  if (!PATH_HANDLING.test(value)) return warnIgnored(src, PATH_HANDLING_ANNOTATION, value, 'is not a path handling version like v0 or v1');
  route.path_handling = value;
}
