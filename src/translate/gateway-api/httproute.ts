import type { HTTPRoute } from '../../model/gateway-api.js';
import { refOf } from '../../model/object-ref.js';
import type { KongService } from '../../kongstate/types.js';
import type { TranslateContext } from '../context.js';
import type { IngressRules } from '../rules.js';
import { backendsFromRefs } from './backend-refs.js';
import { expressionRoutes, httpRoutePriorities, type SplitPriorities } from './httproute-expressions.js';
import { unsupportedMatchType } from './httproute-matches.js';
import { traditionalRoutes, type BuiltRoutes } from './httproute-traditional.js';
import { newGatewayService } from './kong-service.js';
import { asArray, parentGateways, warnIfNoParent, type ParentGateway } from './parent-refs.js';
import { applyGatewayRouteAnnotations } from './route-annotations.js';
import { groupHTTPRouteRules, type ServiceGroup } from './service-grouping.js';
import { parseGatewayDuration } from './timeouts.js';

const DEFAULT_TIMEOUT_MS = 60000;

/**
 * Spec 03 §4: every valid HTTPRoute. Rules are grouped into Kong services (§4.2); an error while building
 * one service's routes drops that service only, with a failure on each HTTPRoute in it (§4.10).
 */
export function collectHTTPRouteRules(ctx: TranslateContext, rules: IngressRules): void {
  const routes = ctx.snapshot.list('HTTPRoute').filter((r) => isValidHTTPRoute(ctx, r));
  const parents = new Map<HTTPRoute, ParentGateway[]>();
  for (const route of routes) {
    const p = parentGateways(ctx, route);
    warnIfNoParent(ctx, route, p);
    parents.set(route, p);
  }
  const priorities = ctx.expressions ? httpRoutePriorities(routes) : new Map<string, number>();
  for (const group of groupHTTPRouteRules(routes, ctx.options.featureGates.CombinedServicesFromDifferentHTTPRoutes)) {
    addService(ctx, rules, group, parents, priorities);
  }
}

// Spec 03 §4.1: no rules, or (traditional router) query-param matches, fail the whole HTTPRoute.
function isValidHTTPRoute(ctx: TranslateContext, route: HTTPRoute): boolean {
  const routeRules = asArray(route.spec?.rules);
  if (routeRules.length === 0) {
    ctx.fail({ reason: 'InvalidObject', objects: [refOf(route)], field: 'spec.rules', message: "HTTPRoute can't be routed: no rules provided" });
    return false;
  }
  if (ctx.expressions) return true;
  for (const [r, rule] of routeRules.entries()) {
    for (const [m, match] of asArray(rule.matches).entries()) {
      if (asArray(match.queryParams).length === 0) continue;
      ctx.fail({
        reason: 'UnsupportedField',
        objects: [refOf(route)],
        field: `spec.rules[${r}].matches[${m}].queryParams`,
        message: "HTTPRoute can't be routed: query param matches are not yet supported (they are with the expressions router)",
      });
      return false;
    }
  }
  return true;
}

function addService(
  ctx: TranslateContext,
  rules: IngressRules,
  group: ServiceGroup,
  parents: ReadonlyMap<HTTPRoute, ParentGateway[]>,
  priorities: SplitPriorities,
): void {
  const first = group.rules[0];
  const backends = backendsFromRefs(ctx, { route: first.route, field: `spec.rules[${first.ruleIndex}].backendRefs`, refs: first.rule.backendRefs });
  const ks = newGatewayService({ name: group.name, protocol: 'http', backends, parent: first.route, backendRefCount: asArray(first.rule.backendRefs).length });
  applyTimeouts(ctx, ks, group);
  const protocols = serviceProtocols(group, parents);
  const built = unsupportedMatches(group) ?? (ctx.expressions ? expressionRoutes(ctx, group, protocols, priorities) : traditionalRoutes(ctx, group, protocols));
  const contributors = uniqueRoutes(group);
  if ('error' in built) {
    const owner = built.rule.route;
    for (const route of contributors) {
      ctx.fail({
        reason: built.error.reason,
        objects: route === owner ? [refOf(route)] : [refOf(route), refOf(owner)],
        ...(route === owner ? { field: built.error.field } : {}),
        message: `HTTPRoute can't be routed: ${built.error.error}${route === owner ? '' : ` (in ${owner.metadata.namespace}/${owner.metadata.name} ${built.error.field})`}; Kong service ${group.name} is not generated`,
      });
    }
    return;
  }
  for (const kr of built.routes) {
    const source = contributors.find((r) => r.metadata.name === kr.meta.source.name && r.metadata.namespace === kr.meta.source.namespace);
    if (source) applyGatewayRouteAnnotations(ctx, kr, source);
  }
  ks.routes = built.routes;
  rules.services.set(group.name, ks);
  for (const route of contributors) ctx.configured(refOf(route));
}

function unsupportedMatches(group: ServiceGroup): BuiltRoutes | undefined {
  for (const ref of group.rules) {
    for (const [m, match] of asArray(ref.rule.matches).entries()) {
      const error = unsupportedMatchType(match, `spec.rules[${ref.ruleIndex}].matches[${m}]`);
      if (error) return { error, rule: ref };
    }
  }
  return undefined;
}

function uniqueRoutes(group: ServiceGroup): HTTPRoute[] {
  return [...new Set(group.rules.map((r) => r.route))];
}

/** Spec 03 §4.3: http/https from the HTTP/HTTPS listeners selected by every HTTPRoute of the service, sorted. */
export function serviceProtocols(group: ServiceGroup, parents: ReadonlyMap<HTTPRoute, ParentGateway[]>): string[] {
  const out = new Set<string>();
  for (const route of uniqueRoutes(group)) {
    for (const p of parents.get(route) ?? []) {
      for (const l of p.listeners) {
        if (l.protocol === 'HTTP') out.add('http');
        if (l.protocol === 'HTTPS') out.add('https');
      }
    }
  }
  return [...out].sort();
}

/**
 * Spec 03 §4.4: in rule order, a `timeouts.backendRequest` other than 60s sets all three service timeouts;
 * later rules win. `timeouts.request` is ignored.
 */
function applyTimeouts(ctx: TranslateContext, ks: KongService, group: ServiceGroup): void {
  for (const { route, ruleIndex, rule } of group.rules) {
    const raw = rule.timeouts?.backendRequest;
    if (raw === undefined || raw === null) continue;
    const ms = parseGatewayDuration(String(raw));
    if (ms === undefined) {
      ctx.warn({
        objects: [refOf(route)],
        field: `spec.rules[${ruleIndex}].timeouts.backendRequest`,
        message: `${JSON.stringify(raw)} is not a Gateway API duration (like 1m30s or 500ms); ignored`,
      });
      continue;
    }
    if (ms === DEFAULT_TIMEOUT_MS) continue;
    ks.connect_timeout = ms;
    ks.read_timeout = ms;
    ks.write_timeout = ms;
  }
}
