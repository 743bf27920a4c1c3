import { test } from 'node:test';
import assert from 'node:assert/strict';
import yaml from 'js-yaml';
import { parseManifestChunks, type LoadedManifests } from '../../src/store/load-manifests.js';
import { RecentValues, sameLeafObject } from '../../src/store/recent-values.js';
import type { K8sObject } from '../../src/model/meta.js';

// Loading shares the small values that repeat from object to object (src/store/share-leaves.ts). The
// objects must still read exactly as the parser gave them, and what is shared must be frozen.

type Json = Record<string, unknown>;

const slice = (name: string, conditions: string, ports: string): string =>
  `{"apiVersion":"discovery.k8s.io/v1","kind":"EndpointSlice","metadata":{"name":"${name}","namespace":"ns",` +
  `"labels":{"kubernetes.io/service-name":"${name}","endpointslice.kubernetes.io/managed-by":"endpointslice-controller.k8s.io"}},` +
  `"addressType":"IPv4","endpoints":[{"addresses":["10.0.0.1"],"conditions":${conditions}},{"addresses":["10.0.0.2"],"conditions":${conditions}}],` +
  `"ports":${ports}}`;
const service = (name: string, ports: string, selector = `{"app":"${name}"}`): string =>
  `{"apiVersion":"v1","kind":"Service","metadata":{"name":"${name}","namespace":"ns","labels":{"app":"${name}"}},` +
  `"spec":{"type":"ClusterIP","selector":${selector},"ports":${ports}}}`;
const backend = (svc: string, port: string): string => `{"service":{"name":"${svc}","port":${port}}}`;
const ingress = (name: string, svc: string, port = '{"number":80}'): string =>
  `{"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"${name}","namespace":"ns","annotations":{"konghq.com/methods":"GET,PUT,DELETE"}},` +
  `"spec":{"ingressClassName":"kong","defaultBackend":${backend(svc, port)},"rules":[` +
  `{"host":"a.example.com","http":{"paths":[{"path":"/some/longer/path","pathType":"ImplementationSpecific","backend":${backend(svc, port)}},` +
  `{"path":"/x","pathType":"Prefix","backend":${backend(svc, port)}}]}},` +
  `{"host":"b.example.com","http":{"paths":[{"path":"/some/longer/path","pathType":"ImplementationSpecific","backend":${backend(svc, port)}}]}}]}}`;

const READY = '{"ready":true,"serving":true,"terminating":false}';
const PORTS = '[{"name":"http","port":8080,"protocol":"TCP"},{"name":"metrics","port":9090,"protocol":"TCP"}]';
const SVC_PORTS = '[{"name":"http","port":80,"protocol":"TCP","targetPort":8080}]';

const ITEMS = [
  slice('a', READY, PORTS),
  slice('b', READY, PORTS),
  slice('c', '{"ready":false,"serving":true,"terminating":false}', PORTS),
  // Equal to a kept value by JSON text but not by value or order: never merged with it.
  slice('d', '{"serving":true,"ready":true,"terminating":false}', '[{"name":"http","port":-0,"protocol":"TCP"}]'),
  slice('e', READY, '[{"name":"http","port":0,"protocol":"TCP"}]'),
  slice('f', READY, '[{"name":"http","port":"0","protocol":"TCP"}]'),
  service('a', SVC_PORTS),
  service('b', SVC_PORTS),
  service('c', SVC_PORTS, '{"app":"other"}'),
  ingress('a', 'a'),
  ingress('b', 'a'),
  ingress('c', 'c', '{"name":"http"}'),
];

function load(text: string): K8sObject[] {
  const out: LoadedManifests = { objects: [], sources: [] };
  parseManifestChunks([text], 'set', out);
  return out.objects;
}

// Same values (`Object.is`), types and own keys in the same order as the reference, at every depth.
function assertReadsAs(actual: unknown, expected: unknown, path = '$'): void {
  assert.deepStrictEqual(actual, expected, path);
  if (typeof expected !== 'object' || expected === null) return;
  assert.deepEqual(Object.keys(actual as object), Object.keys(expected), `key order at ${path}`);
  for (const k of Object.keys(expected)) assertReadsAs((actual as Json)[k], (expected as Json)[k], `${path}.${k}`);
}

const asList = `{"apiVersion":"v1","kind":"List","items":[${ITEMS.join(',')}]}`;
const asArray = `[${ITEMS.join(',')}]`;
const asYaml = ITEMS.map((i) => yaml.dump(JSON.parse(i))).join('---\n');
const reference = ITEMS.map((i) => JSON.parse(i) as unknown);

