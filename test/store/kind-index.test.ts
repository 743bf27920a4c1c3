import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KindIndex } from '../../src/store/kind-index.js';
import { Snapshot } from '../../src/store/snapshot.js';
import { Store } from '../../src/store/store.js';
import { nsName } from '../../src/model/object-ref.js';
import type { K8sObject } from '../../src/model/meta.js';

// KindIndex replaces a map keyed by `namespace/name` strings: it must hold, find and order objects
// exactly as such a map did (the reference below), names with odd characters included.

const svc = (name: string, namespace?: string, uid = ''): K8sObject => ({
  apiVersion: 'v1', kind: 'Service', metadata: { name, ...(namespace !== undefined ? { namespace } : {}), uid },
});

// Namespaces and names around the `/` and `-` that decide the order of keys (`-` sorts before `/`).
const NAMESPACES = [undefined, '', 'a', 'a-b', 'a.b', 'ab', 'a/b', 'b', 'A', 'é'];
const NAMES = ['a', 'a-b', 'a/b', 'b', 'b/c', 'a/', '-', 'z', 'ns', 'é', 'A'];

function reference(objects: readonly K8sObject[]): Map<string, K8sObject> {
  const byKey = new Map<string, K8sObject>();
  for (const o of objects) byKey.set(nsName(o.metadata.namespace, o.metadata.name), o);
  return byKey;
}

function allObjects(): K8sObject[] {
  const out: K8sObject[] = [];
  for (const ns of NAMESPACES) for (const name of NAMES) out.push(svc(name, ns, `${ns ?? '-'}|${name}`));
  return out;
}

test('sorted(): the order of the sorted `namespace/name` keys, namespaces and odd names mixed', () => {
  const objects = allObjects();
  const index = new KindIndex();
  for (const o of objects) index.set(o.metadata.namespace, o.metadata.name, o);
  const ref = reference(objects);
  const want = [...ref.keys()].sort().map((k) => ref.get(k));
  assert.equal(index.size, ref.size);
  assert.deepEqual(index.sorted().map((o) => o.metadata.uid), want.map((o) => o?.metadata.uid));
});

test('sorted(): names only (a cluster-scoped kind), and a namespace beside names that sort around it', () => {
  const objects = [svc('b'), svc('a'), svc('x', 'a'), svc('a0'), svc('a-'), svc('0')];
  const index = new KindIndex();
  for (const o of objects) index.set(o.metadata.namespace, o.metadata.name, o);
  // keys: b, a, a/x, a0, a-, 0 -> 0, a, a-, a/x, a0, b
  assert.deepEqual(index.sorted().map((o) => nsName(o.metadata.namespace, o.metadata.name)), ['0', 'a', 'a-', 'a/x', 'a0', 'b']);
});

test('get/set/delete: the object a `namespace/name` key finds, for every pair of namespace and name', () => {
  const objects = allObjects();
  const index = new KindIndex();
  for (const o of objects) index.set(o.metadata.namespace, o.metadata.name, o);
  const ref = reference(objects);
  for (const ns of NAMESPACES) {
    for (const name of [...NAMES, 'missing', 'b/c/d']) {
      assert.equal(index.get(ns, name), ref.get(nsName(ns, name)), `${ns}|${name}`);
    }
  }
  // Deleting through another spelling of the same key removes the object that key finds.
  assert.equal(index.delete('a/b', 'c'), true); // the key a/b/c, set as namespace a, name b/c
  assert.equal(index.get('a', 'b/c'), undefined);
  assert.equal(index.delete('a/b', 'c'), false);
  assert.equal(index.size, ref.size - 1);
});

test('set reports a replacement; delete of the last object of a namespace leaves nothing behind', () => {
  const index = new KindIndex();
  assert.equal(index.set('ns', 'a', svc('a', 'ns', '1')), false);
  assert.equal(index.set('ns', 'a', svc('a', 'ns', '2')), true);
  assert.equal(index.get('ns', 'a')?.metadata.uid, '2');
  assert.equal(index.size, 1);
  assert.equal(index.delete('ns', 'a'), true);
  assert.equal(index.size, 0);
  assert.deepEqual([...index.values()], []);
  assert.deepEqual(index.sorted(), []);
});

test('clone: later changes to either side do not show in the other', () => {
  const index = new KindIndex();
  index.set('ns', 'a', svc('a', 'ns'));
  const copy = index.clone();
  index.set('ns', 'b', svc('b', 'ns'));
  copy.delete('ns', 'a');
  assert.deepEqual(index.sorted().map((o) => o.metadata.name), ['a', 'b']);
  assert.deepEqual(copy.sorted(), []);
  assert.equal(copy.size, 0);
});

test('Snapshot.of, a Store snapshot and a snapshot from keys list the same objects in key order', () => {
  const objects = allObjects();
  const ref = reference(objects);
  const want = [...ref.keys()].sort().map((k) => ref.get(k)?.metadata.uid);
  const store = new Store();
  for (const o of objects) store.upsert(o);
  const byKeys = new Snapshot(new Map([['Service', ref]]));
  for (const snap of [Snapshot.of(objects), store.snapshot(), byKeys]) {
    assert.deepEqual(snap.list('Service').map((o) => o.metadata.uid), want);
    assert.equal(snap.count('Service'), ref.size);
    assert.equal(snap.get('Service', 'a', 'b/c'), ref.get('a/b/c'));
  }
});

test('Store: delete and upsert after a snapshot do not change it', () => {
  const store = new Store();
  store.upsert(svc('a', 'ns'));
  const before = store.snapshot();
  assert.equal(store.delete('Service', 'ns', 'a'), true);
  assert.equal(store.upsert(svc('b', 'ns')), 'added');
  assert.equal(store.upsert(svc('b', 'ns')), 'updated');
  assert.deepEqual(before.list('Service').map((o) => o.metadata.name), ['a']);
  assert.deepEqual(store.snapshot().list('Service').map((o) => o.metadata.name), ['b']);
  assert.equal(store.get('Service', 'ns', 'b')?.metadata.name, 'b');
});

test('without: drops exactly the named objects, odd names included', () => {
  const snap = Snapshot.of([svc('a', 'ns'), svc('b/c', 'ns'), svc('a', 'other')]);
  const rest = snap.without([{ group: '', kind: 'Service', namespace: 'ns', name: 'b/c' }]);
  assert.deepEqual(rest.list('Service').map((o) => nsName(o.metadata.namespace, o.metadata.name)), ['ns/a', 'other/a']);
  assert.equal(snap.count('Service'), 3);
});
