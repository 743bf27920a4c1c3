import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject, KongState } from '../../src/kongstate/types.js';
import { assertSameEverywhere, streamed } from './streamed.js';
import { consumer, custom, plugin, route, service, SRC, state, upstream } from './states.js';

// Hand-built states, one per serialization rule: the streamed text in every format, and toDeclarativeConfig
// rendered, are byte for byte the old path's text (frozen toDeclarativeConfig, then JSON.stringify or
// js-yaml), for both router flavors.

function assertSame(s: KongState): void {
  for (const expressions of [false, true]) assertSameEverywhere(s, expressions, `expressions=${expressions}`);
}

// Strings at the edges of JSON escaping and of YAML's plain/quoted/literal choice.
const ODD_STRINGS = [
  '', ' ', 'é', 'ü x', '日本語', '😀', 'a😀b', '\ud800', 'x\udc00', '\udc00\ud800', 'say "hi"', "it's", 'back\\slash', 'a\nb', 'a\nb\n',
  '\n', 'tab\there', 'nul\u0000', 'bell\u0007', '\u001f', '\u007f', '\u2028\u2029', '\ufeff', 'true', 'False', 'null', '~', 'yes', 'off',
  '123', '-5', '1.5', '0x1F', '1e3', '12:30', '2025-01-01', '.inf', ': x', 'a: b', '- x', '#x', 'a #b', '@x', '*x', '&x', '!x', '|x',
  '>x', '%x', '`x', '{x}', '[x]', 'a,b', 'trail ', ' lead', '~/api/v1$', 'http.path ^= "/"', 'x'.repeat(3000),
];

