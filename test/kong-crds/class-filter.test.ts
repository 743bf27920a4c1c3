import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isForClass } from '../../src/translate/kong-crds/class-filter.js';
import { contextOf, ingressClass, options } from '../helpers/kong-builders.js';

const cases = [
  { name: 'exact match', objects: [], cls: 'kong', want: true },
  { name: 'other class', objects: [], cls: 'nginx', want: false },
  { name: 'no class, no IngressClass', objects: [], cls: undefined, want: false },
  { name: 'no class, IngressClass not default', objects: [ingressClass(false)], cls: undefined, want: false },
  { name: 'no class, IngressClass default', objects: [ingressClass(true)], cls: undefined, want: true },
  { name: 'empty class, IngressClass default', objects: [ingressClass(true)], cls: '', want: true },
  { name: 'other class, IngressClass default', objects: [ingressClass(true)], cls: 'nginx', want: false },
] as const;
for (const tc of cases) {
  test(`isForClass: ${tc.name}`, () => {
    const { ctx } = contextOf([...tc.objects]);
    assert.equal(isForClass(ctx, tc.cls), tc.want);
  });
}

test('isForClass follows --ingress-class', () => {
  const { ctx } = contextOf([], options({ ingressClass: 'internal' }));
  assert.equal(isForClass(ctx, 'internal'), true);
  assert.equal(isForClass(ctx, 'kong'), false);
});
