import { test } from 'node:test';
import assert from 'node:assert/strict';
import { objectTags, userTags } from '../../src/translate/tags.js';
import type { K8sObject } from '../../src/model/meta.js';

const obj = (apiVersion: string, kind: string, md: Partial<K8sObject['metadata']>): K8sObject => ({
  apiVersion,
  kind,
  metadata: { name: 'n', ...md },
});

test('core objects have no k8s-group tag; uid only when present', () => {
  assert.deepEqual(objectTags(obj('v1', 'Service', { name: 'foo-svc', namespace: 'ns' })), [
    'k8s-name:foo-svc',
    'k8s-namespace:ns',
    'k8s-kind:Service',
    'k8s-version:v1',
  ]);
});

test('grouped objects carry group and version; extra tags before user tags', () => {
  const ing = obj('networking.k8s.io/v1', 'Ingress', {
    name: 'i',
    namespace: 'ns',
    uid: 'u-1',
    annotations: { 'konghq.com/tags': ' a, b ,,a, k8s-kind:Ingress ' },
  });
  assert.deepEqual(objectTags(ing, ['k8s-named-route-rule:r1']), [
    'k8s-name:i',
    'k8s-namespace:ns',
    'k8s-kind:Ingress',
    'k8s-uid:u-1',
    'k8s-group:networking.k8s.io',
    'k8s-version:v1',
    'k8s-named-route-rule:r1',
    'a',
    'b',
    'k8s-kind:Ingress', // user tags are not deduplicated against k8s-* tags (spec 01 §4.1)
  ]);
});

test('cluster-scoped objects have no namespace tag', () => {
  const tags = objectTags(obj('configuration.konghq.com/v1', 'KongClusterPlugin', { name: 'g' }));
  assert.ok(!tags.some((t) => t.startsWith('k8s-namespace:')));
  assert.deepEqual(userTags(obj('v1', 'Service', {})), []);
});
