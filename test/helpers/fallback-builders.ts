// Small builders for the fallback tests: Kubernetes objects with the fields the dependency graph reads,
// and Kong's flattened-error bodies (spec 06 §2.2).
import type { K8sObject } from '../../src/model/meta.js';
import { KINDS, type KindName } from '../../src/model/kinds.js';
import { Snapshot } from '../../src/store/snapshot.js';
import { identityOf, type ObjectIdentity } from '../../src/fallback/object-identity.js';

const API_VERSIONS: Readonly<Record<KindName, string>> = {
  Service: 'v1', Secret: 'v1', ConfigMap: 'v1', EndpointSlice: 'discovery.k8s.io/v1',
  Ingress: 'networking.k8s.io/v1', IngressClass: 'networking.k8s.io/v1',
  GatewayClass: 'gateway.networking.k8s.io/v1', Gateway: 'gateway.networking.k8s.io/v1',
  HTTPRoute: 'gateway.networking.k8s.io/v1', GRPCRoute: 'gateway.networking.k8s.io/v1',
  TCPRoute: 'gateway.networking.k8s.io/v1alpha2', UDPRoute: 'gateway.networking.k8s.io/v1alpha2',
  TLSRoute: 'gateway.networking.k8s.io/v1alpha2', ReferenceGrant: 'gateway.networking.k8s.io/v1beta1',
  BackendTLSPolicy: 'gateway.networking.k8s.io/v1alpha3',
  KongPlugin: 'configuration.konghq.com/v1', KongClusterPlugin: 'configuration.konghq.com/v1',
  KongConsumer: 'configuration.konghq.com/v1', KongConsumerGroup: 'configuration.konghq.com/v1beta1',
  KongIngress: 'configuration.konghq.com/v1', KongUpstreamPolicy: 'configuration.konghq.com/v1beta1',
  KongServiceFacade: 'incubator.ingress-controller.konghq.com/v1alpha1',
  KongCustomEntity: 'configuration.konghq.com/v1alpha1', KongVault: 'configuration.konghq.com/v1alpha1',
  KongLicense: 'configuration.konghq.com/v1alpha1', TCPIngress: 'configuration.konghq.com/v1beta1',
  UDPIngress: 'configuration.konghq.com/v1beta1', IngressClassParameters: 'configuration.konghq.com/v1alpha1',
};

export type ObjOptions = {
  /** default `default` for namespaced kinds; ignored for cluster-scoped ones */
  readonly ns?: string;
  /** default `uid-<name>`; `''` for an object without uid */
  readonly uid?: string;
  readonly annotations?: Readonly<Record<string, string>>;
  /** `konghq.com/plugins` */
  readonly plugins?: string;
  /** `konghq.com/upstream-policy` */
  readonly upstreamPolicy?: string;
  /** top-level fields besides metadata (spec, credentials, configFrom, ...) */
  readonly body?: Readonly<Record<string, unknown>>;
};

/** Any object of a known kind. */
export function obj(kind: KindName, name: string, o: ObjOptions = {}): K8sObject {
  const annotations: Record<string, string> = { ...o.annotations };
  if (o.plugins !== undefined) annotations['konghq.com/plugins'] = o.plugins;
  if (o.upstreamPolicy !== undefined) annotations['konghq.com/upstream-policy'] = o.upstreamPolicy;
  const uid = o.uid ?? `uid-${name}`;
  return {
    apiVersion: API_VERSIONS[kind],
    kind,
    metadata: {
      name,
      ...(KINDS[kind].namespaced ? { namespace: o.ns ?? 'default' } : {}),
      ...(uid ? { uid } : {}),
      ...(Object.keys(annotations).length ? { annotations } : {}),
    },
    ...o.body,
  };
}

/** A Service with one port 80. */
export function service(name: string, o: ObjOptions = {}): K8sObject {
  return obj('Service', name, { ...o, body: { spec: { ports: [{ port: 80 }] }, ...o.body } });
}

export type IngressOptions = ObjOptions & {
  readonly className?: string;
  readonly classAnnotation?: string;
  /** one rule path per backend: a Service name, or `facade:<name>` for a KongServiceFacade resource backend */
  readonly backends?: readonly string[];
  readonly defaultBackend?: string;
};

/** An Ingress with one rule and a path per backend. */
export function ingress(name: string, o: IngressOptions = {}): K8sObject {
  const paths = (o.backends ?? []).map((b, i) => ({
    path: `/p${i}`,
    pathType: 'Prefix',
    backend: b.startsWith('facade:')
      ? { resource: { apiGroup: 'incubator.ingress-controller.konghq.com', kind: 'KongServiceFacade', name: b.slice(7) } }
      : { service: { name: b, port: { number: 80 } } },
  }));
  const annotations = { ...o.annotations, ...(o.classAnnotation ? { 'kubernetes.io/ingress.class': o.classAnnotation } : {}) };
  return obj('Ingress', name, {
    ...o,
    annotations,
    body: {
      spec: {
        ...(o.className ? { ingressClassName: o.className } : {}),
        ...(o.defaultBackend ? { defaultBackend: { service: { name: o.defaultBackend, port: { number: 80 } } } } : {}),
        rules: [{ host: 'example.com', http: { paths } }],
      },
    },
  });
}

export type BackendRef = { readonly name: string; readonly kind?: string; readonly group?: string; readonly namespace?: string };

