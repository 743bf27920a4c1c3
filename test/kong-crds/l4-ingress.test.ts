import { test } from 'node:test';
import assert from 'node:assert/strict';
import { l4Expression } from '../../src/translate/expressions/l4.js';
import { endpointSlice, kongPlugin, l4Ingress, options, run, secret, svc } from '../helpers/kong-builders.js';
import { LEAF_CERT, LEAF_KEY } from '../helpers/certs.js';

const EXPRESSIONS = options({ routerFlavor: 'expressions' });
const rule = (port: number, serviceName: string, servicePort: number, host?: string) => ({ ...(host ? { host } : {}), port, backend: { serviceName, servicePort } });
type Svc = Record<string, unknown> & { routes?: Record<string, unknown>[] };

test('l4Expression: SNIs and ports (spec 04 §5)', () => {
  assert.deepEqual(l4Expression(['db.example.com'], [9000]), { expression: '(tls.sni == "db.example.com") && (net.dst.port == 9000)', priority: 1 });
  assert.equal(l4Expression([], [80, 81]).expression, '(net.dst.port == 80) || (net.dst.port == 81)');
  assert.equal(l4Expression(['*.wild.example'], []).expression, '');
  assert.equal(l4Expression(['tls9443.kong.example'], []).expression, 'tls.sni == "tls9443.kong.example"');
});

test('TCPIngress: a route per rule, one service per backend shared across TCPIngresses', () => {
  const { doc, lines } = run([
    svc('db', { ports: [5432] }),
    endpointSlice('db', '10.0.0.1', 5432),
    l4Ingress('TCPIngress', 'a', { rules: [rule(9000, 'db', 5432, 'db.example.com'), rule(9001, 'db', 5432)] }),
    l4Ingress('TCPIngress', 'b', { rules: [rule(9002, 'db', 5432)] }),
  ]);
  assert.deepEqual(lines, []);
  const ks = doc.services?.[0] as Svc;
  assert.equal(doc.services?.length, 1);
  assert.deepEqual(
    { ...ks, routes: undefined, id: undefined },
    {
      connect_timeout: 60000,
      host: 'db.default.5432.svc',
      id: undefined,
      name: 'default.db.5432',
      port: 5432,
      protocol: 'tcp',
      read_timeout: 60000,
      retries: 5,
      routes: undefined,
      tags: ['k8s-name:db', 'k8s-namespace:default', 'k8s-kind:Service', 'k8s-version:v1'],
      write_timeout: 60000,
    },
  );
  const r0 = ks.routes?.find((r) => r.name === 'default.a.0');
  assert.deepEqual({ ...r0, id: undefined }, {
    destinations: [{ port: 9000 }],
    https_redirect_status_code: 426,
    id: undefined,
    name: 'default.a.0',
    path_handling: 'v0',
    protocols: ['tcp', 'tls'],
    snis: ['db.example.com'],
    tags: ['k8s-name:a', 'k8s-namespace:default', 'k8s-kind:TCPIngress', 'k8s-group:configuration.konghq.com', 'k8s-version:v1beta1'],
  });
  assert.deepEqual((ks.routes ?? []).map((r) => r.name).sort(), ['default.a.0', 'default.a.1', 'default.b.0']);
  assert.equal('snis' in (ks.routes?.find((r) => r.name === 'default.a.1') ?? {}), false);
  assert.deepEqual(doc.upstreams?.[0].targets, [{ target: '10.0.0.1:5432' }]);
});

test('TCPIngress with the expressions router', () => {
  const { doc } = run([svc('db', { ports: [5432] }), l4Ingress('TCPIngress', 'a', { rules: [rule(9000, 'db', 5432, 'db.example.com')] })], EXPRESSIONS);
  const r = (doc.services?.[0] as Svc).routes?.[0] ?? {};
  assert.equal(r.expression, '(tls.sni == "db.example.com") && (net.dst.port == 9000)');
  assert.equal(r.priority, 1);
  assert.equal('snis' in r || 'destinations' in r || 'path_handling' in r, false);
  assert.deepEqual(r.protocols, ['tcp', 'tls']);
});

