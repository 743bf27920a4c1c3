import { test } from 'node:test';
import assert from 'node:assert/strict';
import { facadeBackend, ingress, service, translateObjects } from '../helpers/builders.js';

test('the oldest Ingress with a default backend wins; ties by namespace/name', () => {
  const r = translateObjects([
    ingress('young').defaultBackend('a:80').created('2024-01-01T00:00:00Z'),
    ingress('old').defaultBackend('b:80').created('2023-01-01T00:00:00Z'),
    service('a', [80]),
    service('b', [80]),
  ]);
  assert.deepEqual(r.routes().map((x) => x.name), ['default.old']);
  const tie = translateObjects([ingress('zz').defaultBackend('a:80'), ingress('x', 'other').defaultBackend('b:80'), ingress('aa').defaultBackend('b:80'), service('a', [80]), service('b', [80])]);
  assert.deepEqual(tie.routes().map((x) => x.name), ['default.aa']);
});

test('default backend route and service fields', () => {
  const r = translateObjects([ingress('ing').defaultBackend('svc:80'), service('svc', [80])]);
  const route = r.route('default.ing');
  assert.deepEqual(route.paths, ['/']);
  assert.equal(route.regex_priority, 0);
  assert.equal(route.hosts, undefined);
  assert.equal(route.strip_path, false);
  assert.equal(route.preserve_host, true);
  assert.equal(r.service('default.svc.80').path, undefined, 'no path on a default-backend-only service');
  const expr = translateObjects([ingress('ing').defaultBackend('svc:80'), service('svc', [80])], { expressions: true }).route('default.ing');
  assert.equal(expr.expression, 'http.path ^= "/"');
  assert.equal(expr.priority, 0);
  assert.equal(expr.paths, undefined);
});

test('default backend joins an existing rule service, which keeps its path', () => {
  const r = translateObjects([ingress('ing').defaultBackend('svc:80').path('/x', 'Prefix', 'svc:80'), service('svc', [80])]);
  const ks = r.service('default.svc.80');
  assert.equal(ks.path, '/');
  assert.deepEqual(ks.routes.map((x) => x.name).sort(), ['default.ing', 'default.ing.svc..80']);
});

test('default backend failures', () => {
  const unsupported = translateObjects([ingress('ing').defaultBackend({ resource: { apiGroup: 'example.com', kind: 'Bucket', name: 'b' } })]);
  assert.deepEqual(unsupported.failureLines, ['Ingress default/ing spec.defaultBackend: UnsupportedBackend: default backend: unsupported resource type example.com/Bucket']);
  const gateOff = translateObjects([ingress('ing').defaultBackend(facadeBackend('f'))]);
  assert.deepEqual(gateOff.failureLines, [
    `Ingress default/ing spec.defaultBackend: UnsupportedBackend: default backend: KongServiceFacade is not enabled, please set the "KongServiceFacade" feature gate to 'true' to enable it`,
  ]);
  assert.deepEqual(gateOff.state.services, []);
});
