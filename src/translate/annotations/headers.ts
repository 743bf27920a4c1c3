import type { KongRoute } from '../../kongstate/types.js';
import { HEADERS_PREFIX, headerAnnotations } from './lists.js';
import { warnIgnored, type AnnotationSource } from './source.js';

/**
 * Spec 02 §6 (traditional router): `konghq.com/headers.<name>` -> `headers[<name>]` (name as written,
 * values split on the separator and trimmed, empty items kept). Replaces previous headers.
 */
export function applyHeaders(src: AnnotationSource, route: KongRoute): void {
  if (!hasHeaderAnnotations(src.annotations)) return; // most objects have none: no entry lists to build
  for (const [key, value] of Object.entries(src.annotations)) {
    if (!key.startsWith(HEADERS_PREFIX)) continue;
    if (key === HEADERS_PREFIX) warnIgnored(src, key, value, 'names no header');
    else if (value === '') warnIgnored(src, key, value, 'is empty');
  }
  const headers = headerAnnotations(src.annotations);
  if (headers.size > 0) route.headers = Object.fromEntries(headers);
}

function hasHeaderAnnotations(annotations: Readonly<Record<string, string>>): boolean {
  for (const key in annotations) if (key.startsWith(HEADERS_PREFIX)) return true;
  return false;
}
