import { test } from 'node:test';
import assert from 'node:assert/strict';
import { endpointSlice, options, referenceGrant, run, svc, type Doc } from '../helpers/kong-builders.js';
import { backend, exact, gateway, httpRoute, prefix, regex, rule, valueMatch } from '../helpers/gateway-builders.js';

type Entity = Record<string, unknown>;

function service(doc: Doc, name: string): Entity & { routes?: Entity[] } {
  const s = doc.services?.find((x) => x.name === name);
  assert.ok(s, `service ${name} in ${JSON.stringify(doc.services?.map((x) => x.name))}`);
  return s;
}

function route(doc: Doc, name: string): Entity {
  const r = doc.services?.flatMap((s) => s.routes ?? []).find((x) => x.name === name);
  assert.ok(r, `route ${name}`);
  return r;
}

const echo = svc('echo', { ports: [80] });

test('each path type gives its Kong paths (spec 03 §4.6)', () => {
  const cases = [
    { name: 'prefix', match: prefix('/api'), want: ['~/api$', '/api/'] },
    { name: 'prefix with trailing slash', match: prefix('/api/'), want: ['~/api/$', '/api/'] },
    { name: 'prefix /', match: prefix('/'), want: ['~/$', '/'] },
    { name: 'exact', match: exact('/api'), want: ['~/api$'] },
    { name: 'regex', match: regex('/v[0-9]+'), want: ['~/v[0-9]+'] },
  ];
  for (const tc of cases) {
    const { doc } = run([echo, httpRoute('web', [rule({ matches: [tc.match], backendRefs: [backend('echo:80')] })])]);
    assert.deepEqual(route(doc, 'httproute.default.web.0.0').paths, tc.want, tc.name);
  }
});

test('header and method matches become headers and methods (spec 03 §4.6)', () => {
  const match = prefix('/a', { method: 'POST', headers: [valueMatch('X-Env', 'prod'), valueMatch('X-Id', '^[0-9]+$', 'RegularExpression')] });
  const { doc } = run([echo, httpRoute('web', [rule({ matches: [match], backendRefs: [backend('echo:80')] })])]);
  const r = route(doc, 'httproute.default.web.0.0');
  assert.deepEqual(r.methods, ['POST']);
  assert.deepEqual(r.headers, { 'X-Env': ['prod'], 'X-Id': ['~*^[0-9]+$'] });
});

test('hostnames are the route hosts, wildcards kept; route defaults (spec 03 §4.5)', () => {
  const { doc } = run([echo, httpRoute('web', [rule({ matches: [prefix('/')], backendRefs: [backend('echo:80')] })], { hostnames: ['a.example.com', '*.example.org'] })]);
  const r = route(doc, 'httproute.default.web.0.0');
  assert.deepEqual(r.hosts, ['a.example.com', '*.example.org']);
  assert.equal(r.preserve_host, true);
  assert.equal(r.strip_path, false);
  assert.equal(r.protocols, undefined);
});

test('matches with the same method and headers share one route; a different method gets its own', () => {
  const { doc } = run([
    echo,
    httpRoute('web', [
      rule({ name: 'a', matches: [prefix('/a'), prefix('/b', { method: 'GET' })], backendRefs: [backend('echo:80')] }),
      rule({ name: 'c', matches: [prefix('/c')], backendRefs: [backend('echo:80')] }),
    ]),
  ]);
  const s = service(doc, 'httproute.default.web.0');
  assert.deepEqual(s.routes?.map((r) => r.name).sort(), ['httproute.default.web.0.0', 'httproute.default.web.0.1']);
  const merged = route(doc, 'httproute.default.web.0.0');
  assert.deepEqual(merged.paths, ['~/a$', '/a/', '~/c$', '/c/']);
  assert.deepEqual((merged.tags as string[]).filter((t) => t.startsWith('k8s-named-route-rule:')), ['k8s-named-route-rule:a', 'k8s-named-route-rule:c']);
  assert.deepEqual(route(doc, 'httproute.default.web.0.1').methods, ['GET']);
});

