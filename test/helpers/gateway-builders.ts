// Small builders for Gateway API tests: routes with only the fields a test is about.
//   httpRoute('web', [rule({ matches: [prefix('/api')], backendRefs: [backend('echo:80')] })], { hostnames: ['a.com'] })
import type { K8sObject } from '../../src/model/meta.js';
import type {
  BackendRef, GRPCRouteRule, HTTPRouteFilter, HTTPRouteMatch, HTTPRouteRule, L4RouteRule, Listener, ParentReference, ValueMatch,
} from '../../src/model/gateway-api.js';

const GW = 'gateway.networking.k8s.io';

type RouteMeta = {
  readonly ns?: string;
  readonly hostnames?: readonly string[];
  readonly parentRefs?: readonly ParentReference[];
  readonly annotations?: Readonly<Record<string, string>>;
  readonly created?: string;
  readonly uid?: string;
  readonly status?: unknown;
};

function metadata(name: string, m: RouteMeta): K8sObject['metadata'] {
  return {
    name,
    namespace: m.ns ?? 'default',
    ...(m.uid ? { uid: m.uid } : {}),
    ...(m.created ? { creationTimestamp: m.created } : {}),
    ...(m.annotations ? { annotations: m.annotations } : {}),
  };
}

function route(kind: string, version: string, name: string, spec: Record<string, unknown>, m: RouteMeta): K8sObject {
  return {
    apiVersion: `${GW}/${version}`,
    kind,
    metadata: metadata(name, m),
    spec: { parentRefs: m.parentRefs ?? [{ name: 'kong' }], ...(m.hostnames ? { hostnames: m.hostnames } : {}), ...spec },
    ...(m.status ? { status: m.status } : {}),
  } as K8sObject;
}

/** An HTTPRoute (gateway.networking.k8s.io/v1) with these rules; parentRef `kong` unless given. */
export function httpRoute(name: string, rules: readonly HTTPRouteRule[], m: RouteMeta = {}): K8sObject {
  return route('HTTPRoute', 'v1', name, { rules }, m);
}

/** A GRPCRoute (v1). */
export function grpcRoute(name: string, rules: readonly GRPCRouteRule[], m: RouteMeta = {}): K8sObject {
  return route('GRPCRoute', 'v1', name, { rules }, m);
}

/** A TCPRoute, UDPRoute or TLSRoute (v1alpha2). */
export function l4Route(kind: 'TCPRoute' | 'UDPRoute' | 'TLSRoute', name: string, rules: readonly L4RouteRule[], m: RouteMeta = {}): K8sObject {
  return route(kind, 'v1alpha2', name, { rules }, m);
}

/** A rule (the type is the same shape for every route kind's fields used here). */
export function rule(r: HTTPRouteRule): HTTPRouteRule {
  return r;
}

/** `svc:80` (or `svc` without port) as a backendRef of kind Service. */
export function backend(spec: string, extra: Partial<BackendRef> = {}): BackendRef {
  const [name, port] = spec.split(':');
  return { kind: 'Service', name, ...(port !== undefined ? { port: Number(port) } : {}), ...extra };
}

/** A match on a PathPrefix path, with optional extra conditions. */
export function prefix(value: string, extra: Omit<HTTPRouteMatch, 'path'> = {}): HTTPRouteMatch {
  return { path: { type: 'PathPrefix', value }, ...extra };
}

/** A match on an Exact path. */
export function exact(value: string, extra: Omit<HTTPRouteMatch, 'path'> = {}): HTTPRouteMatch {
  return { path: { type: 'Exact', value }, ...extra };
}

/** A match on a RegularExpression path. */
export function regex(value: string, extra: Omit<HTTPRouteMatch, 'path'> = {}): HTTPRouteMatch {
  return { path: { type: 'RegularExpression', value }, ...extra };
}

/** A header or query-param match (Exact unless a type is given). */
export function valueMatch(name: string, value: string, type?: string): ValueMatch {
  return { name, value, ...(type ? { type } : {}) };
}

/** Filter builders. */
export const filter = {
  requestHeaders(m: NonNullable<HTTPRouteFilter['requestHeaderModifier']>): HTTPRouteFilter {
    return { type: 'RequestHeaderModifier', requestHeaderModifier: m };
  },
  responseHeaders(m: NonNullable<HTTPRouteFilter['responseHeaderModifier']>): HTTPRouteFilter {
    return { type: 'ResponseHeaderModifier', responseHeaderModifier: m };
  },
  redirect(r: NonNullable<HTTPRouteFilter['requestRedirect']>): HTTPRouteFilter {
    return { type: 'RequestRedirect', requestRedirect: r };
  },
  rewrite(r: NonNullable<HTTPRouteFilter['urlRewrite']>): HTTPRouteFilter {
    return { type: 'URLRewrite', urlRewrite: r };
  },
  plugin(name: string, group = 'configuration.konghq.com', kind = 'KongPlugin'): HTTPRouteFilter {
    return { type: 'ExtensionRef', extensionRef: { group, kind, name } };
  },
};

/** A Gateway with these listeners, of GatewayClass `kong` unless given; `status.listeners` when `programmed`. */
export function gateway(name: string, listeners: readonly Listener[], m: { ns?: string; className?: string; programmed?: boolean; generation?: number } = {}): K8sObject {
  return {
    apiVersion: `${GW}/v1`,
    kind: 'Gateway',
    metadata: { name, namespace: m.ns ?? 'default', ...(m.generation !== undefined ? { generation: m.generation } : {}) },
    spec: { gatewayClassName: m.className ?? 'kong', listeners },
    ...(m.programmed
      ? { status: { listeners: listeners.map((l) => ({ name: l.name, conditions: [{ type: 'Programmed', status: 'True', observedGeneration: m.generation }] })) } }
      : {}),
  } as K8sObject;
}

/** A GatewayClass with this controllerName. */
export function gatewayClass(name: string, controllerName: string, annotations?: Record<string, string>): K8sObject {
  return { apiVersion: `${GW}/v1`, kind: 'GatewayClass', metadata: { name, ...(annotations ? { annotations } : {}) }, spec: { controllerName } } as K8sObject;
}
