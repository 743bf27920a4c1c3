import { test } from 'node:test';
import assert from 'node:assert/strict';
import { v5 as uuidv5 } from 'uuid';
import { kongVault, run } from '../helpers/kong-builders.js';

const vaultId = (prefix: string): string => uuidv5(prefix, uuidv5('vaults', 'fd02801f-0957-4a15-a55a-c8d9606f30b5'));

test('a vault: name from backend, prefix, config, description, tags without namespace, id from prefix', () => {
  const { doc, lines } = run([kongVault('env-vault', { backend: 'env', prefix: 'my-env', description: 'env vault', config: { prefix: 'KONG_' }, tags: ['ignored'] })]);
  assert.deepEqual(lines, []);
  assert.deepEqual(doc.vaults, [
    {
      config: { prefix: 'KONG_' },
      description: 'env vault',
      id: vaultId('my-env'),
      name: 'env',
      prefix: 'my-env',
      tags: ['k8s-name:env-vault', 'k8s-kind:KongVault', 'k8s-group:configuration.konghq.com', 'k8s-version:v1alpha1'],
    },
  ]);
});

test('empty config and description are omitted; other classes are ignored', () => {
  const { doc } = run([kongVault('v', { backend: 'env', prefix: 'p', config: {}, description: '' }), kongVault('w', { backend: 'env', prefix: 'q' }, { cls: 'other' })]);
  assert.deepEqual(Object.keys(doc.vaults?.[0] ?? {}).sort(), ['id', 'name', 'prefix', 'tags']);
  assert.equal(doc.vaults?.length, 1);
});

test('duplicate prefixes: the oldest wins, then the smaller name; the others fail', () => {
  const { doc, lines } = run([
    kongVault('b-old', { backend: 'aws', prefix: 'p' }, { created: '2024-01-01T00:00:00Z' }),
    kongVault('a-new', { backend: 'gcp', prefix: 'p' }, { created: '2024-06-01T00:00:00Z' }),
    kongVault('y', { backend: 'env', prefix: 'same-time' }),
    kongVault('x', { backend: 'hcv', prefix: 'same-time' }),
  ]);
  assert.deepEqual((doc.vaults ?? []).map((v) => `${v.prefix}=${v.name}`).sort(), ['p=aws', 'same-time=hcv']);
  assert.deepEqual(lines.sort(), [
    'KongVault a-new spec.prefix: ConflictingObject: spec.prefix "p" is duplicate',
    'KongVault y spec.prefix: ConflictingObject: spec.prefix "same-time" is duplicate',
  ]);
});

test('a config that is not a JSON object fails and the vault is skipped', () => {
  const { doc, lines } = run([kongVault('v', { backend: 'env', prefix: 'p', config: 'not-json' })]);
  assert.equal(doc.vaults, undefined);
  assert.deepEqual(lines, ['KongVault v spec.config: InvalidObject: failed to parse configuration of vault "v" to JSON: not a JSON object']);
});
