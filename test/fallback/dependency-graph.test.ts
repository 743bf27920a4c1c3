import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { K8sObject } from '../../src/model/meta.js';
import { DependencyGraph } from '../../src/fallback/dependency-graph.js';
import { formatRef } from '../../src/model/object-ref.js';
import { Snapshot } from '../../src/store/snapshot.js';
import {
  consumer, customEntity, facade, id, ingress, kongClusterPlugin, kongPlugin, l4Ingress, label, obj, route, service, snap,
} from '../helpers/fallback-builders.js';

function graphOf(...objects: K8sObject[]): DependencyGraph {
  const built = DependencyGraph.build(snap(...objects));
  assert.ok('graph' in built, 'graph builds');
  return built.graph;
}

/** `Kind ns/name via field` for each direct dependency of `o`. */
function depsOf(g: DependencyGraph, o: K8sObject): string[] {
  return g.dependenciesOf(id(o)).map((d) => `${formatRef(d.object)} via ${d.via}`);
}

const P = 'metadata.annotations[konghq.com/plugins]';
const UP = 'metadata.annotations[konghq.com/upstream-policy]';
const plugin = kongPlugin('p');
const cplugin = obj('KongClusterPlugin', 'cp');
const policy = obj('KongUpstreamPolicy', 'pol');
const svc = service('svc');

