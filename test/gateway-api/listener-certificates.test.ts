import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingress, options, referenceGrant, run, secret, svc } from '../helpers/kong-builders.js';
import { gateway, gatewayClass } from '../helpers/gateway-builders.js';
import { LEAF_CERT, LEAF_KEY, OTHER_CERT, OTHER_KEY } from '../helpers/certs.js';
import type { Listener } from '../../src/model/gateway-api.js';
import type { K8sObject } from '../../src/model/meta.js';

const CONTROLLER = 'konghq.com/kic-gateway-controller';
const live = options({ gatewayControllerName: CONTROLLER });
const tlsSecret = secret('cert', { 'tls.crt': LEAF_CERT, 'tls.key': LEAF_KEY }, { uid: 'uid-cert' });

function https(name: string, hostname: string | undefined, refs: Listener['tls']): Listener {
  return { name, protocol: 'HTTPS', port: 443, ...(hostname ? { hostname } : {}), tls: refs };
}

function snis(objects: readonly K8sObject[], opts = live): Record<string, string[]> {
  const { doc } = run(objects, opts);
  return Object.fromEntries((doc.certificates ?? []).map((c) => [String(c.id), ((c.snis ?? []) as { name: string }[]).map((s) => s.name)]));
}

test('a TLS listener of a Gateway of this controller gives a certificate for its hostname, or * (spec 03 §1.4)', () => {
  const gw = gateway('gw', [https('a', 'a.example.com', { certificateRefs: [{ name: 'cert' }] }), https('any', undefined, { certificateRefs: [{ name: 'cert' }] })], { programmed: true });
  assert.deepEqual(snis([gatewayClass('kong', CONTROLLER), gw, tlsSecret]), { 'uid-cert': ['*', 'a.example.com'] });
});

test('no certificate for another controller, a listener without status, or offline (empty controller name)', () => {
  const gw = gateway('gw', [https('a', 'a.example.com', { certificateRefs: [{ name: 'cert' }] })], { programmed: true });
  assert.deepEqual(snis([gatewayClass('kong', 'example.com/other'), gw, tlsSecret]), {});
  assert.deepEqual(snis([gatewayClass('kong', CONTROLLER), gateway('gw', [https('a', 'a.example.com', { certificateRefs: [{ name: 'cert' }] })]), tlsSecret]), {});
  assert.deepEqual(snis([gatewayClass('kong', CONTROLLER), gw, tlsSecret], options()), {});
  // Offline, a GatewayClass with an empty controllerName matches the empty configured name.
  assert.deepEqual(snis([gatewayClass('kong', ''), gw, tlsSecret], options()), { 'uid-cert': ['a.example.com'] });
});

test('Ingress TLS claims an SNI before a Gateway listener does (spec 01 §5.4)', () => {
  const other = secret('other', { 'tls.crt': OTHER_CERT, 'tls.key': OTHER_KEY }, { uid: 'uid-other' });
  const ing = { ...(ingress('web', [['/', 'echo', 80]]) as object), spec: { ingressClassName: 'kong', tls: [{ hosts: ['a.example.com'], secretName: 'other' }] } } as K8sObject;
  const gw = gateway('gw', [https('a', 'a.example.com', { certificateRefs: [{ name: 'cert' }] })], { programmed: true });
  assert.deepEqual(snis([gatewayClass('kong', CONTROLLER), gw, tlsSecret, other, ing, svc('echo')]), { 'uid-other': ['a.example.com'], 'uid-cert': [] });
});

test('more than one certificateRef fails for that listener only', () => {
  const gw = gateway('gw', [https('two', 'b.example.com', { certificateRefs: [{ name: 'cert' }, { name: 'cert' }] }), https('one', 'a.example.com', { certificateRefs: [{ name: 'cert' }] })], { programmed: true });
  const { doc, result } = run([gatewayClass('kong', CONTROLLER), gw, tlsSecret], live);
  assert.deepEqual((doc.certificates?.[0].snis as { name: string }[]).map((s) => s.name), ['a.example.com']);
  assert.deepEqual(result.failures.map((f) => [f.reason, f.field]), [['UnsupportedField', 'spec.listeners[0].tls.certificateRefs']]);
});

test('a certificate in another namespace needs a ReferenceGrant from Gateways', () => {
  const remote = secret('cert', { 'tls.crt': LEAF_CERT, 'tls.key': LEAF_KEY }, { uid: 'uid-remote', ns: 'certs' });
  const gw = gateway('gw', [https('a', 'a.example.com', { certificateRefs: [{ name: 'cert', namespace: 'certs' }] })], { programmed: true });
  const denied = run([gatewayClass('kong', CONTROLLER), gw, remote], live);
  assert.equal(denied.doc.certificates, undefined);
  assert.deepEqual(denied.result.failures.map((f) => f.reason), ['ReferenceNotPermitted']);
  const grant = referenceGrant('certs', { group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: 'default' }, { group: '', kind: 'Secret' });
  assert.deepEqual(snis([gatewayClass('kong', CONTROLLER), gw, remote, grant]), { 'uid-remote': ['a.example.com'] });
});

test('an unmanaged GatewayClass needs a current Programmed condition on the listener', () => {
  const cls = gatewayClass('kong', CONTROLLER, { 'konghq.com/gatewayclass-unmanaged': 'true' });
  const listenersOf = [https('a', 'a.example.com', { certificateRefs: [{ name: 'cert' }] })];
  assert.deepEqual(snis([cls, gateway('gw', listenersOf, { programmed: true, generation: 2 }), tlsSecret]), { 'uid-cert': ['a.example.com'] });
  const stale = gateway('gw', listenersOf, { programmed: true, generation: 2 }) as K8sObject & { metadata: { generation?: number } };
  const newer = { ...stale, metadata: { ...stale.metadata, generation: 3 } } as K8sObject;
  assert.deepEqual(snis([cls, newer, tlsSecret]), {});
});
