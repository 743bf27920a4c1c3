import type { KongService } from '../../kongstate/types.js';
import { read, warnIgnored, type AnnotationSource } from './source.js';

export const SERVICE_PATH_ANNOTATION = 'konghq.com/path';

/** Spec 02 §8: `konghq.com/path` -> service `path` when it starts with `/`; other values ignored. */
export function applyServicePath(src: AnnotationSource, ks: KongService): void {
  const value = read(src, SERVICE_PATH_ANNOTATION);
  if (value === undefined) return;
  if (!value.startsWith('/')) return warnIgnored(src, SERVICE_PATH_ANNOTATION, value, 'does not start with "/"');
  ks.path = value;
}
