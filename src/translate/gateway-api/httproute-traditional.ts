import type { KongRoute } from '../../kongstate/types.js';
import type { HTTPRouteMatch } from '../../model/gateway-api.js';
import { refOf } from '../../model/object-ref.js';
import type { TranslateContext } from '../context.js';
import { pluginsFromFilters, type FilterError } from './httproute-filters.js';
import { kongHeaders, kongPaths, matchKey, pathValue } from './httproute-matches.js';
import { namePrefix, routeTags } from './kong-service.js';
import { asArray } from './parent-refs.js';
import { canonicalJSON, type RuleRef, type ServiceGroup } from './service-grouping.js';

/** The Kong routes of one service, or the error that drops the service, with the rule it is in. */
export type BuiltRoutes = { readonly routes: KongRoute[] } | { readonly error: FilterError; readonly rule: RuleRef };

type MatchItem = { readonly ref: RuleRef; readonly match: HTTPRouteMatch; readonly matchIndex: number };

/**
 * Spec 03 §4.5–§4.8 (traditional router): the rules of a service are split by filters, then the matches of
 * one HTTPRoute with equal match keys share a Kong route named for its first match; a rule without
 * matches gets a route of its own.
 */
export function traditionalRoutes(ctx: TranslateContext, group: ServiceGroup, protocols: readonly string[]): BuiltRoutes {
  const routes: KongRoute[] = [];
  for (const filterGroup of byFilters(group.rules)) {
    const matchGroups = new Map<string, MatchItem[]>();
    // A redirect's Location depends on the match path, so with one each match keeps its own route. (KIC
    // then names them all after the group's first match, which Kong rejects; kic-ts names each for its match.)
    const redirects = asArray(filterGroup[0].rule.filters).some((f) => f.type === 'RequestRedirect');
    for (const ref of filterGroup) {
      const matches = asArray(ref.rule.matches);
      if (matches.length === 0) {
        routes.push(matchlessRoute(ref, protocols));
        continue;
      }
      matches.forEach((match, matchIndex) => {
        const own = redirects ? `\u0000${ref.ruleIndex}.${matchIndex}` : '';
        const key = `${ref.route.metadata.namespace}/${ref.route.metadata.name}\u0000${matchKey(match)}${own}`;
        const items = matchGroups.get(key);
        if (items) items.push({ ref, match, matchIndex });
        else matchGroups.set(key, [{ ref, match, matchIndex }]);
      });
    }
    for (const items of matchGroups.values()) {
      const built = matchGroupRoute(ctx, items, filterGroup[0], protocols);
      if ('error' in built) return built;
      routes.push(built.route);
    }
  }
  return { routes };
}

// Spec 03 §4.5 step 1: rules with the same filters (order-insensitive) are processed together.
function byFilters(rules: readonly RuleRef[]): RuleRef[][] {
  const groups = new Map<string, RuleRef[]>();
  for (const ref of rules) {
    const key = asArray(ref.rule.filters).map(canonicalJSON).sort().join(';');
    const list = groups.get(key);
    if (list) list.push(ref);
    else groups.set(key, [ref]);
  }
  return [...groups.values()];
}

function matchGroupRoute(
  ctx: TranslateContext,
  items: readonly MatchItem[],
  filterOwner: RuleRef,
  protocols: readonly string[],
): { route: KongRoute } | { error: FilterError; rule: RuleRef } {
  const first = items[0];
  const obj = first.ref.route;
  const field = `spec.rules[${first.ref.ruleIndex}].matches[${first.matchIndex}]`;
  const headers = kongHeaders(first.match, field);
  if (headers && 'error' in headers) return { error: headers as FilterError, rule: first.ref };
  const hostnames = asArray(obj.spec?.hostnames);
  const tags = routeTags(obj, items.map((i) => i.ref.rule.name));
  const kr: KongRoute = {
    name: `${namePrefix(obj)}.${first.ref.ruleIndex}.${first.matchIndex}`,
    ...(protocols.length ? { protocols: [...protocols] } : {}),
    preserve_host: true,
    strip_path: false,
    ...(hostnames.length ? { hosts: [...hostnames] } : {}),
    paths: items.flatMap((i) => kongPaths(i.match)),
    ...(first.match.method ? { methods: [first.match.method] } : {}),
    ...(headers ? { headers: headers as Record<string, string[]> } : {}),
    tags,
    meta: { source: refOf(obj) },
  };
  // Redirect and rewrite plugins use the path of the route's first match (spec 03 §4.8).
  const outcome = pluginsFromFilters(filterOwner.rule.filters, {
    matchPath: pathValue(first.match),
    expressions: false,
    redirectPlugin: ctx.options.featureGates.SupportRedirectPlugin,
    tags,
    field: `spec.rules[${filterOwner.ruleIndex}].filters`,
  });
  if ('error' in outcome) return { error: outcome, rule: filterOwner };
  if (outcome.plugins.length) kr.plugins = outcome.plugins;
  if (outcome.pluginNames.length) kr.meta = { ...kr.meta, pluginNames: outcome.pluginNames };
  if (outcome.prefixRewrite !== undefined) {
    const p = outcome.prefixRewrite;
    kr.paths = p === '/' ? ['~/$', '~/(.*)'] : [`~${p}$`, `~${p}(/.*)`];
  }
  return { route: kr };
}

// Spec 03 §4.7: no paths, no named-rule tags, no strip_path and no filter plugins.
function matchlessRoute(ref: RuleRef, protocols: readonly string[]): KongRoute {
  const hostnames = asArray(ref.route.spec?.hostnames);
  return {
    name: `${namePrefix(ref.route)}.${ref.ruleIndex}.0`,
    ...(protocols.length ? { protocols: [...protocols] } : {}),
    preserve_host: true,
    ...(hostnames.length ? { hosts: [...hostnames] } : {}),
    tags: routeTags(ref.route),
    meta: { source: refOf(ref.route) },
  };
}
