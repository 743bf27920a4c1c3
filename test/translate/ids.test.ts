import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { entityId } from '../../src/translate/ids.js';
import { pluginIdKey } from '../../src/translate/fill-ids.js';

// An independent UUIDv5 (RFC 4122 §4.3) to check the uuid-based implementation against.
function uuid5(namespace: string, name: string): string {
  const ns = Buffer.from(namespace.replaceAll('-', ''), 'hex');
  const h = createHash('sha1').update(Buffer.concat([ns, Buffer.from(name, 'utf8')])).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
const KONG_NS = 'fd02801f-0957-4a15-a55a-c8d9606f30b5';

test('entity ids are uuid5(uuid5(KONG_NS, plural), key) for every id type', () => {
  for (const type of ['services', 'routes', 'consumers', 'consumergroups', 'vaults', 'plugins'] as const) {
    for (const key of ['foo-namespace.foo-svc.80', 'default.beta', 'ünïcode', '']) {
      assert.equal(entityId(type, key), uuid5(uuid5(KONG_NS, type), key), `${type} ${key}`);
    }
  }
});

test('spec 01 §3.3 worked examples', () => {
  assert.equal(entityId('services', 'foo-namespace.foo-svc.80'), 'fe1e2edc-5479-52fe-b0f4-b90d8d5f83ba');
  assert.equal(entityId('routes', 'default.beta'), '95255daa-88f8-504b-9098-9300d404c741');
  assert.equal(entityId('consumers', 'consumer'), '7deb6e70-60be-5dd2-b374-06551479ea5e');
  assert.equal(entityId('plugins', 'correlation-id:route/default.httpbin.httpbin..80'), '61a22b86-f859-5c8a-a23c-97b92b14b635');
});

test('plugin id keys append service, route, consumer, consumer group in that order', () => {
  assert.equal(pluginIdKey({ name: 'p' }), 'p');
  assert.equal(
    pluginIdKey({ name: 'p', consumer_group: 'g', consumer: 'c', route: 'r', service: 's' }),
    'p:service/s:route/r:consumer/c:consumer_group/g',
  );
  assert.equal(pluginIdKey({ name: 'p', route: 'r', consumer: 'c' }), 'p:route/r:consumer/c');
});
