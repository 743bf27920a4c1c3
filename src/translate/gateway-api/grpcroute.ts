import type { KongRoute, KongService } from '../../kongstate/types.js';
import type { GRPCRoute, GRPCRouteMatch, GRPCRouteRule } from '../../model/gateway-api.js';
import { refOf } from '../../model/object-ref.js';
import type { TranslateContext } from '../context.js';
import { grpcBasePriority, grpcMatchExpression } from '../expressions/grpcroute.js';
import { withRelativeOrder, type SplitMatchOrder } from '../expressions/relative-order.js';
import type { IngressRules } from '../rules.js';
import { backendsFromRefs } from './backend-refs.js';
import { hostSegment, namePrefix, newGatewayService, routeTags } from './kong-service.js';
import { asArray, listenerProtocols, parentGateways, warnIfNoParent, type ParentGateway } from './parent-refs.js';
import { applyGatewayRouteAnnotations, snisAnnotation } from './route-annotations.js';

/**
 * Spec 03 §5: every GRPCRoute (there is no validation step). Traditional router: one Kong service per rule
 * and one route per match; expressions router: one service per (hostname, rule) and one route per
 * (hostname, rule, match), prioritized over all GRPCRoutes together (spec 04 §4).
 */
export function collectGRPCRouteRules(ctx: TranslateContext, rules: IngressRules): void {
  const pending: { route: KongRoute; order: SplitMatchOrder }[] = [];
  for (const route of ctx.snapshot.list('GRPCRoute')) {
    const parents = parentGateways(ctx, route);
    warnIfNoParent(ctx, route, parents);
    const protocols = listenerProtocols(parents);
    // Spec 03 §5.1: grpc when some selected listener is HTTP, otherwise (also without Gateway) grpcs.
    const serviceProtocol = protocols.has('HTTP') ? 'grpc' : 'grpcs';
    const tags = routeTags(route, asArray(route.spec?.rules).map((r) => r.name));
    if (ctx.expressions) pending.push(...expressionServices(ctx, rules, route, serviceProtocol, protocols, tags));
    else traditionalServices(ctx, rules, route, serviceProtocol, parents, tags);
    ctx.configured(refOf(route));
  }
  const priorities = withRelativeOrder(pending.map((p) => p.order), 255);
  pending.forEach((p, i) => (p.route.priority = priorities[i]));
}

function grpcService(ctx: TranslateContext, route: GRPCRoute, name: string, ruleIndex: number, rule: GRPCRouteRule, protocol: string): KongService {
  const backends = backendsFromRefs(ctx, { route, field: `spec.rules[${ruleIndex}].backendRefs`, refs: rule.backendRefs });
  return newGatewayService({
    name,
    protocol,
    backends,
    parent: route,
    backendRefCount: asArray(rule.backendRefs).length,
    // Spec 03 §5.4: the traditional translator does not register the GRPCRoute as service parent.
    multiBackendTags: ctx.expressions ? 'parent' : 'none',
  });
}

// Spec 03 §5.2.
function traditionalServices(ctx: TranslateContext, rules: IngressRules, route: GRPCRoute, protocol: string, parents: readonly ParentGateway[], tags: readonly string[]): void {
  const hosts = grpcHosts(route, parents);
  asArray(route.spec?.rules).forEach((rule, r) => {
    const name = `${namePrefix(route)}.${r}`;
    const ks = grpcService(ctx, route, name, r, rule, protocol);
    const matches = asArray(rule.matches);
    const base = (m: number): KongRoute => ({
      name: `${name}.${m}`,
      protocols: ['grpc', 'grpcs'],
      ...(hosts.length ? { hosts: [...hosts] } : {}),
      tags,
      meta: { source: refOf(route) },
    });
    if (matches.length === 0) {
      const kr = base(0);
      if (!hosts.length) kr.paths = ['/'];
      ks.routes.push(kr);
    }
    matches.forEach((match, m) => {
      const kr = base(m);
      if (match.method) kr.paths = [grpcPath(match)];
      const headers = grpcHeaders(match);
      if (headers) kr.headers = headers;
      ks.routes.push(kr);
    });
    for (const kr of ks.routes) applyGatewayRouteAnnotations(ctx, kr, route);
    rules.services.set(name, ks);
  });
}

/**
 * Spec 03 §5.2: spec.hostnames, else the hostnames of the listeners the Gateway parentRefs select; none at
 * all when one of those Gateways is missing.
 */
export function grpcHosts(route: GRPCRoute, parents: readonly ParentGateway[]): string[] {
  const own = asArray(route.spec?.hostnames);
  if (own.length) return [...own];
  const out: string[] = [];
  for (const p of parents) {
    if (p.parentRef.kind && p.parentRef.kind !== 'Gateway') continue;
    if (!p.gateway) return [];
    for (const l of p.listeners) if (l.hostname) out.push(l.hostname);
  }
  return out;
}

/** Spec 03 §5.2: `~/<service>/<method>`, `.+` for a missing part (a missing Exact method is empty). No `$`. */
export function grpcPath(match: GRPCRouteMatch): string {
  const m = match.method ?? {};
  const regex = m.type === 'RegularExpression';
  return `~/${m.service || '.+'}/${m.method || (regex ? '.+' : '')}`;
}

function grpcHeaders(match: GRPCRouteMatch): Record<string, string[]> | undefined {
  const headers = asArray(match.headers);
  if (!headers.length) return undefined;
  const out: Record<string, string[]> = {};
  for (const h of headers) (out[h.name ?? ''] ??= []).push(h.value ?? '');
  return out;
}

// Spec 03 §5.3, spec 04 §4.
function expressionServices(
  ctx: TranslateContext,
  rules: IngressRules,
  route: GRPCRoute,
  serviceProtocol: string,
  listenerProtos: ReadonlySet<string>,
  tags: readonly string[],
): { route: KongRoute; order: SplitMatchOrder }[] {
  const out: { route: KongRoute; order: SplitMatchOrder }[] = [];
  const protocols = [...(listenerProtos.has('HTTP') ? ['grpc'] : []), ...(listenerProtos.has('HTTPS') ? ['grpcs'] : [])];
  const hostnames = asArray(route.spec?.hostnames);
  const snis = snisAnnotation(route);
  const splitHosts = hostnames.length ? hostnames : [''];
  splitHosts.forEach((hostname, h) => {
    asArray(route.spec?.rules).forEach((rule, r) => {
      const name = `${namePrefix(route)}.${hostSegment(hostname)}.${r}`;
      const ks = grpcService(ctx, route, name, r, rule, serviceProtocol);
      const matches: readonly GRPCRouteMatch[] = asArray(rule.matches).length ? asArray(rule.matches) : [{}];
      matches.forEach((match, m) => {
        const kr: KongRoute = {
          name: `${name}.${m}`,
          preserve_host: true,
          ...(protocols.length ? { protocols: [...protocols] } : {}),
          expression: grpcMatchExpression(match, hostname, snis),
          tags,
          meta: { source: refOf(route) },
        };
        applyGatewayRouteAnnotations(ctx, kr, route);
        ks.routes.push(kr);
        out.push({
          route: kr,
          order: {
            base: grpcBasePriority(match, hostname),
            created: route.metadata.creationTimestamp ?? '',
            namespace: route.metadata.namespace ?? '',
            name: route.metadata.name,
            ruleIndex: r,
            matchIndex: m,
            hostIndex: h,
          },
        });
      });
      rules.services.set(name, ks);
    });
  });
  return out;
}
