import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingress, service, translateObjects } from '../helpers/builders.js';
import type { KongService } from '../../src/kongstate/types.js';

const KS = 'default.echo.80';

function serviceWith(annotations: Record<string, string>): { ks: KongService; warnings: string[]; failures: string[] } {
  const r = translateObjects([ingress('echo').rule('example.com').path('/', 'Prefix', 'echo:80'), service('echo', [80]).annotations(annotations)]);
  return { ks: r.service(KS), warnings: r.warningLines, failures: r.failureLines };
}

type Case = {
  readonly name: string;
  readonly annotations: Record<string, string>;
  readonly want: Partial<Record<keyof KongService, unknown>>;
  readonly warning?: string;
  readonly failure?: string;
};

const cases: readonly Case[] = [
  { name: 'defaults without annotations', annotations: {}, want: { protocol: 'http', path: '/', connect_timeout: 60000, read_timeout: 60000, write_timeout: 60000, retries: 5, tls_verify: undefined } },
  { name: 'protocol https', annotations: { 'konghq.com/protocol': 'https' }, want: { protocol: 'https', path: '/' } },
  { name: 'protocol grpc removes the path', annotations: { 'konghq.com/protocol': 'grpc', 'konghq.com/path': '/x' }, want: { protocol: 'grpc', path: undefined } },
  { name: 'protocol grpcs removes the path', annotations: { 'konghq.com/protocol': 'grpcs' }, want: { protocol: 'grpcs', path: undefined } },
  {
    name: 'invalid protocol: failure, protocol unchanged, other annotations still apply',
    annotations: { 'konghq.com/protocol': 'HTTP2', 'konghq.com/retries': '3' },
    want: { protocol: 'http', retries: 3, path: '/' },
    failure: 'Service default/echo metadata.annotations[konghq.com/protocol]: InvalidAnnotation: konghq.com/protocol annotation has invalid value: HTTP2',
  },
  { name: 'path', annotations: { 'konghq.com/path': '/base' }, want: { path: '/base' } },
  { name: 'path without leading slash is ignored', annotations: { 'konghq.com/path': 'base' }, want: { path: '/' }, warning: 'konghq.com/path value "base" does not start with "/"' },
  { name: 'timeouts and retries', annotations: { 'konghq.com/connect-timeout': '1000', 'konghq.com/read-timeout': '2000', 'konghq.com/write-timeout': '3000', 'konghq.com/retries': '0' }, want: { connect_timeout: 1000, read_timeout: 2000, write_timeout: 3000, retries: 0 } },
  { name: 'non-integer timeout is ignored', annotations: { 'konghq.com/read-timeout': '10s' }, want: { read_timeout: 60000 }, warning: 'konghq.com/read-timeout value "10s" is not an integer' },
  { name: 'tls-verify T', annotations: { 'konghq.com/tls-verify': 'T' }, want: { tls_verify: true } },
  { name: 'tls-verify False', annotations: { 'konghq.com/tls-verify': 'False' }, want: { tls_verify: false } },
  { name: 'tls-verify invalid', annotations: { 'konghq.com/tls-verify': 'yes' }, want: { tls_verify: undefined }, warning: 'konghq.com/tls-verify value "yes"' },
  { name: 'tls-verify-depth', annotations: { 'konghq.com/tls-verify-depth': '2' }, want: { tls_verify_depth: 2 } },
  { name: 'tls-verify-depth invalid', annotations: { 'konghq.com/tls-verify-depth': 'deep' }, want: { tls_verify_depth: undefined }, warning: '"deep" is not an integer' },
];

for (const tc of cases) {
  test(tc.name, () => {
    const { ks, warnings, failures } = serviceWith(tc.annotations);
    for (const [field, value] of Object.entries(tc.want)) assert.deepEqual(ks[field as keyof KongService], value, field);
    assert.deepEqual(failures, tc.failure ? [tc.failure] : []);
    if (tc.warning) {
      assert.equal(warnings.length, 1, warnings.join('\n'));
      assert.ok(warnings[0].startsWith('warning: Service default/echo metadata.annotations['), warnings[0]);
      assert.ok(warnings[0].includes(tc.warning), warnings[0]);
    } else {
      assert.deepEqual(warnings, []);
    }
  });
}

test('konghq.com/tags on the Service tag the Kong service and its upstream', () => {
  const r = translateObjects([ingress('echo').path('/', 'Prefix', 'echo:80'), service('echo', [80]).annotate('konghq.com/tags', 'team-a, team-b,team-a')]);
  const want = ['k8s-name:echo', 'k8s-namespace:default', 'k8s-kind:Service', 'k8s-version:v1', 'team-a', 'team-b'];
  assert.deepEqual(r.service(KS).tags, want);
  assert.deepEqual(r.state.upstreams[0].tags, want);
});

test('the default-backend Kong service gets the Service annotations too', () => {
  const r = translateObjects([ingress('echo').defaultBackend('echo:80'), service('echo', [80]).annotate('konghq.com/protocol', 'https').annotate('konghq.com/path', '/p')]);
  assert.equal(r.service(KS).protocol, 'https');
  assert.equal(r.service(KS).path, '/p');
});
