import type { K8sObject } from './meta.js';

// Kong CRDs (configuration.konghq.com, incubator.ingress-controller.konghq.com), as read from manifests.
// Objects arrive unvalidated (no API server): every field is optional and readers narrow `unknown` values.

/** A JSON object as written in a manifest (plugin config, custom-entity fields, vault config). */
export type RawObject = Readonly<Record<string, unknown>>;

/** `{name, key}` (KongPlugin) or `{namespace, name, key}` (KongClusterPlugin), spec 05 §2.1. */
export type SecretKeyRef = { readonly namespace?: string; readonly name?: string; readonly key?: string };

/** One `configPatches[]` item: a JSON pointer and the Secret key holding the JSON value to add. */
export type ConfigPatch = { readonly path?: string; readonly valueFrom?: { readonly secretKeyRef?: SecretKeyRef } };

/** The fields KongPlugin and KongClusterPlugin share; they are top-level, not under spec (spec 05 §2.1). */
export type PluginFields = {
  readonly plugin?: string;
  readonly config?: unknown;
  readonly configFrom?: { readonly secretKeyRef?: SecretKeyRef };
  readonly configPatches?: readonly ConfigPatch[];
  readonly instance_name?: string;
  readonly protocols?: readonly string[];
  readonly ordering?: unknown;
  readonly run_on?: string;
  readonly disabled?: boolean;
};

export type KongPlugin = K8sObject & PluginFields & { readonly kind: 'KongPlugin' };
export type KongClusterPlugin = K8sObject & PluginFields & { readonly kind: 'KongClusterPlugin' };

/** spec 05 §4.1 */
export type KongConsumer = K8sObject & {
  readonly kind: 'KongConsumer';
  readonly username?: string;
  readonly custom_id?: string;
  readonly credentials?: readonly string[];
  readonly consumerGroups?: readonly string[];
};

export type KongConsumerGroup = K8sObject & { readonly kind: 'KongConsumerGroup'; readonly spec?: RawObject };
export type KongIngress = K8sObject & { readonly kind: 'KongIngress'; readonly upstream?: RawObject; readonly proxy?: RawObject; readonly route?: RawObject };

/** A hash input of KongUpstreamPolicy `hashOn` / `hashOnFallback` (spec 05 §7.2). */
export type KongUpstreamHash = {
  readonly input?: string;
  readonly header?: string;
  readonly cookie?: string;
  readonly cookiePath?: string;
  readonly queryArg?: string;
  readonly uriCapture?: string;
};

export type KongUpstreamHealthcheckSide = {
  readonly type?: string;
  readonly concurrency?: number;
  readonly httpPath?: string;
  readonly httpsSni?: string;
  readonly httpsVerifyCertificate?: boolean;
  readonly timeout?: number;
  readonly headers?: Readonly<Record<string, readonly string[]>>;
  readonly healthy?: { readonly httpStatuses?: readonly number[]; readonly interval?: number; readonly successes?: number };
  readonly unhealthy?: {
    readonly httpFailures?: number;
    readonly httpStatuses?: readonly number[];
    readonly tcpFailures?: number;
    readonly timeouts?: number;
    readonly interval?: number;
  };
};

/** spec 05 §7 */
export type KongUpstreamPolicySpec = {
  readonly algorithm?: string;
  readonly slots?: number;
  readonly hashOn?: KongUpstreamHash;
  readonly hashOnFallback?: KongUpstreamHash;
  readonly stickySessions?: { readonly cookie?: string; readonly cookiePath?: string };
  readonly healthchecks?: {
    readonly threshold?: number;
    readonly active?: KongUpstreamHealthcheckSide;
    readonly passive?: KongUpstreamHealthcheckSide;
  };
};
export type KongUpstreamPolicy = K8sObject & { readonly kind: 'KongUpstreamPolicy'; readonly spec?: KongUpstreamPolicySpec };

export type KongServiceFacade = K8sObject & {
  readonly kind: 'KongServiceFacade';
  readonly spec?: { readonly backendRef?: { readonly name?: string; readonly port?: number } };
};

/** spec 05 §10.2 */
export type KongCustomEntity = K8sObject & {
  readonly kind: 'KongCustomEntity';
  readonly spec?: {
    readonly type?: string;
    readonly fields?: unknown;
    readonly controllerName?: string;
    readonly parentRef?: { readonly group?: string; readonly kind?: string; readonly namespace?: string; readonly name?: string };
  };
};

/** spec 05 §11 */
export type KongVault = K8sObject & {
  readonly kind: 'KongVault';
  readonly spec?: { readonly backend?: string; readonly prefix?: string; readonly description?: string; readonly config?: unknown };
};
export type KongLicense = K8sObject & { readonly kind: 'KongLicense' };

/** A TCPIngress/UDPIngress backend (spec 05 §12). */
export type L4IngressBackend = { readonly serviceName?: string; readonly servicePort?: number };

/** spec 05 §12.1 */
export type TCPIngress = K8sObject & {
  readonly kind: 'TCPIngress';
  readonly spec?: {
    readonly rules?: readonly { readonly host?: string; readonly port?: number; readonly backend?: L4IngressBackend }[];
    readonly tls?: readonly { readonly hosts?: readonly string[]; readonly secretName?: string }[];
  };
};

/** spec 05 §12.2 */
export type UDPIngress = K8sObject & {
  readonly kind: 'UDPIngress';
  readonly spec?: { readonly rules?: readonly { readonly port?: number; readonly backend?: L4IngressBackend }[] };
};

/** spec 05 §13 */
export type IngressClassParameters = K8sObject & {
  readonly kind: 'IngressClassParameters';
  readonly spec?: { readonly enableLegacyRegexDetection?: boolean; readonly serviceUpstream?: boolean };
};
