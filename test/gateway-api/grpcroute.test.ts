import { test } from 'node:test';
import assert from 'node:assert/strict';
import { options, run, svc, type Doc } from '../helpers/kong-builders.js';
import { backend, gateway, grpcRoute, valueMatch } from '../helpers/gateway-builders.js';
import { grpcPath } from '../../src/translate/gateway-api/grpcroute.js';

const grpcbin = svc('grpcbin', { ports: [443] });
const expressions = options({ routerFlavor: 'expressions' });

function routesOf(doc: Doc): Map<string, Record<string, unknown>> {
  return new Map((doc.services ?? []).flatMap((s) => s.routes ?? []).map((r) => [String(r.name), r]));
}

/** Spec 04 §4.4 written out. */
function grpcPriority(t: { precise?: boolean; hostLen?: number; serviceLen?: number; methodLen?: number; headers?: number; order: number }): number {
  return 2 ** 44 + (t.precise ? 2 ** 43 : 0) + (t.hostLen ?? 0) * 2 ** 35 + (t.serviceLen ?? 0) * 2 ** 24 + (t.methodLen ?? 0) * 2 ** 13 + (t.headers ?? 0) * 2 ** 8 + t.order;
}

test('gRPC method matches become ~/<service>/<method> paths (spec 03 §5.2)', () => {
  assert.equal(grpcPath({ method: { service: 'pkg.Svc', method: 'Get' } }), '~/pkg.Svc/Get');
  assert.equal(grpcPath({ method: { service: 'pkg.Svc' } }), '~/pkg.Svc/');
  assert.equal(grpcPath({ method: { method: 'Get' } }), '~/.+/Get');
  assert.equal(grpcPath({ method: { type: 'RegularExpression', service: 'pkg.Svc' } }), '~/pkg.Svc/.+');
});

test('traditional: a service per rule, a route per match with headers; protocol grpc with an HTTP listener', () => {
  const { doc } = run([
    grpcbin,
    gateway('kong', [{ name: 'http', protocol: 'HTTP', port: 80, hostname: 'listener.example.com' }]),
    grpcRoute('g', [
      { name: 'first', matches: [{ method: { service: 'pkg.Svc', method: 'A' }, headers: [valueMatch('x-a', '1'), valueMatch('x-a', '2')] }, { method: { service: 'pkg.Svc', method: 'B' } }], backendRefs: [backend('grpcbin:443')] },
      { name: 'second', backendRefs: [backend('grpcbin:443')] },
    ]),
  ]);
  assert.deepEqual(doc.services?.map((s) => [s.name, s.protocol, s.port]), [['grpcroute.default.g.1', 'grpc', 443], ['grpcroute.default.g.0', 'grpc', 443]]);
  const routes = routesOf(doc);
  const a = routes.get('grpcroute.default.g.0.0')!;
  assert.deepEqual(a.paths, ['~/pkg.Svc/A']);
  assert.deepEqual(a.headers, { 'x-a': ['1', '2'] });
  assert.deepEqual(a.protocols, ['grpc', 'grpcs']);
  // No hostnames on the route: the selected listener's hostname is used.
  assert.deepEqual(a.hosts, ['listener.example.com']);
  assert.equal(a.preserve_host, undefined);
  assert.deepEqual(routes.get('grpcroute.default.g.0.1')!.paths, ['~/pkg.Svc/B']);
  // Every route carries every named rule of the GRPCRoute.
  assert.deepEqual((routes.get('grpcroute.default.g.1.0')!.tags as string[]).slice(-2), ['k8s-named-route-rule:first', 'k8s-named-route-rule:second']);
});

test('traditional: a match-less rule without hosts matches /', () => {
  const { doc } = run([grpcbin, grpcRoute('g', [{ backendRefs: [backend('grpcbin:443')] }])]);
  const r = routesOf(doc).get('grpcroute.default.g.0.0')!;
  assert.deepEqual(r.paths, ['/']);
  assert.equal(r.hosts, undefined);
  assert.equal(doc.services?.[0].protocol, 'grpcs');
});