// One case per edge of spec 06 §3.2: the dependant, the other objects, the dependencies wanted.
const edges: { name: string; of: K8sObject; others: K8sObject[]; want: string[] }[] = [
  { name: 'Service -> KongPlugin', of: service('s', { plugins: 'p' }), others: [plugin], want: [`KongPlugin default/p via ${P}`] },
  { name: 'Service -> KongClusterPlugin', of: service('s', { plugins: 'cp' }), others: [cplugin], want: [`KongClusterPlugin cp via ${P}`] },
  { name: 'Service -> KongUpstreamPolicy', of: service('s', { upstreamPolicy: 'pol' }), others: [policy], want: [`KongUpstreamPolicy default/pol via ${UP}`] },
  { name: 'Service -> KongUpstreamPolicy of another namespace: none', of: service('s', { upstreamPolicy: 'pol' }), others: [obj('KongUpstreamPolicy', 'pol', { ns: 'other' })], want: [] },
  { name: 'KongServiceFacade -> plugin and policy', of: facade('f', 'svc', { plugins: 'p', upstreamPolicy: 'pol' }), others: [plugin, policy, svc], want: [`KongPlugin default/p via ${P}`, `KongUpstreamPolicy default/pol via ${UP}`] },
  { name: 'KongServiceFacade -> backing Service: none', of: facade('f', 'svc'), others: [svc], want: [] },
  { name: 'Ingress -> IngressClass (spec.ingressClassName)', of: ingress('i', { className: 'kong' }), others: [obj('IngressClass', 'kong')], want: ['IngressClass kong via spec.ingressClassName'] },
  { name: 'Ingress -> IngressClass (annotation)', of: ingress('i', { classAnnotation: 'kong' }), others: [obj('IngressClass', 'kong')], want: ['IngressClass kong via metadata.annotations[kubernetes.io/ingress.class]'] },
  { name: 'Ingress -> IngressClass: spec wins over the annotation', of: ingress('i', { className: 'a', classAnnotation: 'b' }), others: [obj('IngressClass', 'a'), obj('IngressClass', 'b')], want: ['IngressClass a via spec.ingressClassName'] },
  { name: 'Ingress -> Services of its paths', of: ingress('i', { backends: ['svc', 'svc2'] }), others: [svc, service('svc2')], want: ['Service default/svc via spec.rules[0].http.paths[0].backend.service.name', 'Service default/svc2 via spec.rules[0].http.paths[1].backend.service.name'] },
  { name: 'Ingress -> Service of another namespace: none', of: ingress('i', { backends: ['svc'] }), others: [service('svc', { ns: 'other' })], want: [] },
  { name: 'Ingress -> KongServiceFacade', of: ingress('i', { backends: ['facade:f'] }), others: [facade('f', 'svc')], want: ['KongServiceFacade default/f via spec.rules[0].http.paths[0].backend.resource'] },
  { name: 'Ingress -> its own upstream policy', of: ingress('i', { upstreamPolicy: 'pol' }), others: [policy], want: [`KongUpstreamPolicy default/pol via ${UP}`] },
  { name: 'Ingress -> plugins', of: ingress('i', { plugins: 'p, cp' }), others: [plugin, cplugin], want: [`KongPlugin default/p via ${P}`, `KongClusterPlugin cp via ${P}`] },
  { name: 'Ingress -> defaultBackend: none', of: ingress('i', { defaultBackend: 'svc' }), others: [svc], want: [] },
  { name: 'HTTPRoute -> Service with kind Service', of: route('HTTPRoute', 'r', [{ name: 'svc', kind: 'Service' }]), others: [svc], want: ['Service default/svc via spec.rules[0].backendRefs[0]'] },
  { name: 'HTTPRoute -> Service with group core', of: route('HTTPRoute', 'r', [{ name: 'svc', kind: 'Service', group: 'core' }]), others: [svc], want: ['Service default/svc via spec.rules[0].backendRefs[0]'] },
  { name: 'HTTPRoute -> backendRef without kind: none', of: route('HTTPRoute', 'r', [{ name: 'svc' }]), others: [svc], want: [] },
  { name: 'HTTPRoute -> backendRef of another group: none', of: route('HTTPRoute', 'r', [{ name: 'svc', kind: 'Service', group: 'example.com' }]), others: [svc], want: [] },
  { name: 'HTTPRoute -> Service in the backendRef namespace', of: route('HTTPRoute', 'r', [{ name: 'svc', kind: 'Service', namespace: 'other' }]), others: [svc, service('svc', { ns: 'other' })], want: ['Service other/svc via spec.rules[0].backendRefs[0]'] },
  { name: 'GRPCRoute -> Service and plugin', of: route('GRPCRoute', 'r', [{ name: 'svc', kind: 'Service' }], { plugins: 'p' }), others: [svc, plugin], want: ['Service default/svc via spec.rules[0].backendRefs[0]', `KongPlugin default/p via ${P}`] },
  { name: 'TCPRoute -> Service', of: route('TCPRoute', 'r', [{ name: 'svc', kind: 'Service' }]), others: [svc], want: ['Service default/svc via spec.rules[0].backendRefs[0]'] },
  { name: 'UDPRoute -> plugin', of: route('UDPRoute', 'r', [{ name: 'svc' }], { plugins: 'p' }), others: [svc, plugin], want: [`KongPlugin default/p via ${P}`] },
  { name: 'TLSRoute -> Service', of: route('TLSRoute', 'r', [{ name: 'svc', kind: 'Service' }]), others: [svc], want: ['Service default/svc via spec.rules[0].backendRefs[0]'] },
  { name: 'HTTPRoute -> Gateway: none', of: route('HTTPRoute', 'r', []), others: [obj('Gateway', 'kong')], want: [] },
  { name: 'KongPlugin -> configFrom Secret', of: kongPlugin('kp', { configFrom: 'conf' }), others: [obj('Secret', 'conf')], want: ['Secret default/conf via configFrom.secretKeyRef'] },
  { name: 'KongPlugin -> configPatches Secrets', of: kongPlugin('kp', { patchSecrets: ['a', 'b'] }), others: [obj('Secret', 'a'), obj('Secret', 'b')], want: ['Secret default/a via configPatches[0].valueFrom.secretKeyRef', 'Secret default/b via configPatches[1].valueFrom.secretKeyRef'] },
  { name: 'KongClusterPlugin -> Secrets in their own namespaces', of: kongClusterPlugin('kcp', { configFrom: 'ns1/conf', patchSecrets: ['ns2/x'] }), others: [obj('Secret', 'conf', { ns: 'ns1' }), obj('Secret', 'x', { ns: 'ns2' })], want: ['Secret ns1/conf via configFrom.secretKeyRef', 'Secret ns2/x via configPatches[0].valueFrom.secretKeyRef'] },
  { name: 'KongConsumer -> plugin and credential Secrets', of: consumer('c', { plugins: 'p', credentials: ['key'] }), others: [plugin, obj('Secret', 'key')], want: [`KongPlugin default/p via ${P}`, 'Secret default/key via credentials[0]'] },
  { name: 'KongConsumer -> consumer group: none', of: consumer('c', { groups: ['g'] }), others: [obj('KongConsumerGroup', 'g')], want: [] },
  { name: 'KongConsumerGroup -> plugin', of: obj('KongConsumerGroup', 'g', { plugins: 'p' }), others: [plugin], want: [`KongPlugin default/p via ${P}`] },
  { name: 'TCPIngress -> Service and plugin', of: l4Ingress('TCPIngress', 't', ['svc'], { plugins: 'p' }), others: [svc, plugin], want: [`KongPlugin default/p via ${P}`, 'Service default/svc via spec.rules[0].backend.serviceName'] },
  { name: 'UDPIngress -> Service', of: l4Ingress('UDPIngress', 'u', ['svc']), others: [svc], want: ['Service default/svc via spec.rules[0].backend.serviceName'] },
  { name: 'KongCustomEntity -> KongPlugin parent', of: customEntity('ce', { group: 'configuration.konghq.com', kind: 'KongPlugin', name: 'p' }), others: [plugin], want: ['KongPlugin default/p via spec.parentRef'] },
  { name: 'KongCustomEntity -> KongPlugin parent in its own namespace named explicitly', of: customEntity('ce', { group: 'configuration.konghq.com', kind: 'KongPlugin', name: 'p', namespace: 'default' }), others: [plugin], want: ['KongPlugin default/p via spec.parentRef'] },
  { name: 'KongCustomEntity -> KongPlugin of another namespace: none', of: customEntity('ce', { group: 'configuration.konghq.com', kind: 'KongPlugin', name: 'p', namespace: 'other' }), others: [plugin, kongPlugin('p', { ns: 'other' })], want: [] },
  { name: 'KongCustomEntity -> KongClusterPlugin parent', of: customEntity('ce', { group: 'configuration.konghq.com', kind: 'KongClusterPlugin', name: 'cp' }), others: [cplugin], want: ['KongClusterPlugin cp via spec.parentRef'] },
  { name: 'KongCustomEntity -> parent of another group: none', of: customEntity('ce', { group: 'example.com', kind: 'KongPlugin', name: 'p' }), others: [plugin], want: [] },
];
for (const tc of edges) {
  test(`edge: ${tc.name}`, () => {
    const g = graphOf(tc.of, ...tc.others);
    assert.deepEqual(depsOf(g, tc.of), tc.want);
  });
}

