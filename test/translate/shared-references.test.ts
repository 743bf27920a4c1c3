import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingress, service, tlsSecret, translateObjects } from '../helpers/builders.js';
import { LEAF_CERT, LEAF_KEY } from '../helpers/certs.js';

// One object named by many others (a wildcard TLS Secret, a shared KongPlugin): each referrer is listed
// once, in processing order, however many routes or TLS entries it has. These pin what the translator
// keeps when it tracks referrers in sets instead of scanning lists (which turned quadratic at scale).

const many = (n: number, build: (i: number) => ReturnType<typeof ingress>) => Array.from({ length: n }, (_, i) => build(i));
const at = (i: number): string => `2024-01-01T00:00:${String(i).padStart(2, '0')}Z`;

test('a missing TLS Secret named by many Ingresses: one failure naming each Ingress once, in processing order', () => {
  const r = translateObjects([
    ...many(5, (i) => ingress(`ing-${i}`).created(at(i)).tls('shared', `h${i}.example.com`).tls('shared', `g${i}.example.com`)),
  ]);
  const missing = r.failures.filter((f) => f.reason === 'SecretNotFound');
  assert.equal(missing.length, 1);
  assert.deepEqual(missing[0].objects.map((o) => o.name), ['ing-0', 'ing-1', 'ing-2', 'ing-3', 'ing-4']);
});

test('a TLS Secret shared by many Ingresses: one certificate with every host once, sorted', () => {
  const r = translateObjects([
    ...many(6, (i) => ingress(`ing-${i}`).created(at(i)).tls('wildcard', `h${5 - i}.example.com`, 'h0.example.com')),
    tlsSecret('wildcard', LEAF_CERT, LEAF_KEY).uid('uid-w'),
  ]);
  assert.equal(r.state.certificates.length, 1);
  assert.deepEqual(r.state.certificates[0].snis.map((s) => s.name), ['h0.example.com', 'h1.example.com', 'h2.example.com', 'h3.example.com', 'h4.example.com', 'h5.example.com']);
});

test('a missing plugin named by Ingresses with several routes: one failure per Ingress', () => {
  const r = translateObjects([
    service('svc', [80]),
    ...many(4, (i) =>
      ingress(`ing-${i}`).created(at(i)).annotate('konghq.com/plugins', 'absent')
        .rule(`a${i}.example.com`).path('/', 'Prefix', 'svc:80').rule(`b${i}.example.com`).path('/', 'Prefix', 'svc:80')),
  ]);
  const missing = r.failures.filter((f) => f.reason === 'PluginNotFound');
  assert.deepEqual(missing.map((f) => f.objects.map((o) => o.name)), [['ing-0'], ['ing-1'], ['ing-2'], ['ing-3']]);
});
