import type { Gateway, GatewayRoute, Listener, ParentReference } from '../../model/gateway-api.js';
import { refOf } from '../../model/object-ref.js';
import type { TranslateContext } from '../context.js';

/** One parentRef of a route with the Gateway it names (when present) and the listeners it selects. */
export type ParentGateway = {
  readonly parentRef: ParentReference;
  readonly gateway?: Gateway;
  readonly listeners: readonly Listener[];
};

/**
 * Spec 03 §1.3: the Gateways a route's parentRefs name (namespace = parentRef.namespace if non-empty, else
 * the route's), and the listeners each selects (all, or the one named by sectionName). Group and kind of
 * the parentRef are not checked and a missing Gateway is skipped, as KIC does: offline every route is
 * translated whether or not it attaches (spec 03 §1.1).
 */
export function parentGateways(ctx: TranslateContext, route: GatewayRoute): ParentGateway[] {
  const routeNs = route.metadata.namespace ?? '';
  const refs = asArray(route.spec?.parentRefs);
  return refs.map((parentRef) => {
    const ns = parentRef.namespace || routeNs;
    const gateway = parentRef.name ? ctx.snapshot.get('Gateway', ns, parentRef.name) : undefined;
    return { parentRef, gateway, listeners: gateway ? selectedListeners(gateway, parentRef.sectionName) : [] };
  });
}

/** The listeners a parentRef selects: all when sectionName is unset or empty, else the one of that name. */
export function selectedListeners(gateway: Gateway, sectionName: string | undefined): Listener[] {
  const all = asArray(gateway.spec?.listeners);
  return sectionName ? all.filter((l) => l.name === sectionName) : [...all];
}

/**
 * A route none of whose parentRefs names a Gateway in the input: KIC still translates it offline (spec 03
 * §1.1), only without listener-derived fields, so this is a warning and not a failure.
 */
export function warnIfNoParent(ctx: TranslateContext, route: GatewayRoute, parents: readonly ParentGateway[]): void {
  if (parents.some((p) => p.gateway)) return;
  const names = parents.map((p) => `${p.parentRef.namespace || route.metadata.namespace}/${p.parentRef.name ?? ''}`);
  ctx.warn({
    objects: [refOf(route)],
    field: 'spec.parentRefs',
    message: names.length
      ? `no Gateway ${names.join(', ')} in the input: translated without listener protocols, ports or hostnames`
      : 'no parentRefs: translated without listener protocols, ports or hostnames',
  });
}

/** Ports of the selected listeners with this protocol, over all parentRefs in order (spec 03 §6.2, §6.3). */
export function listenerPorts(parents: readonly ParentGateway[], protocol: string): number[] {
  const ports: number[] = [];
  for (const p of parents) for (const l of p.listeners) if (l.protocol === protocol && typeof l.port === 'number') ports.push(l.port);
  return ports;
}

/** Protocols of the selected listeners over all parentRefs. */
export function listenerProtocols(parents: readonly ParentGateway[]): Set<string> {
  const out = new Set<string>();
  for (const p of parents) for (const l of p.listeners) if (l.protocol) out.add(l.protocol);
  return out;
}

/** A list field of unvalidated input: the array, or empty when absent or of another type. */
export function asArray<T>(value: readonly T[] | undefined | null): readonly T[] {
  return Array.isArray(value) ? value : [];
}
