import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import {
  CONSUMER_EVERY, HTTPROUTE_EVERY, NAMESPACE_PLUGINS, TLS_EVERY, generateCluster, namespaceCount, type ClusterProfile,
} from '../../bench/cluster.js';
import { toJSON, toYAML } from '../../bench/generate.js';
import type { LoadedManifests } from '../../src/store/load-manifests.js';
import { parseManifestText } from '../helpers/manifest-text.js';
import { Snapshot } from '../../src/store/snapshot.js';
import { translate } from '../../src/translate/index.js';
import { defaultTranslateOptions } from '../../src/translate/options.js';
import { secretValue, type Secret } from '../../src/model/core.js';
import type { K8sObject } from '../../src/model/meta.js';
import type { Ingress } from '../../src/model/ingress.js';

// A size that spans two namespaces and a partial third, so per-namespace objects are counted per namespace.
const SIZE = 250;
const mixed = generateCluster({ size: SIZE, seed: 7, profile: 'mixed' });

function byKind(objects: readonly K8sObject[], kind: string): K8sObject[] {
  return objects.filter((o) => o.kind === kind);
}
function countKinds(objects: readonly K8sObject[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const o of objects) out[o.kind] = (out[o.kind] ?? 0) + 1;
  return out;
}
const key = (o: K8sObject): string => `${o.metadata.namespace}/${o.metadata.name}`;
const isCredential = (o: K8sObject): boolean => o.metadata.labels?.['konghq.com/credential'] !== undefined;

test('the same seed gives the same cluster and the same files; another seed does not', () => {
  const again = generateCluster({ size: SIZE, seed: 7, profile: 'mixed' });
  assert.deepEqual(again, mixed);
  assert.equal(toYAML(again), toYAML(mixed));
  assert.equal(toJSON(again), toJSON(mixed));
  assert.notDeepEqual(generateCluster({ size: SIZE, seed: 8, profile: 'mixed' }), mixed);
});

test('counts per kind, mixed profile', () => {
  const namespaces = namespaceCount(SIZE);
  const consumers = Math.ceil(SIZE / CONSUMER_EVERY);
  const tlsSecrets = Math.ceil(SIZE / (2 * TLS_EVERY)) + namespaces; // own Secrets, and one wildcard Secret per namespace
  const credentials = 2 * consumers + Math.ceil(consumers / 3); // key-auth and acl each, basic-auth every third
  assert.equal(namespaces, 3);
  assert.deepEqual(countKinds(mixed), {
    IngressClass: 1,
    GatewayClass: 1,
    Gateway: namespaces,
    KongPlugin: NAMESPACE_PLUGINS.length * namespaces,
    Ingress: SIZE,
    Service: SIZE,
    EndpointSlice: SIZE,
    Secret: tlsSecrets + credentials,
    KongConsumer: consumers,
    HTTPRoute: Math.ceil(SIZE / HTTPROUTE_EVERY),
  });
  assert.equal(byKind(mixed, 'Secret').filter((s) => (s as Secret).type === 'kubernetes.io/tls').length, tlsSecrets);
});

test('the ingress profile has only Ingresses, their Services and EndpointSlices (and the IngressClass)', () => {
  const objects = generateCluster({ size: SIZE, seed: 7, profile: 'ingress' });
  assert.deepEqual(countKinds(objects), { IngressClass: 1, Ingress: SIZE, Service: SIZE, EndpointSlice: SIZE });
});

test('Ingresses have 1 to 3 rules, each with paths, and every rule count occurs', () => {
  const ruleCounts = new Set<number>();
  for (const ing of byKind(mixed, 'Ingress') as Ingress[]) {
    const rules = ing.spec?.rules ?? [];
    assert.ok(rules.length >= 1 && rules.length <= 3, `${key(ing)} has ${rules.length} rules`);
    for (const r of rules) assert.ok((r.http?.paths ?? []).length >= 1, `${key(ing)} has a rule without paths`);
    ruleCounts.add(rules.length);
  }
  assert.deepEqual([...ruleCounts].sort(), [1, 2, 3]);
});

