import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingress, ingressClass, service, translateObjects, type IngressBuilder } from '../helpers/builders.js';
import { compareNamespacedNames, inIngressOrder } from '../../src/translate/ingress/class.js';

const cases: readonly { name: string; ing: () => IngressBuilder; defaultClass: boolean; want: boolean }[] = [
  { name: 'ingressClassName kong', ing: () => ingress('i'), defaultClass: false, want: true },
  { name: 'ingressClassName other', ing: () => ingress('i').className('other'), defaultClass: true, want: false },
  { name: 'empty ingressClassName is a class', ing: () => ingress('i').className(''), defaultClass: true, want: false },
  { name: 'annotation kong wins over ingressClassName', ing: () => ingress('i').className('other').annotate('kubernetes.io/ingress.class', 'kong'), defaultClass: false, want: true },
  { name: 'annotation other wins over ingressClassName kong', ing: () => ingress('i').annotate('kubernetes.io/ingress.class', 'other'), defaultClass: true, want: false },
  { name: 'empty annotation falls back to ingressClassName', ing: () => ingress('i').annotate('kubernetes.io/ingress.class', ''), defaultClass: false, want: true },
  { name: 'no class, kong IngressClass default', ing: () => ingress('i').className(undefined), defaultClass: true, want: true },
  { name: 'no class, kong IngressClass not default', ing: () => ingress('i').className(undefined), defaultClass: false, want: false },
];

for (const tc of cases) {
  test(`class selection: ${tc.name}`, () => {
    const cls = tc.defaultClass ? ingressClass().asDefault() : ingressClass();
    const r = translateObjects([tc.ing().path('/', 'Prefix', 'echo:80'), service('echo', [80]), cls]);
    assert.equal(r.routes().length, tc.want ? 1 : 0);
    assert.deepEqual(r.failureLines, [], 'ignored Ingresses produce no failure');
  });
}

test('no IngressClass object at all: class-less Ingresses are ignored', () => {
  const r = translateObjects([ingress('i').className(undefined).path('/', 'Prefix', 'echo:80'), service('echo', [80])]);
  assert.equal(r.routes().length, 0);
});

test('--ingress-class changes the class', () => {
  const r = translateObjects([ingress('i').className('custom').path('/', 'Prefix', 'echo:80'), service('echo', [80])], { ingressClass: 'custom' });
  assert.equal(r.routes().length, 1);
});

test('a default IngressClass with another name does not make class-less Ingresses ours', () => {
  const r = translateObjects([ingress('i').className(undefined).path('/', 'Prefix', 'echo:80'), service('echo', [80]), ingressClass('nginx').asDefault()]);
  assert.equal(r.routes().length, 0);
});

test('compareNamespacedNames orders as the `namespace/name` strings would, for any characters', () => {
  const parts = ['', 'a', 'a-b', 'a.b', 'a/b', 'ab', 'b', 'A', 'é', '😀', 'a0', 'a/'];
  const refs = parts.flatMap((namespace) => parts.map((name) => ({ namespace, name })));
  refs.push({ name: 'cluster-scoped' } as { namespace: string; name: string });
  for (const a of refs) {
    for (const b of refs) {
      const ak = `${a.namespace ?? ''}/${a.name}`;
      const bk = `${b.namespace ?? ''}/${b.name}`;
      const want = ak < bk ? -1 : ak > bk ? 1 : 0;
      assert.equal(Math.sign(compareNamespacedNames(a, b)), want, `${ak} vs ${bk}`);
    }
  }
});

test('inIngressOrder: creation time first, then namespace/name as strings ("a-b/x" before "a/x"); unparsable times count as 0', () => {
  const objs = [
    ingress('x', 'a').created('2024-01-02T00:00:00Z').build(),
    ingress('x', 'a-b').created('2024-01-02T00:00:00Z').build(),
    ingress('late', 'z').created('2024-01-03T00:00:00Z').build(),
    ingress('early', 'z').created('2024-01-01T00:00:00Z').build(),
    ingress('none', 'z').build(),
    ingress('bad', 'y').created('not a time').build(),
  ];
  assert.deepEqual(
    inIngressOrder(objs).map((o) => `${o.metadata.namespace}/${o.metadata.name}`),
    ['y/bad', 'z/none', 'z/early', 'a-b/x', 'a/x', 'z/late'],
  );
});
