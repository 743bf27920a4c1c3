import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { configMap, ingress, secret, service, tlsSecret, translateObjects, type ObjectLike } from '../helpers/builders.js';
import { AFTER_EXPIRY, CA_CERT, LEAF_CERT, LEAF_KEY, OTHER_CERT } from '../helpers/certs.js';

const KS = 'default.echo.80';
const route = ingress('echo').rule('example.com').path('/', 'Prefix', 'echo:80');
const clientSecret = tlsSecret('client', LEAF_CERT, LEAF_KEY).uid('uid-client');

function run(svcAnnotations: Record<string, string>, extra: ObjectLike[] = [], opts = {}) {
  return translateObjects([route, service('echo', [80]).annotations(svcAnnotations), ...extra], opts);
}

test('client-cert: certificate without SNIs, service points at it', () => {
  const r = run({ 'konghq.com/client-cert': 'client', 'konghq.com/protocol': 'https' }, [clientSecret]);
  assert.deepEqual(r.service(KS).client_certificate, { id: 'uid-client' });
  assert.equal(r.state.certificates.length, 1);
  assert.equal(r.state.certificates[0].id, 'uid-client');
  assert.deepEqual(r.state.certificates[0].snis, []);
  assert.deepEqual(r.failureLines, []);
});

test('client-cert: re-pointed at the collapsed certificate of an older identical Secret', () => {
  const older = tlsSecret('tls-old', LEAF_CERT, LEAF_KEY).uid('uid-old').created('2020-01-01T00:00:00Z');
  const r = run({ 'konghq.com/client-cert': 'client', 'konghq.com/protocol': 'https' }, [
    clientSecret.created('2024-01-01T00:00:00Z'),
    older,
    ingress('tls').tls('tls-old', 'example.com').path('/', 'Prefix', 'echo:80'),
  ]);
  assert.equal(r.state.certificates.length, 1);
  assert.deepEqual(r.service(KS).client_certificate, { id: 'uid-old' });
});

test('client-cert: missing Secret fails, nothing set', () => {
  const r = run({ 'konghq.com/client-cert': 'nope', 'konghq.com/protocol': 'https' });
  assert.equal(r.service(KS).client_certificate, undefined);
  assert.deepEqual(r.failureLines, [
    "Service default/echo metadata.annotations[konghq.com/client-cert]: SecretNotFound: Failed to fetch secret 'default/nope': not found",
  ]);
});

test('client-cert: a non-TLS protocol fails with the Kong service protocol in the message', () => {
  for (const protocol of [undefined, 'http', 'grpc', 'tcp', 'tls_passthrough', 'ws']) {
    const r = run({ 'konghq.com/client-cert': 'client', ...(protocol ? { 'konghq.com/protocol': protocol } : {}) }, [clientSecret]);
    assert.equal(r.service(KS).client_certificate, undefined, String(protocol));
    assert.deepEqual(r.state.certificates, []);
    assert.deepEqual(r.failureLines, [
      "Service default/echo metadata.annotations[konghq.com/client-cert]: InvalidAnnotation: Client certificate requested for incompatible service protocol 'http'",
    ]);
  }
});

test('client-cert: a Secret without a key pair leaves client_certificate with an empty id', () => {
  const bad = tlsSecret('client', LEAF_CERT, 'not a key').uid('uid-client');
  const r = run({ 'konghq.com/client-cert': 'client', 'konghq.com/protocol': 'https' }, [bad]);
  assert.deepEqual(r.service(KS).client_certificate, { id: '' });
  assert.equal(r.failures[0].reason, 'InvalidCertificate');
  assert.ok(!r.failureLines[0].includes('not a key'), 'no key material in messages');
});

const caSecret = secret('ca-a', { id: 'ca-1', cert: CA_CERT }).label('konghq.com/ca-cert', 'true');
const caMap = configMap('ca-b', { id: 'ca-2', 'ca.crt': CA_CERT }).label('konghq.com/ca-cert', 'true');

test('CA certificate annotations: Secret ids first, then ConfigMap ids', () => {
  const r = run(
    { 'konghq.com/ca-certificates-configmaps': 'ca-b', 'konghq.com/ca-certificates-secrets': 'ca-a', 'konghq.com/tls-verify': 'true', 'konghq.com/protocol': 'https' },
    [caSecret, caMap],
  );
  assert.deepEqual(r.service(KS).ca_certificates, ['ca-1', 'ca-2']);
  assert.deepEqual(r.failureLines, []);
});

