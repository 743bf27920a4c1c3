import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { K8sObject } from '../../src/model/meta.js';
import { buildFallbackCache, validateFallbackSettings, type FallbackCache } from '../../src/fallback/backfill.js';
import type { Snapshot } from '../../src/store/snapshot.js';
import { id, ingress, label, service, snap } from '../helpers/fallback-builders.js';

const ON = { fallbackConfiguration: true, useLastValidConfigForFallback: true };
const EXCLUDE_ONLY = { fallbackConfiguration: true, useLastValidConfigForFallback: false };

function cache(settings: typeof ON, current: Snapshot, broken: K8sObject[], last?: Snapshot): FallbackCache {
  const r = buildFallbackCache(settings, current, broken.map(id), last);
  assert.ok(r.ok, 'fallback builds');
  return r;
}

/** `Kind ns/name@<path of the first rule path>` so that versions can be told apart. */
function contents(s: Snapshot): string[] {
  return [...s.all()]
    .map((o) => {
      const rules = (o.spec as { rules?: { http?: { paths?: { path?: string }[] } }[] } | undefined)?.rules;
      const path = rules?.[0]?.http?.paths?.[0]?.path;
      return `${label(o)}${path ? `@${path}` : ''}${o.metadata.annotations?.v ? `#${o.metadata.annotations.v}` : ''}`;
    })
    .sort();
}

test('the flag needs the FallbackConfiguration gate', () => {
  assert.match(validateFallbackSettings({ fallbackConfiguration: false, useLastValidConfigForFallback: true }) ?? '', /FallbackConfiguration/);
  assert.equal(validateFallbackSettings(ON), undefined);
  assert.equal(validateFallbackSettings({ fallbackConfiguration: false, useLastValidConfigForFallback: false }), undefined);
});

test('a broken object that was in the last valid snapshot comes back in its last valid version, with its dependants there', () => {
  const lastSvc = service('s', { annotations: { v: 'old' } });
  const lastIng = ingress('i', { backends: ['s'] });
  const curSvc = service('s', { annotations: { v: 'new' } });
  const curIng = ingress('i', { backends: ['s'], annotations: { v: 'new' } });
  const r = cache(ON, snap(curSvc, curIng, service('other')), [curSvc], snap(lastSvc, lastIng));
  assert.deepEqual(contents(r.snapshot), ['Ingress default/i@/p0', 'Service default/other', 'Service default/s#old']);
  assert.deepEqual(r.excluded.map((e) => e.object.name), ['s', 'i']);
  assert.deepEqual(r.backfilled.map((b) => [b.object.name, b.for.name]), [['s', 's'], ['i', 's']]);
});

test('an excluded object that is new since the last valid snapshot stays excluded', () => {
  const s = service('s');
  const newIng = ingress('new', { backends: ['s'] });
  const r = cache(ON, snap(s, newIng), [s], snap(s));
  assert.deepEqual(contents(r.snapshot), ['Service default/s']);
  assert.deepEqual(r.backfilled.map((b) => b.object.name), ['s']);
});

test('an object recreated since (other uid) is not backfilled', () => {
  const cur = service('s', { uid: 'new-uid' });
  const r = cache(ON, snap(cur), [cur], snap(service('s', { uid: 'old-uid' })));
  assert.deepEqual(contents(r.snapshot), []);
  assert.deepEqual(r.backfilled, []);
});

test('a dependant that exists only in the last valid snapshot is added back too', () => {
  const s = service('s');
  const gone = ingress('gone', { backends: ['s'] });
  const r = cache(ON, snap(s), [s], snap(s, gone));
  assert.deepEqual(contents(r.snapshot), ['Ingress default/gone@/p0', 'Service default/s']);
});

test('without the flag, or without a last valid snapshot, it is the plain exclusion', () => {
  const s = service('s');
  const i = ingress('i', { backends: ['s'] });
  for (const [settings, last] of [[EXCLUDE_ONLY, snap(s, i)], [ON, undefined]] as const) {
    const r = cache(settings, snap(s, i, service('t')), [s], last);
    assert.deepEqual(contents(r.snapshot), ['Service default/t']);
    assert.deepEqual(r.backfilled, []);
  }
});
