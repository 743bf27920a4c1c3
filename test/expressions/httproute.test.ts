import { test } from 'node:test';
import assert from 'node:assert/strict';
import { options, run, svc } from '../helpers/kong-builders.js';
import { backend, exact, gateway, httpRoute, prefix, regex, rule, valueMatch } from '../helpers/gateway-builders.js';
import type { HTTPRouteMatch } from '../../src/model/gateway-api.js';
import type { K8sObject } from '../../src/model/meta.js';

const echo = svc('echo', { ports: [80] });
const expressions = options({ routerFlavor: 'expressions' });

/** Spec 04 §3.6, written out: the inputs are the route's traits, `order` the relative-order bits. */
function priority(t: { precise?: boolean; hostLen?: number; exact?: boolean; regex?: boolean; pathLen?: number; method?: boolean; headers?: number; queries?: number; order: number }): number {
  return (
    2 * 2 ** 44 +
    (t.precise ? 2 ** 43 : 0) +
    (t.hostLen ?? 0) * 2 ** 35 +
    (t.exact ? 2 ** 34 : 0) +
    (t.regex ? 2 ** 33 : 0) +
    ((t.pathLen ?? 0) > 0 ? ((t.pathLen ?? 0) - 1) * 2 ** 23 : 0) +
    (t.method ? 2 ** 22 : 0) +
    (t.headers ?? 0) * 2 ** 17 +
    (t.queries ?? 0) * 2 ** 12 +
    t.order
  );
}

function routes(objects: readonly K8sObject[]): Map<string, Record<string, unknown>> {
  const { doc, result } = run(objects, expressions);
  assert.deepEqual(result.failures, []);
  return new Map((doc.services ?? []).flatMap((s) => s.routes ?? []).map((r) => [String(r.name), r]));
}

function one(match: HTTPRouteMatch, hostnames?: string[], annotations?: Record<string, string>): Record<string, unknown> {
  const all = routes([echo, httpRoute('web', [rule({ matches: [match], backendRefs: [backend('echo:80')] })], { hostnames, annotations })]);
  assert.equal(all.size, 1);
  return [...all.values()][0];
}

test('expressions of each match kind (spec 04 §3.2–§3.5)', () => {
  const cases = [
    { name: 'prefix', match: prefix('/nginx'), want: '(http.path == "/nginx") || (http.path ^= "/nginx/")' },
    { name: 'prefix /', match: prefix('/'), want: 'http.path ^= "/"' },
    { name: 'prefix with trailing /', match: prefix('/a/'), want: '(http.path == "/a") || (http.path ^= "/a/")' },
    { name: 'exact', match: exact('/a'), want: 'http.path == "/a"' },
    { name: 'regex gets ^', match: regex('/v[0-9]+'), want: 'http.path ~ "^/v[0-9]+"' },
    { name: 'regex keeps its ^', match: regex('^/v'), want: 'http.path ~ "^/v"' },
    { name: 'method', match: { method: 'GET' }, want: 'http.method == "GET"' },
    {
      name: 'headers sorted by name, lower-cased, - to _',
      match: { headers: [valueMatch('X-User-Id', '1'), valueMatch('Accept', 'json.*', 'RegularExpression')] },
      want: '(http.headers.accept ~ "json.*") && (http.headers.x_user_id == "1")',
    },
    {
      name: 'query params sorted, names as written',
      match: { queryParams: [valueMatch('b', '2', 'RegularExpression'), valueMatch('A', '1')] },
      want: '(http.queries.A == "1") && (http.queries.b ~ "2")',
    },
    {
      name: 'path, header, query and method',
      match: exact('/foo', { method: 'GET', headers: [valueMatch('X-Env', 'prod')], queryParams: [valueMatch('q', 'x')] }),
      want: '(http.path == "/foo") && (http.headers.x_env == "prod") && (http.queries.q == "x") && (http.method == "GET")',
    },
    { name: 'empty match is the catch-all', match: {}, want: '(net.protocol == "http") || (net.protocol == "https")' },
  ];
  for (const tc of cases) assert.equal(one(tc.match).expression, tc.want, tc.name);
});

test('hostnames and konghq.com/snis wrap the match (spec 04 §3.2)', () => {
  assert.equal(one(prefix('/x'), ['foo.com']).expression, '(http.host == "foo.com") && ((http.path == "/x") || (http.path ^= "/x/"))');
  assert.equal(
    one(exact('/foo', { headers: [valueMatch('X-Env', 'prod')], method: 'GET' }), ['*.example.com']).expression,
    '(http.host =^ ".example.com") && ((http.path == "/foo") && (http.headers.x_env == "prod") && (http.method == "GET"))',
  );
  assert.equal(
    one(exact('/a'), ['foo.com'], { 'konghq.com/snis': 'foo.com, ,bar.com' }).expression,
    '(http.host == "foo.com") && ((tls.sni == "foo.com") || (tls.sni == "bar.com")) && (http.path == "/a")',
  );
});

