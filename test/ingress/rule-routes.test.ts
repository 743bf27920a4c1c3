import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingress, ingressClass, service, translateObjects } from '../helpers/builders.js';

// Spec 02 §2.1: a rule route is named namespace.ingress.service.host.port, and every path that gets the same
// name joins that route. Names are looked up per Ingress unless a dotted namespace or Ingress name makes two
// Ingresses able to produce one name (src/translate/ingress/rule-routes.ts).

test('two Ingresses whose dotted names meet make one route, from the first Ingress, with both paths', () => {
  const r = translateObjects([
    // default.a.b + c + h.com + 80  and  default.a + b + c.h.com + 80: the same route name
    ingress('a.b').created('2024-01-01T00:00:00Z').rule('h.com').path('/one', 'Prefix', 'c:80'),
    ingress('a').created('2024-01-02T00:00:00Z').rule('c.h.com').path('/two', 'Exact', 'b:80'),
    service('c'),
    service('b'),
  ]);
  const routes = r.routes().filter((x) => x.name === 'default.a.b.c.h.com.80');
  assert.equal(routes.length, 1);
  assert.deepEqual(routes[0].paths, ['/one/', '~/one$', '~/two$']);
  assert.deepEqual(routes[0].hosts, ['h.com']); // the first Ingress's host: the route is its route
  assert.ok(routes[0].tags.includes('k8s-name:a.b'));
  assert.equal(r.state.services.find((s) => s.name === 'default.b.80'), undefined, 'the second backend gets no route of its own');
});

test('without dotted names, equal hosts and backends of two Ingresses stay two routes', () => {
  const r = translateObjects([
    ingress('x').rule('h.com').path('/one', 'Prefix', 'svc:80'),
    ingress('y').rule('h.com').path('/two', 'Prefix', 'svc:80'),
    service('svc'),
  ]);
  assert.deepEqual(r.routes().map((x) => [x.name, x.paths]).sort(), [
    ['default.x.svc.h.com.80', ['/one/', '~/one$']],
    ['default.y.svc.h.com.80', ['/two/', '~/two$']],
  ]);
});

test('paths of one Ingress with the same host and backend join one route even when other rules come between', () => {
  const r = translateObjects([
    ingress('x').rule('h.com').path('/a', 'Exact', 'svc:80').rule('other.com').path('/b', 'Exact', 'svc:80').rule('h.com').path('/c', 'Exact', 'svc:80'),
    service('svc'),
  ]);
  assert.deepEqual(r.route('default.x.svc.h.com.80').paths, ['~/a$', '~/c$']);
  assert.deepEqual(r.route('default.x.svc.other.com.80').paths, ['~/b$']);
  assert.equal(r.routes().length, 2);
});

test('an Ingress with many rules (past the scanned handful) still merges repeated hosts into their routes', () => {
  const b = ingress('big');
  const hosts = Array.from({ length: 40 }, (_, i) => `h${i}.com`);
  for (const h of hosts) b.rule(h).path('/first', 'Exact', 'svc:80');
  for (const h of [...hosts].reverse()) b.rule(h).path('/second', 'Exact', 'svc:80');
  const r = translateObjects([b, service('svc')]);
  assert.equal(r.routes().length, 40);
  for (const h of hosts) assert.deepEqual(r.route(`default.big.svc.${h}.80`).paths, ['~/first$', '~/second$']);
  // route order in the service is creation order: the order the hosts first appeared
  assert.deepEqual(r.service('default.svc.80').routes.map((x) => x.hosts?.[0]), hosts);
});

test('with the expressions router, paths that join a route from another Ingress are in its expression', () => {
  const r = translateObjects(
    [
      ingress('a.b').created('2024-01-01T00:00:00Z').rule('h.com').path('/one', 'Exact', 'c:80'),
      ingress('a').created('2024-01-02T00:00:00Z').rule('c.h.com').path('/two', 'Exact', 'b:80'),
      service('c'),
      service('b'),
      ingressClass(),
    ],
    { routerFlavor: 'expressions' },
  );
  const route = r.route('default.a.b.c.h.com.80');
  assert.match(route.expression ?? '', /"\/one"/);
  assert.match(route.expression ?? '', /"\/two"/);
  assert.match(route.expression ?? '', /h\.com/);
});

