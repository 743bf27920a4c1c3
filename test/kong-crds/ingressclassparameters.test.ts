import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { K8sObject } from '../../src/model/meta.js';
import { endpointSlice, ingress, run, svc } from '../helpers/kong-builders.js';

// Spec 05 §13: IngressClassParameters of the kong IngressClass.
const cls = (parameters: Record<string, string> | undefined): K8sObject =>
  ({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'kong' }, spec: { controller: 'x', ...(parameters ? { parameters } : {}) } }) as K8sObject;
const params = (spec: Record<string, boolean>, ns = 'kong'): K8sObject =>
  ({ apiVersion: 'configuration.konghq.com/v1alpha1', kind: 'IngressClassParameters', metadata: { name: 'p', namespace: ns }, spec }) as K8sObject;
const REF = { apiGroup: 'configuration.konghq.com', kind: 'IngressClassParameters', name: 'p', namespace: 'kong', scope: 'Namespace' };
const app = [svc('echo'), endpointSlice('echo', '10.0.0.7', 80), ingress('ing', [['/', 'echo', 80]])];
const targets = (objects: K8sObject[]) => run(objects).doc.upstreams?.[0].targets;

test('serviceUpstream: true makes every target the Service DNS name', () => {
  assert.deepEqual(targets([...app, cls(REF), params({ serviceUpstream: true })]), [{ target: 'echo.default.svc:80' }]);
});

const fallbacks = [
  { name: 'no parameters', objects: [cls(undefined), params({ serviceUpstream: true })] },
  { name: 'wrong kind', objects: [cls({ ...REF, kind: 'Other' }), params({ serviceUpstream: true })] },
  { name: 'no scope', objects: [cls({ apiGroup: REF.apiGroup, kind: REF.kind, name: 'p', namespace: 'kong' }), params({ serviceUpstream: true })] },
  { name: 'object missing', objects: [cls(REF)] },
  { name: 'object in another namespace', objects: [cls(REF), params({ serviceUpstream: true }, 'elsewhere')] },
] as const;
for (const tc of fallbacks) {
  test(`IngressClassParameters silently default when: ${tc.name}`, () => {
    const r = run([...app, ...tc.objects]);
    assert.deepEqual(r.doc.upstreams?.[0].targets, [{ target: '10.0.0.7:80' }]);
    assert.deepEqual(r.lines, []);
  });
}
