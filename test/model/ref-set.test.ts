import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RefSet } from '../../src/model/ref-set.js';
import type { ObjectRef } from '../../src/model/object-ref.js';

const ref = (kind: string, name: string, namespace?: string, group = ''): ObjectRef => ({ group, kind, name, ...(namespace ? { namespace } : {}) });

test('RefSet keeps the first of equal references, in the order first added', () => {
  const set = new RefSet();
  const a = ref('Ingress', 'a', 'ns', 'networking.k8s.io');
  assert.equal(set.add(a), true);
  assert.equal(set.add(ref('Service', 'a', 'ns')), true);
  assert.equal(set.add({ ...a }), false); // equal content, another object
  assert.equal(set.add(ref('Ingress', 'a', 'other', 'networking.k8s.io')), true);
  assert.equal(set.add(ref('Ingress', 'a', 'ns', 'other.group')), true);
  assert.equal(set.add(ref('IngressClass', 'a')), true);
  assert.equal(set.add(ref('IngressClass', 'a')), false);
  assert.deepEqual(set.values().map((r) => `${r.group}/${r.kind}/${r.namespace ?? ''}/${r.name}`), [
    'networking.k8s.io/Ingress/ns/a',
    '/Service/ns/a',
    'networking.k8s.io/Ingress/other/a',
    'other.group/Ingress/ns/a',
    '/IngressClass//a',
  ]);
  assert.equal(set.values()[0], a);
  assert.equal(set.size, 5);
});

test('a namespace-less reference and one in namespace "" are the same object, as refKey has them', () => {
  const set = new RefSet();
  set.add({ group: '', kind: 'IngressClass', name: 'kong' });
  assert.equal(set.add({ group: '', kind: 'IngressClass', namespace: '', name: 'kong' }), false);
});
