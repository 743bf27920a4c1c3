import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mockKongRejection, translateWithFallback } from '../../src/fallback/assume-rejected.js';
import { refOf } from '../../src/model/object-ref.js';
import { defaultTranslateOptions } from '../../src/translate/options.js';
import { ingress, obj, service, snap } from '../helpers/fallback-builders.js';

const options = defaultTranslateOptions();
const ing = (name: string, svc: string, uid?: string) => ingress(name, { className: 'kong', backends: [svc], uid });

function serviceNames(r: ReturnType<typeof translateWithFallback>): string[] {
  return r.result.state.services.map((s) => s.name).sort();
}

test('nothing rejected: the normal translation', () => {
  const r = translateWithFallback(snap(service('a'), ing('i', 'a')), options, []);
  assert.deepEqual(serviceNames(r), ['default.a.80']);
  assert.deepEqual([r.excluded, r.notes], [[], []]);
});

test('a rejected Service with a uid: it and the Ingress using it are left out, with the reason', () => {
  const broken = service('broken');
  const r = translateWithFallback(snap(broken, service('ok'), ing('uses-broken', 'broken'), ing('uses-ok', 'ok')), options, [refOf(broken)]);
  assert.deepEqual(serviceNames(r), ['default.ok.80']);
  assert.deepEqual(r.excluded, [
    'Service default/broken: rejected by Kong',
    'Ingress default/uses-broken: depends on Service default/broken (spec.rules[0].http.paths[0].backend.service.name), which Kong rejected',
  ]);
  assert.deepEqual(r.notes, []);
});

test('a rejected object without uid cannot be named by Kong: the empty last valid configuration', () => {
  const broken = service('broken', { uid: '' });
  const r = translateWithFallback(snap(broken, service('ok'), ing('uses-ok', 'ok')), options, [refOf(broken)]);
  assert.deepEqual(r.result.state.services, []);
  assert.deepEqual(r.result.state.upstreams, []);
  assert.deepEqual(r.excluded, []);
  assert.equal(r.notes.length, 2);
  assert.match(r.notes[0], /^Service default\/broken: .*no metadata\.uid/);
  assert.match(r.notes[1], /^no fallback: .*empty/);
});

test('only the rejected objects with a uid count when some have none', () => {
  const noUid = service('no-uid', { uid: '' });
  const withUid = service('with-uid');
  const r = translateWithFallback(snap(noUid, withUid, ing('a', 'no-uid'), ing('b', 'with-uid')), options, [refOf(noUid), refOf(withUid)]);
  assert.deepEqual(serviceNames(r), ['default.no-uid.80']);
  assert.equal(r.excluded.length, 2);
  assert.equal(r.notes.length, 1);
});

test('a rejected cluster-scoped KongVault qualifies without a namespace', () => {
  const vault = obj('KongVault', 'vault', { body: { spec: { backend: 'env', prefix: 'env' } } });
  const r = translateWithFallback(snap(vault, service('s'), ing('i', 's')), options, [refOf(vault)]);
  assert.deepEqual(r.excluded, ['KongVault vault: rejected by Kong']);
  assert.deepEqual(serviceNames(r), ['default.s.80']);
});

test('a rejected object that is not in the input is reported', () => {
  const r = translateWithFallback(snap(service('s'), ing('i', 's')), options, [{ group: '', kind: 'Service', namespace: 'default', name: 'typo' }]);
  assert.match(r.notes[0], /Service default\/typo: no such object in the input/);
});

test("the mock rejection carries every identity tag, empty values included (spec 06 §7.1)", () => {
  const body = JSON.parse(mockKongRejection([service('s', { uid: '' }), obj('KongVault', 'v', { uid: 'u1' })])) as {
    flattened_errors: { entity_tags: string[]; errors: unknown[] }[];
  };
  assert.deepEqual(body.flattened_errors.map((e) => e.entity_tags), [
    ['k8s-name:s', 'k8s-namespace:default', 'k8s-kind:Service', 'k8s-group:', 'k8s-version:v1', 'k8s-uid:'],
    ['k8s-name:v', 'k8s-namespace:', 'k8s-kind:KongVault', 'k8s-group:configuration.konghq.com', 'k8s-version:v1alpha1', 'k8s-uid:u1'],
  ]);
  assert.deepEqual(body.flattened_errors[0].errors, [{ messages: ['broken object'] }]);
});

test('a rejected object of a kind the translator does not read is reported, not thrown', () => {
  const r = translateWithFallback(snap(service('s')), options, [{ group: 'example.com', kind: 'Widget', namespace: 'default', name: 'w' }]);
  assert.match(r.notes[0], /Widget default\/w: no such object/);
});
