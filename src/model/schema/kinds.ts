import type { KindName } from '../kinds.js';
import { any, anyObject, bool, int, intOrString, list, mapOf, num, obj, str, type Schema } from './dsl.js';

// The shape of each kind as far as the translator reads it, following the Kubernetes, Gateway API and
// Kong CRD OpenAPI schemas (types only: values are the translator's to judge).

const metadata = obj({
  name: str,
  namespace: str,
  uid: str,
  resourceVersion: str,
  generation: int,
  creationTimestamp: str,
  labels: mapOf(str),
  annotations: mapOf(str),
});

const ingressBackend = obj({
  service: obj({ name: str, port: obj({ number: int, name: str }) }),
  resource: obj({ apiGroup: str, kind: str, name: str }),
});

const parentRef = obj({ group: str, kind: str, namespace: str, name: str, sectionName: str, port: int });
const headerMods = obj({ set: list(obj({ name: str, value: str })), add: list(obj({ name: str, value: str })), remove: list(str) });
const pathMod = obj({ type: str, replaceFullPath: str, replacePrefixMatch: str });
const httpFilter = obj({
  type: str,
  requestHeaderModifier: headerMods,
  responseHeaderModifier: headerMods,
  requestRedirect: obj({ scheme: str, hostname: str, path: pathMod, port: int, statusCode: int }),
  urlRewrite: obj({ hostname: str, path: pathMod }),
  extensionRef: obj({ group: str, kind: str, name: str }),
});
const backendRef = obj({ group: str, kind: str, name: str, namespace: str, port: int, weight: int, filters: list(httpFilter) });
const valueMatch = obj({ type: str, name: str, value: str });
const conditions = list(obj({ type: str, status: str, observedGeneration: int }));
const l4Spec = obj({ parentRefs: list(parentRef), hostnames: list(str), rules: list(obj({ name: str, backendRefs: list(backendRef) })) });
const routeStatus = obj({ parents: list(obj({ parentRef, conditions })) });

const secretKeyRef = obj({ namespace: str, name: str, key: str });
const pluginFields = {
  metadata,
  plugin: str,
  config: any,
  configFrom: obj({ secretKeyRef }),
  configPatches: list(obj({ path: str, value: any, valueFrom: obj({ secretKeyRef }) })),
  instance_name: str,
  protocols: list(str),
  ordering: any,
  run_on: str,
  disabled: bool,
};
const upstreamHash = obj({ input: str, header: str, cookie: str, cookiePath: str, queryArg: str, uriCapture: str });
const healthSide = obj({
  type: str,
  concurrency: int,
  httpPath: str,
  httpsSni: str,
  httpsVerifyCertificate: bool,
  timeout: int,
  headers: mapOf(list(str)),
  healthy: obj({ httpStatuses: list(int), interval: int, successes: int }),
  unhealthy: obj({ httpFailures: int, httpStatuses: list(int), tcpFailures: int, timeouts: int, interval: int }),
});
const l4Backend = obj({ serviceName: str, servicePort: int });

