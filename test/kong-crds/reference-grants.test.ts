import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Snapshot } from '../../src/store/snapshot.js';
import { isReferenceGranted } from '../../src/translate/reference-grants.js';
import { referenceGrant } from '../helpers/kong-builders.js';

const FROM = { group: 'networking.k8s.io', kind: 'Ingress', namespace: 'app' };
const TO = { group: 'configuration.konghq.com', kind: 'KongPlugin', namespace: 'shared', name: 'p' };

const cases = [
  { name: 'matching grant without to.name', grant: referenceGrant('shared', FROM, { group: TO.group, kind: TO.kind }), want: true },
  { name: 'matching grant with to.name', grant: referenceGrant('shared', FROM, { group: TO.group, kind: TO.kind, name: 'p' }), want: true },
  { name: 'grant for another name', grant: referenceGrant('shared', FROM, { group: TO.group, kind: TO.kind, name: 'q' }), want: false },
  { name: 'grant in the referrer namespace', grant: referenceGrant('app', FROM, { group: TO.group, kind: TO.kind }), want: false },
  { name: 'grant from another namespace', grant: referenceGrant('shared', { ...FROM, namespace: 'x' }, { group: TO.group, kind: TO.kind }), want: false },
  { name: 'grant from another kind', grant: referenceGrant('shared', { ...FROM, kind: 'HTTPRoute' }, { group: TO.group, kind: TO.kind }), want: false },
  { name: 'grant to another kind', grant: referenceGrant('shared', FROM, { group: '', kind: 'Service' }), want: false },
] as const;
for (const tc of cases) {
  test(`isReferenceGranted: ${tc.name}`, () => {
    assert.equal(isReferenceGranted(Snapshot.of([tc.grant]), FROM, TO), tc.want);
  });
}

test('isReferenceGranted: no grants at all', () => {
  assert.equal(isReferenceGranted(Snapshot.of([]), FROM, TO), false);
});
