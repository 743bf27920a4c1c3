import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KongService, KongUpstream } from '../../src/kongstate/types.js';
import { applyPolicy, applyUpstreamPolicies } from '../../src/translate/kong-crds/kongupstreampolicy.js';
import { formatFailure } from '../../src/translate/failures.js';
import { contextOf, ingress, options, run, svc, upstreamPolicy } from '../helpers/kong-builders.js';
import type { K8sObject } from '../../src/model/meta.js';

const upstream = (): KongUpstream => ({ name: 'u', targets: [], meta: { service: 'ks' } });

const mappingCases = [
  { name: 'algorithm and slots', spec: { algorithm: 'least-connections', slots: 100 }, want: { algorithm: 'least-connections', slots: 100 } },
  { name: 'hashOn input', spec: { hashOn: { input: 'ip' } }, want: { hash_on: 'ip' } },
  { name: 'hashOn header', spec: { hashOn: { header: 'x-session' } }, want: { hash_on: 'header', hash_on_header: 'x-session' } },
  {
    name: 'hashOn cookie',
    spec: { hashOn: { cookie: 'sid', cookiePath: '/app' } },
    want: { hash_on: 'cookie', hash_on_cookie: 'sid', hash_on_cookie_path: '/app' },
  },
  { name: 'hashOn queryArg', spec: { hashOn: { queryArg: 'user' } }, want: { hash_on: 'query_arg', hash_on_query_arg: 'user' } },
  { name: 'hashOn uriCapture', spec: { hashOn: { uriCapture: 'id' } }, want: { hash_on: 'uri_capture', hash_on_uri_capture: 'id' } },
  {
    name: 'hashOnFallback fields',
    spec: { hashOnFallback: { header: 'x-b' } },
    want: { hash_fallback: 'header', hash_fallback_header: 'x-b' },
  },
  { name: 'hashOnFallback queryArg', spec: { hashOnFallback: { queryArg: 'q' } }, want: { hash_fallback: 'query_arg', hash_fallback_query_arg: 'q' } },
  { name: 'hashOnFallback uriCapture', spec: { hashOnFallback: { uriCapture: 'c' } }, want: { hash_fallback: 'uri_capture', hash_fallback_uri_capture: 'c' } },
  {
    name: 'hashOnFallback cookie fills hash_on_cookie only when hashOn has none',
    spec: { hashOn: { cookie: 'main' }, hashOnFallback: { cookie: 'fb', cookiePath: '/fb' } },
    want: { hash_on: 'cookie', hash_on_cookie: 'main', hash_fallback: 'cookie', hash_on_cookie_path: '/fb' },
  },
  {
    name: 'sticky sessions',
    spec: { stickySessions: { cookie: 'st', cookiePath: '/' } },
    want: { sticky_sessions_cookie: 'st', sticky_sessions_cookie_path: '/' },
  },
  {
    name: 'healthchecks: only set fields, renamed',
    spec: {
      healthchecks: {
        threshold: 50,
        active: { type: 'https', httpPath: '/h', unhealthy: { tcpFailures: 2 } },
        passive: { healthy: { httpStatuses: [200] } },
      },
    },
    want: {
      healthchecks: {
        threshold: 50,
        active: { type: 'https', http_path: '/h', unhealthy: { tcp_failures: 2 } },
        passive: { healthy: { http_statuses: [200] } },
      },
    },
  },
] as const;
for (const tc of mappingCases) {
  test(`policy mapping: ${tc.name}`, () => {
    const u = upstream();
    applyPolicy(u, tc.spec);
    const { name: _n, targets: _t, meta: _m, ...fields } = u;
    assert.deepEqual(fields, tc.want);
  });
}

test('unset policy fields leave the upstream as it was; healthchecks replace the whole object', () => {
  const u: KongUpstream = { ...upstream(), algorithm: 'consistent-hashing', host_header: 'h', healthchecks: { active: { timeout: 3 }, passive: { type: 'tcp' } } };
  applyPolicy(u, { healthchecks: { active: { concurrency: 2 } } });
  assert.equal(u.algorithm, 'consistent-hashing');
  assert.equal(u.host_header, 'h');
  assert.deepEqual(u.healthchecks, { active: { concurrency: 2 } });
});

const base = (policy: Record<string, unknown> = { algorithm: 'least-connections' }): K8sObject[] => [
  svc('echo', { ports: [80, 8080], annotations: { 'konghq.com/upstream-policy': 'pol' } }),
  ingress('ing', [['/a', 'echo', 80], ['/b', 'echo', 8080]]),
  upstreamPolicy('pol', policy),
];

test('an Ingress Service policy applies to every upstream of that Service; algorithm default otherwise', () => {
  const { doc, lines } = run([...base(), svc('plain'), ingress('other', [['/c', 'plain', 80]])]);
  assert.deepEqual(lines, []);
  const algo = Object.fromEntries((doc.upstreams ?? []).map((u) => [u.name, u.algorithm]));
  assert.deepEqual(algo, { 'echo.default.80.svc': 'least-connections', 'echo.default.8080.svc': 'least-connections', 'plain.default.80.svc': 'round-robin' });
});