test('a rule without matches gets route R.0 without paths or named-rule tags (spec 03 §4.7)', () => {
  const { doc } = run([echo, httpRoute('web', [rule({ name: 'all', backendRefs: [backend('echo:80')] })], { hostnames: ['a.com'] })]);
  const r = route(doc, 'httproute.default.web.0.0');
  assert.equal(r.paths, undefined);
  assert.deepEqual(r.hosts, ['a.com']);
  assert.equal(r.strip_path, undefined);
  assert.ok(!(r.tags as string[]).some((t) => t.startsWith('k8s-named-route-rule:')));
});

test('rules with equal backendRefs (in any order) share a service named for the lowest rule (spec 03 §4.2)', () => {
  const two = [backend('echo:80', { weight: 10 }), backend('other:80', { weight: 90 })];
  const { doc } = run([
    echo,
    svc('other'),
    httpRoute('web', [
      rule({ matches: [prefix('/a')], backendRefs: [backend('other:80')] }),
      rule({ matches: [prefix('/b')], backendRefs: two }),
      rule({ matches: [prefix('/c')], backendRefs: [...two].reverse() }),
      rule({ matches: [prefix('/d')], backendRefs: [backend('other:80', { weight: 5 })] }),
    ]),
  ]);
  assert.deepEqual(doc.services?.map((s) => s.name).sort(), ['httproute.default.web.0', 'httproute.default.web.1', 'httproute.default.web.3']);
  assert.deepEqual(service(doc, 'httproute.default.web.1').routes?.map((r) => r.name), ['httproute.default.web.1.0']);
  assert.deepEqual(route(doc, 'httproute.default.web.1.0').paths, ['~/b$', '/b/', '~/c$', '/c/']);
});

test('two HTTPRoutes never share a service unless CombinedServicesFromDifferentHTTPRoutes is on', () => {
  const objs = [
    echo,
    httpRoute('a', [rule({ matches: [prefix('/a')], backendRefs: [backend('echo:80')] })]),
    httpRoute('b', [rule({ matches: [prefix('/b')], backendRefs: [backend('echo:80')] })]),
  ];
  assert.deepEqual(run(objs).doc.services?.map((s) => s.name).sort(), ['httproute.default.a.0', 'httproute.default.b.0']);
  const { doc } = run(objs, options({ gates: { CombinedServicesFromDifferentHTTPRoutes: true } }));
  assert.deepEqual(doc.services?.map((s) => s.name), ['httproute.default.svc.default.echo.80']);
  assert.deepEqual(service(doc, 'httproute.default.svc.default.echo.80').routes?.map((r) => r.name).sort(), [
    'httproute.default.a.0.0',
    'httproute.default.b.0.0',
  ]);
});

test('weighted backends: one service and upstream, weights split over each backend\'s targets (spec 03 §3.4)', () => {
  const slice2 = { ...endpointSlice('other', '10.0.0.2', 80), endpoints: [{ addresses: ['10.0.0.2'] }, { addresses: ['10.0.0.3'] }] };
  const { doc } = run([
    echo,
    svc('other'),
    endpointSlice('echo', '10.0.0.1', 80),
    slice2,
    httpRoute('web', [rule({ matches: [prefix('/')], backendRefs: [backend('echo:80', { weight: 75 }), backend('other:80', { weight: 25 })] })]),
  ]);
  const up = doc.upstreams?.find((u) => u.name === 'httproute.default.web.0');
  // 75 over one target; 25 over two targets is 12 each (integer division).
  assert.deepEqual(up?.targets, [{ target: '10.0.0.3:80', weight: 12 }, { target: '10.0.0.2:80', weight: 12 }, { target: '10.0.0.1:80', weight: 75 }]);
  assert.deepEqual((service(doc, 'httproute.default.web.0').tags as string[]).slice(0, 3), ['k8s-name:web', 'k8s-namespace:default', 'k8s-kind:HTTPRoute']);
});

test('weight 0 gives targets weight 0; a small weight gives at least 1', () => {
  const slice = { ...endpointSlice('echo', '10.0.0.1', 80), endpoints: [{ addresses: ['10.0.0.1'] }, { addresses: ['10.0.0.2'] }] };
  for (const [weight, want] of [[0, 0], [1, 1]] as const) {
    const { doc } = run([echo, slice, httpRoute('web', [rule({ matches: [prefix('/')], backendRefs: [backend('echo:80', { weight })] })])]);
    const weights = (doc.upstreams?.[0].targets as { weight: number }[]).map((t) => t.weight);
    assert.deepEqual(weights, [want, want], `weight ${weight}`);
  }
});

