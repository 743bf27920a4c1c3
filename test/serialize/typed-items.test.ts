import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadManifests } from '../../src/store/load-manifests.js';
import { Snapshot } from '../../src/store/snapshot.js';
import { translateWithFallback } from '../../src/fallback/assume-rejected.js';
import { translate } from '../../src/translate/index.js';
import { defaultTranslateOptions } from '../../src/translate/options.js';
import type { KongRoute, KongService, KongState, KongTarget, KongUpstream, NestedPlugin } from '../../src/kongstate/types.js';
import { routeItem, serviceItem, targetItem, upstreamItem, type OutputItem } from '../../src/serialize/items.js';
import { generateCluster } from '../../bench/cluster.js';
import { OWN_GOLDEN_DIR, SHARED_GOLDEN_DIR, brokenObjects, casesIn, variantsOf } from '../helpers/golden.js';
import { assertSameEverywhere } from './streamed.js';
import { route, service, setUntyped, SRC, state, upstream } from './states.js';

// The typed builders (items.ts) write services, routes, upstreams and targets without entity(): held to the
// old path's text with every field set, every field empty or null, and the defaults of both router flavors.

function assertSame(s: KongState): void {
  for (const expressions of [false, true]) assertSameEverywhere(s, expressions, `expressions=${expressions}`);
}

// Nested plugins with config whose keys need sorting at every level (and an empty list and null inside,
// which raw fields keep), in an order that needs sorting.
const nestedPlugins = (): NestedPlugin[] => [
  { name: 'b-plugin', config: { z: 1, a: { y: [], x: null, c: [{ q: 1, p: 2 }] } }, tags: ['pt'] },
  { name: 'z-plugin' },
  { name: 'm-plugin', config: {} },
];

// Every field of each type set (Required<> makes TypeScript list them), lists and maps in an order that
// needs sorting, nested objects with unset or empty parts to prune, and false/0/"" that must stay.
const fullRoute = (name: string): Required<KongRoute> => ({
  id: `${name}-id`,
  name,
  hosts: ['b.example', 'a.example'],
  paths: ['/b', '~/a$'],
  methods: ['POST', 'GET'],
  headers: { 'x-z': ['1', '2'], 'x-a': ['v'], 'x-empty': [] },
  snis: ['s.example'],
  sources: [{ port: 1, ip: '10.0.0.1' }, {}],
  destinations: [{ port: 80 }, { ip: '10.0.0.2', port: undefined }],
  protocols: ['https', 'http'],
  strip_path: false,
  preserve_host: true,
  regex_priority: 0,
  request_buffering: false,
  response_buffering: true,
  https_redirect_status_code: 308,
  path_handling: 'v1',
  expression: 'http.path == "/"',
  priority: 0,
  tags: ['t2', 't1'],
  plugins: nestedPlugins(),
  meta: { source: SRC },
});

const fullService = (name: string): Required<KongService> => ({
  id: `${name}-id`,
  name,
  host: `${name}.svc`,
  port: 8443,
  protocol: 'https',
  path: '',
  connect_timeout: 0,
  read_timeout: 1.5,
  write_timeout: 60000,
  retries: 0,
  tls_verify: false,
  tls_verify_depth: 0,
  ca_certificates: ['ca-2', 'ca-1'],
  client_certificate: { id: 'cc' },
  tags: ['k8s-name:x', 'k8s-namespace:y'],
  routes: [fullRoute('r-a'), route('r-c'), fullRoute('r-b')],
  plugins: nestedPlugins(),
  meta: service(name).meta,
});

const fullUpstream = (name: string): Required<Omit<KongUpstream, 'extra'>> => ({
  name,
  algorithm: 'consistent-hashing',
  slots: 0,
  host_header: 'h.example',
  hash_on: 'header',
  hash_fallback: 'cookie',
  hash_on_header: 'x-on',
  hash_fallback_header: 'x-fallback',
  hash_on_cookie: 'c',
  hash_on_cookie_path: '/c',
  hash_on_query_arg: 'q',
  hash_fallback_query_arg: 'fq',
  hash_on_uri_capture: 'u',
  hash_fallback_uri_capture: 'fu',
  healthchecks: { passive: { unhealthy: { http_failures: 0, timeouts: 3 } }, active: { type: 'http', healthy: {}, http_path: '/' } },
  sticky_sessions_cookie: 'sticky',
  sticky_sessions_cookie_path: '/s',
  tags: ['u2', 'u1'],
  targets: [{ target: '10.0.0.1:80', weight: 0 }, { target: '10.0.0.3:80' }, { target: '10.0.0.2:80', weight: 100 }],
  meta: { service: name },
});

