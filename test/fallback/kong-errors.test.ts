import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseKongErrors, toTranslationFailures, type KongErrorsResult, type ParsedKongErrors } from '../../src/fallback/kong-errors.js';
import { flattenedError, kongErrorBody, kongPlugin, obj, service, tagsOf } from '../helpers/fallback-builders.js';

function parsed(r: KongErrorsResult): ParsedKongErrors {
  assert.equal(r.kind, 'parsed', r.kind === 'unparseable' ? `${r.path}: ${r.reason}` : '');
  return r as ParsedKongErrors;
}

const svc = service('svc', { uid: '6faea5d6-ce95-439e-b223-421a0a142e3f' });

test('field, indexed and entity errors of one service become problems of its Service', () => {
  const body = kongErrorBody([
    flattenedError('service', 'default.svc.80', tagsOf(svc), [
      { type: 'field', field: 'host', message: 'invalid value' },
      { type: 'field', field: 'paths', messages: ['bad path', '', 'bad path 3'] },
      { type: 'entity', message: 'failed conditional validation' },
    ]),
  ]);
  const r = parsed(parseKongErrors(body));
  assert.deepEqual(
    r.failures.map((f) => [f.problem, f.message]),
    [
      ['host', 'invalid value'],
      ['paths[0]', 'bad path'],
      ['paths[2]', 'bad path 3'],
      ['service:default.svc.80', 'failed conditional validation'],
    ],
  );
  assert.deepEqual(r.broken, [
    { uid: '6faea5d6-ce95-439e-b223-421a0a142e3f', group: '', kind: 'Service', namespace: 'default', name: 'svc', version: 'v1', apiVersion: 'v1' },
  ]);
  assert.deepEqual(r.unattributed, []);
});

test('the harness error (messages without field) gives the problem [0]', () => {
  const body = kongErrorBody([flattenedError('', '', tagsOf(svc), [{ messages: ['broken object'] }])]);
  assert.deepEqual(parsed(parseKongErrors(body)).failures.map((f) => `invalid ${f.problem}: ${f.message}`), ['invalid [0]: broken object']);
});

test('a grouped kind gets apiVersion group/version', () => {
  const plugin = kongPlugin('p', { uid: 'u-p' });
  const r = parsed(parseKongErrors(kongErrorBody([flattenedError('plugin', 'p', tagsOf(plugin), [{ type: 'entity', message: 'schema violation' }])])));
  assert.equal(r.broken[0].apiVersion, 'configuration.konghq.com/v1');
  assert.equal(r.broken[0].group, 'configuration.konghq.com');
  assert.equal(r.failures[0].problem, 'plugin:p');
});

test('entities of the same object give one broken object but every failure', () => {
  const body = kongErrorBody([
    flattenedError('service', 'default.svc.80', tagsOf(svc), [{ type: 'field', field: 'host', message: 'bad' }]),
    flattenedError('upstream', 'svc.default.80.svc', tagsOf(svc), [{ type: 'field', field: 'slots', message: 'too many' }]),
  ]);
  const r = parsed(parseKongErrors(body));
  assert.equal(r.failures.length, 2);
  assert.equal(r.broken.length, 1);
});

test('a later problem with the same key replaces the earlier one', () => {
  const body = kongErrorBody([
    flattenedError('service', 's', tagsOf(svc), [
      { type: 'field', field: 'host', message: 'first' },
      { type: 'field', field: 'host', message: 'second' },
    ]),
  ]);
  assert.deepEqual(parsed(parseKongErrors(body)).failures.map((f) => f.message), ['second']);
});

test('an error with both message and messages, or of an unknown type, is skipped and reported', () => {
  const body = kongErrorBody([
    flattenedError('route', 'r', tagsOf(svc), [
      { type: 'field', field: 'paths', message: 'x', messages: ['y'] },
      { type: 'weird', message: 'z' },
      { type: 'field', field: 'hosts', message: 'kept' },
    ]),
  ]);
  const r = parsed(parseKongErrors(body));
  assert.deepEqual(r.failures.map((f) => f.problem), ['hosts']);
  assert.deepEqual(r.ignored.map((i) => [i.entity, i.index]), [['route:r', 0], ['route:r', 1]]);
  assert.match(r.ignored[1].reason, /weird/);
});

