import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingress, service, translateObjects } from '../helpers/builders.js';
import type { KongRoute } from '../../src/kongstate/types.js';

const ROUTE = 'default.echo.echo.example.com.80';

/** Translates one Ingress route with these annotations; returns the route and the warning lines. */
function routeWith(annotations: Record<string, string>, opts: { expressions?: boolean } = {}): { route: KongRoute; warnings: string[]; failures: string[] } {
  const r = translateObjects(
    [ingress('echo').annotations(annotations).rule('example.com').path('/api', 'ImplementationSpecific', 'echo:80'), service('echo', [80])],
    opts,
  );
  return { route: r.route(ROUTE), warnings: r.warningLines, failures: r.failureLines };
}

type Case = {
  readonly name: string;
  readonly annotations: Record<string, string>;
  readonly want: Partial<Record<keyof KongRoute, unknown>>;
  /** a fragment of the one warning expected; none expected when absent */
  readonly warning?: string;
};

const traditional: readonly Case[] = [
  { name: 'strip-path true', annotations: { 'konghq.com/strip-path': 'true' }, want: { strip_path: true } },
  { name: 'strip-path is case-insensitive', annotations: { 'konghq.com/strip-path': 'TRUE' }, want: { strip_path: true } },
  { name: 'strip-path false', annotations: { 'konghq.com/strip-path': 'False' }, want: { strip_path: false } },
  { name: 'strip-path non-boolean is ignored', annotations: { 'konghq.com/strip-path': 'yes' }, want: { strip_path: false }, warning: 'konghq.com/strip-path value "yes" is not true or false' },
  { name: 'strip-path 1 is not accepted', annotations: { 'konghq.com/strip-path': '1' }, want: { strip_path: false }, warning: '"1"' },
  { name: 'preserve-host false', annotations: { 'konghq.com/preserve-host': 'false' }, want: { preserve_host: false } },
  { name: 'preserve-host invalid is ignored', annotations: { 'konghq.com/preserve-host': 'nope' }, want: { preserve_host: true }, warning: 'konghq.com/preserve-host value "nope"' },
  { name: 'request-buffering f', annotations: { 'konghq.com/request-buffering': 'f' }, want: { request_buffering: false } },
  { name: 'request-buffering is lower-cased first', annotations: { 'konghq.com/request-buffering': 'FaLsE' }, want: { request_buffering: false } },
  { name: 'response-buffering 0', annotations: { 'konghq.com/response-buffering': '0' }, want: { response_buffering: false } },
  { name: 'response-buffering invalid is ignored', annotations: { 'konghq.com/response-buffering': 'off' }, want: { response_buffering: true }, warning: 'konghq.com/response-buffering value "off"' },
  { name: 'https-redirect-status-code 301', annotations: { 'konghq.com/https-redirect-status-code': '301' }, want: { https_redirect_status_code: 301 } },
  { name: 'https-redirect-status-code non-numeric', annotations: { 'konghq.com/https-redirect-status-code': 'moved' }, want: { https_redirect_status_code: undefined }, warning: '"moved" is not an integer' },
  { name: 'https-redirect-status-code unsupported', annotations: { 'konghq.com/https-redirect-status-code': '303' }, want: { https_redirect_status_code: undefined }, warning: '"303" is not one of 426, 301, 302, 307, 308' },
  { name: 'force-ssl-redirect: 302 and https', annotations: { 'ingress.kubernetes.io/force-ssl-redirect': 'true' }, want: { https_redirect_status_code: 302, protocols: ['https'] } },
  { name: 'force-ssl-redirect needs exactly "true"', annotations: { 'ingress.kubernetes.io/force-ssl-redirect': 'True' }, want: { https_redirect_status_code: undefined, protocols: undefined } },
  { name: 'force-ssl-redirect switches grpc and http to TLS', annotations: { 'ingress.kubernetes.io/force-ssl-redirect': 'true', 'konghq.com/protocols': 'grpc,http,bogus' }, want: { https_redirect_status_code: 302, protocols: ['http', 'https'], strip_path: undefined }, warning: '"bogus" not one of' },
  { name: 'force-ssl-redirect code overridden by a valid code', annotations: { 'ingress.kubernetes.io/force-ssl-redirect': 'true', 'konghq.com/https-redirect-status-code': '308' }, want: { https_redirect_status_code: 308 } },
  { name: 'protocols override force-ssl-redirect', annotations: { 'ingress.kubernetes.io/force-ssl-redirect': 'true', 'konghq.com/protocols': 'http' }, want: { protocols: ['http'] } },
  { name: 'protocols keep annotation order when valid', annotations: { 'konghq.com/protocols': 'https, http' }, want: { protocols: ['https', 'http'] } },
  { name: 'invalid protocol: the sorted raw list stays', annotations: { 'konghq.com/protocols': 'https,foo' }, want: { protocols: ['foo', 'https'] }, warning: '"foo" not one of' },
  { name: 'grpc with an invalid protocol normalizes to http, https', annotations: { 'konghq.com/protocols': 'grpc,foo' }, want: { protocols: ['http', 'https'], strip_path: undefined }, warning: '"foo"' },
  { name: 'grpc only removes strip_path', annotations: { 'konghq.com/protocols': 'grpcs,grpc', 'konghq.com/strip-path': 'true' }, want: { protocols: ['grpcs', 'grpc'], strip_path: undefined } },
  { name: 'grpc with http becomes http, https', annotations: { 'konghq.com/protocols': 'grpc,https' }, want: { protocols: ['http', 'https'], strip_path: undefined } },
  { name: 'regex-priority negative', annotations: { 'konghq.com/regex-priority': '-10' }, want: { regex_priority: -10 } },
  { name: 'regex-priority non-integer', annotations: { 'konghq.com/regex-priority': '1.5' }, want: { regex_priority: 0 }, warning: 'konghq.com/regex-priority value "1.5" is not an integer' },
  { name: 'methods upper-cased', annotations: { 'konghq.com/methods': 'get, post,' }, want: { methods: ['GET', 'POST'] } },
  { name: 'methods: one bad item voids the list', annotations: { 'konghq.com/methods': 'GET,P0ST' }, want: { methods: undefined }, warning: 'invalid method "P0ST"' },
  { name: 'snis', annotations: { 'konghq.com/snis': 'a.example.com,b.example.com' }, want: { snis: ['a.example.com', 'b.example.com'] } },
  { name: 'snis: a wildcard voids the list', annotations: { 'konghq.com/snis': 'a.example.com,*.example.com' }, want: { snis: undefined }, warning: 'invalid SNI "*.example.com"' },
  { name: 'snis present but empty sets none', annotations: { 'konghq.com/snis': '' }, want: { snis: [] } },
  { name: 'host-aliases appended without duplicates', annotations: { 'konghq.com/host-aliases': 'example.com, alias.example.com,alias.example.com' }, want: { hosts: ['example.com', 'alias.example.com'] } },
  { name: 'host-aliases: one bad alias voids the list', annotations: { 'konghq.com/host-aliases': 'ok.example.com,bad_host' }, want: { hosts: ['example.com'] }, warning: 'invalid host "bad_host"' },
  { name: 'host-aliases empty', annotations: { 'konghq.com/host-aliases': ' , ' }, want: { hosts: ['example.com'] }, warning: 'lists no host' },
  { name: 'headers with separator, empty items kept, name as written', annotations: { 'konghq.com/headers.X-Env': 'a; ;b', 'konghq.com/headers-separator': ';' }, want: { headers: { 'X-Env': ['a', '', 'b'] } } },
  { name: 'headers with empty value ignored', annotations: { 'konghq.com/headers.x-env': '' }, want: { headers: undefined }, warning: 'konghq.com/headers.x-env value "" is empty' },
  { name: 'path-handling v1', annotations: { 'konghq.com/path-handling': 'v1' }, want: { path_handling: 'v1' } },
  { name: 'path-handling is an unanchored test', annotations: { 'konghq.com/path-handling': 'xv9y' }, want: { path_handling: 'xv9y' } },
  { name: 'path-handling invalid', annotations: { 'konghq.com/path-handling': 'legacy' }, want: { path_handling: undefined }, warning: 'konghq.com/path-handling value "legacy"' },
];