test('a missing policy fails on the Service and leaves the upstreams unchanged', () => {
  const { doc, lines } = run(base().slice(0, 2));
  assert.deepEqual((doc.upstreams ?? []).map((u) => u.algorithm), ['round-robin', 'round-robin']);
  assert.deepEqual(lines, [
    'Service default/echo metadata.annotations[konghq.com/upstream-policy]: ObjectNotFound: failed fetching KongUpstreamPolicy: KongUpstreamPolicy default/pol not found',
  ]);
  assert.equal(doc.services?.length, 2);
});

test('sticky-sessions needs Kong 3.11', () => {
  const sticky = { algorithm: 'sticky-sessions', stickySessions: { cookie: 'c' } };
  const old = run(base(sticky));
  assert.deepEqual((old.doc.upstreams ?? []).map((u) => u.algorithm), ['round-robin', 'round-robin']);
  assert.deepEqual(old.lines, [
    'Service default/echo metadata.annotations[konghq.com/upstream-policy]: UnsupportedByKongVersion: KongUpstreamPolicy default/pol: algorithm sticky-sessions requires Kong 3.11.0 or later (Kong is 3.9.1)',
  ]);
  const recent = run(base(sticky), options({ kongVersion: { major: 3, minor: 11, patch: 0 } }));
  assert.deepEqual(recent.lines, []);
  assert.deepEqual((recent.doc.upstreams ?? []).map((u) => [u.algorithm, u.sticky_sessions_cookie]), [
    ['sticky-sessions', 'c'],
    ['sticky-sessions', 'c'],
  ]);
});

test('a KongServiceFacade annotation overrides its Service policy', () => {
  const facade: K8sObject = {
    apiVersion: 'incubator.ingress-controller.konghq.com/v1alpha1',
    kind: 'KongServiceFacade',
    metadata: { name: 'f', namespace: 'default', annotations: { 'konghq.com/upstream-policy': 'facade-pol' } },
    spec: { backendRef: { name: 'echo', port: 80 } },
  } as K8sObject;
  const ing = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'ing', namespace: 'default' },
    spec: {
      ingressClassName: 'kong',
      rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { resource: { apiGroup: 'incubator.ingress-controller.konghq.com', kind: 'KongServiceFacade', name: 'f' } } }] } }],
    },
  } as K8sObject;
  const { doc, lines } = run(
    [svc('echo', { annotations: { 'konghq.com/upstream-policy': 'pol' } }), facade, ing, upstreamPolicy('pol', { slots: 10 }), upstreamPolicy('facade-pol', { slots: 20 })],
    options({ gates: { KongServiceFacade: true } }),
  );
  assert.deepEqual(lines, []);
  assert.deepEqual((doc.upstreams ?? []).map((u) => [u.name, u.slots]), [['default.f.svc.facade', 20]]);
});

// A Kong service backed by several Services, as Gateway API rules with several backendRefs make.
function multiService(annotations: [Record<string, string>, Record<string, string>]): { ks: KongService; objects: K8sObject[] } {
  const objects = [svc('a', { annotations: annotations[0] }), svc('b', { annotations: annotations[1] }), upstreamPolicy('pol', { algorithm: 'latency' }), upstreamPolicy('other', {})];
  const parent = { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'default', name: 'r' };
  const ks: KongService = {
    name: 'ks',
    host: 'ks',
    tags: [],
    routes: [],
    meta: {
      backends: [],
      parent,
      k8sServices: [
        { group: '', kind: 'Service', namespace: 'default', name: 'a' },
        { group: '', kind: 'Service', namespace: 'default', name: 'b' },
      ],
      // What populateServices records: the backing Services' annotations merged.
      annotations: { ...annotations[0], ...annotations[1] },
      sourceKind: 'HTTPRoute',
    },
  };
  return { ks, objects };
}

const multiCases = [
  { name: 'same policy on both', ann: [{ 'konghq.com/upstream-policy': 'pol' }, { 'konghq.com/upstream-policy': 'pol' }], algorithm: 'latency', failure: undefined },
  {
    name: 'one set, one unset',
    ann: [{ 'konghq.com/upstream-policy': 'pol' }, {}],
    algorithm: undefined,
    failure: 'Service default/a metadata.annotations[konghq.com/upstream-policy]: ConflictingAnnotations: inconsistent KongUpstreamPolicy configuration for services default/a, default/b',
  },
  {
    name: 'different policies',
    ann: [{ 'konghq.com/upstream-policy': 'pol' }, { 'konghq.com/upstream-policy': 'other' }],
    algorithm: undefined,
    failure: 'Service default/a metadata.annotations[konghq.com/upstream-policy]: ConflictingAnnotations: inconsistent KongUpstreamPolicy configuration for services default/a, default/b',
  },
  { name: 'none', ann: [{}, {}], algorithm: undefined, failure: undefined },
] as const;
for (const tc of multiCases) {
  test(`multi-Service upstream: ${tc.name}`, () => {
    const { ks, objects } = multiService([tc.ann[0], tc.ann[1]]);
    const { ctx, records } = contextOf(objects);
    const u = upstream();
    applyUpstreamPolicies(ctx, [ks], [u]);
    assert.equal(u.algorithm, tc.algorithm);
    assert.deepEqual(records.failures.map(formatFailure), tc.failure ? [tc.failure] : []);
    if (tc.failure) assert.deepEqual(records.failures[0].objects.map((o) => o.name), ['a', 'b']);
  });
}
