import type { KongRoute } from '../../kongstate/types.js';
import { isValidHost } from '../expressions/matcher.js';
import { splitList } from './lists.js';
import { read, warnIgnored, type AnnotationSource } from './source.js';

export const HOST_ALIASES_ANNOTATION = 'konghq.com/host-aliases';

/** The items of `konghq.com/host-aliases` (unvalidated). */
export function hostAliasesOf(annotations: Readonly<Record<string, string>>): string[] {
  return splitList(annotations[HOST_ALIASES_ANNOTATION]);
}

/**
 * Spec 02 §6 (traditional router): `hosts` = existing hosts, then the aliases not already present.
 * One invalid alias voids the annotation.
 */
export function applyHostAliases(src: AnnotationSource, route: KongRoute): void {
  const value = read(src, HOST_ALIASES_ANNOTATION);
  if (value === undefined) return;
  const aliases = splitList(value);
  if (aliases.length === 0) return warnIgnored(src, HOST_ALIASES_ANNOTATION, value, 'lists no host');
  const bad = aliases.find((h) => !isValidHost(h));
  if (bad !== undefined) return warnIgnored(src, HOST_ALIASES_ANNOTATION, value, `has an invalid host ${JSON.stringify(bad)}`);
  const hosts = [...(route.hosts ?? [])];
  for (const a of aliases) if (!hosts.includes(a)) hosts.push(a);
  route.hosts = hosts;
}
