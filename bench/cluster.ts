import type { K8sObject } from '../src/model/meta.js';
import { selfSignedCertificate } from './certs.js';
import { Random } from './random.js';

/**
 * `ingress`: Ingresses with their Services and EndpointSlices only (what the targets name).
 * `mixed`: the same plus TLS Secrets, KongPlugins attached by annotation, KongConsumers with credential
 * Secrets, and HTTPRoutes with weighted backends (with their Gateways).
 */
export type ClusterProfile = 'ingress' | 'mixed';

/**
 * What to generate: `size` Ingresses (the "Ingress-equivalents") and everything scaled from it, with
 * `perNamespace` Ingresses per namespace (a multiple of 2 * TLS_EVERY; default 100). One big namespace
 * (`perNamespace >= size`) is where per-namespace lookups that scan lists turn quadratic.
 */
export type ClusterSpec = { readonly size: number; readonly seed?: number; readonly profile?: ClusterProfile; readonly perNamespace?: number };

/** The default number of Ingresses in one namespace. */
export const INGRESSES_PER_NAMESPACE = 100;
/**
 * One Ingress in TLS_EVERY has a tls section with its own Secret (shared with the Ingress TLS_EVERY later),
 * and another one in TLS_EVERY names its namespace's wildcard Secret (WILDCARD_SECRET), as clusters with one
 * certificate per namespace do.
 */
export const TLS_EVERY = 10;
/** The Secret of each namespace that many Ingresses share. */
export const WILDCARD_SECRET = 'wildcard-tls';
/** One KongConsumer per CONSUMER_EVERY Ingresses. */
export const CONSUMER_EVERY = 20;
/** One HTTPRoute per HTTPROUTE_EVERY Ingresses. */
export const HTTPROUTE_EVERY = 10;
/**
 * The KongPlugins every namespace has. Consumers use their own plugin: one plugin referenced by both
 * consumers and routes gives an instance per consumer and route pair (spec 05 §2.5), which is not the
 * load the benchmark is about.
 */
export const NAMESPACE_PLUGINS = ['rate-limit', 'cors', 'key-auth', 'consumer-limit'] as const;

const BASE_TIME = Date.UTC(2025, 0, 1);
const PLUGIN_SETS = ['rate-limit', 'rate-limit,cors', 'key-auth', 'cors'];
const METHOD_SETS = ['GET,POST', 'GET', 'GET,PUT,DELETE'];

/** The number of namespaces a cluster of this size spreads over. */
export function namespaceCount(size: number, perNamespace = INGRESSES_PER_NAMESPACE): number {
  return Math.max(1, Math.ceil(size / perNamespace));
}

/** The namespace of the i-th Ingress (and of its Service). */
export function namespaceOf(i: number, perNamespace = INGRESSES_PER_NAMESPACE): string {
  return `team-${String(Math.floor(i / perNamespace)).padStart(4, '0')}`;
}

/** A synthetic cluster, the same objects in the same order for the same spec. */
export function generateCluster(spec: ClusterSpec): K8sObject[] {
  const { size, seed = 1, profile = 'mixed', perNamespace: per = INGRESSES_PER_NAMESPACE } = spec;
  if (!Number.isInteger(size) || size < 1) throw new Error(`generateCluster: size must be a positive integer, got ${size}`);
  if (!Number.isInteger(per) || per < 1 || per % (2 * TLS_EVERY) !== 0) {
    throw new Error(`generateCluster: perNamespace must be a positive multiple of ${2 * TLS_EVERY}, got ${per}`);
  }
  const rng = new Random(seed);
  const out: K8sObject[] = [ingressClass(rng)];
  const mixed = profile === 'mixed';
  let clock = 0;
  const meta = (name: string, namespace: string | undefined, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    name,
    ...(namespace ? { namespace } : {}),
    uid: rng.uuid(),
    creationTimestamp: new Date(BASE_TIME + 1000 * clock++).toISOString().replace('.000Z', 'Z'),
    ...extra,
  });

  if (mixed) {
    out.push(obj('gateway.networking.k8s.io/v1', 'GatewayClass', meta('kong', undefined), { spec: { controllerName: 'konghq.com/kic-gateway-controller' } }));
    for (let n = 0; n < namespaceCount(size, per); n++) out.push(...namespaceObjects(rng, n, namespaceOf(n * per, per), meta));
  }
  for (let i = 0; i < size; i++) {
    const ns = namespaceOf(i, per);
    out.push(service(i, ns, meta), endpointSlice(rng, i, ns, meta), ingress(rng, i, ns, mixed, meta));
    if (mixed && i % (2 * TLS_EVERY) === 0) out.push(tlsSecret(rng, i, ns, meta));
  }
  if (mixed) {
    for (let j = 0; j < Math.ceil(size / CONSUMER_EVERY); j++) out.push(...consumer(rng, j, per, meta));
    for (let j = 0; j < Math.ceil(size / HTTPROUTE_EVERY); j++) out.push(httpRoute(rng, j, size, per, meta));
  }
  return out;
}

