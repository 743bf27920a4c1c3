import type { TranslateContext } from '../context.js';
import type { IngressRules } from '../rules.js';
import { addL4Rule, failL4 } from './l4-routes.js';
import { asArray, listenerPorts, parentGateways, warnIfNoParent } from './parent-refs.js';

/**
 * Spec 03 §6.2: every TCPRoute, one Kong service and route per rule, with `destinations` from the selected
 * TCP listeners. No rules fails the route; a rule without backendRefs fails it from that rule on (the
 * rules before it are kept, as in KIC).
 */
export function collectTCPRouteRules(ctx: TranslateContext, rules: IngressRules): void {
  for (const route of ctx.snapshot.list('TCPRoute')) {
    const routeRules = asArray(route.spec?.rules);
    if (routeRules.length === 0) {
      failL4(ctx, route, 'spec.rules', 'no rules provided');
      continue;
    }
    const parents = parentGateways(ctx, route);
    warnIfNoParent(ctx, route, parents);
    const destinations = listenerPorts(parents, 'TCP').map((port) => ({ port }));
    for (const [i, rule] of routeRules.entries()) {
      if (asArray(rule.backendRefs).length === 0) {
        failL4(ctx, route, `spec.rules[${i}].backendRefs`, `rule ${i} has no backendRefs; it and the rules after it are not translated`);
        break;
      }
      addL4Rule(ctx, rules, route, i, rule, 'tcp', { protocols: ['tcp'], destinations });
    }
  }
}
