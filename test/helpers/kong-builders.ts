// Small builders for the Kong CRD tests: objects with only the fields a test is about, and a translate()
// runner that returns the declarative document plus the failure and warning lines.
import type { K8sObject } from '../../src/model/meta.js';
import { Snapshot } from '../../src/store/snapshot.js';
import { translate, type TranslateResult } from '../../src/translate/index.js';
import { defaultTranslateOptions, type FeatureGates, type TranslateOptions } from '../../src/translate/options.js';
import { toDeclarativeConfig } from '../../src/serialize/declarative.js';
import { formatFailure, formatWarning } from '../../src/translate/failures.js';
import { createContext, type TranslateContext } from '../../src/translate/context.js';

type Meta = {
  readonly ns?: string;
  readonly uid?: string;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly labels?: Readonly<Record<string, string>>;
  readonly created?: string;
  /** `kubernetes.io/ingress.class`; `null` for none (default `kong` for class-filtered kinds) */
  readonly cls?: string | null;
  /** `konghq.com/plugins` */
  readonly plugins?: string;
};

const CLASS = 'kubernetes.io/ingress.class';

function meta(name: string, m: Meta, namespaced: boolean, classFiltered = false): K8sObject['metadata'] {
  const annotations: Record<string, string> = { ...m.annotations };
  if (m.plugins !== undefined) annotations['konghq.com/plugins'] = m.plugins;
  const cls = m.cls === undefined ? (classFiltered ? 'kong' : null) : m.cls;
  if (cls !== null) annotations[CLASS] = cls;
  return {
    name,
    ...(namespaced ? { namespace: m.ns ?? 'default' } : {}),
    ...(m.uid ? { uid: m.uid } : {}),
    ...(m.created ? { creationTimestamp: m.created } : {}),
    ...(Object.keys(annotations).length ? { annotations } : {}),
    ...(m.labels ? { labels: m.labels } : {}),
  };
}

/** A Service with the given ports (default one port 80). */
export function svc(name: string, m: Meta & { ports?: number[] } = {}): K8sObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: meta(name, m, true), spec: { ports: (m.ports ?? [80]).map((port) => ({ port })) } } as K8sObject;
}

/** An Ingress of class kong with one rule and these paths (Prefix), each `path -> service:port`. */
export function ingress(name: string, paths: readonly [path: string, service: string, port: number][], m: Meta & { host?: string } = {}): K8sObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: meta(name, m, true),
    spec: {
      ingressClassName: 'kong',
      rules: [
        {
          ...(m.host ? { host: m.host } : {}),
          http: { paths: paths.map(([path, service, port]) => ({ path, pathType: 'Prefix', backend: { service: { name: service, port: { number: port } } } })) },
        },
      ],
    },
  } as K8sObject;
}

/** A Secret whose `data` holds these plain values base64-encoded. */
export function secret(name: string, data: Readonly<Record<string, string>>, m: Meta = {}): K8sObject {
  const encoded = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v).toString('base64')]));
  return { apiVersion: 'v1', kind: 'Secret', metadata: meta(name, m, true), data: encoded } as K8sObject;
}

/** A credential Secret labelled `konghq.com/credential: <type>` (no label when type is undefined). */
export function credential(name: string, type: string | undefined, data: Readonly<Record<string, string>>, m: Meta = {}): K8sObject {
  return secret(name, data, { ...m, labels: { ...m.labels, ...(type !== undefined ? { 'konghq.com/credential': type } : {}) } });
}

/** A KongPlugin with its top-level fields. */
export function kongPlugin(name: string, fields: Readonly<Record<string, unknown>>, m: Meta = {}): K8sObject {
  return { apiVersion: 'configuration.konghq.com/v1', kind: 'KongPlugin', metadata: meta(name, m, true), ...fields } as K8sObject;
}

/** A KongClusterPlugin (no class annotation unless given). */
export function kongClusterPlugin(name: string, fields: Readonly<Record<string, unknown>>, m: Meta = {}): K8sObject {
  return { apiVersion: 'configuration.konghq.com/v1', kind: 'KongClusterPlugin', metadata: meta(name, m, false), ...fields } as K8sObject;
}

/** A KongConsumer of class kong. */
export function kongConsumer(name: string, fields: Readonly<Record<string, unknown>>, m: Meta = {}): K8sObject {
  return { apiVersion: 'configuration.konghq.com/v1', kind: 'KongConsumer', metadata: meta(name, m, true, true), ...fields } as K8sObject;
}

