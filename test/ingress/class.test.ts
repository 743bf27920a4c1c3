import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingress, ingressClass, service, translateObjects, type IngressBuilder } from '../helpers/builders.js';

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
