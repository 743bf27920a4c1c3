import { test } from 'node:test';
import assert from 'node:assert/strict';
import { endpointSlice, facadeBackend, ingress, service, serviceFacade, translateObjects } from '../helpers/builders.js';
import { UNKNOWN_SERVICE_TAGS } from '../../src/translate/tags.js';

test('names: route, Kong service and upstream for number, name and implicit ports', () => {
  const r = translateObjects([
    ingress('ing').rule('*.example.com').path('/a', 'Prefix', 'svc:80').path('/b', 'Prefix', 'svc:http').rule().path('/c', 'Prefix', 'one'),
    service('svc', [{ name: 'http', port: 80, targetPort: 8080 }, { name: 'admin', port: 9000 }]),
    service('one', [{ port: 7000 }]),
  ]);
  assert.deepEqual(r.routes().map((x) => x.name).sort(), ['default.ing.one..implicitPort', 'default.ing.svc._.example.com.80', 'default.ing.svc._.example.com.http']);
  assert.deepEqual(r.route('default.ing.svc._.example.com.80').hosts, ['*.example.com']);
  assert.deepEqual(r.state.services.map((s) => [s.name, s.host, s.port]).sort(), [
    ['default.one.implicitPort', 'one.default.implicitPort.svc', 7000],
    ['default.svc.80', 'svc.default.80.svc', 80],
    ['default.svc.http', 'svc.default.http.svc', 80],
  ]);
  assert.deepEqual(r.failureLines, []);
});

test('one Kong service per Service and port, shared by Ingresses', () => {
  const r = translateObjects([
    ingress('a').rule('a.example.com').path('/', 'Prefix', 'svc:80'),
    ingress('b').rule('b.example.com').path('/', 'Prefix', 'svc:80').path('/x', 'Prefix', 'svc:8000'),
    service('svc', [80, 8000]),
  ]);
  assert.deepEqual(r.service('default.svc.80').routes.map((x) => x.name).sort(), ['default.a.svc.a.example.com.80', 'default.b.svc.b.example.com.80']);
  assert.equal(r.service('default.svc.8000').port, 8000);
  assert.deepEqual(r.state.upstreams.map((u) => u.name).sort(), ['svc.default.80.svc', 'svc.default.8000.svc']);
});

test('targets from EndpointSlices; Service port, not targetPort, on the Kong service', () => {
  const r = translateObjects([
    ingress('a').path('/', 'Prefix', 'svc:http'),
    service('svc', [{ name: 'http', port: 80, targetPort: 8080 }]),
    endpointSlice('svc', ['10.0.0.1', '10.0.0.2'], 8080, { portName: 'http', notReady: ['10.0.0.3'] }),
  ]);
  assert.equal(r.service('default.svc.http').port, 80);
  assert.deepEqual(r.state.upstreams[0].targets.map((t) => t.target).sort(), ['10.0.0.1:8080', '10.0.0.2:8080']);
});

test('missing Service: route and Kong service emitted, port 80, placeholder tags, no targets, failure', () => {
  const r = translateObjects([ingress('a').path('/', 'Prefix', 'gone:8080')]);
  const ks = r.service('default.gone.8080');
  assert.equal(ks.port, 80);
  assert.deepEqual(ks.tags, UNKNOWN_SERVICE_TAGS);
  assert.deepEqual(r.state.upstreams[0].targets, []);
  assert.deepEqual(r.failureLines, ['Ingress default/a: ServiceNotFound: no kubernetes service found for Service default/gone (Kong service default.gone.8080)']);
});

test('missing port: Kong service keeps port 80 and the Service tags, no targets, failure', () => {
  const r = translateObjects([ingress('a').path('/', 'Prefix', 'svc:81'), service('svc', [80]), endpointSlice('svc', ['10.0.0.1'], 80)]);
  const ks = r.service('default.svc.81');
  assert.equal(ks.port, 80);
  assert.ok(ks.tags.includes('k8s-name:svc'));
  assert.deepEqual(r.state.upstreams[0].targets, []);
  assert.deepEqual(r.failureLines, ['Ingress default/a: PortNotFound: port 81 of Service default/svc: no suitable port found']);
});

test('ExternalName Service: numeric port accepted as is, named port fails', () => {
  const r = translateObjects([ingress('a').path('/a', 'Prefix', 'ext:443').path('/b', 'Prefix', 'ext:https'), service('ext', []).externalName('api.example.org')]);
  assert.deepEqual(r.state.upstreams.find((u) => u.name === 'ext.default.443.svc')!.targets, [{ target: 'api.example.org:443' }]);
  assert.deepEqual(r.failureLines, ['Ingress default/a: PortNotFound: port "https" of Service default/ext: rules with an ExternalName service must specify numeric ports']);
});

