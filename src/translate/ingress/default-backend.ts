import type { Ingress } from '../../model/ingress.js';
import { refOf } from '../../model/object-ref.js';
import type { TranslateContext } from '../context.js';
import type { IngressRules } from '../rules.js';
import { appendKept } from '../compact.js';
import { resolveIngressBackend } from './backends.js';
import { ingressService, ingressShared } from './ingress.js';
import { applyIngressRouteAnnotations, newIngressRoute } from './route-annotations.js';

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
  const shared = ingressShared(ctx, ing);
  const route = newIngressRoute(shared, `${ns}.${ing.metadata.name}`);
  if (ctx.expressions) {
    route.expression = 'http.path ^= "/"';
    route.priority = 0;
  } else {
    route.paths = ['/'];
    route.regex_priority = 0;
  }
  applyIngressRouteAnnotations(route, shared);
  const ks = ingressService(rules, shared, backend, false);
  ks.routes = appendKept(ks.routes, route);
  ctx.configured(shared.ref);
}
