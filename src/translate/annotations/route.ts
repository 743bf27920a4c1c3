import type { KongRoute } from '../../kongstate/types.js';
import { annotationField } from '../failures.js';
import { applyBuffering } from './buffering.js';
import { applyHeaders } from './headers.js';
import { applyHostAliases } from './host-aliases.js';
import { applyHTTPSRedirect } from './https-redirect.js';
import { applyMethods } from './methods.js';
import { applyPathHandling, PATH_HANDLING_ANNOTATION } from './path-handling.js';
import { applyPreserveHost } from './preserve-host.js';
import { applyProtocols, normalizeRouteProtocols } from './protocols.js';
import { applyRegexPriority, REGEX_PRIORITY_ANNOTATION } from './regex-priority.js';
import { applySNIs } from './snis.js';
import type { AnnotationSource } from './source.js';
import { applyStripPath } from './strip-path.js';

/**
 * Spec 02 §6 (Ingress) and spec 03 §4.9 (Gateway API routes): the konghq.com route annotations, applied in
 * KIC's order (later overrides win where two touch the same field). With the expressions router only the
 * first group applies as route fields (spec 04 §2); methods, SNIs, headers and host aliases go into the
 * expression instead, where the source kind supports it.
 */
export function applyRouteAnnotations(src: AnnotationSource, route: KongRoute): void {
  applyStripPath(src, route);
  applyHTTPSRedirect(src, route);
  applyPreserveHost(src, route);
  applyBuffering(src, route);
  applyProtocols(src, route);
  if (src.ctx.expressions) {
    warnNoEffectWithExpressions(src);
    return;
  }
  applyRegexPriority(src, route);
  applyMethods(src, route);
  applySNIs(src, route);
  applyHostAliases(src, route);
  applyHeaders(src, route);
  applyPathHandling(src, route);
  normalizeRouteProtocols(route);
}

/** The route fields the annotations above set, besides hosts (host aliases extend a route's own hosts). */
const ANNOTATION_FIELDS = [
  'strip_path', 'preserve_host', 'https_redirect_status_code', 'request_buffering', 'response_buffering', 'protocols',
  'regex_priority', 'methods', 'snis', 'headers', 'path_handling',
] as const satisfies readonly (keyof KongRoute)[];

/**
 * The route annotations of `src` for `route`, when `done` is a route of the same source that had the same
 * fields before its annotations were applied (the routes of one Ingress): `done`'s results are copied
 * (lists and maps shared; they are read-only), and host aliases extend the route's own hosts. The warnings
 * were given for `done` already. An Ingress's routes then cost one annotation pass, not one each.
 */
export function copyRouteAnnotations(src: AnnotationSource, done: KongRoute, route: KongRoute): void {
  const from = done as Record<string, unknown>;
  const to = route as Record<string, unknown>;
  for (const f of ANNOTATION_FIELDS) {
    if (Object.hasOwn(from, f)) to[f] = from[f];
    else if (Object.hasOwn(to, f)) delete to[f];
  }
  if (!src.ctx.expressions) applyHostAliases(src, route);
}

// KIC drops these silently with the expressions router; say so, since nothing else would.
function warnNoEffectWithExpressions(src: AnnotationSource): void {
  for (const key of [REGEX_PRIORITY_ANNOTATION, PATH_HANDLING_ANNOTATION]) {
    const value = src.annotations[key];
    if (value === undefined) continue;
    src.ctx.warn({
      objects: src.objects,
      field: annotationField(key),
      message: `${key} value ${JSON.stringify(value)} has no effect with the expressions router; ignored, as KIC does`,
    });
  }
}
