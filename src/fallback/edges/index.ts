import type { KindName } from '../../model/kinds.js';
import { kongConsumerDependencies, kongConsumerGroupDependencies } from './consumers.js';
import { kongCustomEntityDependencies } from './custom-entity.js';
import { gatewayRouteDependencies } from './gateway-routes.js';
import { ingressDependencies } from './ingress.js';
import { l4IngressDependencies } from './l4-ingress.js';
import { kongClusterPluginDependencies, kongPluginDependencies } from './plugins.js';
import type { DependencyResolver } from './read.js';
import { serviceDependencies } from './services.js';

export type { Dependency, DependencyResolver } from './read.js';

const none: DependencyResolver = () => [];

/**
 * The dependencies of every kind the store holds (spec 06 §3.2). Typed over every KindName so that a new
 * kind cannot be added to the store without deciding what it depends on. KongLicense is not in the
 * spec's table; it refers to nothing, so it is dependency-free here.
 */
export const DEPENDENCY_RESOLVERS: Readonly<Record<KindName, DependencyResolver>> = {
  Service: serviceDependencies,
  KongServiceFacade: serviceDependencies,
  Ingress: ingressDependencies,
  HTTPRoute: gatewayRouteDependencies,
  GRPCRoute: gatewayRouteDependencies,
  TCPRoute: gatewayRouteDependencies,
  UDPRoute: gatewayRouteDependencies,
  TLSRoute: gatewayRouteDependencies,
  KongPlugin: kongPluginDependencies,
  KongClusterPlugin: kongClusterPluginDependencies,
  KongConsumer: kongConsumerDependencies,
  KongConsumerGroup: kongConsumerGroupDependencies,
  TCPIngress: l4IngressDependencies,
  UDPIngress: l4IngressDependencies,
  KongCustomEntity: kongCustomEntityDependencies,
  IngressClass: none,
  Secret: none,
  ConfigMap: none,
  EndpointSlice: none,
  ReferenceGrant: none,
  Gateway: none,
  GatewayClass: none,
  BackendTLSPolicy: none,
  KongIngress: none,
  KongUpstreamPolicy: none,
  IngressClassParameters: none,
  KongVault: none,
  KongLicense: none,
};
