import { test } from 'node:test';
import assert from 'node:assert/strict';
import { options, run, svc } from '../helpers/kong-builders.js';
import { backend, filter, httpRoute, prefix, rule } from '../helpers/gateway-builders.js';
import { cleanJoin, prefixReplacementURI } from '../../src/translate/gateway-api/httproute-filters.js';
import type { HTTPRouteFilter, HTTPRouteMatch } from '../../src/model/gateway-api.js';
import type { TranslateOptions } from '../../src/translate/options.js';

const echo = svc('echo', { ports: [80] });
const expressions = options({ routerFlavor: 'expressions' });

type Plugin = { name: string; config?: Record<string, unknown>; tags?: string[] };

// The one route of an HTTPRoute with one rule `match` + `filters`.
function onlyRoute(filters: HTTPRouteFilter[], match: HTTPRouteMatch = prefix('/api'), opts: TranslateOptions = options()) {
  const { doc, result } = run([echo, httpRoute('web', [rule({ matches: [match], filters, backendRefs: [backend('echo:80')] })])], opts);
  assert.deepEqual(result.failures, []);
  const routes = doc.services?.[0].routes ?? [];
  assert.equal(routes.length, 1);
  const r = routes[0] as Record<string, unknown> & { plugins?: Plugin[] };
  return { route: r, plugins: r.plugins ?? [], state: result.state.services[0].routes[0] };
}

function byName(plugins: readonly Plugin[], name: string): Plugin['config'] {
  const p = plugins.find((x) => x.name === name);
  assert.ok(p, `plugin ${name} in ${JSON.stringify(plugins.map((x) => x.name))}`);
  return p.config;
}

test('RequestHeaderModifier -> request-transformer: set is replace+add, add is append, remove (spec 03 §4.8)', () => {
  const { plugins, route } = onlyRoute([filter.requestHeaders({ set: [{ name: 'X-A', value: '1' }, { name: 'X-Empty', value: '' }], add: [{ name: 'X-B', value: '2' }], remove: ['X-C'] })]);
  assert.deepEqual(byName(plugins, 'request-transformer'), {
    replace: { headers: ['X-A:1', 'X-Empty'] },
    add: { headers: ['X-A:1', 'X-Empty'] },
    append: { headers: ['X-B:2'] },
    remove: { headers: ['X-C'] },
  });
  // Filter plugins carry the route's tags and no id.
  assert.deepEqual(plugins[0].tags, route.tags);
  assert.equal((plugins[0] as Record<string, unknown>).id, undefined);
});

test('ResponseHeaderModifier -> response-transformer with only the non-empty keys', () => {
  const { plugins } = onlyRoute([filter.responseHeaders({ add: [{ name: 'X-Served-By', value: 'kong' }] })]);
  assert.deepEqual(plugins.map((p) => p.name), ['response-transformer']);
  assert.deepEqual(byName(plugins, 'response-transformer'), { append: { headers: ['X-Served-By:kong'] } });
});

test('transformers of several filters merge in filter order (spec 03 §4.8 example)', () => {
  const { plugins } = onlyRoute([filter.requestHeaders({ set: [{ name: 'X-A', value: '1' }], remove: ['X-B'] }), filter.rewrite({ hostname: 'h' })]);
  assert.deepEqual(plugins.map((p) => p.name), ['request-transformer']);
  assert.deepEqual(byName(plugins, 'request-transformer'), { replace: { headers: ['X-A:1', 'host:h'] }, add: { headers: ['X-A:1', 'host:h'] }, remove: { headers: ['X-B'] } });
});

test('URLRewrite ReplaceFullPath sets replace.uri and keeps the paths', () => {
  const { plugins, route } = onlyRoute([filter.rewrite({ path: { type: 'ReplaceFullPath', replaceFullPath: '/new' } })]);
  assert.deepEqual(byName(plugins, 'request-transformer'), { replace: { uri: '/new' } });
  assert.deepEqual(route.paths, ['~/api$', '/api/']);
});