const caFailures = [
  { name: 'without tls-verify', ann: { 'konghq.com/protocol': 'https' }, want: 'CA certificates requested for service without TLS verification enabled' },
  { name: 'tls-verify false', ann: { 'konghq.com/protocol': 'https', 'konghq.com/tls-verify': 'false' }, want: 'CA certificates requested for service without TLS verification enabled' },
  { name: 'non-TLS protocol', ann: { 'konghq.com/tls-verify': 'true' }, want: "CA certificates requested for incompatible service protocol 'http'" },
] as const;
for (const tc of caFailures) {
  test(`CA certificate annotations: ${tc.name}`, () => {
    const r = run({ 'konghq.com/ca-certificates-secrets': 'ca-a', ...tc.ann }, [caSecret]);
    assert.equal(r.service(KS).ca_certificates, undefined);
    assert.deepEqual(r.failureLines, [`Service default/echo metadata.annotations[konghq.com/ca-certificates-secrets]: InvalidAnnotation: ${tc.want}`]);
  });
}

test('CA certificate annotations: missing object and missing id are skipped one by one', () => {
  const r = run(
    { 'konghq.com/ca-certificates-secrets': 'gone,no-id,ca-a', 'konghq.com/tls-verify': '1', 'konghq.com/protocol': 'https' },
    [caSecret, secret('no-id', { cert: CA_CERT })],
  );
  assert.deepEqual(r.service(KS).ca_certificates, ['ca-1']);
  assert.deepEqual(r.failures.map((f) => f.message), [
    "Failed to fetch CA certificate Secret 'default/gone': not found",
    "Invalid CA certificate 'default/no-id': missing 'id' field in data",
  ]);
});

test('CA certificate entities: labelled Secrets and ConfigMaps, re-encoded PEM, object tags', () => {
  const r = translateObjects([caSecret, caMap, secret('unlabelled', { id: 'x', cert: CA_CERT })]);
  assert.deepEqual(r.state.caCertificates.map((c) => c.id).sort(), ['ca-1', 'ca-2']);
  const c = r.state.caCertificates.find((x) => x.id === 'ca-1')!;
  assert.ok(c.cert.endsWith('-----END CERTIFICATE-----\n'));
  assert.ok(c.cert.split('\n').every((l) => l.length <= 64));
  assert.equal(new X509Certificate(c.cert).fingerprint256, new X509Certificate(CA_CERT).fingerprint256);
  assert.deepEqual(c.tags, ['k8s-name:ca-a', 'k8s-namespace:default', 'k8s-kind:Secret', 'k8s-version:v1']);
  assert.deepEqual(r.failureLines, []);
});

const entityFailures = [
  { name: 'missing id', obj: secret('s', { cert: CA_CERT }), want: "invalid secret CA certificate: missing 'id' field in data" },
  { name: 'missing cert', obj: configMap('m', { id: 'i' }), want: "invalid configmap CA certificate default/m: missing 'cert' or 'ca.crt' field in data" },
  { name: 'not a CA', obj: secret('s', { id: 'i', cert: OTHER_CERT }), want: 'invalid secret CA certificate default/s: the certificate is not a CA (no CA basic constraint)' },
  { name: 'two blocks', obj: secret('s', { id: 'i', cert: `${CA_CERT}\n${CA_CERT}` }), want: 'invalid secret CA certificate default/s: the data must hold exactly one PEM CERTIFICATE block' },
  { name: 'garbage', obj: secret('s', { id: 'i', cert: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----' }), want: 'invalid secret CA certificate default/s: the certificate does not parse as X.509' },
] as const;
for (const tc of entityFailures) {
  test(`CA certificate entities: ${tc.name}`, () => {
    const r = translateObjects([tc.obj.label('konghq.com/ca-cert', 'true')]);
    assert.deepEqual(r.state.caCertificates, []);
    assert.deepEqual(r.failures.map((f) => f.message), [tc.want]);
  });
}

test('CA certificate entities: expiry is checked against options.now', () => {
  assert.equal(translateObjects([caSecret]).state.caCertificates.length, 1);
  const r = translateObjects([caSecret], { now: AFTER_EXPIRY });
  assert.deepEqual(r.state.caCertificates, []);
  assert.match(r.failures[0].message, /^invalid secret CA certificate default\/ca-a: the certificate expired on 20\d\d-/);
});

test('CA certificate entities: duplicate ids keep the oldest, then namespace/name', () => {
  const young = secret('a-young', { id: 'dup', cert: CA_CERT }).label('konghq.com/ca-cert', 'true').created('2024-01-01T00:00:00Z');
  const old = secret('z-old', { id: 'dup', cert: CA_CERT }).label('konghq.com/ca-cert', 'true').created('2020-01-01T00:00:00Z');
  const r = translateObjects([young, old]);
  assert.equal(r.state.caCertificates.length, 1);
  assert.ok(r.state.caCertificates[0].tags.includes('k8s-name:z-old'));
  assert.equal(r.failures[0].objects[0].name, 'a-young');
  assert.match(r.failures[0].message, /duplicate 'id' field in multiple objects/);
  const tie = translateObjects([
    secret('b', { id: 'dup', cert: CA_CERT }).label('konghq.com/ca-cert', 'true'),
    secret('a', { id: 'dup', cert: CA_CERT }).label('konghq.com/ca-cert', 'true'),
  ]);
  assert.ok(tie.state.caCertificates[0].tags.includes('k8s-name:a'));
});