/** A Gateway API route with one rule holding these backendRefs. */
export function route(
  kind: 'HTTPRoute' | 'GRPCRoute' | 'TCPRoute' | 'UDPRoute' | 'TLSRoute',
  name: string,
  backendRefs: readonly BackendRef[],
  o: ObjOptions = {},
): K8sObject {
  return obj(kind, name, { ...o, body: { spec: { parentRefs: [{ name: 'kong' }], rules: [{ backendRefs: backendRefs.map((r) => ({ port: 80, ...r })) }] } } });
}

/** A KongPlugin, optionally configured from Secrets. */
export function kongPlugin(name: string, o: ObjOptions & { configFrom?: string; patchSecrets?: readonly string[] } = {}): K8sObject {
  return obj('KongPlugin', name, {
    ...o,
    body: {
      plugin: 'key-auth',
      ...(o.configFrom ? { configFrom: { secretKeyRef: { name: o.configFrom, key: 'config' } } } : {}),
      ...(o.patchSecrets
        ? { configPatches: o.patchSecrets.map((s, i) => ({ path: `/p${i}`, valueFrom: { secretKeyRef: { name: s, key: 'v' } } })) }
        : {}),
    },
  });
}

/** A KongClusterPlugin configured from Secrets `namespace/name`. */
export function kongClusterPlugin(name: string, o: ObjOptions & { configFrom?: string; patchSecrets?: readonly string[] } = {}): K8sObject {
  const ref = (s: string) => {
    const [namespace, n] = s.split('/');
    return { namespace, name: n, key: 'config' };
  };
  return obj('KongClusterPlugin', name, {
    ...o,
    body: {
      plugin: 'key-auth',
      ...(o.configFrom ? { configFrom: { secretKeyRef: ref(o.configFrom) } } : {}),
      ...(o.patchSecrets ? { configPatches: o.patchSecrets.map((s, i) => ({ path: `/p${i}`, valueFrom: { secretKeyRef: ref(s) } })) } : {}),
    },
  });
}

/** A KongConsumer with credential Secrets and consumer groups. */
export function consumer(name: string, o: ObjOptions & { credentials?: readonly string[]; groups?: readonly string[] } = {}): K8sObject {
  return obj('KongConsumer', name, {
    ...o,
    annotations: { 'kubernetes.io/ingress.class': 'kong', ...o.annotations },
    body: { username: name, ...(o.credentials ? { credentials: o.credentials } : {}), ...(o.groups ? { consumerGroups: o.groups } : {}) },
  });
}

/** A TCPIngress or UDPIngress with one rule per Service name. */
export function l4Ingress(kind: 'TCPIngress' | 'UDPIngress', name: string, services: readonly string[], o: ObjOptions = {}): K8sObject {
  return obj(kind, name, {
    ...o,
    body: { spec: { rules: services.map((s, i) => ({ port: 9000 + i, backend: { serviceName: s, servicePort: 80 } })) } },
  });
}

/** A KongCustomEntity whose parentRef is given as is. */
export function customEntity(name: string, parentRef: Readonly<Record<string, string>> | undefined, o: ObjOptions = {}): K8sObject {
  return obj('KongCustomEntity', name, {
    ...o,
    body: { spec: { type: 'degraphql_routes', controllerName: 'kong', ...(parentRef ? { parentRef } : {}), fields: { uri: '/x' } } },
  });
}

/** A KongServiceFacade backed by a Service. */
export function facade(name: string, backend: string, o: ObjOptions = {}): K8sObject {
  return obj('KongServiceFacade', name, {
    ...o,
    annotations: { 'kubernetes.io/ingress.class': 'kong', ...o.annotations },
    body: { spec: { backendRef: { name: backend, port: 80 } } },
  });
}

/** A snapshot of these objects. */
export function snap(...objects: K8sObject[]): Snapshot {
  return Snapshot.of(objects);
}

/** The fallback identity of an object (spec 06 §3.1). */
export function id(o: K8sObject): ObjectIdentity {
  return identityOf(o);
}

/** `Kind namespace/name` of an object, as the fallback's messages print it. */
export function label(o: K8sObject): string {
  return `${o.kind} ${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`;
}

/** The k8s-* tags the translator puts on an object's entities, in spec 01 §4.1 order. */
export function tagsOf(o: K8sObject): string[] {
  const slash = o.apiVersion.lastIndexOf('/');
  const group = slash < 0 ? '' : o.apiVersion.slice(0, slash);
  const version = o.apiVersion.slice(slash + 1);
  return [
    `k8s-name:${o.metadata.name}`,
    ...(o.metadata.namespace ? [`k8s-namespace:${o.metadata.namespace}`] : []),
    `k8s-kind:${o.kind}`,
    ...(o.metadata.uid ? [`k8s-uid:${o.metadata.uid}`] : []),
    ...(group ? [`k8s-group:${group}`] : []),
    `k8s-version:${version}`,
  ];
}

export type KongErrorItem = { type?: string; field?: string; message?: string; messages?: string[] };

/** One `flattened_errors` entry (spec 06 §2.2). */
export function flattenedError(
  entityType: string,
  entityName: string,
  tags: readonly string[],
  errors: readonly KongErrorItem[],
): Record<string, unknown> {
  return { entity_type: entityType, entity_name: entityName, entity_id: '0b7c8d6e-0000-4000-8000-000000000000', entity_tags: tags, errors };
}

/** Kong's 400 body for `POST /config?flatten_errors=1`, as text. */
export function kongErrorBody(entries: readonly Record<string, unknown>[], message = 'declarative config is invalid: {}'): string {
  return JSON.stringify({ code: 14, name: 'invalid declarative configuration', message, fields: {}, flattened_errors: entries });
}