test('multi-backend GRPCRoute services: no tags (traditional), the GRPCRoute tags (expressions) (spec 03 §5.4)', () => {
  const objs = [grpcbin, svc('other', { ports: [443] }), grpcRoute('g', [{ backendRefs: [backend('grpcbin:443'), backend('other:443')] }])];
  assert.equal(run(objs).doc.services?.[0].tags, undefined);
  assert.deepEqual((run(objs, expressions).doc.services?.[0].tags as string[]).slice(0, 3), ['k8s-name:g', 'k8s-namespace:default', 'k8s-kind:GRPCRoute']);
});

test('expressions: services per hostname and rule, flat expression, priorities by spec 04 §4.4', () => {
  const { doc, result } = run(
    [
      grpcbin,
      gateway('kong', [{ name: 'http', protocol: 'HTTP', port: 80 }, { name: 'https', protocol: 'HTTPS', port: 443 }]),
      grpcRoute(
        'g',
        [
          { matches: [{ method: { service: 'pkg.Svc', method: 'Get' }, headers: [valueMatch('x-b', '1'), valueMatch('x-a', '2')] }], backendRefs: [backend('grpcbin:443')] },
          { matches: [{ method: { service: 'pkg.Svc' } }, { method: { method: 'Get' } }, { method: { type: 'RegularExpression', method: 'Get' } }], backendRefs: [backend('grpcbin:443')] },
        ],
        { hostnames: ['a.com', '*.b.com'] },
      ),
      grpcRoute('nohost', [{ backendRefs: [backend('grpcbin:443')] }]),
    ],
    expressions,
  );
  assert.deepEqual(result.failures, []);
  assert.deepEqual(doc.services?.map((s) => s.name).sort(), [
    'grpcroute.default.g._.b.com.0',
    'grpcroute.default.g._.b.com.1',
    'grpcroute.default.g.a.com.0',
    'grpcroute.default.g.a.com.1',
    'grpcroute.default.nohost._.0',
  ]);
  const routes = routesOf(doc);
  const first = routes.get('grpcroute.default.g.a.com.0.0')!;
  // Headers are an And of their own, so two of them nest (spec 04 §1.4).
  assert.equal(first.expression, '(http.path == "/pkg.Svc/Get") && ((http.headers.x_a == "2") && (http.headers.x_b == "1")) && (http.host == "a.com")');
  assert.equal(first.priority, grpcPriority({ precise: true, hostLen: 5, serviceLen: 7, methodLen: 3, headers: 2, order: 255 }));
  assert.deepEqual(first.protocols, ['grpc', 'grpcs']);
  assert.equal(first.preserve_host, true);
  assert.equal(routes.get('grpcroute.default.g._.b.com.1.0')!.expression, '(http.path ^= "/pkg.Svc/") && (http.host =^ ".b.com")');
  assert.equal(routes.get('grpcroute.default.g._.b.com.1.1')!.expression, '(http.path =^ "/Get") && (http.host =^ ".b.com")');
  assert.equal(routes.get('grpcroute.default.g._.b.com.1.2')!.expression, '(http.path ~ "^/.+/Get") && (http.host =^ ".b.com")');
  // Method-only matches of the two types have equal bases: match index orders them.
  assert.equal(routes.get('grpcroute.default.g._.b.com.1.1')!.priority, grpcPriority({ hostLen: 7, methodLen: 3, order: 255 }));
  assert.equal(routes.get('grpcroute.default.g._.b.com.1.2')!.priority, grpcPriority({ hostLen: 7, methodLen: 3, order: 254 }));
  const catchAll = routes.get('grpcroute.default.nohost._.0.0')!;
  assert.equal(catchAll.expression, '(net.protocol == "http") || (net.protocol == "https")');
  assert.equal(catchAll.priority, grpcPriority({ order: 255 }));
});

test('traditional: no listener hostnames when one of the Gateway parentRefs is missing (spec 03 §5.2)', () => {
  const gw = gateway('kong', [{ name: 'http', protocol: 'HTTP', port: 80, hostname: 'a.example.com' }]);
  const objs = (parentRefs: { name: string }[]) => [grpcbin, gw, grpcRoute('g', [{ matches: [{ method: { service: 's' } }], backendRefs: [backend('grpcbin:443')] }], { parentRefs })];
  assert.deepEqual(routesOf(run(objs([{ name: 'kong' }])).doc).get('grpcroute.default.g.0.0')!.hosts, ['a.example.com']);
  assert.equal(routesOf(run(objs([{ name: 'kong' }, { name: 'gone' }])).doc).get('grpcroute.default.g.0.0')!.hosts, undefined);
});