const badBackends = [
  {
    name: 'unknown resource kind',
    backend: { resource: { apiGroup: 'example.com', kind: 'Bucket', name: 'b' } },
    want: 'Ingress default/a spec.rules[0].http.paths[0].backend: UnsupportedBackend: failed to get backend for ingress path "/x": unknown resource type example.com/Bucket',
  },
  {
    name: 'resource without apiGroup',
    backend: { resource: { kind: 'Bucket', name: 'b' } },
    want: 'Ingress default/a spec.rules[0].http.paths[0].backend: UnsupportedBackend: failed to get backend for ingress path "/x": unknown resource type Bucket',
  },
  {
    name: 'KongServiceFacade with the gate off',
    backend: facadeBackend('f'),
    want: `Ingress default/a spec.rules[0].http.paths[0].backend: UnsupportedBackend: failed to get backend for ingress path "/x": KongServiceFacade is not enabled, please set the "KongServiceFacade" feature gate to 'true' to enable it`,
  },
  {
    name: 'neither service nor resource',
    backend: {},
    want: 'Ingress default/a spec.rules[0].http.paths[0].backend: UnsupportedBackend: failed to get backend for ingress path "/x": no Service or Resource specified for Ingress path',
  },
] as const;
for (const tc of badBackends) {
  test(`bad backend: ${tc.name} skips only that path`, () => {
    const r = translateObjects([ingress('a').rule('example.com').path('//x', 'Prefix', tc.backend).path('/ok', 'Prefix', 'svc:80'), service('svc', [80])]);
    assert.deepEqual(r.failureLines, [tc.want]);
    assert.deepEqual(r.route('default.a.svc.example.com.80').paths, ['/ok/', '~/ok$']);
  });
}

test('KongServiceFacade backend with the gate on; missing facade fails', () => {
  const objs = [ingress('a').path('/', 'Prefix', facadeBackend('f')).rule('x.example.com').path('/', 'Prefix', facadeBackend('gone')), service('svc', [80]), serviceFacade('f', 'svc', 80)];
  const r = translateObjects(objs, { gates: { KongServiceFacade: true } });
  const ks = r.service('default.f.svc.facade');
  assert.equal(ks.host, 'default.f.svc.facade');
  assert.deepEqual(ks.routes.map((x) => x.name), ['default.a..f.svc.facade']);
  assert.ok(ks.tags.includes('k8s-kind:KongServiceFacade'));
  assert.deepEqual(r.failureLines, [
    'Ingress default/a spec.rules[1].http.paths[0].backend: UnsupportedBackend: failed to get backend for ingress path "/": failed to get KongServiceFacade \"gone\": not found in namespace default',
  ]);
});

test('KongServiceFacade whose backing Service is missing: failure on the Ingress and the facade, Kong service skipped (spec 05 §9.2)', () => {
  const objs = [
    ingress('a').rule('x.example.com').path('/', 'Prefix', facadeBackend('f')).path('/ok', 'Prefix', 'svc:80'),
    service('svc', [80]),
    serviceFacade('f', 'missing-svc', 80),
  ];
  const r = translateObjects(objs, { gates: { KongServiceFacade: true } });
  assert.deepEqual(r.state.services.map((s) => s.name), ['default.svc.80']);
  assert.deepEqual(r.failureLines, [
    'Ingress default/a spec.backendRef.name: ServiceNotFound: no kubernetes service found for KongServiceFacade default/f: Service default/missing-svc does not exist',
  ]);
  assert.deepEqual(r.failures[0].objects.map((o) => o.kind), ['Ingress', 'KongServiceFacade']);
});

test('the Kong services of one Service (one per port) share its tags and reference; another Service gets its own', () => {
  const r = translateObjects([
    ingress('a').rule('a.example.com').path('/', 'Prefix', 'svc:80').path('/m', 'Prefix', 'svc:9000').path('/o', 'Prefix', 'other:80'),
    service('svc', [80, 9000]).uid('uid-svc'),
    service('other', [80]).uid('uid-other'),
  ]);
  const [s80, s9000, other] = ['default.svc.80', 'default.svc.9000', 'default.other.80'].map((n) => r.service(n));
  assert.ok(s80.tags.includes('k8s-uid:uid-svc'));
  assert.equal(s80.tags, s9000.tags);
  assert.equal(s80.meta.k8sServices[0], s9000.meta.k8sServices[0]);
  assert.ok(other.tags.includes('k8s-uid:uid-other'));
  assert.notEqual(other.tags, s80.tags);
  assert.deepEqual(other.meta.k8sServices, [{ group: '', kind: 'Service', namespace: 'default', name: 'other' }]);
});

for (const count of [3, 40]) {
  test(`an address in two EndpointSlices of a Service is one target (${count} addresses: compared one by one, then by a set)`, () => {
    const addresses = Array.from({ length: count }, (_, i) => `10.0.${Math.floor(i / 200)}.${i % 200}`);
    const r = translateObjects([
      ingress('a').path('/', 'Prefix', 'svc:80'),
      service('svc', [{ port: 80, targetPort: 8080 }]),
      endpointSlice('svc', addresses, 8080, { name: 'one' }),
      // the second slice repeats every other address and adds one of its own
      endpointSlice('svc', [...addresses.filter((_, i) => i % 2 === 0), '10.9.9.9'], 8080, { name: 'two' }),
    ]);
    // one target each, with no weight (a repeat merged later would weigh 200)
    assert.deepEqual(r.state.upstreams[0].targets, [...addresses, '10.9.9.9'].map((a) => ({ target: `${a}:8080` })));
  });
}
