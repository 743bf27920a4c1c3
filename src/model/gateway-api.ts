import type { K8sObject } from './meta.js';

// Gateway API kinds (gateway.networking.k8s.io), as written in manifests: no API-server defaulting has
// happened, so every field is optional (spec 03 §1.1 item 2) and readers must not trust shapes blindly.

/** `metav1.Condition`, the parts that matter here. */
export type Condition = {
  readonly type?: string;
  readonly status?: string;
  readonly observedGeneration?: number;
};

export type GatewayClass = K8sObject & { readonly kind: 'GatewayClass'; readonly spec?: { readonly controllerName?: string } };

/** A Secret (or other object) a listener takes its certificate from. */
export type SecretObjectReference = {
  readonly group?: string;
  readonly kind?: string;
  readonly name?: string;
  readonly namespace?: string;
};

export type RouteGroupKind = { readonly group?: string; readonly kind?: string };

export type Listener = {
  readonly name?: string;
  readonly hostname?: string;
  readonly port?: number;
  readonly protocol?: string;
  readonly tls?: { readonly mode?: string; readonly certificateRefs?: readonly SecretObjectReference[] };
  readonly allowedRoutes?: {
    readonly kinds?: readonly RouteGroupKind[];
    readonly namespaces?: { readonly from?: string; readonly selector?: unknown };
  };
};

export type ListenerStatus = {
  readonly name?: string;
  readonly supportedKinds?: readonly RouteGroupKind[];
  readonly conditions?: readonly Condition[];
};

export type Gateway = K8sObject & {
  readonly kind: 'Gateway';
  readonly spec?: { readonly gatewayClassName?: string; readonly listeners?: readonly Listener[] };
  readonly status?: { readonly listeners?: readonly ListenerStatus[]; readonly conditions?: readonly Condition[] };
};

/** A route's reference to its parent (a Gateway). */
export type ParentReference = {
  readonly group?: string;
  readonly kind?: string;
  readonly namespace?: string;
  readonly name?: string;
  readonly sectionName?: string;
  readonly port?: number;
};

/** A backendRef of any route kind. `filters` only exists on HTTPRoute backendRefs. */
export type BackendRef = {
  readonly group?: string;
  readonly kind?: string;
  readonly name?: string;
  readonly namespace?: string;
  readonly port?: number;
  readonly weight?: number;
  readonly filters?: readonly HTTPRouteFilter[];
};

export type HTTPHeader = { readonly name?: string; readonly value?: string };

/** RequestHeaderModifier / ResponseHeaderModifier. */
export type HTTPHeaderFilter = {
  readonly set?: readonly HTTPHeader[];
  readonly add?: readonly HTTPHeader[];
  readonly remove?: readonly string[];
};

export type HTTPPathModifier = {
  readonly type?: string;
  readonly replaceFullPath?: string;
  readonly replacePrefixMatch?: string;
};

export type HTTPRouteFilter = {
  readonly type?: string;
  readonly requestHeaderModifier?: HTTPHeaderFilter;
  readonly responseHeaderModifier?: HTTPHeaderFilter;
  readonly requestRedirect?: {
    readonly scheme?: string;
    readonly hostname?: string;
    readonly path?: HTTPPathModifier;
    readonly port?: number;
    readonly statusCode?: number;
  };
  readonly urlRewrite?: { readonly hostname?: string; readonly path?: HTTPPathModifier };
  readonly extensionRef?: { readonly group?: string; readonly kind?: string; readonly name?: string };
};

/** A header, query-param or gRPC header match. `type` missing means Exact. */
export type ValueMatch = { readonly type?: string; readonly name?: string; readonly value?: string };

export type HTTPRouteMatch = {
  readonly path?: { readonly type?: string; readonly value?: string };
  readonly headers?: readonly ValueMatch[];
  readonly queryParams?: readonly ValueMatch[];
  readonly method?: string;
};

export type HTTPRouteRule = {
  readonly name?: string;
  readonly matches?: readonly HTTPRouteMatch[];
  readonly filters?: readonly HTTPRouteFilter[];
  readonly backendRefs?: readonly BackendRef[];
  readonly timeouts?: { readonly request?: string; readonly backendRequest?: string };
};

export type HTTPRoute = K8sObject & {
  readonly kind: 'HTTPRoute';
  readonly spec?: {
    readonly parentRefs?: readonly ParentReference[];
    readonly hostnames?: readonly string[];
    readonly rules?: readonly HTTPRouteRule[];
  };
};

export type GRPCMethodMatch = { readonly type?: string; readonly service?: string; readonly method?: string };

export type GRPCRouteMatch = { readonly method?: GRPCMethodMatch; readonly headers?: readonly ValueMatch[] };

export type GRPCRouteRule = {
  readonly name?: string;
  readonly matches?: readonly GRPCRouteMatch[];
  readonly filters?: readonly HTTPRouteFilter[];
  readonly backendRefs?: readonly BackendRef[];
};

export type GRPCRoute = K8sObject & {
  readonly kind: 'GRPCRoute';
  readonly spec?: {
    readonly parentRefs?: readonly ParentReference[];
    readonly hostnames?: readonly string[];
    readonly rules?: readonly GRPCRouteRule[];
  };
};

/** A rule of a TCPRoute, UDPRoute or TLSRoute. */
export type L4RouteRule = { readonly name?: string; readonly backendRefs?: readonly BackendRef[] };

/** The status of a route per parent (TLSRoute passthrough detection reads it, spec 03 §6.4). */
export type RouteParentStatus = { readonly parentRef?: ParentReference; readonly conditions?: readonly Condition[] };

type L4Spec = { readonly parentRefs?: readonly ParentReference[]; readonly rules?: readonly L4RouteRule[] };

export type TCPRoute = K8sObject & { readonly kind: 'TCPRoute'; readonly spec?: L4Spec };
export type UDPRoute = K8sObject & { readonly kind: 'UDPRoute'; readonly spec?: L4Spec };
export type TLSRoute = K8sObject & {
  readonly kind: 'TLSRoute';
  readonly spec?: L4Spec & { readonly hostnames?: readonly string[] };
  readonly status?: { readonly parents?: readonly RouteParentStatus[] };
};

/** Any Gateway API route kind. */
export type GatewayRoute = HTTPRoute | GRPCRoute | TCPRoute | UDPRoute | TLSRoute;

export type ReferenceGrant = K8sObject & {
  readonly kind: 'ReferenceGrant';
  readonly spec?: {
    readonly from?: readonly { readonly group?: string; readonly kind?: string; readonly namespace?: string }[];
    readonly to?: readonly { readonly group?: string; readonly kind?: string; readonly name?: string }[];
  };
};
export type BackendTLSPolicy = K8sObject & { readonly kind: 'BackendTLSPolicy'; readonly spec?: Readonly<Record<string, unknown>> };

/** The Gateway API group. */
export const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';
