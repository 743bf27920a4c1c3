import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonPatchAdd } from '../../src/translate/kong-crds/json-patch.js';
import { ingress, kongClusterPlugin, kongPlugin, run, secret, svc } from '../helpers/kong-builders.js';
import type { K8sObject } from '../../src/model/meta.js';

// An Ingress route default.ing.echo..80 with the plugin `p` attached, plus the given objects.
const withRoute = (...objects: K8sObject[]): K8sObject[] => [svc('echo'), ingress('ing', [['/', 'echo', 80]], { plugins: 'p' }), ...objects];
const pluginsOf = (objects: K8sObject[]) => run(objects);

test('config is copied as the plugin config; an empty config is omitted', () => {
  const { doc } = pluginsOf(withRoute(kongPlugin('p', { plugin: 'key-auth', config: { key_names: ['apikey'], nested: { a: 1 } } })));
  assert.deepEqual(doc.plugins?.[0].config, { key_names: ['apikey'], nested: { a: 1 } });
  const empty = pluginsOf(withRoute(kongPlugin('p', { plugin: 'key-auth', config: {} })));
  assert.equal('config' in (empty.doc.plugins?.[0] ?? {}), false);
});

test('a config that is not an object fails on the plugin and emits nothing', () => {
  const { doc, lines } = pluginsOf(withRoute(kongPlugin('p', { plugin: 'key-auth', config: ['a'] })));
  assert.equal(doc.plugins, undefined);
  assert.deepEqual(lines, ['KongPlugin default/p config: InvalidPlugin: config must be a JSON object']);
});

const configFromCases = [
  { name: 'JSON value', value: '{"header_name":"x-id","generator":"uuid"}', want: { header_name: 'x-id', generator: 'uuid' } },
  { name: 'YAML value', value: 'header_name: x-id\necho_downstream: true\n', want: { header_name: 'x-id', echo_downstream: true } },
] as const;
for (const tc of configFromCases) {
  test(`configFrom reads a Secret key holding a ${tc.name}`, () => {
    const { doc, lines } = pluginsOf(
      withRoute(kongPlugin('p', { plugin: 'correlation-id', configFrom: { secretKeyRef: { name: 'conf', key: 'c' } } }), secret('conf', { c: tc.value })),
    );
    assert.deepEqual(lines, []);
    assert.deepEqual(doc.plugins?.[0].config, tc.want);
  });
}

const SECRET_VALUE = 'sup3r-s3cret-t0ken';
const configErrors = [
  {
    name: 'configFrom Secret missing',
    plugin: { configFrom: { secretKeyRef: { name: 'nope', key: 'c' } } },
    extra: [],
    want: "KongPlugin default/p configFrom.secretKeyRef: SecretNotFound: secret 'default/nope' not found",
  },
  {
    name: 'configFrom key missing',
    plugin: { configFrom: { secretKeyRef: { name: 'conf', key: 'other' } } },
    extra: [secret('conf', { c: SECRET_VALUE })],
    want: "KongPlugin default/p configFrom.secretKeyRef: InvalidSecret: no key 'other' in secret 'default/conf'",
  },
  {
    name: 'configFrom value not a map',
    plugin: { configFrom: { secretKeyRef: { name: 'conf', key: 'c' } } },
    extra: [secret('conf', { c: `- ${SECRET_VALUE}` })],
    want: "KongPlugin default/p configFrom: InvalidPlugin: the value of key 'c' of secret 'default/conf' is not a JSON or YAML object",
  },
  {
    name: 'config and configFrom both set',
    plugin: { config: { a: 1 }, configFrom: { secretKeyRef: { name: 'conf', key: 'c' } } },
    extra: [secret('conf', { c: '{}' })],
    want: "KongPlugin default/p configFrom: InvalidPlugin: KongPlugin 'default/p' has both Config and ConfigFrom set",
  },
  {
    name: 'patches leaving a non-empty config plus configFrom',
    plugin: {
      configPatches: [{ path: '/a', valueFrom: { secretKeyRef: { name: 'conf', key: 'v' } } }],
      configFrom: { secretKeyRef: { name: 'conf', key: 'c' } },
    },
    extra: [secret('conf', { c: '{}', v: '"x"' })],
    want: "KongPlugin default/p configFrom: InvalidPlugin: KongPlugin 'default/p' has both Config and ConfigFrom set",
  },
  {
    name: 'patch value not JSON',
    plugin: { configPatches: [{ path: '/token', valueFrom: { secretKeyRef: { name: 'conf', key: 'v' } } }] },
    extra: [secret('conf', { v: SECRET_VALUE })],
    want: "KongPlugin default/p configPatches[0].valueFrom: InvalidPlugin: the value of key 'v' of secret 'default/conf' is not valid JSON",
  },
  {
    name: 'patch Secret missing',
    plugin: { configPatches: [{ path: '/token', valueFrom: { secretKeyRef: { name: 'nope', key: 'v' } } }] },
    extra: [],
    want: "KongPlugin default/p configPatches[0].valueFrom.secretKeyRef: SecretNotFound: secret 'default/nope' not found",
  },
  {
    name: 'patch path not a pointer',
    plugin: { configPatches: [{ path: 'token', valueFrom: { secretKeyRef: { name: 'conf', key: 'v' } } }] },
    extra: [secret('conf', { v: '"x"' })],
    want: 'KongPlugin default/p configPatches[0].path: InvalidPlugin: cannot apply patch: path "token" is not a JSON pointer',
  },
] as const;
for (const tc of configErrors) {
  test(`${tc.name}: failure on the plugin, no instance, no Secret value in the message`, () => {
    const { doc, lines } = pluginsOf(withRoute(kongPlugin('p', { plugin: 'key-auth', ...tc.plugin }), ...tc.extra));
    assert.equal(doc.plugins, undefined);
    assert.deepEqual(lines, [tc.want]);
    assert.ok(!lines.join('\n').includes(SECRET_VALUE));
    // The route itself is unaffected.
    assert.equal(doc.services?.[0].routes?.length, 1);
  });
}