test('the same path in many Ingresses: a route that gets a second path leaves the others as they were', () => {
  const r = translateObjects([
    ingress('a').rule('a.com').path('/x', 'Prefix', 'svc:80'),
    ingress('b').rule('b.com').path('/x', 'Prefix', 'svc:80').path('/y', 'Prefix', 'svc:80'),
    ingress('c').rule('c.com').path('/x', 'Prefix', 'svc:80'),
    service('svc'),
  ]);
  assert.deepEqual(r.route('default.a.svc.a.com.80').paths, ['/x/', '~/x$']);
  assert.deepEqual(r.route('default.b.svc.b.com.80').paths, ['/x/', '~/x$', '/y/', '~/y$']);
  assert.deepEqual(r.route('default.c.svc.c.com.80').paths, ['/x/', '~/x$']);
});

test('the same path under different regex markers converts per marker', () => {
  const r = translateObjects([
    ingress('a').rule('a.com').path('/re/x', 'ImplementationSpecific', 'svc:80'),
    ingress('b').annotate('konghq.com/regex-prefix', '/re').rule('b.com').path('/re/x', 'ImplementationSpecific', 'svc:80'),
    ingress('c').rule('c.com').path('/re/x', 'ImplementationSpecific', 'svc:80'),
    service('svc'),
  ]);
  assert.deepEqual(r.route('default.a.svc.a.com.80').paths, ['/re/x']);
  assert.deepEqual(r.route('default.b.svc.b.com.80').paths, ['~/x']);
  assert.deepEqual(r.route('default.c.svc.c.com.80').paths, ['/re/x']);
});

// Every route annotation, with values that also make warnings; grpc protocols drop strip_path.
const ANNOTATIONS: Record<string, string> = {
  'konghq.com/protocols': 'grpc,grpcs',
  'konghq.com/methods': 'GET,post',
  'konghq.com/headers.x-team': 'a,b',
  'konghq.com/host-aliases': 'alias.example.com',
  'konghq.com/snis': 'sni.example.com',
  'konghq.com/strip-path': 'true',
  'konghq.com/preserve-host': 'false',
  'konghq.com/https-redirect-status-code': '301',
  'konghq.com/request-buffering': 'false',
  'konghq.com/response-buffering': 'nope',
  'konghq.com/regex-priority': '7',
  'konghq.com/path-handling': 'v1',
};

for (const routerFlavor of ['traditional_compatible', 'expressions'] as const) {
  test(`${routerFlavor}: each route of a many-route Ingress gets what the same annotations give a one-route Ingress`, () => {
    const hosts = ['a.example.com', 'b.example.com', 'alias.example.com'];
    const many = ingress('many').annotations(ANNOTATIONS);
    for (const h of hosts) many.rule(h).path('/x', 'Prefix', 'svc:80').path('/y', 'Prefix', 'svc:9000');
    const r = translateObjects([many, service('svc', [80, 9000]), ingressClass()], { routerFlavor });
    for (const h of hosts) {
      const one = translateObjects(
        [ingress('many').annotations(ANNOTATIONS).rule(h).path('/x', 'Prefix', 'svc:80').path('/y', 'Prefix', 'svc:9000'), service('svc', [80, 9000]), ingressClass()],
        { routerFlavor },
      );
      for (const port of ['80', '9000']) {
        const name = `default.many.svc.${h}.${port}`;
        const { meta: _a, ...got } = r.route(name);
        const { meta: _b, ...want } = one.route(name);
        assert.deepEqual(got, want, name);
      }
      assert.deepEqual(r.warningLines, one.warningLines);
      assert.deepEqual(r.failureLines, one.failureLines);
    }
    assert.ok(r.warningLines.length > 0, 'the annotations above make warnings');
  });
}