// Every output key of an item has a value: the fixture sets every field and the builder writes each one.
function assertAllWritten(item: OutputItem, fixture: object, omit: readonly string[]): void {
  const want = Object.keys(fixture).filter((k) => !omit.includes(k)).sort();
  assert.deepEqual(Object.keys(item).sort(), want);
  for (const [k, v] of Object.entries(item)) assert.notEqual(v, undefined, `${k} is not written`);
}

test('the fixtures set every field, and the builders write every one of them', () => {
  for (const expressions of [false, true]) {
    assertAllWritten(routeItem(fullRoute('r'), expressions), fullRoute('r'), ['meta']);
    assertAllWritten(serviceItem(fullService('s'), expressions), fullService('s'), ['meta']);
  }
  assertAllWritten(upstreamItem(fullUpstream('u')), fullUpstream('u'), ['meta']);
  assertAllWritten(targetItem({ target: 't', weight: 0 }), { target: 't', weight: 0 }, []);
});

test('builders write keys in sorted order (the order JSON.stringify writes them in)', () => {
  const items = [routeItem(fullRoute('r'), false), serviceItem(fullService('s'), false), upstreamItem(fullUpstream('u')), targetItem({ target: 't' })];
  for (const item of items) assert.deepEqual(Object.keys(item), Object.keys(item).sort());
});

test('every field set: services with routes and nested plugins, upstreams with targets', () => {
  assertSame(state((s) => {
    s.services.push(fullService('svc-b'), fullService('svc-a'), service('svc-c', [fullRoute('only')]));
    s.upstreams.push(fullUpstream('up-a'), fullUpstream('up-b'));
  }));
});

test('every list and map empty: omitted (routes and targets too)', () => {
  const r = route('r', { hosts: [], paths: [], methods: [], headers: {}, snis: [], sources: [], destinations: [], protocols: [], plugins: [] });
  assertSame(state((s) => {
    s.services.push(service('s', [r], { ca_certificates: [], client_certificate: {} as { id: string }, plugins: [] }), service('t', []));
    s.upstreams.push(upstream('u', { healthchecks: {}, tags: [], targets: [] }));
  }));
});

test('every field null: omitted, and the defaults (426, v0 for the traditional router, round-robin) apply', () => {
  const nulled = <T extends object>(obj: T, keep: readonly string[]): T => {
    for (const k of Object.keys(obj)) if (!keep.includes(k)) setUntyped(obj, k, null);
    return obj;
  };
  assertSame(state((s) => {
    const r = nulled(fullRoute('r'), ['name', 'meta']);
    s.services.push(nulled(fullService('s'), ['name', 'meta', 'routes']));
    s.services[0].routes = [r];
    s.upstreams.push(nulled(fullUpstream('u'), ['name', 'meta', 'targets']));
    s.upstreams[0].targets = [nulled<KongTarget>({ target: 'a:1', weight: 5 }, ['target'])];
  }));
});

test('route defaults by router flavor: set values kept, unset ones defaulted (traditional) or left out (expressions)', () => {
  assertSame(state((s) => s.services.push(service('s', [
    route('set', { https_redirect_status_code: 301, path_handling: 'v1', expression: 'http.host == "a"', priority: 5 }),
    route('unset'),
    route('zero', { https_redirect_status_code: 0, path_handling: '' }),
  ]))));
});