for (const tc of traditional) {
  test(`traditional: ${tc.name}`, () => {
    const { route, warnings, failures } = routeWith(tc.annotations);
    for (const [field, value] of Object.entries(tc.want)) assert.deepEqual(route[field as keyof KongRoute], value, field);
    assert.deepEqual(failures, []);
    if (tc.warning) {
      assert.equal(warnings.length, 1, warnings.join('\n'));
      assert.ok(warnings[0].startsWith('warning: Ingress default/echo metadata.annotations['), warnings[0]);
      assert.ok(warnings[0].includes(tc.warning), `${warnings[0]} should include ${tc.warning}`);
    } else {
      assert.deepEqual(warnings, []);
    }
  });
}

test('expressions: first-group annotations apply, protocols are not normalized', () => {
  const { route } = routeWith(
    { 'konghq.com/strip-path': 'true', 'konghq.com/preserve-host': 'false', 'konghq.com/protocols': 'grpc,https', 'konghq.com/https-redirect-status-code': '307', 'konghq.com/request-buffering': 'false' },
    { expressions: true },
  );
  assert.equal(route.strip_path, true);
  assert.equal(route.preserve_host, false);
  assert.deepEqual(route.protocols, ['grpc', 'https']);
  assert.equal(route.https_redirect_status_code, 307);
  assert.equal(route.request_buffering, false);
});