test('a KongPlugin shadows a KongClusterPlugin of the same name', () => {
  const s = service('s', { plugins: 'same' });
  const g = graphOf(s, kongPlugin('same'), obj('KongClusterPlugin', 'same'));
  assert.deepEqual(depsOf(g, s), [`KongPlugin default/same via ${P}`]);
});

test('plugin lists: items trimmed, empty items dropped, ns:name not interpreted', () => {
  const s = service('s', { plugins: ' p ,, other:p2,' });
  const g = graphOf(s, plugin, kongPlugin('p2', { ns: 'other' }));
  assert.deepEqual(depsOf(g, s), [`KongPlugin default/p via ${P}`]);
});

test('references to objects not in the snapshot add no edge', () => {
  const i = ingress('i', { className: 'kong', backends: ['missing'], plugins: 'gone', upstreamPolicy: 'nope' });
  assert.deepEqual(depsOf(graphOf(i), i), []);
});

test('dependants are listed whatever the input order', () => {
  const a = ingress('a', { backends: ['svc'] });
  const b = route('HTTPRoute', 'b', [{ name: 'svc', kind: 'Service' }]);
  for (const order of [[a, b, svc], [svc, b, a]]) {
    const g = graphOf(...order);
    assert.deepEqual(g.dependantsOf(id(svc)).map((d) => formatRef(d.object)), ['HTTPRoute default/b', 'Ingress default/a']);
  }
});

test('an object of every dependency-free kind builds and has no dependencies', () => {
  const free = ['IngressClass', 'Secret', 'ConfigMap', 'EndpointSlice', 'ReferenceGrant', 'Gateway', 'GatewayClass', 'BackendTLSPolicy',
    'KongIngress', 'KongUpstreamPolicy', 'IngressClassParameters', 'KongVault', 'KongLicense'] as const;
  const objects = free.map((k) => obj(k, `x-${k.toLowerCase()}`, { plugins: 'p' }));
  const g = graphOf(plugin, ...objects);
  for (const o of objects) assert.deepEqual(depsOf(g, o), [], label(o));
});

test('an object of a kind the graph does not know fails the build (spec 06 §6.3)', () => {
  // The store never holds one; a hand-made snapshot can.
  const stray = { ...service('x'), kind: 'Mystery' };
  const byKind = new Map([['Mystery', new Map([['default/x', stray]])]]);
  const built = DependencyGraph.build(new Snapshot(byKind as never));
  assert.ok('error' in built);
  assert.match(built.error.message, /Mystery/);
});

test('identity includes the uid: a broken object with another uid is not a vertex', () => {
  const g = graphOf(svc);
  assert.equal(g.has(id(svc)), true);
  assert.equal(g.has({ ...id(svc), uid: 'other' }), false);
  assert.deepEqual(g.subgraph({ ...id(svc), uid: 'other' }), []);
});

test('subgraph: the object and its transitive dependants, each once, with the chain', () => {
  const s = service('s', { plugins: 'p' });
  const i1 = ingress('i1', { backends: ['s'], plugins: 'p' }); // depends on p directly and through s
  const r = route('HTTPRoute', 'r', [{ name: 's', kind: 'Service' }]);
  const g = graphOf(plugin, s, i1, r, service('unrelated'));
  const reached = g.subgraph(id(plugin));
  assert.deepEqual(reached.map((x) => label(x.object)), ['KongPlugin default/p', 'Ingress default/i1', 'Service default/s', 'HTTPRoute default/r']);
  const viaService = reached.find((x) => x.object === r);
  assert.deepEqual(viaService?.chain.map((st) => `${formatRef(st.dependant)} -> ${formatRef(st.dependency)}`), [
    'Service default/s -> KongPlugin default/p',
    'HTTPRoute default/r -> Service default/s',
  ]);
});