test('one route per hostname x rule x match, named with the hostname (spec 04 §3.1)', () => {
  const all = routes([
    echo,
    httpRoute('web', [rule({ matches: [prefix('/a'), prefix('/b')], backendRefs: [backend('echo:80')] }), rule({ backendRefs: [backend('echo:80')] })], {
      hostnames: ['a.com', '*.b.com'],
    }),
  ]);
  assert.deepEqual([...all.keys()].sort(), [
    'httproute.default.web._.b.com.0.0',
    'httproute.default.web._.b.com.0.1',
    'httproute.default.web._.b.com.1.0',
    'httproute.default.web.a.com.0.0',
    'httproute.default.web.a.com.0.1',
    'httproute.default.web.a.com.1.0',
  ]);
  const r = all.get('httproute.default.web.a.com.0.0')!;
  assert.equal(r.preserve_host, true);
  assert.equal(r.strip_path, false);
  assert.equal(r.paths, undefined);
  assert.equal(r.hosts, undefined);
});

test('protocols come from the Gateway listeners with the expressions router too', () => {
  const all = routes([echo, gateway('kong', [{ name: 'https', protocol: 'HTTPS', port: 443 }]), httpRoute('web', [rule({ matches: [prefix('/')], backendRefs: [backend('echo:80')] })])]);
  assert.deepEqual(all.get('httproute.default.web._.0.0')!.protocols, ['https']);
});

test('priorities follow the bit layout of spec 04 §3.6', () => {
  const cases = [
    { name: 'prefix /nginx', match: prefix('/nginx'), want: priority({ pathLen: 6, order: 4095 }) },
    { name: 'exact, one header, method, wildcard host', match: exact('/foo', { headers: [valueMatch('X-Env', 'prod')], method: 'GET' }), hosts: ['*.example.com'], want: priority({ hostLen: 13, exact: true, pathLen: 4, method: true, headers: 1, order: 4095 }) },
    { name: 'regex, precise host', match: regex('/api/v[0-9]+'), hosts: ['foo.example.com'], want: priority({ precise: true, hostLen: 15, regex: true, pathLen: 12, order: 4095 }) },
    { name: 'two query params', match: prefix('/search', { queryParams: [valueMatch('a', '1'), valueMatch('b', '2')] }), want: priority({ pathLen: 7, queries: 2, order: 4095 }) },
    { name: 'empty match', match: {}, want: priority({ order: 4095 }) },
  ];
  for (const tc of cases) assert.equal(one(tc.match, tc.hosts).priority, tc.want, tc.name);
});

test('equal bases are ordered by age, namespace, name, rule and match (spec 04 §3.6)', () => {
  const all = routes([
    echo,
    svc('echo', { ns: 'b', ports: [80] }),
    svc('echo', { ns: 'a', ports: [80] }),
    httpRoute('r2', [rule({ backendRefs: [backend('echo:80')] })], { ns: 'b' }),
    httpRoute('r1', [rule({ backendRefs: [backend('echo:80')] })], { ns: 'default' }),
    httpRoute('old', [rule({ backendRefs: [backend('echo:80')] })], { ns: 'default', created: '2020-01-01T00:00:00Z' }),
    httpRoute('new', [rule({ backendRefs: [backend('echo:80')] })], { ns: 'a', created: '2021-01-01T00:00:00Z' }),
    httpRoute('m', [rule({ matches: [{ method: 'GET' }, { method: 'PUT' }], backendRefs: [backend('echo:80')] })], { ns: 'default' }),
  ]);
  // Without timestamps: b/r2 vs default/r1 -> namespace order; timestamps missing sort first (zero time).
  assert.equal(all.get('httproute.b.r2._.0.0')!.priority, priority({ order: 4095 - 0 }));
  assert.equal(all.get('httproute.default.r1._.0.0')!.priority, priority({ order: 4095 - 1 }));
  assert.equal(all.get('httproute.default.old._.0.0')!.priority, priority({ order: 4095 - 2 }));
  assert.equal(all.get('httproute.a.new._.0.0')!.priority, priority({ order: 4095 - 3 }));
  // Same route and rule: match index decides.
  assert.equal(all.get('httproute.default.m._.0.0')!.priority, priority({ method: true, order: 4095 }));
  assert.equal(all.get('httproute.default.m._.0.1')!.priority, priority({ method: true, order: 4094 }));
});

test('hostnames tying on everything give the later hostname the larger priority (spec 04 §3.6)', () => {
  const all = routes([echo, httpRoute('web', [rule({ matches: [prefix('/')], backendRefs: [backend('echo:80')] })], { hostnames: ['a.com', 'b.com', 'c.com'] })]);
  const base = { precise: true, hostLen: 5, pathLen: 1 };
  assert.equal(all.get('httproute.default.web.c.com.0.0')!.priority, priority({ ...base, order: 4095 }));
  assert.equal(all.get('httproute.default.web.b.com.0.0')!.priority, priority({ ...base, order: 4094 }));
  assert.equal(all.get('httproute.default.web.a.com.0.0')!.priority, priority({ ...base, order: 4093 }));
});

test('named rules tag only their own routes with the expressions router (spec 03 §4.11)', () => {
  const all = routes([echo, httpRoute('web', [rule({ name: 'one', matches: [prefix('/a')], backendRefs: [backend('echo:80')] }), rule({ matches: [prefix('/b')], backendRefs: [backend('echo:80')] })])]);
  assert.deepEqual((all.get('httproute.default.web._.0.0')!.tags as string[]).filter((t) => t.startsWith('k8s-named')), ['k8s-named-route-rule:one']);
  assert.deepEqual((all.get('httproute.default.web._.1.0')!.tags as string[]).filter((t) => t.startsWith('k8s-named')), []);
});