for (const [name, text] of [['a JSON List', asList], ['a JSON array', asArray], ['YAML documents', asYaml]] as const) {
  test(`loaded objects read as the parser gives them: ${name}`, () => {
    const objects = load(text);
    assert.equal(objects.length, reference.length);
    objects.forEach((o, i) => assertReadsAs(o, reference[i], `item ${i}`));
  });

  test(`repeated small values are one frozen object: ${name}`, () => {
    const [a, b, c, d, e, f, sa, sb, sc, ia, ib, ic] = load(text) as unknown as Json[];
    const ep = (o: Json, i: number): Json => (o.endpoints as Json[])[i];
    // EndpointSlice conditions and ports
    assert.equal(ep(a, 0).conditions, ep(a, 1).conditions);
    assert.equal(ep(a, 0).conditions, ep(b, 0).conditions);
    assert.ok(Object.isFrozen(ep(a, 0).conditions));
    assert.notEqual(ep(c, 0).conditions, ep(a, 0).conditions);
    assert.notEqual(ep(d, 0).conditions, ep(a, 0).conditions); // other key order
    assert.equal(a.ports, b.ports);
    assert.ok(Object.isFrozen(a.ports) && Object.isFrozen((a.ports as Json[])[0]));
    assert.notEqual(d.ports, e.ports); // -0 and 0
    assert.notEqual(e.ports, f.ports); // 0 and '0'
    assert.ok(Object.is(((d.ports as Json[])[0]).port, -0));
    // Service ports; a selector equal to the labels is the labels object
    const spec = (o: Json): Json => o.spec as Json;
    const md = (o: Json): Json => o.metadata as Json;
    assert.equal(spec(sa).ports, spec(sb).ports);
    assert.ok(Object.isFrozen(spec(sa).ports));
    assert.equal(spec(sa).selector, md(sa).labels);
    assert.ok(Object.isFrozen(md(sa).labels));
    assert.notEqual(spec(sc).selector, md(sc).labels);
    assert.ok(!Object.isFrozen(md(sc).labels));
    // Ingress backends, within and across Ingresses
    const paths = (o: Json, r: number): Json[] => (((spec(o).rules as Json[])[r].http as Json).paths as Json[]);
    assert.equal(paths(ia, 0)[0].backend, paths(ia, 0)[1].backend);
    assert.equal(paths(ia, 0)[0].backend, spec(ia).defaultBackend);
    assert.equal(paths(ia, 0)[0].backend, paths(ib, 1)[0].backend);
    assert.ok(Object.isFrozen(paths(ia, 0)[0].backend) && Object.isFrozen((paths(ia, 0)[0].backend as Json).service));
    assert.notEqual(paths(ic, 0)[0].backend, paths(ia, 0)[0].backend);
    // Whole documents and the objects around shared values are not frozen.
    for (const o of [a, sa, ia, ep(a, 0), md(a), paths(ia, 0)[0]]) assert.ok(!Object.isFrozen(o));
  });
}

test('a shared value cannot be changed through any of the objects holding it', () => {
  const [a, b] = load(asList) as unknown as Json[];
  const conditions = ((a.endpoints as Json[])[0].conditions) as Json;
  assert.throws(() => {
    conditions.ready = false;
  }, TypeError);
  assert.throws(() => (a.ports as unknown[]).push({}), TypeError);
  assert.equal(((b.endpoints as Json[])[0].conditions as Json).ready, true);
  assert.equal((b.ports as unknown[]).length, 2);
});

test('RecentValues: large values, values with unshared members and non-plain objects are left alone', () => {
  const place = new RecentValues();
  const big = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`k${i}`, i]));
  assert.equal(place.share(big), big);
  assert.ok(!Object.isFrozen(big));
  const nested = { a: 1, inner: { b: 2 } };
  assert.equal(place.share(nested), nested);
  assert.ok(!Object.isFrozen(nested) && !Object.isFrozen(nested.inner));
  const dated = new Date(0);
  assert.equal(place.share(dated), dated);
  assert.ok(!Object.isFrozen(dated));
  const withProto = Object.assign(Object.create({ inherited: 1 }) as Json, { a: 1 });
  assert.equal(place.share(withProto), withProto);
  assert.equal(place.share(7), 7);
  assert.equal(place.share(null), null);
});

test('RecentValues: equal values come back as the first one; a place keeps 8 distinct values', () => {
  const place = new RecentValues();
  const first = place.share({ n: 0 });
  assert.equal(place.share({ n: 0 }), first);
  for (let i = 1; i < 8; i++) place.share({ n: i });
  assert.equal(place.share({ n: 0 }), first); // still kept: 8 distinct values
  place.share({ n: 8 }); // the ninth replaces the oldest
  const again = { n: 0 };
  assert.equal(place.share(again), again);
  assert.deepStrictEqual(again, { n: 0 });
  assert.equal(place.share([1, 'a']), place.share([1, 'a']));
  assert.notEqual(place.share([1, 'a']), place.share(['1', 'a']));
  assert.notEqual(place.share({ a: 1, b: 2 }), place.share({ b: 2, a: 1 }));
});

test('sameLeafObject: same keys in the same order and same primitive members', () => {
  assert.equal(sameLeafObject({ a: 'x', b: 1 }, { a: 'x', b: 1 }), true);
  assert.equal(sameLeafObject({ a: 'x', b: 1 }, { b: 1, a: 'x' }), false);
  assert.equal(sameLeafObject({ a: 'x' }, { a: 'x', b: 1 }), false);
  assert.equal(sameLeafObject({ a: 'x', b: 1 }, { a: 'x' }), false);
  assert.equal(sameLeafObject({ a: 0 }, { a: -0 }), false);
  const inner = { c: 1 };
  assert.equal(sameLeafObject({ a: inner }, { a: inner }), false); // a member that is not frozen
});
