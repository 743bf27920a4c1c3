import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingress, service, translateObjects, type IngressBuilder } from '../helpers/builders.js';

function expr(ing: IngressBuilder): { expression?: string; priority?: number } {
  const r = translateObjects([ing, service('svc', [80])], { expressions: true });
  const [route] = r.routes();
  return { expression: route.expression, priority: route.priority };
}

const K = 3 * 2 ** 44;
const cases = [
  { name: 'host + empty path', ing: () => ingress('a').rule('example.com').path('', undefined, 'svc:80'), want: { expression: '(http.host == "example.com") && (http.path ^= "/")', priority: 57178899611649 } },
  { name: 'host + Exact /', ing: () => ingress('a').rule('example.com').path('/', 'Exact', 'svc:80'), want: { expression: '(http.host == "example.com") && (http.path == "/")', priority: 57178899677185 } },
  { name: 'host + regex path', ing: () => ingress('a').rule('example.com').path('/~/foo/\\d{3}', undefined, 'svc:80'), want: { expression: '(http.host == "example.com") && (http.path ~ "^/foo/\\\\d{3}")', priority: 57178899677194 } },
  { name: 'no host + Exact /beta', ing: () => ingress('a').path('/beta', 'Exact', 'svc:80'), want: { expression: 'http.path == "/beta"', priority: 54975581454341 } },
  { name: 'Prefix /foo', ing: () => ingress('a').path('/foo', 'Prefix', 'svc:80'), want: { expression: '(http.path == "/foo") || (http.path ^= "/foo/")', priority: K + 2 ** 41 + 2 ** 16 + 5 } },
  { name: 'wildcard host: suffix match, no plain-host bit', ing: () => ingress('a').rule('*.foo.com').path('/', 'Prefix', 'svc:80'), want: { expression: '(http.host =^ ".foo.com") && (http.path ^= "/")', priority: K + 2 * 2 ** 41 + 2 ** 16 + 1 } },
  { name: 'regex marker only', ing: () => ingress('a').path('/~', undefined, 'svc:80'), want: { expression: 'http.path ~ "^/"', priority: K + 2 ** 41 + 2 ** 16 + 0 } },
  { name: 'anchored regex keeps one ^', ing: () => ingress('a').path('/~^/x$', undefined, 'svc:80'), want: { expression: 'http.path ~ "^/x$"', priority: K + 2 ** 41 + 2 ** 16 + 4 } },
  {
    name: 'path lengths are in bytes (Exact and Prefix)',
    ing: () => ingress('a').path('/é', 'Exact', 'svc:80').path('/ü', 'Prefix', 'svc:80'),
    want: { expression: '(http.path == "/é") || ((http.path == "/ü") || (http.path ^= "/ü/"))', priority: K + 2 ** 41 + 2 ** 16 + 4 },
  },
  {
    name: 'headers: sorted, lower-cased, host skipped but counted, ~* regex values',
    ing: () => ingress('a').annotations({ 'konghq.com/headers.X-B': 'one,~*tw.', 'konghq.com/headers.Host': 'h', 'konghq.com/headers.A': 'x' }).path('/', 'Prefix', 'svc:80'),
    want: { expression: '(http.path ^= "/") && ((http.headers.a == "x") && ((http.headers.x_b == "one") || (http.headers.x_b ~ "tw.")))', priority: K + 2 * 2 ** 41 + 3 * 2 ** 33 + 2 ** 16 + 1 },
  },
  {
    name: 'methods count as a match field even when all invalid',
    ing: () => ingress('a').annotate('konghq.com/methods', 'g3t').path('/x', undefined, 'svc:80'),
    want: { expression: 'http.path ^= "/x"', priority: K + 2 * 2 ** 41 + 2 },
  },
] as const;

for (const tc of cases) {
  test(`expressions: ${tc.name}`, () => assert.deepEqual(expr(tc.ing()), tc.want));
}

test('expressions: string literals are escaped', () => {
  assert.equal(expr(ingress('a').path('/a"b\\c', undefined, 'svc:80')).expression, 'http.path ^= "/a\\"b\\\\c"');
});

test('expressions: no paths, hosts or path_handling as route fields', () => {
  const r = translateObjects([ingress('a').rule('example.com').path('/x', 'Prefix', 'svc:80'), service('svc', [80])], { expressions: true });
  const route = r.route('default.a.svc.example.com.80');
  assert.equal(route.paths, undefined);
  assert.equal(route.hosts, undefined);
  assert.equal(route.regex_priority, undefined);
  const doc = r.doc as unknown as { services: { routes: Record<string, unknown>[] }[] };
  assert.equal(doc.services[0].routes[0].path_handling, undefined);
  assert.equal(doc.services[0].routes[0].https_redirect_status_code, 426);
});
