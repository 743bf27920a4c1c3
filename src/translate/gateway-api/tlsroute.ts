import { GATEWAY_API_GROUP, type TLSRoute } from '../../model/gateway-api.js';
import type { TranslateContext } from '../context.js';
import type { IngressRules } from '../rules.js';
import { addL4Rule, failL4 } from './l4-routes.js';
import { asArray, parentGateways, selectedListeners, warnIfNoParent } from './parent-refs.js';

/**
 * Spec 03 §6.4: every TLSRoute with hostnames and rules, one Kong service and route per rule, `snis` =
 * hostnames, protocol `tls` or `tls_passthrough`. Rules without backendRefs are allowed.
 */
export function collectTLSRouteRules(ctx: TranslateContext, rules: IngressRules): void {
  for (const route of ctx.snapshot.list('TLSRoute')) {
    const hostnames = asArray(route.spec?.hostnames);
    if (hostnames.length === 0) {
      failL4(ctx, route, 'spec.hostnames', 'no hostnames provided');
      continue;
    }
    const routeRules = asArray(route.spec?.rules);
    if (routeRules.length === 0) {
      failL4(ctx, route, 'spec.rules', 'no rules provided');
      continue;
    }
    warnIfNoParent(ctx, route, parentGateways(ctx, route));
    const protocols = [isPassthrough(ctx, route) ? 'tls_passthrough' : 'tls'];
    routeRules.forEach((rule, i) => addL4Rule(ctx, rules, route, i, rule, 'tcp', { protocols, snis: [...hostnames] }));
  }
}

/**
 * Spec 03 §6.4: passthrough when a Gateway named in `status.parents` (not spec.parentRefs, as KIC reads it)
 * has a selected listener with `tls.mode: Passthrough`.
 */
export function isPassthrough(ctx: TranslateContext, route: TLSRoute): boolean {
  for (const parent of asArray(route.status?.parents)) {
    const ref = parent.parentRef;
    if (!ref?.name) continue;
    if (ref.group && ref.group !== GATEWAY_API_GROUP) continue;
    if (ref.kind && ref.kind !== 'Gateway') continue;
    const gateway = ctx.snapshot.get('Gateway', ref.namespace || route.metadata.namespace, ref.name);
    if (gateway && selectedListeners(gateway, ref.sectionName).some((l) => l.tls?.mode === 'Passthrough')) return true;
  }
  return false;
}
