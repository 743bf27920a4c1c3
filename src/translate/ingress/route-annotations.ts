import type { KongRoute } from '../../kongstate/types.js';
import type { Ingress } from '../../model/ingress.js';
import type { TranslateContext } from '../context.js';

/** Spec 02 §6: the konghq.com route annotations of an Ingress, applied to one of its routes. */
export function applyIngressRouteAnnotations(
  _ctx: TranslateContext,
  _route: KongRoute,
  _ing: Ingress,
  _opts: { readonly defaultBackend: boolean },
): void {
  // TODO(#3): annotations (strip-path, protocols, methods, ...).
}
