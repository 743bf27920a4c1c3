import type { KongRoute } from '../../kongstate/types.js';
import type { Ingress } from '../../model/ingress.js';
import { refOf } from '../../model/object-ref.js';
import type { TranslateContext } from '../context.js';
import type { IngressRules } from '../rules.js';
import { objectTags } from '../tags.js';
import { resolveIngressBackend } from './backends.js';
import { ingressService } from './ingress.js';
import { applyIngressRouteAnnotations } from './route-annotations.js';

/** Spec 02 §5: the one default backend, from the first Ingress (in processing order) that has one. */
export function translateDefaultBackend(ctx: TranslateContext, rules: IngressRules, ingresses: readonly Ingress[]): void {
  const ing = ingresses.find((i) => i.spec?.defaultBackend);
  if (!ing?.spec?.defaultBackend) return;
  const backend = resolveIngressBackend(ctx, ing, ing.spec.defaultBackend);
  if ('error' in backend) {
    ctx.fail({
      reason: 'UnsupportedBackend',
      objects: [refOf(ing)],
      field: 'spec.defaultBackend',
      message: `default backend: ${backend.error.replace(/^unknown resource type/, 'unsupported resource type')}`,
    });
    return;
  }
  const ns = ing.metadata.namespace ?? '';
  const route: KongRoute = {
    name: `${ns}.${ing.metadata.name}`,
    strip_path: false,
    preserve_host: true,
    request_buffering: true,
    response_buffering: true,
    tags: objectTags(ing),
    meta: { source: refOf(ing) },
  };
  if (ctx.expressions) {
    route.expression = 'http.path ^= "/"';
    route.priority = 0;
  } else {
    route.paths = ['/'];
    route.regex_priority = 0;
  }
  applyIngressRouteAnnotations(ctx, route, ing, { defaultBackend: true });
  ingressService(rules, ing, backend, false).routes.push(route);
  ctx.configured(refOf(ing));
}
