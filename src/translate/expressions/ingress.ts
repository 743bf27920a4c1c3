import type { Ingress } from '../../model/ingress.js';
import type { TranslateContext } from '../context.js';
import { headerAnnotations, splitList } from '../annotations/lists.js';
import { DEFAULT_REGEX_PREFIX, REGEX_PREFIX_ANNOTATION, trimBoth, trimLeft, type IngressPathSpec } from '../ingress/paths.js';
import { annotationField } from '../failures.js';
import { refOf } from '../../model/object-ref.js';
import {
  and, headerField, hostMatcher, isValidHost, isValidMethod, isValidSNI, methodMatcher, or, predicate, render, shifted, sniMatcher,
  type Matcher,
} from './matcher.js';

const INGRESS_KIND_PRIORITY = 3; // spec 04 §6.3: bits 44-45 mark routes from Ingress

/** Spec 04 §6.2–6.3 (= spec 02 §4.4–4.5): the expression and priority of an Ingress rule route. */
export function ingressRouteExpression(
  ctx: TranslateContext,
  ing: Ingress,
  host: string,
  paths: readonly IngressPathSpec[],
): { expression: string; priority: number } {
  const ann = ing.metadata.annotations ?? {};
  const marker = ann[REGEX_PREFIX_ANNOTATION] ?? DEFAULT_REGEX_PREFIX;
  const hosts = [...(host ? [host] : []), ...splitList(ann['konghq.com/host-aliases'])];
  const headers = headerAnnotations(ann);
  const methods = splitList(ann['konghq.com/methods']).map((m) => m.toUpperCase());
  const snis = splitList(ann['konghq.com/snis']);
  warnSkipped(ctx, ing, 'konghq.com/host-aliases', splitList(ann['konghq.com/host-aliases']).filter((h) => !isValidHost(h)), 'host');
  warnSkipped(ctx, ing, 'konghq.com/methods', methods.filter((m) => !isValidMethod(m)), 'method');
  warnSkipped(ctx, ing, 'konghq.com/snis', snis.filter((s) => !isValidSNI(s)), 'SNI');

  const headerMatchers: Matcher[] = [];
  for (const name of [...headers.keys()].sort()) {
    const field = headerField(name);
    if (field === 'http.headers.host') continue;
    headerMatchers.push(
      or(...headers.get(name)!.map((v) => (v.startsWith('~*') ? predicate(field, '~', v.slice(2)) : predicate(field, '==', v)))),
    );
  }
  const expression = render(
    and(
      hostMatcher(hosts),
      or(...paths.map((p) => pathMatcher(p, marker))),
      and(...headerMatchers),
      methodMatcher(methods),
      sniMatcher(snis),
    ),
  );

  let matchFields = 1;
  if (hosts.length > 0) matchFields++;
  if (headers.size > 0) matchFields++;
  if (methods.length > 0) matchFields++;
  if (snis.length > 0) matchFields++;
  const plainHostOnly = hosts.length > 0 && hosts.every((h) => !h.startsWith('*'));
  let regex = false;
  let maxLength = 0;
  for (const p of paths) {
    const { isRegex, length } = pathTraits(p, marker);
    regex ||= isRegex;
    maxLength = Math.max(maxLength, length);
  }
  const priority =
    Math.min(maxLength, 65535) +
    (regex ? shifted(1, 16) : 0) +
    (plainHostOnly ? shifted(1, 32) : 0) +
    shifted(Math.min(headers.size, 255), 33) +
    shifted(matchFields, 41) +
    shifted(INGRESS_KIND_PRIORITY, 44);
  return { expression, priority };
}

function pathMatcher(p: IngressPathSpec, marker: string): Matcher {
  switch (p.pathType) {
    case 'Prefix': {
      const base = trimBoth(p.path, '/');
      if (base === '') return predicate('http.path', '^=', '/');
      return or(predicate('http.path', '==', `/${base}`), predicate('http.path', '^=', `/${base}/`));
    }
    case 'Exact':
      return predicate('http.path', '==', `/${trimLeft(p.path, '/')}`);
    default: {
      if (p.path === '') return predicate('http.path', '^=', '/');
      if (marker !== '' && p.path.startsWith(marker)) {
        let re = p.path.slice(marker.length) || '^/';
        if (!re.startsWith('^')) re = `^${re}`;
        return predicate('http.path', '~', re);
      }
      return predicate('http.path', '^=', p.path);
    }
  }
}

function pathTraits(p: IngressPathSpec, marker: string): { isRegex: boolean; length: number } {
  switch (p.pathType) {
    case 'Exact':
      return { isRegex: true, length: 1 + byteLength(trimLeft(p.path, '/')) };
    case 'Prefix': {
      const base = trimBoth(p.path, '/');
      return { isRegex: true, length: base === '' ? 1 : byteLength(base) + 2 };
    }
    default:
      if (marker !== '' && p.path.startsWith(marker)) return { isRegex: true, length: byteLength(p.path) - byteLength(marker) };
      return { isRegex: false, length: byteLength(p.path) };
  }
}

// Spec 04 §1.5: KIC leaves invalid items out of the expression one by one, silently.
function warnSkipped(ctx: TranslateContext, ing: Ingress, key: string, skipped: readonly string[], what: string): void {
  if (skipped.length === 0) return;
  ctx.warn({
    objects: [refOf(ing)],
    field: annotationField(key),
    message: `${key}: invalid ${what} ${skipped.map((v) => JSON.stringify(v)).join(', ')} left out of the route expression, as KIC does`,
  });
}

function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}
