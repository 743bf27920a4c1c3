import type { KongRoute } from '../../kongstate/types.js';
import type { Ingress } from '../../model/ingress.js';
import { refOf } from '../../model/object-ref.js';
import type { TranslateContext } from '../context.js';
import { annotationField } from '../failures.js';
import { applyBuffering } from '../annotations/buffering.js';
import { applyHeaders } from '../annotations/headers.js';
import { applyHostAliases } from '../annotations/host-aliases.js';
import { applyHTTPSRedirect } from '../annotations/https-redirect.js';
import { applyMethods } from '../annotations/methods.js';
import { applyPathHandling, PATH_HANDLING_ANNOTATION } from '../annotations/path-handling.js';
import { applyPreserveHost } from '../annotations/preserve-host.js';
import { applyProtocols, normalizeRouteProtocols } from '../annotations/protocols.js';
import { applyRegexPriority, REGEX_PRIORITY_ANNOTATION } from '../annotations/regex-priority.js';
import { applySNIs } from '../annotations/snis.js';
import type { AnnotationSource } from '../annotations/source.js';
import { applyStripPath } from '../annotations/strip-path.js';

/**
 * Spec 02 §6: the konghq.com route annotations of an Ingress, applied to one of its routes in KIC's order
 * (later overrides win where two touch the same field). With the expressions router only the first group
 * applies as route fields (spec 04 §2); methods, SNIs, headers and host aliases are in the expression.
 */
export function applyIngressRouteAnnotations(
  ctx: TranslateContext,
  route: KongRoute,
  ing: Ingress,
  _opts: { readonly defaultBackend: boolean },
): void {
  const src: AnnotationSource = { ctx, objects: [refOf(ing)], annotations: ing.metadata.annotations ?? {} };
  applyStripPath(src, route);
  applyHTTPSRedirect(src, route);
  applyPreserveHost(src, route);
  applyBuffering(src, route);
  applyProtocols(src, route);
  if (ctx.expressions) {
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
