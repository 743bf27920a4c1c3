import type { HTTPRouteMatch, ValueMatch } from '../../model/gateway-api.js';
import { byteLength, CATCH_ALL_EXPRESSION } from './grpcroute.js';
import { and, headerField, hostMatcher, or, predicate, render, shifted, sniMatcher, type Matcher } from './matcher.js';

const HTTPROUTE_KIND_PRIORITY = 2; // spec 04 §3.6: bits 44-45 mark routes from HTTPRoute

/** One split match (spec 04 §3.1): a hostname ('' for none), and a match of a rule (empty for a match-less rule). */
export type HTTPSplitMatch = {
  readonly hostname: string;
  readonly match: HTTPRouteMatch;
  /** the rule has a URLRewrite filter with path type ReplacePrefixMatch (spec 04 §3.3) */
  readonly rewritesPrefix: boolean;
};

/** Spec 04 §3.2: And(host, SNIs, And(path, headers, query params, method)); nothing gives the catch-all. */
export function httpMatchExpression(split: HTTPSplitMatch, snis: readonly string[]): string {
  const { match } = split;
  const text = render(
    and(
      split.hostname ? hostMatcher([split.hostname]) : or(),
      sniMatcher(snis),
      and(
        match.path ? pathMatcher(match.path.type ?? 'PathPrefix', match.path.value ?? '/', split.rewritesPrefix) : or(),
        and(...headerMatchers(match.headers)),
        and(...queryMatchers(match.queryParams)),
        match.method ? or(predicate('http.method', '==', match.method)) : or(),
      ),
    ),
  );
  return text || CATCH_ALL_EXPRESSION;
}

/** Spec 04 §3.3; `rewritesPrefix` gives the capture form a ReplacePrefixMatch rewrite needs. */
export function pathMatcher(type: string, value: string, rewritesPrefix: boolean): Matcher {
  switch (type) {
    case 'Exact':
      return predicate('http.path', '==', value);
    case 'RegularExpression':
      return predicate('http.path', '~', value.startsWith('^') ? value : `^${value}`);
    default: {
      const n = normalizePrefix(value);
      if (rewritesPrefix) {
        return n === '/'
          ? or(predicate('http.path', '==', '/'), predicate('http.path', '~', '^/(.*)'))
          : or(predicate('http.path', '==', n), predicate('http.path', '~', `^${n}(/.*)`));
      }
      if (n === '/') return predicate('http.path', '^=', '/');
      return or(predicate('http.path', '==', n), predicate('http.path', '^=', `${n}/`));
    }
  }
}

/** `""` and `/` are `/`; otherwise one trailing `/` is removed (spec 04 §3.3, spec 03 §4.8). */
export function normalizePrefix(value: string): string {
  if (value === '' || value === '/') return '/';
  return value.endsWith('/') ? value.slice(0, -1) : value;
}

/** Spec 04 §3.4: header predicates sorted by name as written (stable, not de-duplicated). */
export function headerMatchers(headers: readonly ValueMatch[] | undefined): Matcher[] {
  return sortedByName(headers).map((h) => valuePredicate(headerField(h.name ?? ''), h));
}

/** Spec 04 §3.5: query-param predicates sorted by name; the name is used as written. */
export function queryMatchers(params: readonly ValueMatch[] | undefined): Matcher[] {
  return sortedByName(params).map((q) => valuePredicate(`http.queries.${q.name ?? ''}`, q));
}

function valuePredicate(field: string, m: ValueMatch): Matcher {
  return predicate(field, m.type === 'RegularExpression' ? '~' : '==', m.value ?? '');
}

function sortedByName(list: readonly ValueMatch[] | undefined): ValueMatch[] {
  if (!Array.isArray(list)) return [];
  return [...list].sort((a, b) => {
    const x = a.name ?? '';
    const y = b.name ?? '';
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/**
 * Spec 04 §3.6: the base priority of a split match (the 12 relative-order bits are added later). The
 * fields are added without masking, as KIC does.
 */
export function httpBasePriority(split: HTTPSplitMatch): number {
  const { hostname, match } = split;
  const precise = hostname !== '' && !hostname.startsWith('*');
  const type = match.path ? (match.path.type ?? 'PathPrefix') : '';
  const pathLen = match.path ? byteLength(match.path.value ?? '/') : 0;
  return (
    shifted(HTTPROUTE_KIND_PRIORITY, 44) +
    (precise ? shifted(1, 43) : 0) +
    shifted(byteLength(hostname), 35) +
    (type === 'Exact' ? shifted(1, 34) : 0) +
    (type === 'RegularExpression' ? shifted(1, 33) : 0) +
    (pathLen > 0 ? shifted(pathLen - 1, 23) : 0) +
    (match.method ? shifted(1, 22) : 0) +
    shifted(Array.isArray(match.headers) ? match.headers.length : 0, 17) +
    shifted(Array.isArray(match.queryParams) ? match.queryParams.length : 0, 12)
  );
}