test('configPatches add values from Secrets at JSON pointers, creating missing objects', () => {
  const { doc, lines } = pluginsOf(
    withRoute(
      kongPlugin('p', {
        plugin: 'openid-connect',
        config: { issuer: 'https://idp', scopes: ['openid'] },
        configPatches: [
          { path: '/client_secret', valueFrom: { secretKeyRef: { name: 'conf', key: 'secret' } } },
          { path: '/session/redis/password', valueFrom: { secretKeyRef: { name: 'conf', key: 'pw' } } },
          { path: '/scopes/-', valueFrom: { secretKeyRef: { name: 'conf', key: 'scope' } } },
        ],
      }),
      secret('conf', { secret: '"abc"', pw: '{"v":1}', scope: '"email"' }),
    ),
  );
  assert.deepEqual(lines, []);
  assert.deepEqual(doc.plugins?.[0].config, {
    issuer: 'https://idp',
    scopes: ['openid', 'email'],
    client_secret: 'abc',
    session: { redis: { password: { v: 1 } } },
  });
});

test('KongClusterPlugin Secret references carry their namespace', () => {
  const { doc, lines } = pluginsOf(
    withRoute(
      kongClusterPlugin('p', {
        plugin: 'rate-limiting',
        config: { policy: 'local' },
        configPatches: [{ path: '/minute', valueFrom: { secretKeyRef: { namespace: 'ops', name: 'limits', key: 'm' } } }],
      }),
      secret('limits', { m: '10' }, { ns: 'ops' }),
    ),
  );
  assert.deepEqual(lines, []);
  assert.deepEqual(doc.plugins?.[0].config, { policy: 'local', minute: 10 });
});

test('a KongClusterPlugin secretKeyRef without namespace fails', () => {
  const { doc, lines } = pluginsOf(
    withRoute(kongClusterPlugin('p', { plugin: 'rate-limiting', configFrom: { secretKeyRef: { name: 'limits', key: 'm' } } }), secret('limits', { m: '{}' })),
  );
  assert.equal(doc.plugins, undefined);
  assert.match(lines[0], /^KongClusterPlugin p configFrom.secretKeyRef: InvalidPlugin: secretKeyRef needs a name and a key/);
});

const patchCases = [
  { name: 'empty path replaces the document', doc: { a: 1 }, path: '', value: { b: 2 }, want: { b: 2 } },
  { name: 'escaped tokens', doc: {}, path: '/a~1b/c~0d', value: 1, want: { 'a/b': { 'c~d': 1 } } },
  { name: 'array insert by index', doc: { l: [1, 3] }, path: '/l/1', value: 2, want: { l: [1, 2, 3] } },
  { name: 'array append', doc: { l: [1] }, path: '/l/-', value: 2, want: { l: [1, 2] } },
  { name: 'array index out of range', doc: { l: [1] }, path: '/l/5', value: 2, want: 'error' },
  { name: 'a scalar on the way', doc: { a: 'x' }, path: '/a/b', value: 1, want: 'error' },
] as const;
for (const tc of patchCases) {
  test(`jsonPatchAdd: ${tc.name}`, () => {
    const r = jsonPatchAdd(structuredClone(tc.doc) as never, tc.path, tc.value as never);
    assert.deepEqual('error' in r ? 'error' : r.doc, tc.want);
  });
}

test('jsonPatchAdd does not modify its input', () => {
  const input = { a: { b: 1 } };
  jsonPatchAdd(input, '/a/c', 2);
  assert.deepEqual(input, { a: { b: 1 } });
});
