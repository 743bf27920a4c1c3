import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convertRewrite } from '../../src/translate/annotations/rewrite.js';
import { ingress, service, translateObjects } from '../helpers/builders.js';

const conversions = [
  { name: 'capture groups', value: '/api/$1/x', want: '/api/$(uri_captures[1])/x' },
  { name: 'multi-digit group', value: '/$12', want: '/$(uri_captures[12])' },
  { name: 'escaped dollar', value: '/cost/\\$5', want: '/cost/$5' },
  { name: 'empty means /', value: '', want: '/' },
  { name: 'plain path', value: '/plain', want: '/plain' },
  { name: '$ without digit', value: '/a$b', want: 'error' },
  { name: 'trailing $', value: '/a$', want: 'error' },
  { name: 'backslash not before $', value: '/a\\b', want: 'error' },
  { name: 'trailing backslash', value: '/a\\', want: 'error' },
] as const;

for (const tc of conversions) {
  test(`convertRewrite: ${tc.name}`, () => {
    const r = convertRewrite(tc.value);
    assert.equal('uri' in r ? r.uri : 'error', tc.want);
  });
}

const objects = (value: string) => [
  ingress('rw').annotate('konghq.com/rewrite', value).rule('example.com').path('/~/api/(.*)', 'ImplementationSpecific', 'echo:80').defaultBackend('other:80'),
  ingress('plain').rule('plain.example.com').path('/', 'Prefix', 'keep:80'),
  service('echo', [80]),
  service('other', [80]),
  service('keep', [80]),
];

test('RewriteURIs off: the whole Kong service is dropped with a failure; others stay', () => {
  const r = translateObjects(objects('/new/$1'));
  assert.deepEqual(r.state.services.map((s) => s.name).sort(), ['default.keep.80', 'default.other.80']);
  assert.ok(!r.state.upstreams.some((u) => u.name === 'echo.default.80.svc'), 'no upstream for the dropped service');
  assert.deepEqual(r.failureLines, [
    'Ingress default/rw metadata.annotations[konghq.com/rewrite]: FeatureDisabled: konghq.com/rewrite annotation not supported when rewrite uris disabled',
  ]);
});

test('RewriteURIs on: nested request-transformer on the rule route, not on the default backend', () => {
  const r = translateObjects(objects('/new/$1'), { gates: { RewriteURIs: true } });
  assert.deepEqual(r.route('default.rw.echo.example.com.80').plugins, [{ name: 'request-transformer', config: { replace: { uri: '/new/$(uri_captures[1])' } } }]);
  assert.equal(r.route('default.rw').plugins, undefined);
  assert.deepEqual(r.failureLines, []);
  const doc = r.doc as unknown as { services: { name: string; routes: { name: string; plugins?: unknown[] }[] }[] };
  const nested = doc.services.find((s) => s.name === 'default.echo.80')!.routes[0].plugins!;
  assert.deepEqual(nested, [{ name: 'request-transformer', config: { replace: { uri: '/new/$(uri_captures[1])' } } }], 'no id, no tags');
});

test('RewriteURIs on, invalid value: service dropped with a failure naming the value', () => {
  const r = translateObjects(objects('/new/$x'), { gates: { RewriteURIs: true } });
  assert.ok(!r.state.services.some((s) => s.name === 'default.echo.80'));
  assert.equal(r.failureLines.length, 1);
  assert.match(r.failureLines[0], /^Ingress default\/rw metadata\.annotations\[konghq\.com\/rewrite\]: InvalidAnnotation: konghq\.com\/rewrite annotation has invalid value "\/new\/\$x"/);
});

test('a Kong service shared with another Ingress is dropped as a whole', () => {
  const r = translateObjects([
    ingress('a').rule('a.example.com').path('/', 'Prefix', 'echo:80'),
    ingress('b').annotate('konghq.com/rewrite', '/x').rule('b.example.com').path('/', 'Prefix', 'echo:80'),
    service('echo', [80]),
  ]);
  assert.deepEqual(r.state.services, []);
  assert.equal(r.failures[0].objects.map((o) => o.name).join(','), 'b,a', 'the annotated Ingress first, then the service parent');
});
