import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyKongState, type KongRoute, type KongService } from '../../src/kongstate/types.js';
import { renderJSON, renderYAML, toDeclarativeConfig } from '../../src/serialize/declarative.js';

const SRC = { group: 'networking.k8s.io', kind: 'Ingress', namespace: 'ns', name: 'i' };
const route = (name: string, extra: Partial<KongRoute> = {}): KongRoute => ({ name, tags: [], meta: { source: SRC }, ...extra });
const service = (name: string, routes: KongRoute[] = []): KongService => ({
  name,
  host: `${name}.svc`,
  tags: [],
  routes,
  meta: { backends: [], parent: SRC, k8sServices: [], annotations: {}, sourceKind: 'Ingress' },
});
type Doc = Record<string, unknown> & { services?: Record<string, unknown>[]; upstreams?: Record<string, unknown>[] };

test('an empty state gets the stub upstream and nothing else (spec 01 §2.1)', () => {
  assert.deepEqual(toDeclarativeConfig(emptyKongState(), { expressions: false }), {
    _format_version: '3.0',
    upstreams: [{ name: 'kong' }],
  });
});

test('custom entities do not count as content: the stub stays', () => {
  const state = emptyKongState();
  state.customEntities.push({ type: 'degraphql_routes', fields: { uri: '/x' }, meta: { source: SRC, sortKey: 'a' } });
  const doc = toDeclarativeConfig(state, { expressions: false }) as Doc;
  assert.deepEqual(doc.upstreams, [{ name: 'kong' }]);
  assert.deepEqual(doc.degraphql_routes, [{ uri: '/x' }]);
});

test('services and routes sort descending by name, byte-wise', () => {
  const state = emptyKongState();
  state.services.push(service('default.httpbin-other.80'), service('default.httpbin.80', [route('a'), route('b')]));
  const doc = toDeclarativeConfig(state, { expressions: false }) as Doc;
  // '.' (0x2E) > '-' (0x2D)
  assert.deepEqual(doc.services?.map((s) => s.name), ['default.httpbin.80', 'default.httpbin-other.80']);
  assert.deepEqual((doc.services?.[0].routes as { name: string }[]).map((r) => r.name), ['b', 'a']);
});

test('route defaults: 426 always, path_handling v0 only for the traditional router', () => {
  const state = emptyKongState();
  state.services.push(service('s', [route('r'), route('q', { https_redirect_status_code: 301, path_handling: 'v1' })]));
  const trad = (toDeclarativeConfig(state, { expressions: false }) as Doc).services?.[0].routes as Record<string, unknown>[];
  assert.deepEqual(trad.map((r) => [r.https_redirect_status_code, r.path_handling]), [[426, 'v0'], [301, 'v1']]);
  const expr = (toDeclarativeConfig(state, { expressions: true }) as Doc).services?.[0].routes as Record<string, unknown>[];
  assert.equal(expr[0].path_handling, undefined);
  assert.equal(expr[0].https_redirect_status_code, 426);
});

test('unset fields, meta and empty lists are omitted; false, 0 and "" are kept', () => {
  const state = emptyKongState();
  state.services.push(service('s', [route('r', { strip_path: false, regex_priority: 0, hosts: [], id: '' })]));
  const r = ((toDeclarativeConfig(state, { expressions: false }) as Doc).services?.[0].routes as Record<string, unknown>[])[0];
  assert.equal(r.strip_path, false);
  assert.equal(r.regex_priority, 0);
  assert.equal(r.id, '');
  assert.ok(!('hosts' in r) && !('meta' in r) && !('tags' in r) && !('plugins' in r));
});

test('upstreams default to round-robin; targets sort descending', () => {
  const state = emptyKongState();
  state.upstreams.push({ name: 'u', targets: [{ target: '10.0.0.1:80' }, { target: '10.0.0.2:80' }], meta: { service: 's' } });
  const u = (toDeclarativeConfig(state, { expressions: false }) as Doc).upstreams?.[0] as Record<string, unknown>;
  assert.equal(u.algorithm, 'round-robin');
  assert.deepEqual(u.targets, [{ target: '10.0.0.2:80' }, { target: '10.0.0.1:80' }]);
});

test('keys are sorted at every level, plugin config included, in JSON and YAML', () => {
  const state = emptyKongState();
  state.plugins.push({ name: 'p', config: { z: 1, a: { y: [], b: 2 } }, tags: ['t'], meta: { source: SRC } });
  const doc = toDeclarativeConfig(state, { expressions: false });
  const json = renderJSON(doc);
  assert.ok(json.indexOf('"_format_version"') < json.indexOf('"plugins"'));
  const cfg = (JSON.parse(json).plugins[0] as { config: Record<string, unknown> }).config;
  assert.deepEqual(Object.keys(cfg), ['a', 'z']);
  assert.deepEqual(Object.keys(cfg.a as object), ['b', 'y']); // empty lists inside config are Kong's to judge: kept
  const yaml = renderYAML(doc);
  assert.match(yaml, /^_format_version: "3.0"\nplugins:\n/);
});
