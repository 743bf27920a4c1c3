import { test } from 'node:test';
import assert from 'node:assert/strict';
import { options, run, svc, type Doc } from '../helpers/kong-builders.js';
import { backend, gateway, l4Route } from '../helpers/gateway-builders.js';
import { l4Expression } from '../../src/translate/expressions/l4.js';

const echo = svc('echo', { ports: [9000] });
const expressions = options({ routerFlavor: 'expressions' });
const listeners = gateway('gw', [
  { name: 'tcp-a', protocol: 'TCP', port: 9000 },
  { name: 'tcp-b', protocol: 'TCP', port: 9001 },
  { name: 'udp', protocol: 'UDP', port: 5353 },
  { name: 'tls', protocol: 'TLS', port: 8443, tls: { mode: 'Passthrough' } },
]);

function onlyRoute(doc: Doc): Record<string, unknown> {
  const routes = (doc.services ?? []).flatMap((s) => s.routes ?? []);
  assert.equal(routes.length, 1);
  return routes[0];
}

test('TCPRoute: service per rule, destinations from the selected TCP listeners (spec 03 §6.2)', () => {
  const all = run([echo, listeners, l4Route('TCPRoute', 't', [{ name: 'db', backendRefs: [backend('echo:9000')] }], { parentRefs: [{ name: 'gw' }] })]);
  const s = all.doc.services?.[0];
  assert.deepEqual([s?.name, s?.protocol, s?.port], ['tcproute.default.t.0', 'tcp', 9000]);
  const r = onlyRoute(all.doc);
  assert.equal(r.name, 'tcproute.default.t.0.0');
  assert.deepEqual(r.protocols, ['tcp']);
  assert.deepEqual(r.destinations, [{ port: 9000 }, { port: 9001 }]);
  assert.equal((r.tags as string[]).at(-1), 'k8s-named-route-rule:db');
  const one = run([echo, listeners, l4Route('TCPRoute', 't', [{ backendRefs: [backend('echo:9000')] }], { parentRefs: [{ name: 'gw', sectionName: 'tcp-b' }] })]);
  assert.deepEqual(onlyRoute(one.doc).destinations, [{ port: 9001 }]);
});

test('UDPRoute: protocol udp and destinations from UDP listeners (spec 03 §6.3)', () => {
  const { doc } = run([echo, listeners, l4Route('UDPRoute', 'u', [{ backendRefs: [backend('echo:9000')] }], { parentRefs: [{ name: 'gw' }] })]);
  assert.equal(doc.services?.[0].protocol, 'udp');
  const r = onlyRoute(doc);
  assert.deepEqual([r.protocols, r.destinations], [['udp'], [{ port: 5353 }]]);
});

test('TLSRoute: snis are the hostnames; tls_passthrough when a status parent listener is Passthrough (spec 03 §6.4)', () => {
  const plain = run([echo, l4Route('TLSRoute', 's', [{ backendRefs: [backend('echo:9000')] }], { hostnames: ['a.example.com'] })]);
  assert.deepEqual([onlyRoute(plain.doc).protocols, onlyRoute(plain.doc).snis], [['tls'], ['a.example.com']]);
  assert.equal(plain.doc.services?.[0].protocol, 'tcp');
  const status = { parents: [{ parentRef: { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'gw', sectionName: 'tls' } }] };
  const pass = run([echo, listeners, l4Route('TLSRoute', 's', [{ backendRefs: [backend('echo:9000')] }], { hostnames: ['a.example.com'], status })]);
  assert.deepEqual(onlyRoute(pass.doc).protocols, ['tls_passthrough']);
  // spec.parentRefs alone do not make it passthrough: KIC reads status.parents.
  const specOnly = run([echo, listeners, l4Route('TLSRoute', 's', [{ backendRefs: [backend('echo:9000')] }], { hostnames: ['a.example.com'], parentRefs: [{ name: 'gw', sectionName: 'tls' }] })]);
  assert.deepEqual(onlyRoute(specOnly.doc).protocols, ['tls']);
});

test('L4 expressions: SNIs and ports, priority 1, no snis/destinations (spec 04 §5)', () => {
  const tcp = onlyRoute(run([echo, listeners, l4Route('TCPRoute', 't', [{ backendRefs: [backend('echo:9000')] }], { parentRefs: [{ name: 'gw' }] })], expressions).doc);
  assert.equal(tcp.expression, '(net.dst.port == 9000) || (net.dst.port == 9001)');
  assert.equal(tcp.priority, 1);
  assert.equal(tcp.destinations, undefined);
  assert.deepEqual(tcp.protocols, ['tcp']);
  const tls = onlyRoute(run([echo, l4Route('TLSRoute', 's', [{ backendRefs: [backend('echo:9000')] }], { hostnames: ['a.com', '*.b.com'] })], expressions).doc);
  assert.equal(tls.expression, 'tls.sni == "a.com"');
  assert.equal(tls.snis, undefined);
  assert.equal(l4Expression(['db.example.com'], [9000]).expression, '(tls.sni == "db.example.com") && (net.dst.port == 9000)');
  assert.equal(l4Expression(['*.example.com'], []).expression, '');
});

test('L4 routes have no no-backend plugin even when every backend is dropped (spec 03 §3.3)', () => {
  const { doc, result } = run([l4Route('TCPRoute', 't', [{ backendRefs: [backend('missing:1')] }])]);
  assert.equal(doc.services?.[0].plugins, undefined);
  assert.deepEqual(result.failures.map((f) => f.reason), ['ServiceNotFound']);
});
