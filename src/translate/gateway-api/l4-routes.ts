import type { KongRoute } from '../../kongstate/types.js';
import type { L4RouteRule, TCPRoute, TLSRoute, UDPRoute } from '../../model/gateway-api.js';
import { refOf } from '../../model/object-ref.js';
import type { TranslateContext } from '../context.js';
import { toL4ExpressionRoute } from '../expressions/l4.js';
import type { IngressRules } from '../rules.js';
import { backendsFromRefs } from './backend-refs.js';
import { namePrefix, newGatewayService, routeTags } from './kong-service.js';
import { applyGatewayRouteAnnotations } from './route-annotations.js';

/** A TCPRoute, UDPRoute or TLSRoute. */
export type L4Route = TCPRoute | UDPRoute | TLSRoute;

/** The Kong route fields an L4 route kind sets besides name and tags (spec 03 §6.2–§6.4). */
export type L4RouteFields = Pick<KongRoute, 'protocols' | 'destinations' | 'snis'>;

/**
 * Spec 03 §6.1: rule R of an L4 route becomes Kong service `<kind>.<ns>.<name>.<R>` with exactly one route
 * `<…>.<R>.0`, tagged with the route object's tags and the rule's own name. With the expressions router
 * the route is then converted (spec 03 §6.5, spec 04 §5).
 */
export function addL4Rule(
  ctx: TranslateContext,
  rules: IngressRules,
  route: L4Route,
  ruleIndex: number,
  rule: L4RouteRule,
  serviceProtocol: 'tcp' | 'udp',
  fields: L4RouteFields,
): void {
  const name = `${namePrefix(route)}.${ruleIndex}`;
  const backends = backendsFromRefs(ctx, { route, field: `spec.rules[${ruleIndex}].backendRefs`, refs: rule.backendRefs });
  const ks = newGatewayService({ name, protocol: serviceProtocol, backends, parent: route, backendRefCount: rule.backendRefs?.length ?? 0 });
  const kr: KongRoute = { name: `${name}.0`, ...withoutEmpty(fields), tags: routeTags(route, [rule.name]), meta: { source: refOf(route) } };
  applyGatewayRouteAnnotations(ctx, kr, route);
  if (ctx.expressions) toL4ExpressionRoute(kr);
  ks.routes.push(kr);
  rules.services.set(name, ks);
  ctx.configured(refOf(route));
}

function withoutEmpty(fields: L4RouteFields): L4RouteFields {
  const out: { -readonly [K in keyof L4RouteFields]: L4RouteFields[K] } = {};
  if (fields.protocols?.length) out.protocols = [...fields.protocols];
  if (fields.destinations?.length) out.destinations = fields.destinations.map((d) => ({ ...d }));
  if (fields.snis?.length) out.snis = [...fields.snis];
  return out;
}

/** A failure on an L4 route that leaves (part of) it untranslated. */
export function failL4(ctx: TranslateContext, route: L4Route, field: string, message: string): void {
  ctx.fail({ reason: 'InvalidObject', objects: [refOf(route)], field, message: `${route.kind} can't be routed: ${message}` });
}
