import { test } from 'node:test';
import assert from 'node:assert/strict';
import { v5 as uuidv5 } from 'uuid';
import { credential, ingressClass, kongConsumer, kongConsumerGroup, run, secret } from '../helpers/kong-builders.js';

const SECRET_TAGS = (name: string) => [`k8s-name:${name}`, 'k8s-namespace:default', 'k8s-kind:Secret', 'k8s-version:v1'];
type Consumer = Record<string, unknown>;
const consumerOf = (objects: Parameters<typeof run>[0]) => {
  const r = run(objects);
  return { consumer: (r.doc.consumers?.[0] ?? {}) as Consumer, lines: r.lines, doc: r.doc };
};

const credentialCases = [
  { type: 'key-auth', data: { key: 'k-1', ttl: '60' }, list: 'keyauth_credentials', want: { key: 'k-1', ttl: 60 } },
  { type: 'basic-auth', data: { username: 'u', password: 'plain-pw' }, list: 'basicauth_credentials', want: { username: 'u', password: 'plain-pw' } },
  { type: 'hmac-auth', data: { username: 'u', secret: 's' }, list: 'hmacauth_credentials', want: { username: 'u', secret: 's' } },
  { type: 'jwt', data: { key: 'iss', secret: 's' }, list: 'jwt_secrets', want: { key: 'iss', secret: 's', algorithm: 'HS256' } },
  { type: 'jwt', data: { key: 'iss', algorithm: 'RS256', rsa_public_key: 'PEM' }, list: 'jwt_secrets', want: { key: 'iss', algorithm: 'RS256', rsa_public_key: 'PEM' } },
  {
    type: 'oauth2',
    data: { name: 'app', client_id: 'cid', client_secret: 'cs', client_type: 'confidential', hash_secret: 'true', redirect_uris: 'https://a,https://b' },
    list: 'oauth2_credentials',
    want: { name: 'app', client_id: 'cid', client_secret: 'cs', client_type: 'confidential', hash_secret: true, redirect_uris: ['https://a', 'https://b'] },
  },
  { type: 'acl', data: { group: 'admins' }, list: 'acls', want: { group: 'admins' } },
  { type: 'mtls-auth', data: { subject_name: 'CN=me', id: 'fixed-id' }, list: 'mtls_auth_credentials', want: { subject_name: 'CN=me', id: 'fixed-id' } },
] as const;
for (const tc of credentialCases) {
  test(`${tc.type} credential ${Object.keys(tc.data).join(',')} -> ${tc.list}`, () => {
    const { consumer, lines } = consumerOf([kongConsumer('c', { username: 'c', credentials: ['cred'] }), credential('cred', tc.type, tc.data)]);
    assert.deepEqual(lines, []);
    assert.deepEqual(consumer[tc.list], [{ ...tc.want, tags: SECRET_TAGS('cred') }]);
  });
}

test('unknown data keys (like the legacy kongCredType) are ignored with a warning naming the key, not the value', () => {
  const { consumer, lines } = consumerOf([
    kongConsumer('c', { username: 'c', credentials: ['cred'] }),
    credential('cred', 'key-auth', { key: 'k', kongCredType: 'key-auth', extra: 'hidden-value' }),
  ]);
  assert.deepEqual(consumer.keyauth_credentials, [{ key: 'k', tags: SECRET_TAGS('cred') }]);
  assert.deepEqual(lines, [
    'warning: Secret default/cred data[extra]: key-auth credentials have no field extra: ignored',
    'warning: Secret default/cred data[kongCredType]: key-auth credentials have no field kongCredType: ignored',
  ]);
});

test('consumer fields, id and tags; custom_id-only consumers get no id', () => {
  const { doc } = run([kongConsumer('c', { username: 'consumer', custom_id: 'x1' }), kongConsumer('d', { custom_id: 'only' })]);
  assert.deepEqual(doc.consumers, [
    {
      custom_id: 'only',
      tags: ['k8s-name:d', 'k8s-namespace:default', 'k8s-kind:KongConsumer', 'k8s-group:configuration.konghq.com', 'k8s-version:v1'],
    },
    {
      custom_id: 'x1',
      id: '7deb6e70-60be-5dd2-b374-06551479ea5e',
      tags: ['k8s-name:c', 'k8s-namespace:default', 'k8s-kind:KongConsumer', 'k8s-group:configuration.konghq.com', 'k8s-version:v1'],
      username: 'consumer',
    },
  ]);
});

test('a consumer with neither username nor custom_id fails', () => {
  const { doc, lines } = run([kongConsumer('c', {})]);
  assert.equal(doc.consumers, undefined);
  assert.deepEqual(lines, ['KongConsumer default/c username: InvalidObject: no username or custom_id specified']);
});

