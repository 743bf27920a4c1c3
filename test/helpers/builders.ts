// Small builders for Kubernetes objects in tests, and a helper that translates them.
//   ingress('echo').rule('example.com').path('/api', 'Prefix', 'echo:80').build()
//   service('echo', [80]).annotate('konghq.com/protocol', 'https').build()
// Every builder has build(); translateObjects() takes builders or plain objects.
import type { K8sObject } from '../../src/model/meta.js';
import { Snapshot } from '../../src/store/snapshot.js';
import { translate, type TranslateResult } from '../../src/translate/index.js';
import { defaultTranslateOptions, FEATURE_GATE_DEFAULTS, type FeatureGateName, type TranslateOptions } from '../../src/translate/options.js';
import { toDeclarativeConfig, type DeclarativeConfig } from '../../src/serialize/declarative.js';
import { formatFailure, formatWarning } from '../../src/translate/failures.js';
import type { KongRoute, KongService } from '../../src/kongstate/types.js';

type Meta = { name: string; namespace?: string; uid?: string; creationTimestamp?: string; annotations?: Record<string, string>; labels?: Record<string, string> };

/** Anything translateObjects accepts. */
export type ObjectLike = K8sObject | { build(): K8sObject };

/** The common metadata setters. */
abstract class ObjectBuilder<Self> {
  protected readonly meta: Meta;
  constructor(name: string, namespace: string | undefined) {
    this.meta = namespace === undefined ? { name } : { name, namespace };
  }
  /** Adds one annotation. */
  annotate(key: string, value: string): Self {
    this.meta.annotations = { ...(this.meta.annotations ?? {}), [key]: value };
    return this as unknown as Self;
  }
  /** Adds several annotations. */
  annotations(values: Readonly<Record<string, string>>): Self {
    this.meta.annotations = { ...(this.meta.annotations ?? {}), ...values };
    return this as unknown as Self;
  }
  /** Adds one label. */
  label(key: string, value: string): Self {
    this.meta.labels = { ...(this.meta.labels ?? {}), [key]: value };
    return this as unknown as Self;
  }
  uid(uid: string): Self {
    this.meta.uid = uid;
    return this as unknown as Self;
  }
  /** creationTimestamp, e.g. '2024-01-01T00:00:00Z' */
  created(timestamp: string): Self {
    this.meta.creationTimestamp = timestamp;
    return this as unknown as Self;
  }
  abstract build(): K8sObject;
}

type BackendJSON = { service?: { name: string; port?: { number?: number; name?: string } }; resource?: { apiGroup?: string; kind: string; name: string } };

/** `svc:80` (port number), `svc:http` (port name) or `svc` (implicit port). */
export function serviceBackend(spec: string): BackendJSON {
  const [name, port] = spec.split(':');
  if (port === undefined) return { service: { name } };
  return /^\d+$/.test(port) ? { service: { name, port: { number: Number(port) } } } : { service: { name, port: { name: port } } };
}

/** A KongServiceFacade backend reference. */
export function facadeBackend(name: string): BackendJSON {
  return { resource: { apiGroup: 'incubator.ingress-controller.konghq.com', kind: 'KongServiceFacade', name } };
}

type IngressRuleJSON = { host?: string; http?: { paths: { path?: string; pathType?: string; backend: BackendJSON }[] } };

/** An Ingress (networking.k8s.io/v1), class `kong` unless changed. */
export class IngressBuilder extends ObjectBuilder<IngressBuilder> {
  private readonly spec: { ingressClassName?: string; defaultBackend?: BackendJSON; rules: IngressRuleJSON[]; tls: { hosts?: string[]; secretName?: string }[] } = {
    ingressClassName: 'kong',
    rules: [],
    tls: [],
  };
  /** Sets spec.ingressClassName; undefined removes it. */
  className(name: string | undefined): this {
    if (name === undefined) delete this.spec.ingressClassName;
    else this.spec.ingressClassName = name;
    return this;
  }
  /** Starts a rule; later path() calls add to it. Empty or no host gives a rule without host. */
  rule(host?: string): this {
    this.spec.rules.push(host ? { host, http: { paths: [] } } : { http: { paths: [] } });
    return this;
  }
  /** Adds a path to the current rule (a host-less rule is started if there is none). */
  path(path: string | undefined, pathType: string | undefined, backend: string | BackendJSON): this {
    if (this.spec.rules.length === 0) this.rule();
    const rule = this.spec.rules[this.spec.rules.length - 1];
    const p: { path?: string; pathType?: string; backend: BackendJSON } = { backend: typeof backend === 'string' ? serviceBackend(backend) : backend };
    if (path !== undefined) p.path = path;
    if (pathType !== undefined) p.pathType = pathType;
    rule.http!.paths.push(p);
    return this;
  }
  /** Adds a raw rule (e.g. one without http). */
  rawRule(rule: IngressRuleJSON): this {
    this.spec.rules.push(rule);
    return this;
  }
  defaultBackend(backend: string | BackendJSON): this {
    this.spec.defaultBackend = typeof backend === 'string' ? serviceBackend(backend) : backend;
    return this;
  }
  tls(secretName: string | undefined, ...hosts: string[]): this {
    this.spec.tls.push({ ...(secretName !== undefined ? { secretName } : {}), hosts });
    return this;
  }
  build(): K8sObject {
    const spec: Record<string, unknown> = { ...this.spec };
    if (this.spec.tls.length === 0) delete spec.tls;
    return { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { namespace: 'default', ...this.meta }, spec } as K8sObject;
  }
}