const cases: { name: string; fill: (s: KongState) => void }[] = [
  { name: 'empty state: the stub upstream only', fill: () => {} },
  { name: 'custom entities only: the stub stays, custom list after it', fill: (s) => s.customEntities.push(custom('degraphql_routes', { uri: '/x' }, 'a')) },
  {
    name: 'custom entity types: sorted by sortKey, grouped by type, one named like a built-in list replaces it',
    fill: (s) => {
      s.services.push(service('svc'));
      s.customEntities.push(custom('zz_things', { b: 1, a: 2 }, 'b'), custom('aa_things', { name: 'x' }, 'c'), custom('zz_things', { c: 3 }, 'a'));
      s.customEntities.push(custom('services', { name: 'replaced' }, 'd'));
    },
  },
  {
    name: 'integer-like keys: first in JSON (JavaScript object order), sorted as text in YAML',
    fill: (s) => {
      s.customEntities.push(custom('10', { b: 1, 2: 'two', 10: 'ten', a: { 1: 'x', z: 'y' } }, 'a'), custom('9', { x: 1 }, 'b'));
      s.plugins.push(plugin('p', { config: { 3: 'c', b: [1, { 2: 'x', a: 'y' }], a: {} } }));
    },
  },
  {
    name: 'route defaults: 426 and v0 (traditional) unless set; plugins sorted descending',
    fill: (s) => s.services.push(service('s', [
      route('b', { https_redirect_status_code: 301, path_handling: 'v1' }),
      route('a', { plugins: [{ name: 'a-plugin' }, { name: 'z-plugin', config: { k: 'v' } }], expression: 'http.path ^= "/"', priority: 12 }),
    ], { plugins: [{ name: 'b' }, { name: 'c' }, { name: 'a' }] })),
  },
  {
    name: 'unset, null and empty omitted; false, 0 and "" kept; meta never written',
    fill: (s) => {
      const r = route('r', { strip_path: false, regex_priority: 0, id: '', hosts: [], paths: undefined, headers: {}, methods: ['GET'] });
      (r as unknown as Record<string, unknown>).snis = null;
      s.services.push(service('s', [r], { retries: 0, path: '', ca_certificates: [], tls_verify: false }));
    },
  },
  {
    name: 'raw fields (config, healthchecks, ordering): keys sorted at every level, nothing pruned inside',
    fill: (s) => {
      s.plugins.push(plugin('p', { config: { z: null, a: { y: [], x: {}, b: [{ d: 1, c: 2 }] }, m: '' }, ordering: { before: { access: ['b', 'a'] } } }));
      s.upstreams.push(upstream('u', { healthchecks: { passive: { unhealthy: { http_failures: 0 } }, active: { type: 'http', healthy: {} } } }));
    },
  },
  {
    name: 'upstream extra: typed fields win, extra fills the rest, `extra` itself never written; algorithm default',
    fill: (s) => {
      s.upstreams.push(upstream('b', { hash_on: 'ip', extra: { hash_on: 'header', slots: 100, algorithm: 'least-connections', extra: { x: 1 } } }));
      s.upstreams.push(upstream('a', { algorithm: 'consistent-hashing', targets: [{ target: '10.0.0.1:80' }, { target: '10.0.0.2:80', weight: 0 }, { target: '10.0.0.1:80', weight: 5 }] }));
    },
  },
  {
    name: 'top-level plugins sort by name+consumer+group+route+service, descending',
    fill: (s) => s.plugins.push(
      plugin('rate', { route: 'r1' }), plugin('rate', { service: 's1' }), plugin('cors'), plugin('rate', { consumer: 'c', route: 'r2' }),
      plugin('rate', { consumer_group: 'g', enabled: false, protocols: ['http'], instance_name: 'i' }),
    ),
  },
  {
    name: 'consumers by username then custom_id, ascending; their plugins descending; credentials pruned like entities',
    fill: (s) => {
      s.consumers.push(consumer({ username: 'b', plugins: [plugin('a'), plugin('z', { config: { q: 1 } })] }));
      s.consumers.push(consumer({ custom_id: 'x', keyauth_credentials: [{ key: 'k', tags: [] }], acls: [] }));
      s.consumers.push(consumer({ username: 'a', custom_id: 'z', basicauth_credentials: [{ username: 'u', password: 'p', extra: null }] }));
      s.consumers.push(consumer({ username: 'a', custom_id: 'y' }));
    },
  },
  {
    name: 'certificates by cert descending with SNIs ascending; CA certificates; groups; memberships in state order; vaults',
    fill: (s) => {
      s.certificates.push({ id: '1', cert: 'A', key: 'k', snis: [{ name: 'b.com', certificate: { id: '1' } }, { name: 'a.com', certificate: { id: '1' } }], tags: [] });
      s.certificates.push({ id: '2', cert: 'B\nline', key: 'k', snis: [], tags: ['t'] });
      s.caCertificates.push({ id: 'c1', cert: 'X', tags: [] }, { id: 'c2', cert: 'Y', tags: [] });
      s.consumerGroups.push({ name: 'g1', tags: [], meta: { source: SRC } }, { name: 'g2', tags: [], meta: { source: SRC } });
      s.consumerGroupConsumers.push({ consumer_group: 'g2', consumer: 'b' }, { consumer_group: 'g1', consumer: 'a' });
      s.vaults.push({ name: 'env', prefix: 'a', config: {}, tags: [], meta: { source: SRC } }, { name: 'env', prefix: 'b', description: 'd', tags: [], meta: { source: SRC } });
    },
  },
  {
    name: 'odd strings as values, list items, keys of raw and custom fields, and names that sort',
    fill: (s) => {
      s.services.push(...ODD_STRINGS.map((str, i) => service(str, [route(str, { hosts: [str, 'h'], tags: [str] })], { path: str, tags: [`t${i}`] })));
      s.plugins.push(plugin('p', { config: Object.fromEntries(ODD_STRINGS.filter((x) => x.length < 100).map((x, i) => [x, [x, i]])) }));
      s.customEntities.push(custom('odd', Object.fromEntries(ODD_STRINGS.filter((x) => x.length < 100 && !x.includes('\n')).map((x) => [x, x])), 'a'));
    },
  },
  {
    name: 'numbers: floats, negatives, large, -0, NaN and Infinity (null in JSON)',
    fill: (s) => {
      s.services.push(service('s', [], { port: 8080, connect_timeout: 1.5, read_timeout: -0, write_timeout: 1e21, retries: Number.NaN, tls_verify_depth: Infinity }));
      s.plugins.push(plugin('p', { config: { n: [0, -0, 1.25, -3, 2 ** 53, 1e-7, Number.NaN, -Infinity] } }));
    },
  },
  {
    name: 'lists with null, nested lists and objects inside non-raw fields; nested objects pruned like entities',
    fill: (s) => {
      const r = route('r', { sources: [{ ip: '10.0.0.1' }, { port: 80, ip: undefined }, {}], destinations: [] });
      (r as unknown as Record<string, unknown>).hosts = ['a', null, ['x', { b: 1, a: null }]];
      (r as unknown as Record<string, unknown>).headers = { 'x-b': ['1'], 'x-a': [], 'x-c': null };
      s.services.push(service('s', [r], { client_certificate: { id: 'c' } }));
    },
  },
  {
    name: 'keys named like Object.prototype members, and an own __proto__ key from parsed input',
    fill: (s) => {
      s.customEntities.push(custom('things', { toString: 'x', constructor: 'y', hasOwnProperty: 'z', valueOf: 1 }, 'a'));
      s.customEntities.push(custom('things', JSON.parse('{"__proto__": {"a": 1}, "name": "n"}') as JsonObject, 'b'));
      s.plugins.push(plugin('p', { config: JSON.parse('{"__proto__": "x", "toString": {"b": 1, "a": 2}}') as JsonObject }));
    },
  },
  {
    name: 'pieces only js-yaml writes (a key over 1024 characters, undefined in a raw list, a long list name): same text',
    fill: (s) => {
      s.services.push(service('s'));
      s.plugins.push(plugin('p', { config: { ['k'.repeat(1100)]: 1, list: [1, undefined as unknown as number, 'x'] } }));
      s.customEntities.push(custom('t'.repeat(1100), { name: 'n' }, 'a'), custom('a\nb', { x: 1 }, 'b'));
    },
  },
  {
    name: 'services without routes, services and routes of the same name keep their order',
    fill: (s) => {
      s.services.push(service('a', [route('r', { id: '1' }), route('r', { id: '2' })]), service('a', [], { id: 'second' }), service('b'));
    },
  },
];

