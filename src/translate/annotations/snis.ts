import type { KongRoute } from '../../kongstate/types.js';
import { isValidSNI } from '../expressions/matcher.js';
import { splitList } from './lists.js';
import { read, warnIgnored, type AnnotationSource } from './source.js';

export const SNIS_ANNOTATION = 'konghq.com/snis';

/** Spec 02 §6 (traditional router): list -> `snis`; one invalid SNI voids the annotation. */
export function applySNIs(src: AnnotationSource, route: KongRoute): void {
  const value = read(src, SNIS_ANNOTATION);
  if (value === undefined) return;
  const snis = splitList(value);
  const bad = snis.find((s) => !isValidSNI(s));
  if (bad !== undefined) return warnIgnored(src, SNIS_ANNOTATION, value, `has an invalid SNI ${JSON.stringify(bad)} (want a hostname without wildcard)`);
  route.snis = snis;
}