/** `ingress('echo')` in namespace default. */
export function ingress(name: string, namespace = 'default'): IngressBuilder {
  return new IngressBuilder(name, namespace);
}

type PortJSON = { name?: string; port: number; protocol?: string; targetPort?: number | string };

/** A Service (core/v1). Ports: numbers, or objects with a name. */
export class ServiceBuilder extends ObjectBuilder<ServiceBuilder> {
  private readonly spec: { type?: string; externalName?: string; ports: PortJSON[] };
  constructor(name: string, namespace: string, ports: readonly (number | PortJSON)[]) {
    super(name, namespace);
    this.spec = { ports: ports.map((p) => (typeof p === 'number' ? { port: p, protocol: 'TCP', targetPort: p } : p)) };
  }
  externalName(host: string): this {
    this.spec.type = 'ExternalName';
    this.spec.externalName = host;
    return this;
  }
  build(): K8sObject {
    return { apiVersion: 'v1', kind: 'Service', metadata: { ...this.meta }, spec: { ...this.spec } } as K8sObject;
  }
}

/** `service('echo', [80])` or `service('echo', [{ name: 'http', port: 80, targetPort: 8080 }])`. */
export function service(name: string, ports: readonly (number | PortJSON)[] = [80], namespace = 'default'): ServiceBuilder {
  return new ServiceBuilder(name, namespace, ports);
}

/** An EndpointSlice for a Service: ready endpoints at these addresses, one port (named like the Service port, or unnamed). */
export function endpointSlice(
  serviceName: string,
  addresses: readonly string[],
  port: number,
  opts: { namespace?: string; portName?: string; notReady?: readonly string[]; name?: string } = {},
): K8sObject {
  const namespace = opts.namespace ?? 'default';
  const endpoints = [
    ...addresses.map((a) => ({ addresses: [a], conditions: { ready: true } })),
    ...(opts.notReady ?? []).map((a) => ({ addresses: [a], conditions: { ready: false } })),
  ];
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: opts.name ?? `${serviceName}-slice`, namespace, labels: { 'kubernetes.io/service-name': serviceName } },
    addressType: 'IPv4',
    endpoints,
    ports: [{ ...(opts.portName ? { name: opts.portName } : {}), port, protocol: 'TCP' }],
  } as K8sObject;
}

/** A Secret; `data` values are given in clear and base64-encoded here. */
export class SecretBuilder extends ObjectBuilder<SecretBuilder> {
  private readonly data: Record<string, string> = {};
  private type?: string;
  constructor(name: string, namespace: string, data: Readonly<Record<string, string>>) {
    super(name, namespace);
    for (const [k, v] of Object.entries(data)) this.data[k] = Buffer.from(v, 'utf8').toString('base64');
  }
  ofType(type: string): this {
    this.type = type;
    return this;
  }
  build(): K8sObject {
    return { apiVersion: 'v1', kind: 'Secret', metadata: { ...this.meta }, ...(this.type ? { type: this.type } : {}), data: { ...this.data } } as K8sObject;
  }
}

export function secret(name: string, data: Readonly<Record<string, string>> = {}, namespace = 'default'): SecretBuilder {
  return new SecretBuilder(name, namespace, data);
}

/** A kubernetes.io/tls Secret. */
export function tlsSecret(name: string, cert: string, key: string, namespace = 'default'): SecretBuilder {
  return new SecretBuilder(name, namespace, { 'tls.crt': cert, 'tls.key': key }).ofType('kubernetes.io/tls');
}

export class ConfigMapBuilder extends ObjectBuilder<ConfigMapBuilder> {
  constructor(name: string, namespace: string, private readonly data: Readonly<Record<string, string>>) {
    super(name, namespace);
  }
  build(): K8sObject {
    return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { ...this.meta }, data: { ...this.data } } as K8sObject;
  }
}

