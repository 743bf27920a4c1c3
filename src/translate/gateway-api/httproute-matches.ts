import type { HTTPRouteMatch, ValueMatch } from '../../model/gateway-api.js';
import type { FilterError } from './httproute-filters.js';
import { asArray } from './parent-refs.js';

const PATH_TYPES: readonly string[] = ['Exact', 'PathPrefix', 'RegularExpression'];

/** The path type of a match, PathPrefix when not written (spec 03 §1.1 item 2). */
export function pathType(match: HTTPRouteMatch): string {
  return match.path?.type ?? 'PathPrefix';
}

/** The path value of a match: `/` when a path is written without value (the API default), '' without path. */
export function pathValue(match: HTTPRouteMatch): string {
  return match.path ? (match.path.value ?? '/') : '';
}

/** Spec 03 §4.6: the Kong paths of one match (traditional router); none when the match has no path. */
export function kongPaths(match: HTTPRouteMatch): string[] {
  if (!match.path) return [];
  const v = pathValue(match);
  switch (pathType(match)) {
    case 'Exact':
      return [`~${v}$`];
    case 'RegularExpression':
      return [`~${v}`];
    default:
      return [`~${v}$`, v.endsWith('/') ? v : `${v}/`];
  }
}

/**
 * Spec 03 §4.5 step 2: matches of one HTTPRoute and filter group with equal keys become one Kong route.
 * The key is the method, the headers (names lower-cased, first of each name kept, sorted) and the query
 * param names; the path is not part of it.
 */
export function matchKey(match: HTTPRouteMatch): string {
  const headers = firstByName(asArray(match.headers), (n) => n.toLowerCase())
    .map((h) => [(h.name ?? '').toLowerCase(), h.type ?? '', h.value ?? ''])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const queries = firstByName(asArray(match.queryParams), (n) => n).map((q) => [q.name ?? '', q.type ?? '', q.value ?? '']);
  return JSON.stringify([match.method ?? '', headers, queries]);
}

function firstByName(list: readonly ValueMatch[], norm: (n: string) => string): ValueMatch[] {
  const seen = new Set<string>();
  return list.filter((m) => {
    const k = norm(m.name ?? '');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Spec 03 §4.6: the Kong `headers` of a match (traditional router): Exact (or no type) is the value,
 * RegularExpression is `~*` + value. A repeated name or another type drops the service (spec 03 §4.10).
 */
export function kongHeaders(match: HTTPRouteMatch, field: string): Record<string, string[]> | undefined | FilterError {
  const headers = asArray(match.headers);
  if (!headers.length) return undefined;
  const out: Record<string, string[]> = {};
  for (const [i, h] of headers.entries()) {
    const name = h.name ?? '';
    if (Object.hasOwn(out, name)) {
      return { reason: 'InvalidObject', field: `${field}.headers[${i}]`, error: `duplicated header match ${name}` };
    }
    const type = h.type ?? 'Exact';
    if (type === 'Exact') out[name] = [h.value ?? ''];
    else if (type === 'RegularExpression') out[name] = [`~*${h.value ?? ''}`];
    else return { reason: 'UnsupportedField', field: `${field}.headers[${i}].type`, error: `unsupported header match type ${type}` };
  }
  return out;
}

/**
 * The match types kic-ts cannot express (both routers): unknown path, header or query-param types. KIC
 * would build a route that matches more than asked; the service is dropped with a failure instead.
 */
export function unsupportedMatchType(match: HTTPRouteMatch, field: string): FilterError | undefined {
  if (match.path && !PATH_TYPES.includes(pathType(match))) {
    return { reason: 'UnsupportedField', field: `${field}.path.type`, error: `unsupported path match type ${pathType(match)}` };
  }
  for (const [key, list] of [['headers', match.headers], ['queryParams', match.queryParams]] as const) {
    for (const [i, m] of asArray(list).entries()) {
      const type = m.type ?? 'Exact';
      if (type !== 'Exact' && type !== 'RegularExpression') {
        return { reason: 'UnsupportedField', field: `${field}.${key}[${i}].type`, error: `unsupported ${key === 'headers' ? 'header' : 'query param'} match type ${type}` };
      }
    }
  }
  return undefined;
}
