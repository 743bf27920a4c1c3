import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KongRoute, KongService } from '../../src/kongstate/types.js';
import type { K8sObject } from '../../src/model/meta.js';
import { collectPluginRelations } from '../../src/translate/kong-crds/plugin-attachment.js';
import { contextOf, svc } from '../helpers/kong-builders.js';

// Route parents other than Ingress (HTTPRoute, GRPCRoute, TCPRoute, ...) attach the same way: through the
// route's meta.source. These tests build the Kong state by hand so that they do not depend on the route translators.
const route = (name: string, kind: string, extra: Partial<KongRoute['meta']> = {}): KongRoute => ({
  name,
  tags: [],
  meta: { source: { group: 'gateway.networking.k8s.io', kind, namespace: 'default', name: 'r' }, ...extra },
});
// `annotations` is what populateServices records: the backing Services' annotations merged.
const kongService = (name: string, routes: KongRoute[], backing: string[] = [], annotations: Record<string, string> = {}): KongService => ({
  name,
  host: name,
  tags: [],
  routes,
  meta: {
    backends: [],
    parent: routes[0]?.meta.source ?? { group: '', kind: 'Service', name },
    k8sServices: backing.map((b) => ({ group: '', kind: 'Service', namespace: 'default', name: b })),
    annotations,
    sourceKind: 'HTTPRoute',
  },
});
const gwRoute = (kind: string, plugins: string): K8sObject =>
  ({ apiVersion: 'gateway.networking.k8s.io/v1', kind, metadata: { name: 'r', namespace: 'default', annotations: { 'konghq.com/plugins': plugins } } }) as K8sObject;

for (const kind of ['HTTPRoute', 'GRPCRoute', 'TCPRoute', 'UDPRoute', 'TLSRoute']) {
  test(`a ${kind} attaches its plugins to each of its routes`, () => {
    const { ctx, records } = contextOf([gwRoute(kind, 'p')]);
    const rel = collectPluginRelations(ctx, { services: [kongService('s', [route('r.0', kind), route('r.1', kind)])], consumers: [], consumerGroups: [] });
    assert.deepEqual(rel.get('default:p')?.routes, [
      { route: 'r.0', service: 's' },
      { route: 'r.1', service: 's' },
    ]);
    assert.deepEqual(records.failures, []);
  });
}

test('HTTPRoute ExtensionRef plugin names attach to that route only, after the annotation', () => {
  const { ctx } = contextOf([gwRoute('HTTPRoute', 'a')]);
  const rel = collectPluginRelations(ctx, {
    services: [kongService('s', [route('r.0', 'HTTPRoute', { pluginNames: ['ext'] }), route('r.1', 'HTTPRoute')])],
    consumers: [],
    consumerGroups: [],
  });
  assert.deepEqual([...rel.keys()], ['default:a', 'default:ext']);
  assert.deepEqual(rel.get('default:ext')?.routes, [{ route: 'r.0', service: 's' }]);
  assert.equal(rel.get('default:a')?.routes.length, 2);
});

test('each backing Service of a multi-Service Kong service gives a service relation', () => {
  const { ctx } = contextOf([svc('a', { plugins: 'p' }), svc('b', { plugins: 'p' })]);
  const rel = collectPluginRelations(ctx, { services: [kongService('s', [], ['a', 'b'], { 'konghq.com/plugins': 'p' })], consumers: [], consumerGroups: [] });
  assert.deepEqual(rel.get('default:p')?.services, ['s', 's']);
  assert.deepEqual(rel.get('default:p')?.referrers.map((r) => r.name), ['a', 'b']);
});
