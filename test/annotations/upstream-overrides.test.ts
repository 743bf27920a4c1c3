import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingress, kongIngress, service, translateObjects, type ObjectLike } from '../helpers/builders.js';

const route = ingress('echo').rule('example.com').path('/', 'Prefix', 'echo:80');

function upstreamWith(svcAnnotations: Record<string, string>, extra: ObjectLike[] = []) {
  const r = translateObjects([route, service('echo', [80]).annotations(svcAnnotations), ...extra]);
  const u = r.state.upstreams.find((x) => x.name === 'echo.default.80.svc');
  assert.ok(u);
  return { u, r };
}

test('KongIngress upstream section via konghq.com/override', () => {
  const ki = kongIngress('ki', {
    upstream: { algorithm: 'least-connections', slots: 200, hash_on: 'header', hash_on_header: 'x-user', host_header: 'ki.example.com', healthchecks: { threshold: 5 } },
  });
  const { u, r } = upstreamWith({ 'konghq.com/override': 'ki' }, [ki]);
  assert.equal(u.algorithm, 'least-connections');
  assert.equal(u.slots, 200);
  assert.equal(u.hash_on, 'header');
  assert.equal(u.hash_on_header, 'x-user');
  assert.equal(u.host_header, 'ki.example.com');
  assert.deepEqual(u.healthchecks, { threshold: 5 });
  assert.deepEqual(r.failureLines, []);
  assert.deepEqual(r.warningLines, []);
});

test('host-header overrides the KongIngress host_header', () => {
  const ki = kongIngress('ki', { upstream: { host_header: 'ki.example.com' } });
  const { u } = upstreamWith({ 'konghq.com/override': 'ki', 'konghq.com/host-header': 'svc.example.com' }, [ki]);
  assert.equal(u.host_header, 'svc.example.com');
});

test('host-header alone; empty host-header is ignored', () => {
  assert.equal(upstreamWith({ 'konghq.com/host-header': 'svc.example.com' }).u.host_header, 'svc.example.com');
  assert.equal(upstreamWith({ 'konghq.com/host-header': '' }).u.host_header, undefined);
});

test('missing KongIngress: failure on the Service, host-header skipped too', () => {
  const { u, r } = upstreamWith({ 'konghq.com/override': 'gone', 'konghq.com/host-header': 'svc.example.com' });
  assert.equal(u.host_header, undefined);
  assert.deepEqual(r.failureLines, [
    'Service default/echo metadata.annotations[konghq.com/override]: ObjectNotFound: failed to get KongIngress: KongIngress default/gone not found',
  ]);
});

test('KongIngress proxy and route sections have no effect (warned); bad field types are ignored (warned)', () => {
  const ki = kongIngress('ki', { upstream: { slots: 'many', algorithm: 'round-robin' }, proxy: { retries: 1 }, route: { strip_path: true } });
  const { u, r } = upstreamWith({ 'konghq.com/override': 'ki' }, [ki]);
  assert.equal(u.slots, undefined);
  assert.equal(r.service('default.echo.80').retries, 5);
  assert.equal(r.route('default.echo.echo.example.com.80').strip_path, false);
  assert.equal(r.warningLines.length, 2);
  assert.match(r.warningLines.join('\n'), /upstream\.slots is not an integer/);
  assert.match(r.warningLines.join('\n'), /proxy and route sections have no effect/);
});

test('konghq.com/override on the Ingress has no effect', () => {
  const ki = kongIngress('ki', { upstream: { algorithm: 'least-connections' } });
  const r = translateObjects([ingress('echo').annotate('konghq.com/override', 'ki').path('/', 'Prefix', 'echo:80'), service('echo', [80]), ki]);
  assert.equal(r.state.upstreams[0].algorithm, undefined);
});