test('consumers of another class, or without class when kong is not the default class, are ignored silently', () => {
  assert.equal(run([kongConsumer('c', { username: 'u' }, { cls: 'other' })]).doc.consumers, undefined);
  assert.equal(run([kongConsumer('c', { username: 'u' }, { cls: null })]).doc.consumers, undefined);
  assert.equal(run([kongConsumer('c', { username: 'u' }, { cls: null }), ingressClass(false)]).doc.consumers, undefined);
  assert.equal(run([kongConsumer('c', { username: 'u' }, { cls: null }), ingressClass(true)]).doc.consumers?.length, 1);
  assert.equal(run([kongConsumer('c', { username: 'u' }, { cls: 'other' }), ingressClass(true)]).doc.consumers, undefined);
});

const VALUE = 'p4ssw0rd-never-printed';
const credentialErrors = [
  {
    name: 'Secret missing',
    objects: [],
    want: ['KongConsumer default/c credentials[0]: SecretNotFound: credential "cred" failure: Failed to fetch secret: Secret default/cred not found'],
  },
  {
    name: 'label missing',
    objects: [credential('cred', undefined, { key: VALUE })],
    want: [
      'KongConsumer default/c credentials[0]: InvalidCredential: credential "cred" failure: could not load credential from Secret: Secret default/cred used as credential, but lacks konghq.com/credential label',
      'KongConsumer default/c credentials[0]: InvalidCredential: credential "cred" failure: failed to provision credential: unsupported credential type: ""',
    ],
  },
  {
    name: 'unsupported type',
    objects: [credential('cred', 'keyauth_credential', { key: VALUE })],
    want: ['KongConsumer default/c credentials[0]: InvalidCredential: credential "cred" failure: failed to provision credential: unsupported credential type: "keyauth_credential"'],
  },
  {
    name: 'key-auth without key',
    objects: [credential('cred', 'key-auth', { ttl: '5' })],
    want: ['KongConsumer default/c credentials[0]: InvalidCredential: credential "cred" failure: failed to provision credential: key-auth is invalid: no key'],
  },
  {
    name: 'basic-auth without username',
    objects: [credential('cred', 'basic-auth', { password: VALUE })],
    want: ['KongConsumer default/c credentials[0]: InvalidCredential: credential "cred" failure: failed to provision credential: basic-auth is invalid: no username'],
  },
  {
    name: 'oauth2 without name',
    objects: [credential('cred', 'oauth2', { client_id: 'id', client_secret: VALUE })],
    want: ['KongConsumer default/c credentials[0]: InvalidCredential: credential "cred" failure: failed to provision credential: oauth2 is invalid: no name'],
  },
  {
    name: 'acl without group',
    objects: [credential('cred', 'acl', {})],
    want: ['KongConsumer default/c credentials[0]: InvalidCredential: credential "cred" failure: failed to provision credential: acl is invalid: no group'],
  },
  {
    name: 'mtls-auth with ca_certificate',
    objects: [credential('cred', 'mtls-auth', { subject_name: 'x', ca_certificate: VALUE })],
    want: ['KongConsumer default/c credentials[0]: InvalidCredential: credential "cred" failure: failed to provision credential: field "ca_certificate" cannot be set from a Secret'],
  },
  {
    name: 'a tags key',
    objects: [credential('cred', 'hmac-auth', { username: 'u', tags: VALUE })],
    want: ['KongConsumer default/c credentials[0]: InvalidCredential: credential "cred" failure: failed to provision credential: field "tags" cannot be set from a Secret'],
  },
] as const;
for (const tc of credentialErrors) {
  test(`credential failure (${tc.name}): the consumer stays, the credential goes, no value printed`, () => {
    const { consumer, lines } = consumerOf([kongConsumer('c', { username: 'c', credentials: ['cred', 'ok'] }), credential('ok', 'acl', { group: 'g' }), ...tc.objects]);
    assert.deepEqual(lines, tc.want);
    assert.equal(consumer.username, 'c');
    assert.deepEqual(Object.keys(consumer).filter((k) => k.endsWith('credentials') || k === 'acls' || k === 'jwt_secrets'), ['acls']);
    assert.ok(!lines.join('\n').includes(VALUE));
  });
}

test('a bad hash_secret is false and a bad ttl is dropped, each with a failure; the credential stays', () => {
  const { consumer, lines } = consumerOf([
    kongConsumer('c', { username: 'c', credentials: ['o', 'k'] }),
    credential('o', 'oauth2', { name: 'n', client_id: 'id', hash_secret: 'maybe' }),
    credential('k', 'key-auth', { key: 'kk', ttl: 'soon' }),
  ]);
  assert.deepEqual((consumer.oauth2_credentials as Consumer[])[0].hash_secret, false);
  assert.equal('ttl' in (consumer.keyauth_credentials as Consumer[])[0], false);
  assert.deepEqual(lines, [
    'KongConsumer default/c credentials[0]: InvalidCredential: credential "o" failure: failed to provision credential: hash_secret is not a boolean, false is used',
    'KongConsumer default/c credentials[1]: InvalidCredential: credential "k" failure: failed to provision credential: ttl is not an integer, ignored',
  ]);
});