/** The schema of each known kind. */
export const KIND_SCHEMAS: Readonly<Record<KindName, Schema>> = {
  Service: obj({
    metadata,
    spec: obj({
      type: str,
      externalName: str,
      ports: list(obj({ name: str, port: int, protocol: str, targetPort: intOrString })),
    }),
  }),
  Secret: obj({ metadata, type: str, data: mapOf(str), stringData: mapOf(str) }),
  ConfigMap: obj({ metadata, data: mapOf(str) }),
  EndpointSlice: obj({
    metadata,
    addressType: str,
    endpoints: list(obj({ addresses: list(str), conditions: obj({ ready: bool, serving: bool, terminating: bool }) })),
    ports: list(obj({ name: str, port: int, protocol: str })),
  }),
  Ingress: obj({
    metadata,
    spec: obj({
      ingressClassName: str,
      defaultBackend: ingressBackend,
      rules: list(obj({ host: str, http: obj({ paths: list(obj({ path: str, pathType: str, backend: ingressBackend })) }) })),
      tls: list(obj({ hosts: list(str), secretName: str })),
    }),
  }),
  IngressClass: obj({
    metadata,
    spec: obj({ controller: str, parameters: obj({ apiGroup: str, kind: str, name: str, namespace: str, scope: str }) }),
  }),
  GatewayClass: obj({ metadata, spec: obj({ controllerName: str }) }),
  Gateway: obj({
    metadata,
    spec: obj({
      gatewayClassName: str,
      listeners: list(
        obj({
          name: str,
          hostname: str,
          port: int,
          protocol: str,
          tls: obj({ mode: str, certificateRefs: list(obj({ group: str, kind: str, name: str, namespace: str })) }),
          allowedRoutes: obj({ kinds: list(obj({ group: str, kind: str })), namespaces: obj({ from: str, selector: anyObject }) }),
        }),
      ),
    }),
    status: obj({
      listeners: list(obj({ name: str, supportedKinds: list(obj({ group: str, kind: str })), conditions })),
      conditions,
    }),
  }),
  HTTPRoute: obj({
    metadata,
    spec: obj({
      parentRefs: list(parentRef),
      hostnames: list(str),
      rules: list(
        obj({
          name: str,
          matches: list(obj({ path: obj({ type: str, value: str }), headers: list(valueMatch), queryParams: list(valueMatch), method: str })),
          filters: list(httpFilter),
          backendRefs: list(backendRef),
          timeouts: obj({ request: str, backendRequest: str }),
        }),
      ),
    }),
    status: routeStatus,
  }),
  GRPCRoute: obj({
    metadata,
    spec: obj({
      parentRefs: list(parentRef),
      hostnames: list(str),
      rules: list(
        obj({
          name: str,
          matches: list(obj({ method: obj({ type: str, service: str, method: str }), headers: list(valueMatch) })),
          filters: list(httpFilter),
          backendRefs: list(backendRef),
        }),
      ),
    }),
    status: routeStatus,
  }),
  TCPRoute: obj({ metadata, spec: l4Spec, status: routeStatus }),
  UDPRoute: obj({ metadata, spec: l4Spec, status: routeStatus }),
  TLSRoute: obj({ metadata, spec: l4Spec, status: routeStatus }),
  ReferenceGrant: obj({
    metadata,
    spec: obj({ from: list(obj({ group: str, kind: str, namespace: str })), to: list(obj({ group: str, kind: str, name: str })) }),
  }),
  BackendTLSPolicy: obj({
    metadata,
    spec: obj({
      targetRefs: list(obj({ group: str, kind: str, name: str, sectionName: str })),
      validation: obj({ hostname: str, caCertificateRefs: list(obj({ group: str, kind: str, name: str })), wellKnownCACertificates: str }),
    }),
  }),
  KongPlugin: obj(pluginFields),
  KongClusterPlugin: obj(pluginFields),
  KongConsumer: obj({ metadata, username: str, custom_id: str, credentials: list(str), consumerGroups: list(str) }),
  KongConsumerGroup: obj({ metadata, spec: anyObject }),
  KongIngress: obj({ metadata, upstream: anyObject, proxy: anyObject, route: anyObject }),
  KongUpstreamPolicy: obj({
    metadata,
    spec: obj({
      algorithm: str,
      slots: int,
      hashOn: upstreamHash,
      hashOnFallback: upstreamHash,
      stickySessions: obj({ cookie: str, cookiePath: str }),
      healthchecks: obj({ threshold: num, active: healthSide, passive: healthSide }),
    }),
  }),
  KongServiceFacade: obj({ metadata, spec: obj({ backendRef: obj({ name: str, port: int }) }) }),
  KongCustomEntity: obj({
    metadata,
    spec: obj({ type: str, fields: any, controllerName: str, parentRef: obj({ group: str, kind: str, namespace: str, name: str }) }),
  }),
  KongVault: obj({ metadata, spec: obj({ backend: str, prefix: str, description: str, config: any }) }),
  KongLicense: obj({ metadata, rawLicenseString: str, enabled: bool }),
  TCPIngress: obj({
    metadata,
    spec: obj({
      rules: list(obj({ host: str, port: int, backend: l4Backend })),
      tls: list(obj({ hosts: list(str), secretName: str })),
    }),
  }),
  UDPIngress: obj({ metadata, spec: obj({ rules: list(obj({ port: int, backend: l4Backend })) }) }),
  IngressClassParameters: obj({ metadata, spec: obj({ enableLegacyRegexDetection: bool, serviceUpstream: bool }) }),
};
