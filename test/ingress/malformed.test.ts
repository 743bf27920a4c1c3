import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingress, service, translateObjects } from '../helpers/builders.js';
import type { K8sObject } from '../../src/model/meta.js';

// Ill-typed objects are refused at the store boundary (src/model/schema); these pin that an Ingress or
// Service refused there fails alone, naming the field, and leaves every other object translated.

function withSpec(obj: K8sObject, spec: unknown): K8sObject {
  return { ...obj, spec } as K8sObject;
}

const cases = [
  { name: 'rule host not a string', obj: () => withSpec(ingress('bad').build(), { ingressClassName: 'kong', rules: [{ host: true }] }), field: 'spec.rules[0].host' },
  { name: 'rules not a list', obj: () => withSpec(ingress('bad').build(), { ingressClassName: 'kong', rules: 'x' }), field: 'spec.rules' },
  { name: 'port number not an integer', obj: () => withSpec(ingress('bad').build(), { ingressClassName: 'kong', rules: [{ http: { paths: [{ path: '/', backend: { service: { name: 'svc', port: { number: '80' } } } }] } }] }), field: 'spec.rules[0].http.paths[0].backend.service.port.number' },
  { name: 'Service ports not a list', obj: () => withSpec(service('other').build(), { ports: 'x' }), field: 'spec.ports' },
] as const;

for (const tc of cases) {
  test(`malformed object fails alone: ${tc.name}`, () => {
    const r = translateObjects([tc.obj(), ingress('good').path('/', 'Prefix', 'svc:80'), service('svc', [80])]);
    assert.equal(r.failures.length, 1, r.failureLines.join('\n'));
    assert.equal(r.failures[0].reason, 'InvalidObject');
    assert.equal(r.failures[0].field, tc.field);
    assert.deepEqual(r.routes().map((x) => x.name), ['default.good.svc..80']);
  });
}

test('non-string annotation values refuse the object, not the translation', () => {
  const ing = ingress('bad').path('/', 'Prefix', 'svc:80').build();
  const weird = { ...ing, metadata: { ...ing.metadata, annotations: { 'konghq.com/strip-path': 5 } } } as unknown as K8sObject;
  const r = translateObjects([weird, ingress('good').path('/', 'Prefix', 'svc:80'), service('svc', [80])]);
  assert.deepEqual(r.routes().map((x) => x.name), ['default.good.svc..80']);
  assert.equal(r.failures[0].reason, 'InvalidObject');
});
