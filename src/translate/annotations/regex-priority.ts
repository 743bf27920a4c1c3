import type { KongRoute } from '../../kongstate/types.js';
import { parseGoInt, read, warnIgnored, type AnnotationSource } from './source.js';

export const REGEX_PRIORITY_ANNOTATION = 'konghq.com/regex-priority';

/** Spec 02 §6 (traditional router): an integer, possibly negative -> `regex_priority`. */
export function applyRegexPriority(src: AnnotationSource, route: KongRoute): void {
  const value = read(src, REGEX_PRIORITY_ANNOTATION);
  if (value === undefined) return;
  const n = parseGoInt(value);
  if (n === undefined) return warnIgnored(src, REGEX_PRIORITY_ANNOTATION, value, 'is not an integer');
  route.regex_priority = n;
}