test('the service port is the last resolved backend port; one backend tags the service with the Service (spec 03 §3.3)', () => {
  const { doc } = run([echo, svc('other', { ports: [8080] }), httpRoute('web', [rule({ matches: [prefix('/')], backendRefs: [backend('echo:80')] }), rule({ matches: [prefix('/o')], backendRefs: [backend('other:8080')] })])]);
  assert.equal(service(doc, 'httproute.default.web.0').port, 80);
  assert.equal(service(doc, 'httproute.default.web.1').port, 8080);
  assert.deepEqual(service(doc, 'httproute.default.web.1').tags, ['k8s-name:other', 'k8s-namespace:default', 'k8s-kind:Service', 'k8s-version:v1']);
  assert.equal(service(doc, 'httproute.default.web.0').path, undefined);
});

test('timeouts.backendRequest sets the three service timeouts; later rules of the service win (spec 03 §4.4)', () => {
  const { doc } = run([
    echo,
    httpRoute('web', [
      rule({ matches: [prefix('/a')], backendRefs: [backend('echo:80')], timeouts: { backendRequest: '1m30s' } }),
      rule({ matches: [prefix('/b')], backendRefs: [backend('echo:80')], timeouts: { backendRequest: '500ms', request: '1s' } }),
      rule({ matches: [prefix('/c')], backendRefs: [backend('echo:80')], timeouts: { backendRequest: '60s' } }),
    ]),
  ]);
  const s = service(doc, 'httproute.default.web.0');
  assert.deepEqual([s.connect_timeout, s.read_timeout, s.write_timeout], [500, 500, 500]);
});

test('route protocols come from the HTTP/HTTPS listeners the parentRef selects (spec 03 §4.3)', () => {
  const gw = gateway('kong', [
    { name: 'http', protocol: 'HTTP', port: 80 },
    { name: 'https', protocol: 'HTTPS', port: 443 },
    { name: 'tcp', protocol: 'TCP', port: 9000 },
  ]);
  const all = run([echo, gw, httpRoute('web', [rule({ matches: [prefix('/')], backendRefs: [backend('echo:80')] })])]);
  assert.deepEqual(route(all.doc, 'httproute.default.web.0.0').protocols, ['http', 'https']);
  const one = run([echo, gw, httpRoute('web', [rule({ matches: [prefix('/')], backendRefs: [backend('echo:80')] })], { parentRefs: [{ name: 'kong', sectionName: 'https' }] })]);
  assert.deepEqual(route(one.doc, 'httproute.default.web.0.0').protocols, ['https']);
});

test('a route whose parent Gateway is missing is translated, with a warning', () => {
  const { doc, lines } = run([echo, httpRoute('web', [rule({ matches: [prefix('/')], backendRefs: [backend('echo:80')] })])]);
  assert.ok(route(doc, 'httproute.default.web.0.0'));
  assert.deepEqual(lines.filter((l) => l.includes('spec.parentRefs')), [
    'warning: HTTPRoute default/web spec.parentRefs: no Gateway default/kong in the input: translated without listener protocols, ports or hostnames',
  ]);
});

test('route annotations apply to every route (spec 03 §4.9)', () => {
  const { doc } = run([
    echo,
    httpRoute('web', [rule({ matches: [prefix('/a'), prefix('/b', { method: 'GET' })], backendRefs: [backend('echo:80')] })], {
      annotations: { 'konghq.com/strip-path': 'TRUE', 'konghq.com/https-redirect-status-code': '301', 'konghq.com/tags': 'team-a' },
    }),
  ]);
  for (const name of ['httproute.default.web.0.0', 'httproute.default.web.0.1']) {
    const r = route(doc, name);
    assert.equal(r.strip_path, true);
    assert.equal(r.https_redirect_status_code, 301);
    assert.equal((r.tags as string[]).at(-1), 'team-a');
  }
});
