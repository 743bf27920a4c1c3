import type { ObjectRef } from '../model/object-ref.js';
import type { K8sObject } from '../model/meta.js';

// The translated Kong state. Field names are Kong's (snake_case) so that serialize/ maps them 1:1;
// `meta` holds what the translator needs on the way and is never serialized.

/** A JSON value as Kong accepts it in plugin config and custom entities. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** A plugin nested under a route or service (spec 01 §2: no id, no tags). */
export type NestedPlugin = {
  name: string;
  config?: JsonObject;
  /** HTTPRoute filter plugins carry their route's tags (spec 03 §4.8) */
  tags?: readonly string[];
};

export type KongRoute = {
  id?: string;
  name: string;
  hosts?: string[];
  paths?: string[];
  methods?: string[];
  headers?: Record<string, string[]>;
  snis?: string[];
  sources?: { ip?: string; port?: number }[];
  destinations?: { ip?: string; port?: number }[];
  protocols?: string[];
  strip_path?: boolean;
  preserve_host?: boolean;
  regex_priority?: number;
  request_buffering?: boolean;
  response_buffering?: boolean;
  https_redirect_status_code?: number;
  path_handling?: string;
  expression?: string;
  priority?: number;
  tags: readonly string[];
  plugins?: NestedPlugin[];
  meta: RouteMeta;
};

/** Where a route came from: the object whose annotations apply and whose plugins attach. */
export type RouteMeta = {
  readonly source: ObjectRef;
  /** the source object itself, when the route's maker had it (saves a lookup per route) */
  readonly sourceObject?: K8sObject;
  /** KongPlugin names from HTTPRoute ExtensionRef filters, attached to this route only, after the source's konghq.com/plugins (spec 03 §4.8) */
  readonly pluginNames?: readonly string[];
};

/** One backend of a Kong service: a Kubernetes Service (or KongServiceFacade) and port. */
export type ServiceBackend = {
  readonly kind: 'Service' | 'KongServiceFacade';
  readonly namespace: string;
  readonly name: string;
  readonly port: BackendPort;
  /** Gateway API backend weight; undefined for Ingress */
  readonly weight?: number;
};

export type BackendPort =
  | { readonly kind: 'number'; readonly number: number }
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'implicit' }
  /** a Gateway API backendRef without port: never resolves (spec 03 §3.1 step 6) */
  | { readonly kind: 'unset' };

export type KongService = {
  id?: string;
  name: string;
  host: string;
  port?: number;
  protocol?: string;
  path?: string;
  connect_timeout?: number;
  read_timeout?: number;
  write_timeout?: number;
  retries?: number;
  tls_verify?: boolean;
  tls_verify_depth?: number;
  ca_certificates?: string[];
  client_certificate?: { id: string };
  tags: readonly string[];
  routes: KongRoute[];
  plugins?: NestedPlugin[];
  meta: ServiceMeta;
};

export type ServiceMeta = {
  backends: ServiceBackend[];
  /** the object that produced the service (first source object); failures about backends name it */
  parent: ObjectRef;
  /** the Kubernetes Services resolved for the backends (filled when services are populated) */
  k8sServices: ObjectRef[];
  /** merged annotations of the resolved Services (and facades), what Service-annotation rules read */
  annotations: Readonly<Record<string, string>>;
  /** drop from the output (multi-Service conflict, rewrite failure, ...) */
  skip?: boolean;
  /** the source kind decides some defaults (Gateway API services have no path, etc.) */
  sourceKind: string;
  /** tags of a service with several backends: the parent's (default), or none (traditional GRPCRoute, spec 03 §5.4) */
  multiBackendTags?: 'parent' | 'none';
};

export type KongTarget = {
  target: string;
  weight?: number;
};

export type KongUpstream = {
  name: string;
  algorithm?: string;
  slots?: number;
  host_header?: string;
  hash_on?: string;
  hash_fallback?: string;
  hash_on_header?: string;
  hash_fallback_header?: string;
  hash_on_cookie?: string;
  hash_on_cookie_path?: string;
  hash_on_query_arg?: string;
  hash_fallback_query_arg?: string;
  hash_on_uri_capture?: string;
  hash_fallback_uri_capture?: string;
  healthchecks?: JsonObject;
  sticky_sessions_cookie?: string;
  sticky_sessions_cookie_path?: string;
  tags?: readonly string[];
  targets: KongTarget[];
  /** further fields set by KongIngress/KongUpstreamPolicy that have no typed field above */
  extra?: JsonObject;
  /** the Kong service (by name, and the object when known) whose host this upstream is */
  meta: { service: string; kongService?: KongService };
};

export type KongSNI = { name: string; certificate: { id: string } };

export type KongCertificate = {
  id: string;
  cert: string;
  key: string;
  snis: KongSNI[];
  tags: readonly string[];
};

export type KongCACertificate = {
  id: string;
  cert: string;
  tags: readonly string[];
};

/** A top-level plugin (spec 01 §2.2), referencing its parents by name. */
export type KongPluginEntity = {
  id?: string;
  name: string;
  instance_name?: string;
  config?: JsonObject;
  enabled?: boolean;
  protocols?: string[];
  run_on?: string;
  ordering?: JsonObject;
  service?: string;
  route?: string;
  consumer?: string;
  consumer_group?: string;
  tags: readonly string[];
  meta: { source: ObjectRef };
};

/** A credential nested under a consumer; fields vary by type. */
export type KongCredential = JsonObject & { tags?: string[] };

export type KongConsumer = {
  id?: string;
  username?: string;
  custom_id?: string;
  tags: readonly string[];
  keyauth_credentials?: KongCredential[];
  basicauth_credentials?: KongCredential[];
  hmacauth_credentials?: KongCredential[];
  jwt_secrets?: KongCredential[];
  acls?: KongCredential[];
  oauth2_credentials?: KongCredential[];
  mtls_auth_credentials?: KongCredential[];
  plugins?: KongPluginEntity[];
  meta: { source: ObjectRef };
};

export type KongConsumerGroup = {
  id?: string;
  name: string;
  tags: readonly string[];
  meta: { source: ObjectRef };
};

export type KongConsumerGroupConsumer = { consumer_group: string; consumer: string };

export type KongVault = {
  id?: string;
  name: string;
  prefix: string;
  description?: string;
  config?: JsonObject;
  tags: readonly string[];
  meta: { source: ObjectRef };
};

/** One KongCustomEntity's output: an object under the top-level key `type`. */
export type KongCustomEntityRecord = {
  type: string;
  fields: JsonObject;
  meta: { source: ObjectRef; sortKey: string };
};

/** Everything translate() produces, before serialization. */
export type KongState = {
  services: KongService[];
  upstreams: KongUpstream[];
  certificates: KongCertificate[];
  caCertificates: KongCACertificate[];
  plugins: KongPluginEntity[];
  consumers: KongConsumer[];
  consumerGroups: KongConsumerGroup[];
  consumerGroupConsumers: KongConsumerGroupConsumer[];
  vaults: KongVault[];
  customEntities: KongCustomEntityRecord[];
};

/** An empty state. */
export function emptyKongState(): KongState {
  return {
    services: [],
    upstreams: [],
    certificates: [],
    caCertificates: [],
    plugins: [],
    consumers: [],
    consumerGroups: [],
    consumerGroupConsumers: [],
    vaults: [],
    customEntities: [],
  };
}