type Meta = (name: string, namespace: string | undefined, extra?: Record<string, unknown>) => Record<string, unknown>;

function obj(apiVersion: string, kind: string, metadata: Record<string, unknown>, body: Record<string, unknown>): K8sObject {
  return { apiVersion, kind, metadata, ...body } as unknown as K8sObject;
}

function ingressClass(rng: Random): K8sObject {
  return obj('networking.k8s.io/v1', 'IngressClass', { name: 'kong', uid: rng.uuid() }, {
    spec: { controller: 'ingress-controllers.konghq.com/kong' },
  });
}

function namespaceObjects(rng: Random, n: number, ns: string, meta: Meta): K8sObject[] {
  const gateway = obj('gateway.networking.k8s.io/v1', 'Gateway', meta('kong', ns), {
    spec: { gatewayClassName: 'kong', listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }] },
  });
  const configs: Record<(typeof NAMESPACE_PLUGINS)[number], [string, Record<string, unknown>]> = {
    'rate-limit': ['rate-limiting', { minute: 120, policy: 'local', limit_by: 'consumer' }],
    cors: ['cors', { origins: [`https://${ns}.example.com`], methods: ['GET', 'POST'], credentials: true, max_age: 3600 }],
    'key-auth': ['key-auth', { key_names: ['apikey'], hide_credentials: true }],
    'consumer-limit': ['rate-limiting', { hour: 10000, policy: 'local' }],
  };
  const plugins = NAMESPACE_PLUGINS.map((name) =>
    obj('configuration.konghq.com/v1', 'KongPlugin', meta(name, ns), { plugin: configs[name][0], config: configs[name][1] }),
  );
  const wildcard = selfSignedCertificate(rng.bytes(32), `*.${ns}.example.com`, 1_000_000 + n);
  const secret = obj('v1', 'Secret', meta(WILDCARD_SECRET, ns), {
    type: 'kubernetes.io/tls',
    data: { 'tls.crt': base64(wildcard.cert), 'tls.key': base64(wildcard.key) },
  });
  return [gateway, ...plugins, secret];
}

function service(i: number, ns: string, meta: Meta): K8sObject {
  return obj('v1', 'Service', meta(`app-${i}`, ns, { labels: { app: `app-${i}` } }), {
    spec: {
      type: 'ClusterIP',
      selector: { app: `app-${i}` },
      ports: [
        { name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 },
        { name: 'metrics', port: 9090, protocol: 'TCP', targetPort: 9090 },
      ],
    },
  });
}

