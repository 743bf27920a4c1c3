import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyKongState, type KongRoute, type KongService, type KongUpstream } from '../../src/kongstate/types.js';
import { toDeclarativeConfig } from '../../src/serialize/declarative.js';

// The serializer builds each entity without intermediate copies and caches key orders per object shape;
// these cases pin the results that must not depend on that.

const SRC = { group: 'networking.k8s.io', kind: 'Ingress', namespace: 'ns', name: 'i' };
const route = (name: string, extra: Partial<KongRoute> = {}): KongRoute => ({ name, tags: [], meta: { source: SRC }, ...extra });
const service = (name: string, routes: KongRoute[]): KongService => ({
  name, host: `${name}.svc`, tags: [], routes, meta: { backends: [], parent: SRC, k8sServices: [], annotations: {}, sourceKind: 'Ingress' },
});
const upstream = (fields: Partial<KongUpstream>): KongUpstream => ({ name: 'u', targets: [], meta: { service: 's' }, ...fields });
type Entity = Record<string, unknown>;
const doc = (fill: (s: ReturnType<typeof emptyKongState>) => void): Record<string, Entity[]> => {
  const state = emptyKongState();
  fill(state);
  return toDeclarativeConfig(state, { expressions: false }) as unknown as Record<string, Entity[]>;
};

test('upstream fields win over `extra`, which fills the rest; `extra` itself is not output', () => {
  const d = doc((s) => s.upstreams.push(upstream({ hash_on: 'ip', extra: { hash_on: 'header', slots: 100, algorithm: 'least-connections' } })));
  const u = d.upstreams[0];
  assert.equal(u.hash_on, 'ip');
  assert.equal(u.slots, 100);
  assert.equal(u.algorithm, 'round-robin'); // the typed field decides, with its default
  assert.equal('extra' in u, false);
});

test('objects with the same keys in another insertion order serialize with sorted keys', () => {
  const d = doc((s) => {
    s.services.push(service('a', [route('r1', { headers: { 'x-b': ['1'], 'x-a': ['2'] } })]));
    s.services.push({ routes: [route('r2', { hosts: ['h'] })], tags: [], meta: service('b', []).meta, host: 'b.svc', name: 'b' });
  });
  for (const svc of d.services) {
    assert.deepEqual(Object.keys(svc), Object.keys(svc).sort());
    for (const r of svc.routes as Entity[]) assert.deepEqual(Object.keys(r), Object.keys(r).sort());
  }
  assert.deepEqual(Object.keys((d.services[1].routes as Entity[])[0].headers as Entity), ['x-a', 'x-b']);
});

test('field names that are also Object.prototype members are ordinary fields', () => {
  const d = doc((s) => s.customEntities.push({ type: 'things', fields: { toString: 'x', constructor: 'y', name: 'n' }, meta: { source: SRC, sortKey: 'a' } }));
  assert.deepEqual(d.things, [{ constructor: 'y', name: 'n', toString: 'x' }]);
});

test('routes and upstream targets appear once each, sorted, and empty route lists are omitted', () => {
  const d = doc((s) => {
    s.services.push(service('a', [route('r1'), route('r2')]), service('b', []));
    s.upstreams.push(upstream({ targets: [{ target: '10.0.0.1:80' }, { target: '10.0.0.2:80', weight: 0 }] }));
  });
  assert.deepEqual((d.services.find((x) => x.name === 'a')?.routes as Entity[]).map((r) => r.name), ['r2', 'r1']);
  assert.equal('routes' in (d.services.find((x) => x.name === 'b') ?? {}), false);
  assert.deepEqual(d.upstreams[0].targets, [{ target: '10.0.0.2:80', weight: 0 }, { target: '10.0.0.1:80' }]);
});
