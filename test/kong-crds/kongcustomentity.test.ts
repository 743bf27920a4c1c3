import { test } from 'node:test';
import assert from 'node:assert/strict';
import { v5 as uuidv5 } from 'uuid';
import { customEntity, ingress, kongPlugin, options, referenceGrant, run, svc } from '../helpers/kong-builders.js';
import type { K8sObject } from '../../src/model/meta.js';

const NS = 'fd02801f-0957-4a15-a55a-c8d9606f30b5';
const serviceId = (name: string): string => uuidv5(name, uuidv5('services', NS));
const FIELDS = { uri: '/contacts', query: 'query{ contacts { name } }' };
const parent = (name: string, extra: Record<string, string> = {}) => ({ group: 'configuration.konghq.com', kind: 'KongPlugin', name, ...extra });

// Two services; the plugin on the Ingress routes of both.
const world = (plugins = 'dg'): K8sObject[] => [
  svc('s1'),
  svc('s2'),
  ingress('i1', [['/a', 's1', 80], ['/b', 's2', 80]], { plugins }),
  kongPlugin('dg', { plugin: 'degraphql' }),
];

test('one entity per service the parent plugin attaches to (through its routes); no id, no tags', () => {
  const { doc, lines } = run([...world(), customEntity('ce', { type: 'degraphql_routes', fields: FIELDS, parentRef: parent('dg') })]);
  assert.deepEqual(lines, []);
  assert.deepEqual(
    doc.degraphql_routes,
    // Within one KongCustomEntity, by the ids of the foreign entities (spec 01 §10).
    [serviceId('default.s1.80'), serviceId('default.s2.80')].sort().map((id) => ({ ...FIELDS, service: { id } })),
  );
});

test('direct service attachments win over route owners', () => {
  const objects = [svc('s1', { plugins: 'dg' }), svc('s2'), ingress('i1', [['/a', 's1', 80], ['/b', 's2', 80]], { plugins: 'dg' }), kongPlugin('dg', { plugin: 'degraphql' })];
  const { doc } = run([...objects, customEntity('ce', { type: 'degraphql_routes', fields: FIELDS, parentRef: parent('dg') })]);
  assert.deepEqual(doc.degraphql_routes, [{ ...FIELDS, service: { id: serviceId('default.s1.80') } }]);
});

test('without parentRef, or with an unattached plugin, or a type without foreign fields: fields only', () => {
  const { doc } = run([
    ...world(''),
    customEntity('a', { type: 'degraphql_routes', fields: FIELDS }),
    customEntity('b', { type: 'degraphql_routes', fields: { uri: '/b' }, parentRef: parent('dg') }),
    customEntity('c', { type: 'my_things', fields: { x: 1 }, parentRef: parent('dg') }),
  ]);
  assert.deepEqual(doc.degraphql_routes, [FIELDS, { uri: '/b' }]);
  assert.deepEqual(doc.my_things, [{ x: 1 }]);
});

test('entities are filtered by controllerName and gated by KongCustomEntity', () => {
  const objects = [customEntity('a', { type: 't', fields: { a: 1 } }), customEntity('b', { type: 't', fields: { b: 1 }, controllerName: 'other' })];
  assert.deepEqual(run(objects).doc.t, [{ a: 1 }]);
  assert.equal(run(objects, options({ gates: { KongCustomEntity: false } })).doc.t, undefined);
  // A config with only custom entities still gets the stub upstream.
  assert.deepEqual(run(objects).doc.upstreams, [{ name: 'kong' }]);
});

const failures = [
  { name: 'known entity type', spec: { type: 'services', fields: {} }, want: 'KongCustomEntity default/ce spec.type: InvalidObject: cannot use known entity type services in custom entity' },
  { name: 'fields not an object', spec: { type: 't', fields: [1] }, want: 'KongCustomEntity default/ce spec.fields: InvalidObject: spec.fields must be a JSON object' },
  {
    name: 'parent plugin missing',
    spec: { type: 'degraphql_routes', fields: FIELDS, parentRef: parent('ghost') },
    want: 'KongCustomEntity default/ce spec.parentRef: PluginNotFound: referenced KongPlugin default/ghost does not exist',
  },
  {
    name: 'parent in another namespace without grant',
    spec: { type: 'degraphql_routes', fields: FIELDS, parentRef: parent('dg', { namespace: 'other' }) },
    want: 'KongCustomEntity default/ce spec.parentRef: ReferenceNotPermitted: no grant found to referenced KongPlugin other/dg',
  },
] as const;
for (const tc of failures) {
  test(`custom entity failure: ${tc.name}`, () => {
    const { doc, lines } = run([...world(), customEntity('ce', tc.spec)]);
    assert.deepEqual(lines, [tc.want]);
    assert.equal(Object.keys(doc).filter((k) => !['_format_version', 'services', 'upstreams', 'plugins'].includes(k)).length, 0);
    assert.equal(doc.plugins?.length, 2);
  });
}

test('a granted cross-namespace parent plugin is used', () => {
  const objects = [
    svc('s1', { ns: 'other', plugins: 'dg' }),
    ingress('i1', [['/a', 's1', 80]], { ns: 'other' }),
    kongPlugin('dg', { plugin: 'degraphql' }, { ns: 'other' }),
    customEntity('ce', { type: 'degraphql_routes', fields: FIELDS, parentRef: parent('dg', { namespace: 'other' }) }),
    referenceGrant('other', { group: 'configuration.konghq.com', kind: 'KongCustomEntity', namespace: 'default' }, { group: 'configuration.konghq.com', kind: 'KongPlugin' }),
  ];
  const { doc, lines } = run(objects);
  assert.deepEqual(lines, []);
  assert.deepEqual(doc.degraphql_routes, [{ ...FIELDS, service: { id: serviceId('other.s1.80') } }]);
});

test('entities of a type are in namespace/name order', () => {
  const { doc } = run([customEntity('b', { type: 't', fields: { n: 'b' } }), customEntity('a', { type: 't', fields: { n: 'a' } }, { ns: 'z' }), customEntity('c', { type: 't', fields: { n: 'c' } })]);
  assert.deepEqual((doc.t as { n: string }[]).map((x) => x.n), ['b', 'c', 'a']);
});