test('references resolve: backends, EndpointSlices, TLS Secrets, plugins, credentials, HTTPRoute backends', () => {
  const names = (kind: string): Set<string> => new Set(byKind(mixed, kind).map(key));
  const services = names('Service');
  const secrets = names('Secret');
  const plugins = names('KongPlugin');
  for (const slice of byKind(mixed, 'EndpointSlice')) {
    assert.ok(services.has(`${slice.metadata.namespace}/${slice.metadata.labels?.['kubernetes.io/service-name']}`));
  }
  for (const ing of byKind(mixed, 'Ingress') as Ingress[]) {
    const ns = ing.metadata.namespace;
    for (const r of ing.spec?.rules ?? []) for (const p of r.http?.paths ?? []) assert.ok(services.has(`${ns}/${p.backend.service?.name}`));
    for (const t of ing.spec?.tls ?? []) assert.ok(secrets.has(`${ns}/${t.secretName}`), `${key(ing)}: tls Secret ${t.secretName}`);
  }
  const annotated = [...byKind(mixed, 'Ingress'), ...byKind(mixed, 'KongConsumer'), ...byKind(mixed, 'HTTPRoute')]
    .filter((o) => o.metadata.annotations?.['konghq.com/plugins']);
  assert.ok(annotated.length > 0);
  for (const o of annotated) {
    for (const p of o.metadata.annotations!['konghq.com/plugins'].split(',')) assert.ok(plugins.has(`${o.metadata.namespace}/${p}`));
  }
  for (const c of byKind(mixed, 'KongConsumer') as (K8sObject & { credentials: string[] })[]) {
    assert.ok(c.credentials.length >= 2);
    for (const name of c.credentials) {
      const s = mixed.find((o) => o.kind === 'Secret' && key(o) === `${c.metadata.namespace}/${name}`);
      assert.ok(s && isCredential(s), `${key(c)}: credential ${name}`);
    }
  }
  for (const route of byKind(mixed, 'HTTPRoute')) {
    const rules = (route.spec as { rules: { backendRefs: { name: string; weight: number; kind: string }[] }[] }).rules;
    for (const rule of rules) {
      assert.equal(rule.backendRefs.length, 2);
      assert.equal(rule.backendRefs[0].weight + rule.backendRefs[1].weight, 100);
      for (const b of rule.backendRefs) assert.ok(b.kind === 'Service' && services.has(`${route.metadata.namespace}/${b.name}`));
    }
  }
});

test('TLS Secrets hold real certificate and key pairs', () => {
  const tls = byKind(mixed, 'Secret').filter((s) => (s as Secret).type === 'kubernetes.io/tls') as Secret[];
  assert.ok(tls.length > 0);
  const certs = new Set<string>();
  for (const s of tls) {
    const cert = new X509Certificate(secretValue(s, 'tls.crt') ?? '');
    assert.ok(cert.checkPrivateKey(createPrivateKey(secretValue(s, 'tls.key') ?? '')), `${key(s)}: key does not match`);
    certs.add(cert.fingerprint256);
  }
  assert.equal(certs.size, tls.length, 'every Secret has its own certificate');
});

test('YAML and JSON files load back to the same objects', () => {
  const load = (text: string, file: string): K8sObject[] => {
    const out: LoadedManifests = { objects: [], sources: [] };
    parseManifestText(text, file, out);
    return out.objects;
  };
  assert.deepEqual(load(toYAML(mixed), 'c.yaml'), mixed);
  assert.deepEqual(load(toJSON(mixed), 'c.json'), mixed);
});

for (const profile of ['mixed', 'ingress'] as ClusterProfile[]) {
  test(`the translator takes the ${profile} cluster without failures and configures every route source`, () => {
    const objects = profile === 'mixed' ? mixed : generateCluster({ size: SIZE, seed: 7, profile });
    const result = translate(Snapshot.of(objects), defaultTranslateOptions());
    assert.deepEqual(result.failures, []);
    assert.deepEqual(result.warnings, []);
    const configured = new Set(result.configured.map((r) => `${r.kind} ${r.namespace}/${r.name}`));
    for (const o of objects.filter((x) => ['Ingress', 'HTTPRoute', 'KongConsumer'].includes(x.kind))) {
      assert.ok(configured.has(`${o.kind} ${key(o)}`), `${o.kind} ${key(o)} produced no configuration`);
    }
    const routes = result.state.services.reduce((n, s) => n + s.routes.length, 0);
    assert.ok(routes >= SIZE, `${routes} routes for ${SIZE} Ingresses`);
    if (profile === 'mixed') {
      assert.equal(result.state.certificates.length, byKind(objects, 'Secret').filter((s) => (s as Secret).type === 'kubernetes.io/tls').length);
      assert.equal(result.state.consumers.length, byKind(objects, 'KongConsumer').length);
    }
  });
}

test('perNamespace puts that many Ingresses in each namespace, everything else following them', () => {
  const objects = generateCluster({ size: SIZE, seed: 7, profile: 'mixed', perNamespace: 1000 });
  const namespaces = new Set(objects.map((o) => o.metadata.namespace).filter(Boolean));
  assert.deepEqual([...namespaces], ['team-0000']);
  assert.equal(byKind(objects, 'KongPlugin').length, NAMESPACE_PLUGINS.length);
  assert.deepEqual(translate(Snapshot.of(objects), defaultTranslateOptions()).failures, []);
});

test('sizes must be positive integers; perNamespace a multiple of 2 * TLS_EVERY', () => {
  assert.throws(() => generateCluster({ size: 0 }), /size must be a positive integer/);
  assert.throws(() => generateCluster({ size: 10, perNamespace: 30 }), /perNamespace must be a positive multiple of 20/);
});