/** A KongConsumerGroup of class kong. */
export function kongConsumerGroup(name: string, m: Meta = {}): K8sObject {
  return { apiVersion: 'configuration.konghq.com/v1beta1', kind: 'KongConsumerGroup', metadata: meta(name, m, true, true) } as K8sObject;
}

/** A KongUpstreamPolicy. */
export function upstreamPolicy(name: string, spec: Readonly<Record<string, unknown>>, m: Meta = {}): K8sObject {
  return { apiVersion: 'configuration.konghq.com/v1beta1', kind: 'KongUpstreamPolicy', metadata: meta(name, m, true), spec } as K8sObject;
}

/** A KongVault of class kong (cluster-scoped). */
export function kongVault(name: string, spec: Readonly<Record<string, unknown>>, m: Meta = {}): K8sObject {
  return { apiVersion: 'configuration.konghq.com/v1alpha1', kind: 'KongVault', metadata: meta(name, m, false, true), spec } as K8sObject;
}

/** A KongCustomEntity (controllerName kong unless given in spec). */
export function customEntity(name: string, spec: Readonly<Record<string, unknown>>, m: Meta = {}): K8sObject {
  return {
    apiVersion: 'configuration.konghq.com/v1alpha1',
    kind: 'KongCustomEntity',
    metadata: meta(name, m, true),
    spec: { controllerName: 'kong', ...spec },
  } as K8sObject;
}

/** A TCPIngress or UDPIngress of class kong. */
export function l4Ingress(kind: 'TCPIngress' | 'UDPIngress', name: string, spec: Readonly<Record<string, unknown>>, m: Meta = {}): K8sObject {
  return { apiVersion: 'configuration.konghq.com/v1beta1', kind, metadata: meta(name, m, true, true), spec } as K8sObject;
}

/** A ReferenceGrant in `ns` from (group, kind, namespace) to (group, kind, name?). */
export function referenceGrant(
  ns: string,
  from: { group: string; kind: string; namespace: string },
  to: { group: string; kind: string; name?: string },
): K8sObject {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1beta1',
    kind: 'ReferenceGrant',
    metadata: { name: `grant-${from.namespace}-${to.kind.toLowerCase()}`, namespace: ns },
    spec: { from: [from], to: [to] },
  } as K8sObject;
}

/** The IngressClass `kong`, optionally marked default. */
export function ingressClass(isDefault: boolean): K8sObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IngressClass',
    metadata: { name: 'kong', ...(isDefault ? { annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } } : {}) },
    spec: { controller: 'ingress-controllers.konghq.com/kong' },
  } as K8sObject;
}

/** An EndpointSlice for Service `service` with one ready endpoint at ip:port. */
export function endpointSlice(service: string, ip: string, port: number, ns = 'default'): K8sObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: `${service}-slice`, namespace: ns, labels: { 'kubernetes.io/service-name': service } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [ip], conditions: { ready: true } }],
    ports: [{ name: '', port, protocol: 'TCP' }],
  } as K8sObject;
}

export type Doc = Record<string, unknown> & {
  plugins?: Record<string, unknown>[];
  consumers?: Record<string, unknown>[];
  services?: (Record<string, unknown> & { routes?: Record<string, unknown>[] })[];
  upstreams?: Record<string, unknown>[];
  consumer_groups?: Record<string, unknown>[];
  consumer_group_consumers?: Record<string, unknown>[];
  vaults?: Record<string, unknown>[];
  certificates?: Record<string, unknown>[];
};

/** Options over the golden defaults, with gates merged over KIC's defaults. */
export function options(o: Partial<Omit<TranslateOptions, 'featureGates'>> & { gates?: Partial<FeatureGates> } = {}): TranslateOptions {
  const base = defaultTranslateOptions();
  const { gates, ...rest } = o;
  return defaultTranslateOptions({ ...rest, featureGates: { ...base.featureGates, ...gates } });
}

/** translate() over these objects: the document (JSON round-tripped), the result, and the message lines. */
export function run(objects: readonly K8sObject[], opts: TranslateOptions = options()): { doc: Doc; result: TranslateResult; lines: string[] } {
  const result = translate(Snapshot.of(objects), opts);
  const doc = JSON.parse(JSON.stringify(toDeclarativeConfig(result.state, { expressions: opts.routerFlavor === 'expressions' }))) as Doc;
  const lines = [...result.failures.map(formatFailure), ...result.warnings.map(formatWarning)];
  return { doc, result, lines };
}

/** A context over these objects, for stage-level tests. */
export function contextOf(objects: readonly K8sObject[], opts: TranslateOptions = options()): ReturnType<typeof createContext> & { ctx: TranslateContext } {
  return createContext(Snapshot.of(objects), opts);
}
