import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Snapshot } from '../../src/store/snapshot.js';
import type { K8sObject } from '../../src/model/meta.js';

// Snapshot.get answers from a namespace -> name index; these are the lookups it must answer as the
// `namespace/name` keys do.
const svc = (name: string, namespace?: string): K8sObject => ({
  apiVersion: 'v1', kind: 'Service', metadata: { name, ...(namespace !== undefined ? { namespace } : {}) },
});
const cls = (name: string): K8sObject => ({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name } });

const cases = [
  { name: 'namespaced object by namespace and name', objects: [svc('a', 'ns'), svc('a', 'other')], get: ['ns', 'a'], want: 'ns/a' },
  { name: 'wrong namespace', objects: [svc('a', 'ns')], get: ['other', 'a'], want: undefined },
  { name: 'unknown name', objects: [svc('a', 'ns')], get: ['ns', 'b'], want: undefined },
  { name: 'object without namespace, looked up without one', objects: [svc('a')], get: [undefined, 'a'], want: '/a' },
  { name: 'object without namespace, looked up with ""', objects: [svc('a')], get: ['', 'a'], want: '/a' },
  { name: 'a "/" in a name matches what its key matches', objects: [svc('b/c', 'a')], get: ['a/b', 'c'], want: 'a/b/c' },
  { name: 'a "/" in a name, looked up as written', objects: [svc('b/c', 'a')], get: ['a', 'b/c'], want: 'a/b/c' },
] as const;
for (const tc of cases) {
  test(`get: ${tc.name}`, () => {
    const found = Snapshot.of(tc.objects).get('Service', tc.get[0], tc.get[1]);
    assert.equal(found ? `${found.metadata.namespace ?? ''}/${found.metadata.name}` : undefined, tc.want);
  });
}

test('get: cluster-scoped kinds ignore the namespace', () => {
  const snap = Snapshot.of([cls('kong')]);
  assert.equal(snap.get('IngressClass', 'anything', 'kong')?.metadata.name, 'kong');
  assert.equal(snap.get('IngressClass', undefined, 'other'), undefined);
});

test('get: a kind with no objects', () => {
  assert.equal(Snapshot.of([]).get('Service', 'ns', 'a'), undefined);
});

test('endpointSlicesFor: one slice, several in name order, none, and slices of another namespace', () => {
  const slice = (name: string, namespace: string, service: string): K8sObject => ({
    apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
    metadata: { name, namespace, labels: { 'kubernetes.io/service-name': service } },
  });
  const snap = Snapshot.of([slice('b-2', 'ns', 'b'), slice('a-1', 'ns', 'a'), slice('b-1', 'ns', 'b'), slice('b-3', 'other', 'b')]);
  const names = (ns: string, svc: string): string[] => snap.endpointSlicesFor(ns, svc).map((s) => s.metadata.name);
  assert.deepEqual(names('ns', 'a'), ['a-1']);
  assert.deepEqual(names('ns', 'b'), ['b-1', 'b-2']);
  assert.deepEqual(names('other', 'b'), ['b-3']);
  assert.deepEqual(names('ns', 'c'), []);
  assert.deepEqual(names('none', 'a'), []);
});

test('unordered: every object of the kind, as list() has them, and none of another kind', () => {
  const svc = (name: string, namespace: string): K8sObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace } });
  const snap = Snapshot.of([svc('b', 'y'), svc('a', 'y'), svc('c', 'x'), { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'x' } }]);
  const keys = (objs: readonly K8sObject[]): string[] => objs.map((o) => `${o.metadata.namespace}/${o.metadata.name}`);
  assert.deepEqual(keys(snap.unordered('Service')).sort(), keys(snap.list('Service')));
  assert.deepEqual(keys(snap.list('Service')), ['x/c', 'y/a', 'y/b']);
  assert.deepEqual(snap.unordered('Ingress'), []);
});