test('a kept entry without problems yields no broken object', () => {
  const r = parsed(parseKongErrors(kongErrorBody([flattenedError('service', 's', tagsOf(svc), [{ type: 'field', field: 'paths', messages: ['', ''] }])])));
  assert.deepEqual(r.broken, []);
  assert.deepEqual(r.unattributed, []);
});

const attribution = [
  { name: 'no uid', tags: tagsOf(service('s', { uid: '' })), want: 'NoUid' },
  { name: 'no name', tags: ['k8s-namespace:default', 'k8s-kind:Service', 'k8s-uid:u', 'k8s-version:v1'], want: 'NoName' },
  { name: 'no name wins over no namespace', tags: ['k8s-kind:Service', 'k8s-uid:u'], want: 'NoName' },
  { name: 'no kind', tags: ['k8s-name:s', 'k8s-namespace:default', 'k8s-uid:u', 'k8s-version:v1'], want: 'NoKind' },
  { name: 'namespaced kind without namespace', tags: ['k8s-name:s', 'k8s-kind:Service', 'k8s-uid:u', 'k8s-version:v1'], want: 'NoNamespace' },
  { name: 'IngressClass is never reported', tags: tagsOf(obj('IngressClass', 'kong')), want: 'NoNamespace' },
  { name: 'KongVault of another version', tags: ['k8s-name:v', 'k8s-kind:KongVault', 'k8s-uid:u', 'k8s-group:configuration.konghq.com', 'k8s-version:v1'], want: 'NoNamespace' },
  { name: 'KongClusterPlugin v1', tags: tagsOf(obj('KongClusterPlugin', 'kcp')), want: 'kept' },
  { name: 'KongVault v1alpha1', tags: tagsOf(obj('KongVault', 'vault')), want: 'kept' },
  { name: 'KongLicense v1', tags: ['k8s-name:l', 'k8s-kind:KongLicense', 'k8s-uid:u', 'k8s-group:configuration.konghq.com', 'k8s-version:v1'], want: 'kept' },
  { name: 'empty tag values count as absent', tags: ['k8s-name:s', 'k8s-namespace:', 'k8s-kind:Service', 'k8s-uid:', 'k8s-version:v1'], want: 'NoNamespace' },
  { name: 'later duplicate tags overwrite earlier ones', tags: ['k8s-uid:', ...tagsOf(svc).filter((t) => !t.startsWith('k8s-uid:')), 'k8s-uid:late'], want: 'kept' },
] as const;
for (const tc of attribution) {
  test(`attribution: ${tc.name}`, () => {
    const r = parsed(parseKongErrors(kongErrorBody([flattenedError('service', 'e', tc.tags, [{ type: 'entity', message: 'bad' }])])));
    if (tc.want === 'kept') {
      assert.equal(r.broken.length, 1);
      assert.deepEqual(r.unattributed, []);
    } else {
      assert.deepEqual(r.broken, []);
      assert.deepEqual(r.unattributed.map((u) => [u.entityName, u.reason, u.problems.length]), [['e', tc.want, 1]]);
    }
  });
}

test('the uid of the last duplicate tag is the one used', () => {
  const tags = ['k8s-uid:early', ...tagsOf(service('s', { uid: '' })), 'k8s-uid:late'];
  const r = parsed(parseKongErrors(kongErrorBody([flattenedError('service', 's', tags, [{ type: 'entity', message: 'bad' }])])));
  assert.equal(r.broken[0].uid, 'late');
});

