import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateObject } from '../../src/model/schema/validate.js';
import { Snapshot } from '../../src/store/snapshot.js';
import { Store } from '../../src/store/store.js';
import { translate } from '../../src/translate/index.js';
import { defaultTranslateOptions } from '../../src/translate/options.js';
import type { K8sObject } from '../../src/model/meta.js';

const ingress = (name: string, spec: unknown): K8sObject =>
  ({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, namespace: 'ns' }, spec }) as K8sObject;
const service = (name: string, spec: unknown): K8sObject =>
  ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'ns' }, spec }) as K8sObject;
const goodRules = [{ host: 'a.example', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'svc', port: { number: 80 } } } }] } }];

const cases = [
  { name: 'a well-formed Ingress passes', obj: ingress('i', { ingressClassName: 'kong', rules: goodRules }), want: undefined },
  { name: 'rules as a string', obj: ingress('i', { rules: 'x' }), want: { field: 'spec.rules', message: 'must be a list, got a string' } },
  { name: 'host as a boolean', obj: ingress('i', { rules: [{ host: true }] }), want: { field: 'spec.rules[0].host', message: 'must be a string, got boolean true' } },
  { name: 'a null list item', obj: ingress('i', { rules: [null] }), want: { field: 'spec.rules[0]', message: 'must be set, got null' } },
  {
    name: 'port number as a string',
    obj: ingress('i', { rules: [{ http: { paths: [{ backend: { service: { name: 's', port: { number: '80' } } } }] } }] }),
    want: { field: 'spec.rules[0].http.paths[0].backend.service.port.number', message: 'must be an integer, got a string' },
  },
  { name: 'targetPort may be a name or a number', obj: service('s', { ports: [{ port: 80, targetPort: 'http' }, { port: 81, targetPort: 8081 }] }), want: undefined },
  { name: 'a fractional port', obj: service('s', { ports: [{ port: 80.5 }] }), want: { field: 'spec.ports[0].port', message: 'must be an integer, got number 80.5' } },
] as const;

for (const tc of cases) {
  test(`schema: ${tc.name}`, () => {
    const r = validateObject(tc.obj.kind as 'Ingress', tc.obj);
    assert.deepEqual('error' in r ? r.error : undefined, tc.want);
  });
}

test('null fields mean "not set" and are dropped without touching the input', () => {
  const raw = ingress('i', { ingressClassName: 'kong', defaultBackend: null, rules: goodRules });
  const r = validateObject('Ingress', raw);
  assert.ok('object' in r);
  assert.ok(!('defaultBackend' in (r.object.spec as object)));
  assert.equal((raw.spec as { defaultBackend: unknown }).defaultBackend, null);
});

test('plugin config is free-form: nulls and any types are kept', () => {
  const plugin = { apiVersion: 'configuration.konghq.com/v1', kind: 'KongPlugin', metadata: { name: 'p', namespace: 'ns' }, plugin: 'x', config: { a: null, b: [1, 'two'] } } as K8sObject;
  const r = validateObject('KongPlugin', plugin);
  assert.ok('object' in r);
  assert.deepEqual((r.object as unknown as { config: unknown }).config, { a: null, b: [1, 'two'] });
});

test('an invalid object is a failure naming its field; valid objects still translate', () => {
  const snap = Snapshot.of([
    ingress('bad', { ingressClassName: 'kong', rules: [{ host: 7 }] }),
    ingress('good', { ingressClassName: 'kong', rules: goodRules }),
    service('svc', { ports: [{ port: 80 }] }),
  ]);
  const { state, failures } = translate(snap, defaultTranslateOptions());
  const bad = failures.filter((f) => f.reason === 'InvalidObject');
  assert.equal(bad.length, 1);
  assert.equal(bad[0].objects[0].name, 'bad');
  assert.equal(bad[0].field, 'spec.rules[0].host');
  assert.deepEqual(state.services.flatMap((s) => s.routes.map((r) => r.name)), ['ns.good.svc.a.example.80']);
});

test('the store keeps an invalid update out until a valid version arrives', () => {
  const store = new Store();
  assert.equal(store.upsert(service('svc', { ports: [{ port: 80 }] })), 'added');
  assert.equal(store.upsert(service('svc', { ports: 'eighty' })), 'invalid');
  assert.equal(store.snapshot().get('Service', 'ns', 'svc'), undefined);
  assert.equal(store.snapshot().invalid[0]?.field, 'spec.ports');
  assert.equal(store.upsert(service('svc', { ports: [{ port: 81 }] })), 'added');
  assert.equal(store.snapshot().invalid.length, 0);
  assert.equal(store.snapshot().get('Service', 'ns', 'svc')?.spec?.ports?.[0].port, 81);
  assert.equal(store.delete('Service', 'ns', 'svc'), true);
  assert.equal(store.snapshot().count('Service'), 0);
});
