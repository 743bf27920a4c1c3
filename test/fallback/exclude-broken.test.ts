import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { K8sObject } from '../../src/model/meta.js';
import { excludeBroken, formatExcluded, type Exclusion } from '../../src/fallback/exclude-broken.js';
import type { Snapshot } from '../../src/store/snapshot.js';
import {
  consumer, customEntity, id, ingress, kongPlugin, l4Ingress, label, obj, route, service, snap,
} from '../helpers/fallback-builders.js';

function exclude(s: Snapshot, ...broken: K8sObject[]): Exclusion {
  const r = excludeBroken(s, broken.map(id));
  assert.ok(r.ok, 'fallback builds');
  return r;
}

function remaining(e: Exclusion): string[] {
  return [...e.snapshot.all()].map(label).sort();
}

test('a broken object with no dependants removes only itself', () => {
  const svc = service('svc');
  const broken = ingress('broken', { backends: ['svc'] });
  const valid = ingress('valid', { backends: ['svc'] });
  const e = exclude(snap(svc, broken, valid), broken);
  assert.deepEqual(e.excluded.map((x) => formatExcluded(x)), ['Ingress default/broken: rejected by Kong']);
  assert.deepEqual(remaining(e), ['Ingress default/valid', 'Service default/svc']);
});

test('dependencies of a broken object stay', () => {
  const plugin = kongPlugin('p', { configFrom: 'conf' });
  const secret = obj('Secret', 'conf');
  const i = ingress('i', { backends: ['svc'], plugins: 'p', className: 'kong' });
  const e = exclude(snap(plugin, secret, i, service('svc'), obj('IngressClass', 'kong')), i);
  assert.deepEqual(remaining(e), ['IngressClass kong', 'KongPlugin default/p', 'Secret default/conf', 'Service default/svc']);
});

test('a broken Service removes the routes that use it, not the others', () => {
  const broken = service('broken');
  const objects = [
    broken, service('ok'),
    ingress('uses-broken', { backends: ['broken'] }), ingress('uses-ok', { backends: ['ok'] }),
    route('HTTPRoute', 'r', [{ name: 'broken', kind: 'Service' }]), l4Ingress('TCPIngress', 't', ['broken']),
  ];
  const e = exclude(snap(...objects), broken);
  assert.deepEqual(remaining(e), ['Ingress default/uses-ok', 'Service default/ok']);
});

test('a chain: Secret -> KongPlugin -> Service -> Ingress, consumer and custom entity', () => {
  const secret = obj('Secret', 'conf');
  const objects = [
    secret,
    kongPlugin('p', { configFrom: 'conf' }),
    service('s', { plugins: 'p' }),
    ingress('i', { backends: ['s'] }),
    consumer('c', { plugins: 'p' }),
    customEntity('ce', { group: 'configuration.konghq.com', kind: 'KongPlugin', name: 'p' }),
    service('untouched'),
  ];
  const e = exclude(snap(...objects), secret);
  assert.deepEqual(remaining(e), ['Service default/untouched']);
  const lines = e.excluded.map(formatExcluded);
  assert.equal(lines[0], 'Secret default/conf: rejected by Kong');
  assert.ok(
    lines.includes(
      'Ingress default/i: depends on Service default/s (spec.rules[0].http.paths[0].backend.service.name), ' +
        'which depends on KongPlugin default/p (metadata.annotations[konghq.com/plugins]), ' +
        'which depends on Secret default/conf (configFrom.secretKeyRef), which Kong rejected',
    ),
    lines.join('\n'),
  );
  assert.equal(e.excluded.find((x) => x.object.name === 'i')?.cause.name, 'conf');
});

test('an object reached from two broken objects is excluded once, for the first', () => {
  const a = service('a');
  const b = service('b');
  const i = ingress('i', { backends: ['a', 'b'] });
  const e = exclude(snap(a, b, i), a, b);
  assert.deepEqual(e.excluded.map((x) => [x.object.name, x.cause.name]), [['a', 'a'], ['i', 'a'], ['b', 'b']]);
});

test('a broken object reported twice is handled once', () => {
  const s = service('s');
  const e = exclude(snap(s, ingress('i', { backends: ['s'] })), s, s);
  assert.equal(e.excluded.length, 2);
});

test('a broken object with another uid (replaced since) matches nothing and is reported as unmatched', () => {
  const s = service('s');
  const r = excludeBroken(snap(s, ingress('i', { backends: ['s'] })), [{ ...id(s), uid: 'old-uid' }]);
  assert.ok(r.ok);
  assert.deepEqual(r.excluded, []);
  assert.deepEqual(r.unmatched.map((u) => u.uid), ['old-uid']);
  assert.equal([...r.snapshot.all()].length, 2);
});

test('a cluster-scoped broken object (KongClusterPlugin) removes its dependants in every namespace', () => {
  const kcp = obj('KongClusterPlugin', 'global');
  const e = exclude(snap(kcp, service('a', { ns: 'x', plugins: 'global' }), service('b', { ns: 'y', plugins: 'global' }), service('c')), kcp);
  assert.deepEqual(remaining(e), ['Service default/c']);
});

test('nothing broken: the snapshot is unchanged', () => {
  const e = exclude(snap(service('s'), ingress('i', { backends: ['s'] })));
  assert.deepEqual(remaining(e), ['Ingress default/i', 'Service default/s']);
  assert.deepEqual(e.excluded, []);
});