const empties = [
  { name: 'empty body', body: '' },
  { name: 'whitespace body', body: ' \n' },
  { name: 'JSON null', body: 'null' },
  { name: 'no flattened_errors', body: '{"code":14,"message":"declarative config is invalid"}' },
  { name: 'empty flattened_errors', body: kongErrorBody([], 'declarative config is invalid') },
  { name: 'null flattened_errors', body: '{"message":"m","flattened_errors":null}' },
] as const;
for (const tc of empties) {
  test(`no resource errors: ${tc.name}`, () => {
    const r = parsed(parseKongErrors(tc.body));
    assert.deepEqual([r.failures, r.broken, r.unattributed], [[], [], []]);
  });
}

test('the top-level message is kept for the log', () => {
  assert.equal(parsed(parseKongErrors(kongErrorBody([], 'declarative config is invalid: x'))).message, 'declarative config is invalid: x');
});

const malformed = [
  { name: 'not JSON', body: '<html>502 Bad Gateway</html>', path: '' },
  { name: 'truncated JSON', body: kongErrorBody([flattenedError('service', 's', tagsOf(svc), [])]).slice(0, 40), path: '' },
  { name: 'a JSON array', body: '[]', path: '' },
  { name: 'a JSON string', body: '"error"', path: '' },
  { name: 'message not a string', body: '{"message":{"a":1}}', path: 'message' },
  { name: 'code not a number', body: '{"code":"14"}', path: 'code' },
  { name: 'flattened_errors an object', body: '{"flattened_errors":{}}', path: 'flattened_errors' },
  { name: 'entry a string', body: '{"flattened_errors":["x"]}', path: 'flattened_errors[0]' },
  { name: 'entity_tags a string', body: '{"flattened_errors":[{"entity_tags":"k8s-name:x"}]}', path: 'flattened_errors[0].entity_tags' },
  { name: 'a tag a number', body: '{"flattened_errors":[{"entity_tags":["k8s-name:x",7]}]}', path: 'flattened_errors[0].entity_tags[1]' },
  { name: 'errors an object', body: '{"flattened_errors":[{"errors":{"type":"field"}}]}', path: 'flattened_errors[0].errors' },
  { name: 'an error item a string', body: '{"flattened_errors":[{},{"errors":["bad"]}]}', path: 'flattened_errors[1].errors[0]' },
  { name: 'messages with a number', body: '{"flattened_errors":[{"errors":[{"messages":["a",1]}]}]}', path: 'flattened_errors[0].errors[0].messages[1]' },
  { name: 'entity_name a number', body: '{"flattened_errors":[{"entity_name":3}]}', path: 'flattened_errors[0].entity_name' },
] as const;
for (const tc of malformed) {
  test(`unparseable, never thrown: ${tc.name}`, () => {
    const r = parseKongErrors(tc.body);
    assert.equal(r.kind, 'unparseable');
    assert.equal(r.kind === 'unparseable' && r.path, tc.path);
  });
}

test('a decoded object and raw bytes parse like the text', () => {
  const text = kongErrorBody([flattenedError('service', 's', tagsOf(svc), [{ type: 'field', field: 'host', message: 'bad' }])]);
  for (const body of [JSON.parse(text) as unknown, new TextEncoder().encode(text)]) {
    assert.equal(parsed(parseKongErrors(body)).broken[0]?.name, 'svc');
  }
});

test('unknown keys (fields, entity) are ignored', () => {
  const body = JSON.stringify({
    code: 14, fields: { services: [{ host: 'bad' }] },
    flattened_errors: [{ ...flattenedError('service', 's', tagsOf(svc), [{ type: 'field', field: 'host', message: 'bad' }]), entity: { host: '...' } }],
  });
  assert.equal(parsed(parseKongErrors(body)).failures.length, 1);
});

test('resource failures become RejectedByKong failures on the object', () => {
  const r = parsed(parseKongErrors(kongErrorBody([flattenedError('service', 's', tagsOf(svc), [{ type: 'field', field: 'host', message: 'bad' }])])));
  assert.deepEqual(toTranslationFailures(r.failures), [
    { reason: 'RejectedByKong', objects: [{ group: '', kind: 'Service', namespace: 'default', name: 'svc' }], message: 'invalid host: bad' },
  ]);
});