export function configMap(name: string, data: Readonly<Record<string, string>> = {}, namespace = 'default'): ConfigMapBuilder {
  return new ConfigMapBuilder(name, namespace, data);
}

/** An IngressClass, optionally default and with IngressClassParameters. */
export class IngressClassBuilder extends ObjectBuilder<IngressClassBuilder> {
  private readonly spec: Record<string, unknown> = { controller: 'ingress-controllers.konghq.com/kong' };
  /** Marks it ingressclass.kubernetes.io/is-default-class: "true". */
  asDefault(): this {
    return this.annotate('ingressclass.kubernetes.io/is-default-class', 'true');
  }
  /** spec.parameters; the defaults name an IngressClassParameters in a namespace. */
  parameters(params: Readonly<Record<string, string>>): this {
    this.spec.parameters = { apiGroup: 'configuration.konghq.com', kind: 'IngressClassParameters', scope: 'Namespace', ...params };
    return this;
  }
  build(): K8sObject {
    return { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { ...this.meta }, spec: { ...this.spec } } as K8sObject;
  }
}

export function ingressClass(name = 'kong'): IngressClassBuilder {
  return new IngressClassBuilder(name, undefined);
}

/** An IngressClassParameters object. */
export function ingressClassParameters(name: string, spec: { enableLegacyRegexDetection?: boolean; serviceUpstream?: boolean }, namespace = 'default'): K8sObject {
  return { apiVersion: 'configuration.konghq.com/v1alpha1', kind: 'IngressClassParameters', metadata: { name, namespace }, spec } as K8sObject;
}

/** A KongIngress with the given sections. */
export function kongIngress(name: string, sections: { upstream?: unknown; proxy?: unknown; route?: unknown }, namespace = 'default'): K8sObject {
  return { apiVersion: 'configuration.konghq.com/v1', kind: 'KongIngress', metadata: { name, namespace }, ...sections } as K8sObject;
}

/** A KongServiceFacade backed by Service `serviceName`:`port`. */
export function serviceFacade(name: string, serviceName: string, port: number, namespace = 'default'): K8sObject {
  return {
    apiVersion: 'incubator.ingress-controller.konghq.com/v1alpha1',
    kind: 'KongServiceFacade',
    metadata: { name, namespace, annotations: { 'kubernetes.io/ingress.class': 'kong' } },
    spec: { backendRef: { name: serviceName, port } },
  } as K8sObject;
}

/** Options for translateObjects: the router flavor, gates to flip, and any other option. */
export type TestOptions = Partial<Omit<TranslateOptions, 'featureGates'>> & {
  readonly expressions?: boolean;
  readonly gates?: Partial<Record<FeatureGateName, boolean>>;
};

/** What a test usually looks at after translating. */
export type TestResult = TranslateResult & {
  readonly doc: DeclarativeConfig;
  /** formatted failure lines, as `kic translate` prints them */
  readonly failureLines: string[];
  /** formatted warning lines */
  readonly warningLines: string[];
  /** a Kong service by name (throws when absent, so tests fail clearly) */
  service(name: string): KongService;
  /** a route by name, in any service */
  route(name: string): KongRoute;
  /** every route of every service */
  routes(): KongRoute[];
};

/** Translates the objects with the golden defaults (spec 01 §12.1), adjusted by `opts`. */
export function translateObjects(objects: readonly ObjectLike[], opts: TestOptions = {}): TestResult {
  const built = objects.map((o) => ('build' in o && typeof o.build === 'function' ? o.build() : (o as K8sObject)));
  const { expressions, gates, ...rest } = opts;
  const options = defaultTranslateOptions({
    ...rest,
    ...(expressions ? { routerFlavor: 'expressions' as const } : {}),
    featureGates: { ...FEATURE_GATE_DEFAULTS, ...(gates ?? {}) },
  });
  const result = translate(Snapshot.of(built), options);
  const doc = toDeclarativeConfig(result.state, { expressions: options.routerFlavor === 'expressions' });
  const routes = (): KongRoute[] => result.state.services.flatMap((s) => s.routes);
  return {
    ...result,
    doc,
    failureLines: result.failures.map(formatFailure),
    warningLines: result.warnings.map(formatWarning),
    service(name) {
      const s = result.state.services.find((x) => x.name === name);
      if (!s) throw new Error(`no Kong service ${name}; have ${result.state.services.map((x) => x.name).join(', ') || 'none'}`);
      return s;
    },
    route(name) {
      const r = routes().find((x) => x.name === name);
      if (!r) throw new Error(`no route ${name}; have ${routes().map((x) => x.name).join(', ') || 'none'}`);
      return r;
    },
    routes,
  };
}
