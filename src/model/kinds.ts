import type { ConfigMap, EndpointSlice, Secret, Service } from './core.js';
import type {
  BackendTLSPolicy, GatewayClass, Gateway, GRPCRoute, HTTPRoute, ReferenceGrant, TCPRoute, TLSRoute, UDPRoute,
} from './gateway-api.js';
import type { Ingress, IngressClass } from './ingress.js';
import type {
  IngressClassParameters, KongClusterPlugin, KongConsumer, KongConsumerGroup, KongCustomEntity, KongIngress,
  KongLicense, KongPlugin, KongServiceFacade, KongUpstreamPolicy, KongVault, TCPIngress, UDPIngress,
} from './kong-crds.js';

/** Every kind the translator reads, by Kind name, with its TypeScript type. */
export type KindMap = {
  Service: Service;
  Secret: Secret;
  ConfigMap: ConfigMap;
  EndpointSlice: EndpointSlice;
  Ingress: Ingress;
  IngressClass: IngressClass;
  GatewayClass: GatewayClass;
  Gateway: Gateway;
  HTTPRoute: HTTPRoute;
  GRPCRoute: GRPCRoute;
  TCPRoute: TCPRoute;
  UDPRoute: UDPRoute;
  TLSRoute: TLSRoute;
  ReferenceGrant: ReferenceGrant;
  BackendTLSPolicy: BackendTLSPolicy;
  KongPlugin: KongPlugin;
  KongClusterPlugin: KongClusterPlugin;
  KongConsumer: KongConsumer;
  KongConsumerGroup: KongConsumerGroup;
  KongIngress: KongIngress;
  KongUpstreamPolicy: KongUpstreamPolicy;
  KongServiceFacade: KongServiceFacade;
  KongCustomEntity: KongCustomEntity;
  KongVault: KongVault;
  KongLicense: KongLicense;
  TCPIngress: TCPIngress;
  UDPIngress: UDPIngress;
  IngressClassParameters: IngressClassParameters;
};

export type KindName = keyof KindMap;

export type KindInfo = { readonly group: string; readonly namespaced: boolean; readonly plural: string };

const KONG = 'configuration.konghq.com';
const GW = 'gateway.networking.k8s.io';

/** API group, scope and plural resource name of each known kind. */
export const KINDS: Readonly<Record<KindName, KindInfo>> = {
  Service: { group: '', namespaced: true, plural: 'services' },
  Secret: { group: '', namespaced: true, plural: 'secrets' },
  ConfigMap: { group: '', namespaced: true, plural: 'configmaps' },
  EndpointSlice: { group: 'discovery.k8s.io', namespaced: true, plural: 'endpointslices' },
  Ingress: { group: 'networking.k8s.io', namespaced: true, plural: 'ingresses' },
  IngressClass: { group: 'networking.k8s.io', namespaced: false, plural: 'ingressclasses' },
  GatewayClass: { group: GW, namespaced: false, plural: 'gatewayclasses' },
  Gateway: { group: GW, namespaced: true, plural: 'gateways' },
  HTTPRoute: { group: GW, namespaced: true, plural: 'httproutes' },
  GRPCRoute: { group: GW, namespaced: true, plural: 'grpcroutes' },
  TCPRoute: { group: GW, namespaced: true, plural: 'tcproutes' },
  UDPRoute: { group: GW, namespaced: true, plural: 'udproutes' },
  TLSRoute: { group: GW, namespaced: true, plural: 'tlsroutes' },
  ReferenceGrant: { group: GW, namespaced: true, plural: 'referencegrants' },
  BackendTLSPolicy: { group: GW, namespaced: true, plural: 'backendtlspolicies' },
  KongPlugin: { group: KONG, namespaced: true, plural: 'kongplugins' },
  KongClusterPlugin: { group: KONG, namespaced: false, plural: 'kongclusterplugins' },
  KongConsumer: { group: KONG, namespaced: true, plural: 'kongconsumers' },
  KongConsumerGroup: { group: KONG, namespaced: true, plural: 'kongconsumergroups' },
  KongIngress: { group: KONG, namespaced: true, plural: 'kongingresses' },
  KongUpstreamPolicy: { group: KONG, namespaced: true, plural: 'kongupstreampolicies' },
  KongServiceFacade: { group: 'incubator.ingress-controller.konghq.com', namespaced: true, plural: 'kongservicefacades' },
  KongCustomEntity: { group: KONG, namespaced: true, plural: 'kongcustomentities' },
  KongVault: { group: KONG, namespaced: false, plural: 'kongvaults' },
  KongLicense: { group: KONG, namespaced: false, plural: 'konglicenses' },
  TCPIngress: { group: KONG, namespaced: true, plural: 'tcpingresses' },
  UDPIngress: { group: KONG, namespaced: true, plural: 'udpingresses' },
  IngressClassParameters: { group: KONG, namespaced: true, plural: 'ingressclassparameterses' },
};

/** The known kind an object of this group and Kind is, or undefined. */
export function knownKind(group: string, kind: string): KindName | undefined {
  const info = (KINDS as Readonly<Record<string, KindInfo>>)[kind];
  return info && info.group === group ? (kind as KindName) : undefined;
}
