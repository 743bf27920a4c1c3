import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingress, service, tlsSecret, translateObjects } from '../helpers/builders.js';
import { LEAF_CERT, LEAF_KEY, OTHER_CERT, OTHER_KEY } from '../helpers/certs.js';

const svc = service('svc', [80]);

test('TLS entries: one certificate per Secret, SNIs sorted, id = uid, Secret tags, trimmed PEM', () => {
  const r = translateObjects([
    ingress('a').tls('s1', 'b.example.com', 'a.example.com').tls('s2', 'c.example.com').path('/', 'Prefix', 'svc:80'),
    tlsSecret('s1', `${LEAF_CERT}\n\n`, LEAF_KEY).uid('uid-1'),
    tlsSecret('s2', OTHER_CERT, OTHER_KEY).uid('uid-2'),
    svc,
  ]);
  const byId = new Map(r.state.certificates.map((c) => [c.id, c]));
  assert.deepEqual(byId.get('uid-1')!.snis.map((s) => s.name), ['a.example.com', 'b.example.com']);
  assert.deepEqual(byId.get('uid-1')!.snis[0].certificate, { id: 'uid-1' });
  assert.equal(byId.get('uid-1')!.cert, LEAF_CERT);
  assert.deepEqual(byId.get('uid-1')!.tags, ['k8s-name:s1', 'k8s-namespace:default', 'k8s-kind:Secret', 'k8s-uid:uid-1', 'k8s-version:v1']);
  assert.deepEqual(byId.get('uid-2')!.snis.map((s) => s.name), ['c.example.com']);
  assert.equal(r.route('default.a.svc..80').protocols, undefined, 'TLS does not change routes');
});

test('a host goes to its first claimant in processing order; the later Secret keeps its other hosts', () => {
  const r = translateObjects([
    ingress('second').tls('s2', 'shared.example.com', 'own.example.com').created('2024-01-01T00:00:00Z'),
    ingress('first').tls('s1', 'shared.example.com').created('2023-01-01T00:00:00Z'),
    tlsSecret('s1', LEAF_CERT, LEAF_KEY).uid('uid-1'),
    tlsSecret('s2', OTHER_CERT, OTHER_KEY).uid('uid-2'),
  ]);
  const snis = Object.fromEntries(r.state.certificates.map((c) => [c.id, c.snis.map((s) => s.name)]));
  assert.deepEqual(snis, { 'uid-1': ['shared.example.com'], 'uid-2': ['own.example.com'] });
});

test('a Secret whose hosts were all claimed still gives a certificate without SNIs', () => {
  const r = translateObjects([
    ingress('a').tls('s1', 'x.example.com').tls('s2', 'x.example.com'),
    tlsSecret('s1', LEAF_CERT, LEAF_KEY).uid('uid-1'),
    tlsSecret('s2', OTHER_CERT, OTHER_KEY).uid('uid-2'),
  ]);
  assert.deepEqual(r.state.certificates.find((c) => c.id === 'uid-2')!.snis, []);
});

test('identical cert+key collapse into the oldest Secret, then the smallest uid', () => {
  const r = translateObjects([
    ingress('a').tls('young', 'y.example.com').tls('old', 'o.example.com'),
    tlsSecret('young', LEAF_CERT, LEAF_KEY).uid('uid-a').created('2024-01-01T00:00:00Z'),
    tlsSecret('old', LEAF_CERT, LEAF_KEY).uid('uid-z').created('2020-01-01T00:00:00Z'),
  ]);
  assert.equal(r.state.certificates.length, 1);
  assert.equal(r.state.certificates[0].id, 'uid-z');
  assert.deepEqual(r.state.certificates[0].snis.map((s) => [s.name, s.certificate.id]), [['o.example.com', 'uid-z'], ['y.example.com', 'uid-z']]);
  const tie = translateObjects([ingress('a').tls('p', 'p.example.com').tls('q', 'q.example.com'), tlsSecret('p', LEAF_CERT, LEAF_KEY).uid('uid-b'), tlsSecret('q', LEAF_CERT, LEAF_KEY).uid('uid-a')]);
  assert.equal(tie.state.certificates[0].id, 'uid-a');
});

test('entries without hosts or secretName are ignored', () => {
  const r = translateObjects([ingress('a').tls('s1').tls(undefined, 'x.example.com'), tlsSecret('s1', LEAF_CERT, LEAF_KEY).uid('uid-1')]);
  assert.deepEqual(r.state.certificates, []);
  assert.deepEqual(r.failureLines, []);
});

test('missing Secret and bad key pair: failures, no certificate, no key material in messages', () => {
  const missing = translateObjects([ingress('a').tls('gone', 'x.example.com')]);
  assert.deepEqual(missing.failureLines, ['Ingress default/a: SecretNotFound: Failed to fetch the secret (default/gone)']);
  const mismatched = translateObjects([ingress('a').tls('s', 'x.example.com'), tlsSecret('s', LEAF_CERT, OTHER_KEY).uid('u')]);
  assert.deepEqual(mismatched.state.certificates, []);
  assert.deepEqual(mismatched.failureLines, ['Ingress default/a: InvalidCertificate: Secret default/s: tls.crt and tls.key do not form a key pair']);
  assert.deepEqual(mismatched.failures[0].objects.map((o) => o.kind), ['Ingress', 'Secret']);
  const garbage = translateObjects([ingress('a').tls('s', 'x.example.com'), tlsSecret('s', 'not pem', 'SECRET-KEY-TEXT').uid('u')]);
  assert.equal(garbage.failures[0].message, 'Secret default/s: tls.crt or tls.key is not valid PEM');
  assert.ok(!garbage.failureLines.join('').includes('SECRET-KEY-TEXT'));
});

test('stringData is not read', () => {
  const s = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'default', uid: 'u' }, stringData: { 'tls.crt': LEAF_CERT, 'tls.key': LEAF_KEY } };
  const r = translateObjects([ingress('a').tls('s', 'x.example.com'), s]);
  assert.deepEqual(r.state.certificates, []);
  assert.equal(r.failures[0].reason, 'InvalidCertificate');
});