test('stringData is ignored, as without an API server', () => {
  const s = { ...secret('cred', {}, { labels: { 'konghq.com/credential': 'acl' } }), stringData: { group: 'g' } };
  const { consumer, lines } = consumerOf([kongConsumer('c', { username: 'c', credentials: ['cred'] }), s]);
  assert.equal(consumer.acls, undefined);
  assert.equal(lines.length, 1);
});

test('credentials sharing a key conflict: both consumers removed, failures on Secrets and consumers, no value printed', () => {
  const key = 'shared-key-value';
  const { doc, lines } = run([
    kongConsumer('a', { username: 'alice', credentials: ['ka'] }),
    kongConsumer('b', { username: 'bob', credentials: ['kb'] }),
    kongConsumer('c', { username: 'carol', credentials: ['kc', 'jc'] }),
    credential('ka', 'key-auth', { key }),
    credential('kb', 'key-auth', { key }),
    credential('kc', 'key-auth', { key: 'other' }),
    // The same value under another type is no conflict.
    credential('jc', 'jwt', { key }),
  ]);
  assert.deepEqual((doc.consumers ?? []).map((c) => c.username), ['carol']);
  assert.deepEqual(lines, [
    'Secret default/ka: ConflictingCredential: Secret has conflicting credential: its key-auth credential is not unique (shared with Secret default/kb)',
    'Secret default/kb: ConflictingCredential: Secret has conflicting credential: its key-auth credential is not unique (shared with Secret default/ka)',
    'KongConsumer default/a credentials: ConflictingCredential: Consumer has conflicting credentials: a credential shares its unique field with another credential; consumer skipped',
    'KongConsumer default/b credentials: ConflictingCredential: Consumer has conflicting credentials: a credential shares its unique field with another credential; consumer skipped',
  ]);
  assert.ok(!lines.join('\n').includes(key));
});

test('a Secret listed twice in one consumer is a conflict; acl and mtls-auth never conflict', () => {
  const twice = run([kongConsumer('a', { username: 'alice', credentials: ['k', 'k'] }), credential('k', 'basic-auth', { username: 'u', password: 'p' })]);
  assert.equal(twice.doc.consumers, undefined);
  assert.ok(twice.lines.some((l) => l.includes('shared with itself')));
  const acl = run([
    kongConsumer('a', { username: 'alice', credentials: ['g', 'm'] }),
    kongConsumer('b', { username: 'bob', credentials: ['g', 'm'] }),
    credential('g', 'acl', { group: 'admins' }),
    credential('m', 'mtls-auth', { subject_name: 'CN=x' }),
  ]);
  assert.equal(acl.doc.consumers?.length, 2);
  assert.deepEqual(acl.lines, []);
});

test('two consumers with one username: the first (namespace/name order) wins', () => {
  const { doc, lines } = run([kongConsumer('b', { username: 'same' }), kongConsumer('a', { username: 'same' }), kongConsumer('c', { username: 'x', custom_id: 'cid' }), kongConsumer('d', { username: 'y', custom_id: 'cid' })]);
  assert.deepEqual((doc.consumers ?? []).map((c) => (c.tags as string[])[0]), ['k8s-name:a', 'k8s-name:c']);
  assert.deepEqual(lines, [
    'KongConsumer default/b username: ConflictingObject: username "same" is already used by KongConsumer default/a; consumer skipped',
    'KongConsumer default/d custom_id: ConflictingObject: custom_id "cid" is already used by KongConsumer default/c; consumer skipped',
  ]);
});

test('consumer groups: class filtered, memberships looked up without class, missing group fails', () => {
  const { doc, lines } = run([
    kongConsumer('a', { username: 'alice', consumerGroups: ['gold', 'silver', 'ghost'] }),
    kongConsumer('b', { custom_id: 'bob', consumerGroups: ['gold'] }),
    kongConsumerGroup('gold', { labels: { x: 'y' } }),
    kongConsumerGroup('silver', { cls: 'other' }),
  ]);
  assert.deepEqual(doc.consumer_groups, [
    {
      id: uuidv5('gold', uuidv5('consumergroups', 'fd02801f-0957-4a15-a55a-c8d9606f30b5')),
      name: 'gold',
      tags: ['k8s-name:gold', 'k8s-namespace:default', 'k8s-kind:KongConsumerGroup', 'k8s-group:configuration.konghq.com', 'k8s-version:v1beta1'],
    },
  ]);
  assert.deepEqual(doc.consumer_group_consumers, [
    { consumer: 'alice', consumer_group: 'gold' },
    { consumer: 'alice', consumer_group: 'silver' },
  ]);
  assert.deepEqual(lines, [
    'KongConsumer default/a consumerGroups[2]: ObjectNotFound: nonexistent consumer group: KongConsumerGroup default/ghost not found',
    'warning: KongConsumer default/b consumerGroups[0]: consumer has no username (nor id), so its membership in gold cannot be expressed: skipped',
  ]);
  assert.equal('groups' in (doc.consumers?.[1] ?? {}), false);
});
