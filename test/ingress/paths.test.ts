import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyRegexPrefix, kongPathsFor, normalizePath, pathSpecOf } from '../../src/translate/ingress/paths.js';
import { ingress, ingressClass, ingressClassParameters, service, translateObjects } from '../helpers/builders.js';

const normalize = [
  { path: '//a///b', type: 'Prefix', want: { path: '/a/b', pathType: 'Prefix' } },
  { path: '', type: 'Exact', want: { path: '/', pathType: 'Exact' } },
  { path: undefined, type: undefined, want: { path: '/', pathType: 'ImplementationSpecific' } },
  { path: '/x', type: 'Weird', want: { path: '/x', pathType: 'ImplementationSpecific' } },
] as const;
for (const tc of normalize) {
  test(`normalizePath(${JSON.stringify(tc.path)}, ${tc.type})`, () => assert.deepEqual(normalizePath(tc.path, tc.type), tc.want));
}

const kongPaths = [
  { path: '/foo', type: 'Exact', want: ['~/foo$'] },
  { path: '/', type: 'Exact', want: ['~/$'] },
  { path: '/foo/', type: 'Exact', want: ['~/foo/$'] },
  { path: '/a.b', type: 'Exact', want: ['~/a.b$'] },
  { path: '/foo', type: 'Prefix', want: ['/foo/', '~/foo$'] },
  { path: '/foo/', type: 'Prefix', want: ['/foo/', '~/foo$'] },
  { path: '/', type: 'Prefix', want: ['/'] },
  { path: '/foo', type: 'ImplementationSpecific', want: ['/foo'] },
] as const;
for (const tc of kongPaths) {
  test(`kongPathsFor ${tc.type} ${tc.path}`, () => assert.deepEqual(kongPathsFor({ path: tc.path, pathType: tc.type }), tc.want));
}

const regex = [
  { name: 'default marker', path: '/~/foo/\\d{3}', marker: '/~', legacy: false, want: '~/foo/\\d{3}' },
  { name: 'anchored', path: '/~^/api$', marker: '/~', legacy: false, want: '~^/api$' },
  { name: 'custom marker', path: '/re:/x+', marker: '/re:', legacy: false, want: '~/x+' },
  { name: 'empty marker disables', path: '/~/x', marker: '', legacy: false, want: '/~/x' },
  { name: 'legacy detection marks regex characters', path: '/foo/[0-9]+', marker: '/~', legacy: true, want: '~/foo/[0-9]+' },
  { name: 'legacy detection leaves plain paths', path: '/foo-bar_baz.~%20', marker: '/~', legacy: true, want: '/foo-bar_baz.~%20' },
  { name: 'legacy detection leaves ~ paths', path: '~/foo$', marker: '/~', legacy: true, want: '~/foo$' },
  { name: 'no legacy detection', path: '/foo/[0-9]+', marker: '/~', legacy: false, want: '/foo/[0-9]+' },
] as const;
for (const tc of regex) {
  test(`applyRegexPrefix: ${tc.name}`, () => assert.equal(applyRegexPrefix(tc.path, tc.marker, tc.legacy), tc.want));
}

test('paths of the same host and backend accumulate into one route, across rules', () => {
  const r = translateObjects([
    ingress('echo').rule('example.com').path('/a', 'Exact', 'echo:80').path('/b', 'Prefix', 'echo:80').rule('example.com').path('/~/c$', undefined, 'echo:80'),
    service('echo', [80]),
  ]);
  assert.equal(r.routes().length, 1);
  assert.deepEqual(r.route('default.echo.echo.example.com.80').paths, ['~/a$', '/b/', '~/b$', '~/c$']);
});

test('a Prefix path under the marker keeps the marker in the generated ~ form', () => {
  const r = translateObjects([ingress('echo').path('/~x', 'Prefix', 'echo:80'), service('echo', [80])]);
  assert.deepEqual(r.route('default.echo.echo..80').paths, ['~x/', '~/~x$']);
});

test('konghq.com/regex-prefix changes the marker', () => {
  const r = translateObjects([ingress('echo').annotate('konghq.com/regex-prefix', '/re').path('/re/x+', undefined, 'echo:80'), service('echo', [80])]);
  assert.deepEqual(r.route('default.echo.echo..80').paths, ['~/x+']);
});

test('legacy regex detection comes from the IngressClassParameters of the kong IngressClass', () => {
  const objs = [ingress('echo').path('/foo/[0-9]+', undefined, 'echo:80'), service('echo', [80])];
  const withParams = translateObjects([...objs, ingressClass().parameters({ namespace: 'default', name: 'p' }), ingressClassParameters('p', { enableLegacyRegexDetection: true })]);
  assert.deepEqual(withParams.route('default.echo.echo..80').paths, ['~/foo/[0-9]+']);
  const noScope = translateObjects([
    ...objs,
    ingressClass().parameters({ namespace: 'default', name: 'p', scope: '' }),
    ingressClassParameters('p', { enableLegacyRegexDetection: true }),
  ]);
  assert.deepEqual(noScope.route('default.echo.echo..80').paths, ['/foo/[0-9]+'], 'an incomplete reference gives the defaults');
});

test('unknown pathType: treated as ImplementationSpecific, with a warning', () => {
  const r = translateObjects([ingress('echo').path('/x', 'Regex', 'echo:80'), service('echo', [80])]);
  assert.deepEqual(r.route('default.echo.echo..80').paths, ['/x']);
  assert.deepEqual(r.warningLines, [
    'warning: Ingress default/echo spec.rules[0].http.paths[0].pathType: unknown pathType "Regex": the path is treated as ImplementationSpecific',
  ]);
});

test('rules without http or without paths are skipped silently', () => {
  const r = translateObjects([ingress('echo').rawRule({ host: 'a.example.com' }).rawRule({ host: 'b.example.com', http: { paths: [] } }), service('echo', [80])]);
  assert.deepEqual(r.state.services, []);
  assert.deepEqual(r.failureLines, []);
});

test('pathSpecOf: a normal path is its own spec; others are normalized like normalizePath', () => {
  const normal = { path: '/api', pathType: 'Prefix', backend: {} };
  assert.equal(pathSpecOf(normal), normal);
  for (const [path, pathType] of [['//a//b', 'Exact'], ['', 'Prefix'], [undefined, 'Prefix'], ['/x', 'Weird'], ['/x', undefined]] as const) {
    const p = { path, pathType };
    const spec = pathSpecOf(p);
    assert.notEqual(spec, p);
    assert.deepEqual(spec, normalizePath(path, pathType));
  }
});