test('expressions: route-field-only annotations are ignored with a warning, matchers go to the expression', () => {
  const { route, warnings } = routeWith(
    { 'konghq.com/regex-priority': '5', 'konghq.com/path-handling': 'v1', 'konghq.com/methods': 'GET', 'konghq.com/snis': 'a.example.com', 'konghq.com/host-aliases': 'b.example.com', 'konghq.com/headers.x-a': 'v' },
    { expressions: true },
  );
  assert.equal(route.regex_priority, undefined);
  assert.equal(route.path_handling, undefined);
  assert.equal(route.methods, undefined);
  assert.equal(route.snis, undefined);
  assert.equal(route.hosts, undefined);
  assert.equal(route.headers, undefined);
  assert.equal(
    route.expression,
    '((http.host == "example.com") || (http.host == "b.example.com")) && (http.path ^= "/api") && (http.headers.x_a == "v") && (http.method == "GET") && (tls.sni == "a.example.com")',
  );
  assert.equal(warnings.length, 2);
  assert.match(warnings.join('\n'), /regex-priority value "5" has no effect with the expressions router/);
  assert.match(warnings.join('\n'), /path-handling value "v1" has no effect with the expressions router/);
});

test('expressions: invalid methods, SNIs and hosts are left out one by one, with warnings', () => {
  const { route, warnings } = routeWith(
    { 'konghq.com/methods': 'GET,P0ST', 'konghq.com/snis': '*.x.com,ok.com', 'konghq.com/host-aliases': 'bad_host' },
    { expressions: true },
  );
  assert.equal(route.expression, '(http.host == "example.com") && (http.path ^= "/api") && (http.method == "GET") && (tls.sni == "ok.com")');
  assert.equal(warnings.length, 3);
  assert.match(warnings.join('\n'), /invalid method "P0ST" left out/);
  assert.match(warnings.join('\n'), /invalid SNI "\*\.x\.com" left out/);
  assert.match(warnings.join('\n'), /invalid host "bad_host" left out/);
});

test('default backend: annotations apply, protocols only when valid, normalization too', () => {
  const objs = (ann: Record<string, string>) => [ingress('echo').annotations(ann).defaultBackend('echo:80'), service('echo', [80])];
  const valid = translateObjects(objs({ 'konghq.com/protocols': 'https', 'konghq.com/strip-path': 'true', 'konghq.com/host-aliases': 'a.example.com' }));
  const route = valid.route('default.echo');
  assert.deepEqual(route.protocols, ['https']);
  assert.equal(route.strip_path, true);
  assert.deepEqual(route.hosts, ['a.example.com']);
  const invalid = translateObjects(objs({ 'konghq.com/protocols': 'https,foo' }));
  assert.equal(invalid.route('default.echo').protocols, undefined, 'no sorted raw list at creation for the default backend');
});

test('a warning is reported once per Ingress, not once per route', () => {
  const r = translateObjects([
    ingress('echo').annotate('konghq.com/strip-path', 'maybe').rule('a.example.com').path('/', 'Prefix', 'echo:80').rule('b.example.com').path('/', 'Prefix', 'echo:80'),
    service('echo', [80]),
  ]);
  assert.equal(r.routes().length, 2);
  assert.equal(r.warningLines.length, 1);
  assert.equal(
    r.warningLines[0],
    'warning: Ingress default/echo metadata.annotations[konghq.com/strip-path]: konghq.com/strip-path value "maybe" is not true or false; the annotation is ignored, as KIC does',
  );
});

test('konghq.com/tags on the Ingress: appended to the route tags, trimmed, duplicates dropped', () => {
  const { route } = routeWith({ 'konghq.com/tags': 'team-a, ,team-b,team-a' });
  assert.deepEqual(route.tags, ['k8s-name:echo', 'k8s-namespace:default', 'k8s-kind:Ingress', 'k8s-group:networking.k8s.io', 'k8s-version:v1', 'team-a', 'team-b']);
});
