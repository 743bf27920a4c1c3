import type { KongRoute, KongService } from '../../kongstate/types.js';
import type { L4IngressBackend, TCPIngress, UDPIngress } from '../../model/kong-crds.js';
import { refOf } from '../../model/object-ref.js';
import type { TranslateContext } from '../context.js';
import { toL4ExpressionRoute } from '../expressions/l4.js';
import { inIngressOrder } from '../ingress/class.js';
import type { IngressRules } from '../rules.js';
import { objectTags } from '../tags.js';
import { forClass } from './class-filter.js';

/** A TCPIngress/UDPIngress rule backend with the fields KIC requires. */
export type L4Backend = { readonly serviceName: string; readonly servicePort: number };

/** Spec 05 §12: TCP/UDPIngresses of this class, oldest first (stable over the namespace/name order). */
export function l4IngressesForClass<T extends TCPIngress | UDPIngress>(ctx: TranslateContext, list: readonly T[]): T[] {
  return inIngressOrder(forClass(ctx, list));
}

/** The backend and port of a rule, or a failure on the object and undefined (the rule is skipped). */
export function validL4Rule(
  ctx: TranslateContext,
  obj: TCPIngress | UDPIngress,
  i: number,
  rule: { readonly port?: number; readonly backend?: L4IngressBackend },
): { port: number; backend: L4Backend } | undefined {
  const b = rule.backend;
  const bad = (field: string, what: string): undefined => {
    ctx.fail({ reason: 'InvalidObject', objects: [refOf(obj)], field: `spec.rules[${i}].${field}`, message: `rule ${i}: ${what}` });
    return undefined;
  };
  if (typeof rule.port !== 'number' || !Number.isInteger(rule.port) || rule.port < 1 || rule.port > 65535) return bad('port', 'port must be an integer between 1 and 65535');
  if (!b?.serviceName) return bad('backend.serviceName', 'backend.serviceName is required');
  if (typeof b.servicePort !== 'number' || !Number.isInteger(b.servicePort) || b.servicePort < 1 || b.servicePort > 65535) {
    return bad('backend.servicePort', 'backend.servicePort must be an integer between 1 and 65535');
  }
  return { port: rule.port, backend: { serviceName: b.serviceName, servicePort: b.servicePort } };
}

/** A new Kong service for an L4 backend; `fields` holds the protocol-specific defaults. */
export function l4Service(obj: TCPIngress | UDPIngress, name: string, backend: L4Backend, fields: Partial<KongService>): KongService {
  const ns = obj.metadata.namespace ?? '';
  return {
    name,
    host: `${backend.serviceName}.${ns}.${backend.servicePort}.svc`,
    ...fields,
    tags: [],
    routes: [],
    meta: {
      backends: [{ kind: 'Service', namespace: ns, name: backend.serviceName, port: { kind: 'number', number: backend.servicePort } }],
      parent: refOf(obj),
      k8sServices: [],
      annotations: {},
      sourceKind: obj.kind,
    },
  };
}

/** An L4 route; with the expressions router its snis/destinations become an expression (spec 04 §5). */
export function l4Route(ctx: TranslateContext, obj: TCPIngress | UDPIngress, route: Omit<KongRoute, 'tags' | 'meta'>): KongRoute {
  const r: KongRoute = { ...route, tags: objectTags(obj), meta: { source: refOf(obj) } };
  if (ctx.expressions) toL4ExpressionRoute(r);
  return r;
}

/** Spec 01 §1 step 1: a later source's services replace earlier ones of the same name. */
export function mergeServices(rules: IngressRules, services: ReadonlyMap<string, KongService>): void {
  for (const [name, ks] of services) rules.services.set(name, ks);
}
