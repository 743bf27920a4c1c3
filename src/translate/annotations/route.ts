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
  // Each field a step sets is also copied by copyRouteAnnotations below.
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

/**
 * The route annotations of `src` for `route`, when `done` is a route of the same source that had the same
 * fields before its annotations were applied (the routes of one Ingress): `done`'s results are copied
 * (lists and maps shared; they are read-only), and host aliases extend the route's own hosts. The warnings
 * were given for `done` already. An Ingress's routes then cost one annotation pass, not one each.
 * These are the fields the steps of applyRouteAnnotations set (besides hosts), copied as named stores (a
 * loop over the names would be one keyed store seeing eleven names). A step added there adds its field here,
 * and its annotation to the equivalence test in test/ingress/rule-routes.test.ts.
 */
export function copyRouteAnnotations(src: AnnotationSource, done: KongRoute, route: KongRoute): void {
  // normalizeRouteProtocols deletes strip_path; the other steps only set fields. (`in` with a constant name
  // is a map check in optimized code; none of these names is on Object.prototype.)
  if ('strip_path' in done) route.strip_path = done.strip_path;
  else delete route.strip_path;
  if ('preserve_host' in done) route.preserve_host = done.preserve_host;
  if ('https_redirect_status_code' in done) route.https_redirect_status_code = done.https_redirect_status_code;
  if ('request_buffering' in done) route.request_buffering = done.request_buffering;
  if ('response_buffering' in done) route.response_buffering = done.response_buffering;
  if ('protocols' in done) route.protocols = done.protocols;
  if ('regex_priority' in done) route.regex_priority = done.regex_priority;
  if ('methods' in done) route.methods = done.methods;
  if ('snis' in done) route.snis = done.snis;
  if ('headers' in done) route.headers = done.headers;
  if ('path_handling' in done) route.path_handling = done.path_handling;
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
