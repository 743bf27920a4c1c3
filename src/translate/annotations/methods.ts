import type { KongRoute } from '../../kongstate/types.js';
import { isValidMethod } from '../expressions/matcher.js';
import { splitList } from './lists.js';
import { read, warnIgnored, type AnnotationSource } from './source.js';

export const METHODS_ANNOTATION = 'konghq.com/methods';

/** The upper-cased items of `konghq.com/methods` (valid or not). */
export function methodsOf(annotations: Readonly<Record<string, string>>): string[] {
  return splitList(annotations[METHODS_ANNOTATION]).map((m) => m.toUpperCase());
}

/** Spec 02 §6 (traditional router): upper-cased list -> `methods`; one item not `^[A-Z]+$` voids the annotation. */
export function applyMethods(src: AnnotationSource, route: KongRoute): void {
  const value = read(src, METHODS_ANNOTATION);
  if (value === undefined) return;
  const methods = methodsOf(src.annotations);
  const bad = methods.find((m) => !isValidMethod(m));
  if (bad !== undefined) return warnIgnored(src, METHODS_ANNOTATION, value, `has an invalid method ${JSON.stringify(bad)} (want letters only)`);
  route.methods = methods;
}