test('URLRewrite ReplacePrefixMatch: uri from P and R, paths with a capture group (traditional)', () => {
  const cases = [
    { match: '/api', replace: '/v2', uri: '/v2$(uri_captures[1])', paths: ['~/api$', '~/api(/.*)'] },
    { match: '/api/', replace: '/v2/', uri: '/v2$(uri_captures[1])', paths: ['~/api$', '~/api(/.*)'] },
    { match: '/api', replace: '/', uri: '$(uri_captures[1] == nil and "/" or uri_captures[1])', paths: ['~/api$', '~/api(/.*)'] },
    { match: '/', replace: '/v2', uri: '/v2$(uri_captures[1] == nil and "" or "/" .. uri_captures[1])', paths: ['~/$', '~/(.*)'] },
    { match: '/', replace: '', uri: '$(uri_captures[1] == nil and "/" or "/" .. uri_captures[1])', paths: ['~/$', '~/(.*)'] },
  ];
  for (const tc of cases) {
    const { plugins, route } = onlyRoute([filter.rewrite({ path: { type: 'ReplacePrefixMatch', replacePrefixMatch: tc.replace } })], prefix(tc.match));
    assert.deepEqual(byName(plugins, 'request-transformer'), { replace: { uri: tc.uri } }, `${tc.match} -> ${tc.replace}`);
    assert.deepEqual(route.paths, tc.paths, `${tc.match} -> ${tc.replace}`);
  }
  // Without replacePrefixMatch the uri is / and P is taken as "" (so /), whatever the match path.
  const { plugins, route } = onlyRoute([filter.rewrite({ path: { type: 'ReplacePrefixMatch' } })], prefix('/api'));
  assert.deepEqual(byName(plugins, 'request-transformer'), { replace: { uri: '/' } });
  assert.deepEqual(route.paths, ['~/$', '~/(.*)']);
});