test('upstream extra: fills fields the upstream has no own key for, typed fields win (an own undefined too), algorithm defaults', () => {
  const withExtra = (name: string, fields: Partial<KongUpstream>, extra: Record<string, unknown>): KongUpstream => {
    const u = upstream(name, fields);
    setUntyped(u, 'extra', extra);
    return u;
  };
  assertSame(state((s) => {
    s.upstreams.push(withExtra('a', { hash_on: 'ip', slots: undefined, targets: [{ target: 'x:1' }, { target: 'y:1', weight: 2 }] }, {
      hash_on: 'header', slots: 5, algorithm: 'least-connections', use_srv_name: true, aaa_first: 'x', zzz_last: { b: 1, a: [] },
      extra: { nested: 1 }, meta: 'm', targets: [{ target: 'ignored:1' }], healthchecks: { b: 1, a: 2 }, constructor: 'an own key, not the prototype\'s',
    }));
    s.upstreams.push(withExtra('b', { algorithm: 'latency' }, {}));
    s.upstreams.push(withExtra('c', {}, { tags: ['from-extra'], hash_fallback: 'none' }));
    const nullExtra = upstream('d');
    setUntyped(nullExtra, 'extra', null);
    s.upstreams.push(nullExtra);
  }));
});

test('untyped values in typed fields: nulls and objects inside lists, nested lists', () => {
  const r = fullRoute('r');
  setUntyped(r, 'hosts', ['a', null, ['x', { b: 1, a: null }], { z: 1, y: null }]);
  setUntyped(r, 'tags', [{ b: 2, a: 1 }]);
  setUntyped(r, 'headers', { 'x-b': ['1'], 'x-a': [], 'x-c': null, 'x-d': {} });
  const sv = fullService('s');
  setUntyped(sv, 'client_certificate', { id: 'c', extra: undefined, z: [] });
  assertSame(state((s) => s.services.push({ ...sv, routes: [r] })));
});

// What the typed builders rely on: the translator puts no field on services, routes, upstreams and targets
// that their types (so the builders) do not have. Checked on every golden input and the synthetic clusters.
function unwrittenKeys(st: KongState): string[] {
  const out: string[] = [];
  const check = (what: string, obj: object, item: OutputItem, allowed: readonly string[] = []): void => {
    for (const k of Object.keys(obj)) if (k !== 'meta' && !allowed.includes(k) && !(k in item)) out.push(`${what}: ${k}`);
  };
  for (const s of st.services) {
    check(`service ${s.name}`, s, serviceItem(s, false));
    for (const r of s.routes) check(`route ${r.name}`, r, routeItem(r, false));
  }
  for (const u of st.upstreams) {
    check(`upstream ${u.name}`, u, upstreamItem({ ...u, extra: undefined }), ['extra']);
    for (const t of u.targets) check(`target ${t.target}`, t, targetItem(t));
  }
  return out;
}

test('the check below finds a field the builders would not write', () => {
  const r = route('r');
  setUntyped(r, 'novel_field', 1);
  const u = upstream('u', { targets: [{ target: 't' }] });
  setUntyped(u.targets[0], 'novel_target_field', 1);
  assert.deepEqual(unwrittenKeys(state((s) => {
    s.services.push(service('s', [r]));
    s.upstreams.push(u);
  })), ['route r: novel_field', 'target t: novel_target_field']);
});

test('the translator puts no field the builders do not write (golden inputs, synthetic clusters)', () => {
  const found: string[] = [];
  let services = 0;
  for (const root of [OWN_GOLDEN_DIR, SHARED_GOLDEN_DIR]) {
    for (const name of casesIn(root)) {
      const dir = join(root, name);
      const { objects } = loadManifests([join(dir, 'in.yaml')]);
      for (const variant of variantsOf(dir)) {
        const { result } = translateWithFallback(Snapshot.of(objects), variant.options, brokenObjects(dir));
        services += result.state.services.length;
        found.push(...unwrittenKeys(result.state).map((f) => `${name} [${variant.name}] ${f}`));
      }
    }
  }
  for (const profile of ['mixed', 'ingress'] as const) {
    for (const routerFlavor of ['traditional_compatible', 'expressions'] as const) {
      const cluster = generateCluster({ size: 200, seed: 7, profile, perNamespace: 40 });
      const { state: st } = translate(Snapshot.of(cluster), defaultTranslateOptions({ routerFlavor }));
      services += st.services.length;
      found.push(...unwrittenKeys(st).map((f) => `${profile}/${routerFlavor} ${f}`));
    }
  }
  assert.ok(services > 100, `only ${services} services checked`);
  assert.deepEqual(found, []);
});
