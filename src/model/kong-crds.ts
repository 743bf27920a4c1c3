import type { K8sObject } from './meta.js';

// Kong CRDs (configuration.konghq.com, incubator.ingress-controller.konghq.com).
// The Kong CRD issue refines the spec types.

type Loose = Readonly<Record<string, unknown>>;

export type KongPlugin = K8sObject & {
  readonly kind: 'KongPlugin';
  readonly plugin?: string;
  readonly config?: Loose;
  readonly configFrom?: Loose;
  readonly configPatches?: readonly Loose[];
  readonly instance_name?: string;
  readonly protocols?: readonly string[];
  readonly ordering?: Loose;
  readonly run_on?: string;
  readonly disabled?: boolean;
};
export type KongClusterPlugin = Omit<KongPlugin, 'kind'> & { readonly kind: 'KongClusterPlugin' };
export type KongConsumer = K8sObject & {
  readonly kind: 'KongConsumer';
  readonly username?: string;
  readonly custom_id?: string;
  readonly credentials?: readonly string[];
  readonly consumerGroups?: readonly string[];
};
export type KongConsumerGroup = K8sObject & { readonly kind: 'KongConsumerGroup' };
export type KongIngress = K8sObject & { readonly kind: 'KongIngress'; readonly upstream?: Loose; readonly proxy?: Loose; readonly route?: Loose };
export type KongUpstreamPolicy = K8sObject & { readonly kind: 'KongUpstreamPolicy'; readonly spec?: Loose };
export type KongServiceFacade = K8sObject & {
  readonly kind: 'KongServiceFacade';
  readonly spec?: { readonly backendRef?: { readonly name?: string; readonly port?: number } };
};
export type KongCustomEntity = K8sObject & { readonly kind: 'KongCustomEntity'; readonly spec?: Loose };
export type KongVault = K8sObject & { readonly kind: 'KongVault'; readonly spec?: Loose };
export type KongLicense = K8sObject & { readonly kind: 'KongLicense' };
export type TCPIngress = K8sObject & { readonly kind: 'TCPIngress'; readonly spec?: Loose };
export type UDPIngress = K8sObject & { readonly kind: 'UDPIngress'; readonly spec?: Loose };
export type IngressClassParameters = K8sObject & {
  readonly kind: 'IngressClassParameters';
  readonly spec?: { readonly enableLegacyRegexDetection?: boolean; readonly serviceUpstream?: boolean };
};