test('URLRewrite ReplacePrefixMatch with the expressions router uses the capture form in the expression', () => {
  const { plugins, route } = onlyRoute([filter.rewrite({ path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/v2' } })], prefix('/api'), expressions);
  assert.deepEqual(byName(plugins, 'request-transformer'), { replace: { uri: '/v2$(uri_captures[1])' } });
  assert.equal(route.expression, '(http.path == "/api") || (http.path ~ "^/api(/.*)")');
});

test('RequestRedirect without SupportRedirectPlugin: request-termination + Location header (spec 03 §4.8)', () => {
  const cases = [
    { r: { hostname: 'example.com', statusCode: 301 }, match: prefix('/foo/'), status: 301, header: 'Location:http://example.com/foo' },
    { r: { scheme: 'https', hostname: 'example.com', port: 8443, statusCode: 302 }, match: prefix('/foo'), status: 302, header: 'Location:https://example.com:8443/foo' },
    { r: { hostname: 'example.com', statusCode: 302, path: { type: 'ReplaceFullPath', replaceFullPath: '/bar' } }, match: prefix('/foo'), status: 302, header: 'Location:http://example.com/bar' },
    { r: { statusCode: 307 }, match: prefix('/foo'), status: 307, header: 'Location:/foo' },
    { r: { statusCode: 302 }, match: {}, status: 302, header: 'Location' },
  ];
  for (const tc of cases) {
    const { plugins } = onlyRoute([filter.redirect(tc.r)], tc.match);
    assert.deepEqual(plugins.map((p) => p.name).sort(), ['request-termination', 'response-transformer']);
    assert.deepEqual(byName(plugins, 'request-termination'), { status_code: tc.status });
    assert.deepEqual(byName(plugins, 'response-transformer'), { add: { headers: [tc.header] } });
  }
  // A missing statusCode is passed on verbatim (null): the API server would have defaulted it.
  assert.deepEqual(byName(onlyRoute([filter.redirect({ hostname: 'a.com' })]).plugins, 'request-termination'), { status_code: null });
});

test('RequestRedirect with SupportRedirectPlugin: the redirect plugin', () => {
  const gate = options({ gates: { SupportRedirectPlugin: true } });
  const keep = onlyRoute([filter.redirect({ hostname: 'example.com', statusCode: 301 })], prefix('/foo'), gate);
  assert.deepEqual(keep.plugins.map((p) => p.name), ['redirect']);
  assert.deepEqual(byName(keep.plugins, 'redirect'), { status_code: 301, location: 'http://example.com', keep_incoming_path: true });
  const full = onlyRoute([filter.redirect({ hostname: 'example.com', statusCode: 302, path: { type: 'ReplaceFullPath', replaceFullPath: '/x/' } })], prefix('/foo'), gate);
  assert.deepEqual(byName(full.plugins, 'redirect'), { status_code: 302, location: 'http://example.com/x', keep_incoming_path: false });
  const noHost = onlyRoute([filter.redirect({ statusCode: 302 })], prefix('/foo'), gate);
  assert.deepEqual(byName(noHost.plugins, 'redirect'), { status_code: 302, location: '/', keep_incoming_path: true });
});

test('ExtensionRef KongPlugins are attached to that route only, in filter order (spec 03 §4.8)', () => {
  const { doc, result } = run([
    echo,
    httpRoute('web', [
      rule({ matches: [prefix('/a')], filters: [filter.plugin('auth'), filter.plugin('limits')], backendRefs: [backend('echo:80')] }),
      rule({ matches: [prefix('/b')], backendRefs: [backend('echo:80')] }),
    ]),
  ]);
  const routes = result.state.services.flatMap((s) => s.routes);
  assert.deepEqual(routes.find((r) => r.name === 'httproute.default.web.0.0')?.meta.pluginNames, ['auth', 'limits']);
  assert.equal(routes.find((r) => r.name === 'httproute.default.web.1.0')?.meta.pluginNames, undefined);
  assert.equal(doc.services?.flatMap((s) => s.routes ?? []).some((r) => r.plugins), false, 'no nested plugins for ExtensionRef');
});

test('cleanJoin is Go path.Join', () => {
  assert.equal(cleanJoin('example.com', '/foo/'), 'example.com/foo');
  assert.equal(cleanJoin('example.com', ''), 'example.com');
  assert.equal(cleanJoin('example.com', '/a/../b//c'), 'example.com/b/c');
});

test('prefixReplacementURI covers the four forms of spec 03 §4.8', () => {
  assert.equal(prefixReplacementURI('/api', '/v2/'), '/v2$(uri_captures[1])');
  assert.equal(prefixReplacementURI('/', '/v2'), '/v2$(uri_captures[1] == nil and "" or "/" .. uri_captures[1])');
  assert.equal(prefixReplacementURI('/api', ''), '$(uri_captures[1] == nil and "/" or uri_captures[1])');
  assert.equal(prefixReplacementURI('/', '/'), '$(uri_captures[1] == nil and "/" or "/" .. uri_captures[1])');
});

test('with a RequestRedirect each match keeps its own route and Location (traditional)', () => {
  const { doc } = run([echo, httpRoute('web', [rule({ matches: [prefix('/a'), prefix('/b')], filters: [filter.redirect({ hostname: 'new.com', statusCode: 301 })], backendRefs: [backend('echo:80')] })])]);
  const routes = new Map((doc.services?.[0].routes ?? []).map((r) => [r.name, r as Record<string, unknown> & { plugins: Plugin[] }]));
  assert.deepEqual([...routes.keys()].sort(), ['httproute.default.web.0.0', 'httproute.default.web.0.1']);
  assert.deepEqual(routes.get('httproute.default.web.0.0')?.paths, ['~/a$', '/a/']);
  assert.deepEqual(byName(routes.get('httproute.default.web.0.1')!.plugins, 'response-transformer'), { add: { headers: ['Location:http://new.com/b'] } });
});