test('TCPIngress TLS claims certificates like Ingress TLS', () => {
  const { doc } = run([
    svc('db', { ports: [5432] }),
    secret('db-tls', { 'tls.crt': LEAF_CERT, 'tls.key': LEAF_KEY }, { uid: 'uid-db-tls' }),
    l4Ingress('TCPIngress', 'a', { rules: [rule(9000, 'db', 5432, 'db.example.com')], tls: [{ hosts: ['db.example.com'], secretName: 'db-tls' }] }),
  ]);
  assert.deepEqual(doc.certificates?.[0].snis, [{ certificate: { id: 'uid-db-tls' }, name: 'db.example.com' }]);
});

test('UDPIngress: `.udp` names, udp protocol, no timeouts, retries or path', () => {
  const { doc, lines } = run([svc('dns', { ports: [53] }), l4Ingress('UDPIngress', 'u', { rules: [rule(5353, 'dns', 53)] })]);
  assert.deepEqual(lines, []);
  const ks = doc.services?.[0] as Svc;
  assert.deepEqual(Object.keys(ks).sort(), ['host', 'id', 'name', 'port', 'protocol', 'routes', 'tags']);
  assert.equal(ks.name, 'default.dns.53.udp');
  assert.equal(ks.host, 'dns.default.53.svc');
  assert.equal(ks.protocol, 'udp');
  assert.equal(ks.port, 53);
  const r = ks.routes?.[0] ?? {};
  assert.equal(r.name, 'default.u.0.udp');
  assert.deepEqual(r.protocols, ['udp']);
  assert.deepEqual(r.destinations, [{ port: 5353 }]);
  const expr = run([svc('dns', { ports: [53] }), l4Ingress('UDPIngress', 'u', { rules: [rule(5353, 'dns', 53)] })], EXPRESSIONS);
  assert.equal((expr.doc.services?.[0] as Svc).routes?.[0].expression, 'net.dst.port == 5353');
});

test('TCP/UDPIngresses of another class are ignored; invalid rules fail alone', () => {
  const { doc, lines } = run([
    svc('db', { ports: [5432] }),
    l4Ingress('TCPIngress', 'other', { rules: [rule(9000, 'db', 5432)] }, { cls: 'nginx' }),
    l4Ingress('TCPIngress', 'bad', { rules: [{ port: 9001, backend: { serviceName: 'db' } }, { backend: { serviceName: 'db', servicePort: 5432 } }, rule(9003, 'db', 5432)] }),
  ]);
  assert.deepEqual(((doc.services?.[0] as Svc).routes ?? []).map((r) => r.name), ['default.bad.2']);
  assert.deepEqual(lines, [
    'TCPIngress default/bad spec.rules[0].backend.servicePort: InvalidObject: rule 0: backend.servicePort must be an integer between 1 and 65535',
    'TCPIngress default/bad spec.rules[1].port: InvalidObject: rule 1: port must be an integer between 1 and 65535',
  ]);
});

test('plugins on TCPIngress and UDPIngress attach to their routes', () => {
  const { doc } = run([
    svc('db', { ports: [5432] }),
    l4Ingress('TCPIngress', 't', { rules: [rule(9000, 'db', 5432)] }, { plugins: 'p' }),
    l4Ingress('UDPIngress', 'u', { rules: [rule(9000, 'db', 5432)] }, { plugins: 'p' }),
    kongPlugin('p', { plugin: 'file-log' }),
  ]);
  assert.deepEqual((doc.plugins ?? []).map((p) => p.route).sort(), ['default.t.0', 'default.u.0.udp']);
});

test('TCPIngresses are processed oldest first: route order follows creationTimestamp', () => {
  const { result } = run([
    svc('db', { ports: [5432] }),
    l4Ingress('TCPIngress', 'a-new', { rules: [rule(9000, 'db', 5432)] }, { created: '2024-02-01T00:00:00Z' }),
    l4Ingress('TCPIngress', 'b-old', { rules: [rule(9001, 'db', 5432)] }, { created: '2024-01-01T00:00:00Z' }),
  ]);
  assert.deepEqual(result.state.services[0].routes.map((r) => r.name), ['default.b-old.0', 'default.a-new.0']);
});
