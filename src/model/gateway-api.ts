import type { K8sObject } from './meta.js';

// Gateway API kinds (gateway.networking.k8s.io). The Gateway API issue refines the spec types.

export type GatewayClass = K8sObject & { readonly kind: 'GatewayClass'; readonly spec?: { readonly controllerName?: string } };
export type Gateway = K8sObject & { readonly kind: 'Gateway'; readonly spec?: Readonly<Record<string, unknown>> };
export type HTTPRoute = K8sObject & { readonly kind: 'HTTPRoute'; readonly spec?: Readonly<Record<string, unknown>> };
export type GRPCRoute = K8sObject & { readonly kind: 'GRPCRoute'; readonly spec?: Readonly<Record<string, unknown>> };
export type TCPRoute = K8sObject & { readonly kind: 'TCPRoute'; readonly spec?: Readonly<Record<string, unknown>> };
export type UDPRoute = K8sObject & { readonly kind: 'UDPRoute'; readonly spec?: Readonly<Record<string, unknown>> };
export type TLSRoute = K8sObject & { readonly kind: 'TLSRoute'; readonly spec?: Readonly<Record<string, unknown>> };
export type ReferenceGrant = K8sObject & {
  readonly kind: 'ReferenceGrant';
  readonly spec?: {
    readonly from?: readonly { readonly group?: string; readonly kind?: string; readonly namespace?: string }[];
    readonly to?: readonly { readonly group?: string; readonly kind?: string; readonly name?: string }[];
  };
};
export type BackendTLSPolicy = K8sObject & { readonly kind: 'BackendTLSPolicy'; readonly spec?: Readonly<Record<string, unknown>> };
