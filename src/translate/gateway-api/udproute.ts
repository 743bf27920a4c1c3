import type { TranslateContext } from '../context.js';
import type { IngressRules } from '../rules.js';
import { addL4Rule, failL4 } from './l4-routes.js';
import { asArray, listenerPorts, parentGateways, warnIfNoParent } from './parent-refs.js';

/**
 * Spec 03 §6.3: every UDPRoute, one Kong service and route per rule, with `destinations` from the selected
 * UDP listeners. No rules, or any rule without backendRefs, fails the whole route.
 */
export function collectUDPRouteRules(ctx: TranslateContext, rules: IngressRules): void {
  for (const route of ctx.snapshot.list('UDPRoute')) {
    const routeRules = asArray(route.spec?.rules);
    if (routeRules.length === 0) {
      failL4(ctx, route, 'spec.rules', 'no rules provided');
      continue;
    }
    const empty = routeRules.findIndex((r) => asArray(r.backendRefs).length === 0);
    if (empty >= 0) {
      failL4(ctx, route, `spec.rules[${empty}].backendRefs`, `rule ${empty} has no backendRefs`);
      continue;
    }
    const parents = parentGateways(ctx, route);
    warnIfNoParent(ctx, route, parents);
    const destinations = listenerPorts(parents, 'UDP').map((port) => ({ port }));
    routeRules.forEach((rule, i) => addL4Rule(ctx, rules, route, i, rule, 'udp', { protocols: ['udp'], destinations }));
  }
}
