import type { KongRoute } from '../../kongstate/types.js';
import type { HTTPRoute, HTTPRouteMatch, HTTPRouteRule } from '../../model/gateway-api.js';
import { refOf } from '../../model/object-ref.js';
import type { TranslateContext } from '../context.js';
import { httpBasePriority, httpMatchExpression, type HTTPSplitMatch } from '../expressions/httproute.js';
import { withRelativeOrder, type SplitMatchOrder } from '../expressions/relative-order.js';
import { pluginsFromFilters } from './httproute-filters.js';
import { pathValue } from './httproute-matches.js';
import type { BuiltRoutes } from './httproute-traditional.js';
import { hostSegment, namePrefix, routeTags } from './kong-service.js';
import { asArray } from './parent-refs.js';
import { snisAnnotation } from './route-annotations.js';
import type { ServiceGroup } from './service-grouping.js';

/** Priorities of every split match, by splitKey (spec 04 §3.6: computed over all HTTPRoutes together). */
export type SplitPriorities = ReadonlyMap<string, number>;

/** Identifies a split match: route, hostname position, rule and match index. */
export function splitKey(route: HTTPRoute, hostIndex: number, ruleIndex: number, matchIndex: number): string {
  return `${route.metadata.namespace ?? ''}/${route.metadata.name}|${hostIndex}|${ruleIndex}|${matchIndex}`;
}

/** Spec 04 §3.1: hostnames (or one empty hostname) × rules × matches (or one empty match). */
export function splitMatches(route: HTTPRoute, ruleIndex: number, rule: HTTPRouteRule): { key: string; hostIndex: number; matchIndex: number; split: HTTPSplitMatch }[] {
  const hostnames = asArray(route.spec?.hostnames);
  const matches: readonly HTTPRouteMatch[] = asArray(rule.matches).length ? asArray(rule.matches) : [{}];
  const rewritesPrefix = asArray(rule.filters).some((f) => f.type === 'URLRewrite' && f.urlRewrite?.path?.type === 'ReplacePrefixMatch');
  const out: { key: string; hostIndex: number; matchIndex: number; split: HTTPSplitMatch }[] = [];
  (hostnames.length ? hostnames : ['']).forEach((hostname, hostIndex) => {
    matches.forEach((match, matchIndex) => {
      out.push({ key: splitKey(route, hostIndex, ruleIndex, matchIndex), hostIndex, matchIndex, split: { hostname, match, rewritesPrefix } });
    });
  });
  return out;
}

/** Spec 04 §3.6: the priority of every split match of these HTTPRoutes. */
export function httpRoutePriorities(routes: readonly HTTPRoute[]): SplitPriorities {
  const keys: string[] = [];
  const orders: SplitMatchOrder[] = [];
  for (const route of routes) {
    asArray(route.spec?.rules).forEach((rule, ruleIndex) => {
      for (const s of splitMatches(route, ruleIndex, rule)) {
        keys.push(s.key);
        orders.push({
          base: httpBasePriority(s.split),
          created: route.metadata.creationTimestamp ?? '',
          namespace: route.metadata.namespace ?? '',
          name: route.metadata.name,
          ruleIndex,
          matchIndex: s.matchIndex,
          hostIndex: s.hostIndex,
        });
      }
    });
  }
  const values = withRelativeOrder(orders, 4095);
  return new Map(keys.map((k, i) => [k, values[i]]));
}

/** Spec 03 §4.11: one Kong route per split match of each rule of the service, with the rule's filter plugins. */
export function expressionRoutes(ctx: TranslateContext, group: ServiceGroup, protocols: readonly string[], priorities: SplitPriorities): BuiltRoutes {
  const routes: KongRoute[] = [];
  for (const ref of group.rules) {
    const { route, ruleIndex, rule } = ref;
    const tags = routeTags(route, [rule.name]);
    const snis = snisAnnotation(route);
    for (const s of splitMatches(route, ruleIndex, rule)) {
      const kr: KongRoute = {
        name: `${namePrefix(route)}.${hostSegment(s.split.hostname)}.${ruleIndex}.${s.matchIndex}`,
        preserve_host: true,
        strip_path: false,
        ...(protocols.length ? { protocols: [...protocols] } : {}),
        expression: httpMatchExpression(s.split, snis),
        priority: priorities.get(s.key) ?? 0,
        tags,
        meta: { source: refOf(route) },
      };
      const outcome = pluginsFromFilters(rule.filters, {
        matchPath: pathValue(s.split.match),
        expressions: true,
        redirectPlugin: ctx.options.featureGates.SupportRedirectPlugin,
        tags,
        field: `spec.rules[${ruleIndex}].filters`,
      });
      if ('error' in outcome) return { error: outcome, rule: ref };
      if (outcome.plugins.length) kr.plugins = outcome.plugins;
      if (outcome.pluginNames.length) kr.meta = { ...kr.meta, pluginNames: outcome.pluginNames };
      routes.push({ ...kr, tags });
    }
  }
  return { routes };
}