for (const c of cases) test(c.name, () => assertSame(state(c.fill)));

test('items of very different sizes (batches sized by the text so far, pieces larger than a chunk cut up): same text', () => {
  const s = state((st) => {
    for (let i = 0; i < 400; i++) {
      const big = i % 97 === 5 ? { path: `/${'p'.repeat(150_000)}😀${i}` } : {};
      st.services.push(service(`svc-${String(i).padStart(3, '0')}`, [route(`r-${i}`, { paths: [`/p${i}`] })], big));
    }
    st.upstreams.push(upstream('u', { targets: Array.from({ length: 3000 }, (_, i) => ({ target: `10.0.${i >> 8}.${i & 255}:80` })) }));
  });
  assertSame(s);
});

test('chunks join to the text whatever their boundaries: many services, each in one piece', () => {
  const s = state((st) => {
    for (let i = 0; i < 3000; i++) st.services.push(service(`svc-${i}`, [route(`r-${i}`, { paths: [`/p${i}`], hosts: ['é😀.example.com'] })]));
  });
  assertSame(s);
  const { chunks } = streamed(s, false, 'json-compact');
  assert.ok(chunks.length > 3, `${chunks.length} chunks`);
  for (const c of chunks.slice(0, -1)) {
    // A chunk never ends inside a surrogate pair: each piece is whole text.
    assert.ok(!/[\ud800-\udbff]$/.test(c));
  }
});