function endpointSlice(rng: Random, i: number, ns: string, meta: Meta): K8sObject {
  const endpoints = [];
  for (let e = rng.int(1, 4); e > 0; e--) {
    endpoints.push({
      addresses: [`10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`],
      conditions: { ready: !rng.chance(0.05), serving: true, terminating: false },
    });
  }
  const suffix = rng.bytes(3).toString('hex').slice(0, 5);
  return obj('discovery.k8s.io/v1', 'EndpointSlice', meta(`app-${i}-${suffix}`, ns, {
    labels: { 'kubernetes.io/service-name': `app-${i}`, 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' },
  }), {
    addressType: 'IPv4',
    endpoints,
    ports: [
      { name: 'http', port: 8080, protocol: 'TCP' },
      { name: 'metrics', port: 9090, protocol: 'TCP' },
    ],
  });
}

/** The hosts of the i-th Ingress's rules (also the hosts of its tls section). */
function ingressHost(i: number, r: number, ns: string): string {
  return r === 2 ? `*.app-${i}.${ns}.example.com` : `app-${i}-${r}.${ns}.example.com`;
}

function ingressPaths(rng: Random, i: number): Record<string, unknown>[] {
  const paths: Record<string, unknown>[] = [];
  for (let p = rng.int(1, 2); p > 0; p--) {
    const kind = rng.int(0, 9);
    const port = kind === 9 ? { name: 'metrics' } : { number: 80 };
    const backend = { service: { name: `app-${i}`, port } };
    if (kind < 5) paths.push({ path: `/api/v${p}`, pathType: 'Prefix', backend });
    else if (kind < 7) paths.push({ path: `/healthz/${p}`, pathType: 'Exact', backend });
    else paths.push({ path: `/~/items/[0-9]+/v${p}`, pathType: 'ImplementationSpecific', backend });
  }
  return paths;
}

function ingress(rng: Random, i: number, ns: string, mixed: boolean, meta: Meta): K8sObject {
  const rules = [];
  const ruleCount = rng.int(1, 3);
  for (let r = 0; r < ruleCount; r++) rules.push({ host: ingressHost(i, r, ns), http: { paths: ingressPaths(rng, i) } });
  const annotations: Record<string, string> = {};
  if (rng.chance(0.5)) annotations['konghq.com/strip-path'] = 'true';
  if (rng.chance(0.3)) annotations['konghq.com/protocols'] = 'https';
  if (rng.chance(0.3)) annotations['konghq.com/https-redirect-status-code'] = '308';
  if (rng.chance(0.2)) annotations['konghq.com/methods'] = rng.pick(METHOD_SETS);
  if (mixed && rng.chance(0.4)) annotations['konghq.com/plugins'] = rng.pick(PLUGIN_SETS);
  const secretName = i % TLS_EVERY === 0 ? tlsSecretName(i) : i % TLS_EVERY === TLS_EVERY / 2 ? WILDCARD_SECRET : undefined;
  const tls = mixed && secretName ? [{ hosts: rules.map((r) => r.host), secretName }] : undefined;
  return obj('networking.k8s.io/v1', 'Ingress', meta(`app-${i}`, ns, Object.keys(annotations).length ? { annotations } : {}), {
    spec: { ingressClassName: 'kong', rules, ...(tls ? { tls } : {}) },
  });
}

// Ingresses i and i + TLS_EVERY share one Secret (same namespace: perNamespace is a multiple of 2 * TLS_EVERY).
function tlsSecretName(i: number): string {
  return `tls-${Math.floor(i / (2 * TLS_EVERY))}`;
}

function tlsSecret(rng: Random, i: number, ns: string, meta: Meta): K8sObject {
  const pair = selfSignedCertificate(rng.bytes(32), `app-${i}.${ns}.example.com`, i + 1);
  return obj('v1', 'Secret', meta(tlsSecretName(i), ns), {
    type: 'kubernetes.io/tls',
    data: { 'tls.crt': base64(pair.cert), 'tls.key': base64(pair.key) },
  });
}

function consumer(rng: Random, j: number, per: number, meta: Meta): K8sObject[] {
  const ns = namespaceOf(j * CONSUMER_EVERY, per);
  const user = `user-${j}`;
  const secret = (suffix: string, type: string, data: Record<string, string>): K8sObject =>
    obj('v1', 'Secret', meta(`${user}-${suffix}`, ns, { labels: { 'konghq.com/credential': type } }), {
      type: 'Opaque',
      data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, base64(v)])),
    });
  const creds = [
    secret('key', 'key-auth', { key: rng.bytes(16).toString('hex') }),
    secret('acl', 'acl', { group: `group-${j % 7}` }),
  ];
  if (j % 3 === 0) creds.push(secret('basic', 'basic-auth', { username: user, password: rng.bytes(12).toString('hex') }));
  const annotations: Record<string, string> = { 'kubernetes.io/ingress.class': 'kong' };
  if (j % 5 === 0) annotations['konghq.com/plugins'] = 'consumer-limit';
  const kc = obj('configuration.konghq.com/v1', 'KongConsumer', meta(user, ns, { annotations }), {
    username: user,
    custom_id: `customer-${j}`,
    credentials: creds.map((c) => c.metadata.name),
  });
  return [kc, ...creds];
}

function httpRoute(rng: Random, j: number, size: number, per: number, meta: Meta): K8sObject {
  const first = j * HTTPROUTE_EVERY; // backends are Services of this namespace
  const ns = namespaceOf(first, per);
  const lastInNs = Math.min(size, (Math.floor(first / per) + 1) * per) - 1;
  const svc = (): string => `app-${rng.int(first, lastInNs)}`;
  const rules = [];
  for (let r = rng.int(1, 3); r > 0; r--) {
    const canary = rng.int(5, 50);
    rules.push({
      matches: [{ path: { type: 'PathPrefix', value: `/route-${j}/r${r}` }, ...(r === 2 ? { headers: [{ name: 'x-canary', value: 'on' }] } : {}) }],
      backendRefs: [
        { kind: 'Service', name: svc(), port: 80, weight: 100 - canary },
        { kind: 'Service', name: svc(), port: 80, weight: canary },
      ],
    });
  }
  const annotations: Record<string, string> = {};
  if (j % 2 === 0) annotations['konghq.com/strip-path'] = 'true';
  if (j % 4 === 0) annotations['konghq.com/plugins'] = 'cors';
  return obj('gateway.networking.k8s.io/v1', 'HTTPRoute', meta(`route-${j}`, ns, Object.keys(annotations).length ? { annotations } : {}), {
    spec: { parentRefs: [{ name: 'kong' }], hostnames: [`route-${j}.${ns}.example.com`], rules },
  });
}

function base64(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64');
}
