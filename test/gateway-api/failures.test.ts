import { test } from 'node:test';
import assert from 'node:assert/strict';
import { options, referenceGrant, run, svc, type Doc } from '../helpers/kong-builders.js';
import { backend, filter, httpRoute, l4Route, prefix, rule, valueMatch } from '../helpers/gateway-builders.js';
import type { HTTPRouteFilter, HTTPRouteMatch } from '../../src/model/gateway-api.js';

const echo = svc('echo', { ports: [80] });
const expressions = options({ routerFlavor: 'expressions' });

function serviceNames(doc: Doc): string[] {
  return (doc.services ?? []).map((s) => String(s.name)).sort();
}

function failureLines(lines: readonly string[]): string[] {
  return lines.filter((l) => !l.startsWith('warning:'));
}

test('an HTTPRoute without rules fails and other HTTPRoutes are unaffected (spec 03 §4.1)', () => {
  const { doc, lines } = run([echo, httpRoute('empty', []), httpRoute('ok', [rule({ matches: [prefix('/')], backendRefs: [backend('echo:80')] })])]);
  assert.deepEqual(serviceNames(doc), ['httproute.default.ok.0']);
  assert.deepEqual(failureLines(lines), ["HTTPRoute default/empty spec.rules: InvalidObject: HTTPRoute can't be routed: no rules provided"]);
});

test('query param matches fail the HTTPRoute with the traditional router only (spec 03 §4.1)', () => {
  const objs = [echo, httpRoute('q', [rule({ matches: [prefix('/', { queryParams: [valueMatch('v', '1')] })], backendRefs: [backend('echo:80')] })])];
  const trad = run(objs);
  assert.equal(trad.doc.services, undefined);
  assert.match(failureLines(trad.lines)[0], /^HTTPRoute default\/q spec\.rules\[0\]\.matches\[0\]\.queryParams: UnsupportedField: HTTPRoute can't be routed: query param matches are not yet supported/);
  const expr = run(objs, expressions);
  assert.deepEqual(serviceNames(expr.doc), ['httproute.default.q.0']);
  assert.deepEqual(failureLines(expr.lines), []);
});

// Each invalid filter or match drops its Kong service only: rule 1 (another backend) still translates.
const serviceErrors: { name: string; filters?: HTTPRouteFilter[]; match?: HTTPRouteMatch; flavors?: ('traditional' | 'expressions')[]; want: string }[] = [
  {
    name: 'unsupported filter',
    filters: [{ type: 'RequestMirror' }],
    want: "spec.rules[0].filters[0].type: UnsupportedField: HTTPRoute can't be routed: httpFilter RequestMirror unsupported",
  },
  {
    name: 'ExtensionRef to something else than a KongPlugin',
    filters: [filter.plugin('p', 'example.com', 'Thing')],
    want: "spec.rules[0].filters[0].extensionRef: UnsupportedField: HTTPRoute can't be routed: plugin example.com/Thing unsupported",
  },
  {
    name: 'URLRewrite without hostname and path',
    filters: [filter.rewrite({})],
    want: "spec.rules[0].filters[0].urlRewrite: InvalidObject: HTTPRoute can't be routed: URLRewrite filter must have a hostname or a path",
  },
  {
    name: 'URLRewrite ReplaceFullPath without value',
    filters: [filter.rewrite({ path: { type: 'ReplaceFullPath' } })],
    want: "spec.rules[0].filters[0].urlRewrite.path.replaceFullPath: InvalidObject: HTTPRoute can't be routed: URLRewrite ReplaceFullPath has no replaceFullPath",
  },
  {
    name: 'URLRewrite with an unknown path type',
    filters: [filter.rewrite({ path: { type: 'Strip' } })],
    want: "spec.rules[0].filters[0].urlRewrite.path.type: UnsupportedField: HTTPRoute can't be routed: URLRewrite path type Strip unsupported",
  },
  {
    name: 'duplicate header names',
    match: prefix('/x', { headers: [valueMatch('X-A', '1'), valueMatch('X-A', '2')] }),
    flavors: ['traditional'],
    want: "spec.rules[0].matches[0].headers[1]: InvalidObject: HTTPRoute can't be routed: duplicated header match X-A",
  },
  {
    name: 'unsupported header match type',
    match: prefix('/x', { headers: [valueMatch('X-A', '1', 'Prefix')] }),
    want: "spec.rules[0].matches[0].headers[0].type: UnsupportedField: HTTPRoute can't be routed: unsupported header match type Prefix",
  },
  {
    name: 'unsupported path match type',
    match: { path: { type: 'Glob', value: '/x*' } },
    want: "spec.rules[0].matches[0].path.type: UnsupportedField: HTTPRoute can't be routed: unsupported path match type Glob",
  },
];

for (const tc of serviceErrors) {
  for (const flavor of tc.flavors ?? (['traditional', 'expressions'] as const)) {
    test(`${tc.name} drops only its Kong service (${flavor}, spec 03 §4.10)`, () => {
      const { doc, lines } = run(
        [
          echo,
          svc('other'),
          httpRoute('web', [
            rule({ matches: [tc.match ?? prefix('/x')], filters: tc.filters, backendRefs: [backend('echo:80')] }),
            rule({ matches: [prefix('/y')], backendRefs: [backend('other:80')] }),
          ]),
        ],
        flavor === 'expressions' ? expressions : options(),
      );
      assert.deepEqual(serviceNames(doc), ['httproute.default.web.1']);
      assert.deepEqual(doc.upstreams?.map((u) => u.name), ['httproute.default.web.1']);
      assert.deepEqual(failureLines(lines), [`HTTPRoute default/web ${tc.want}; Kong service httproute.default.web.0 is not generated`]);
    });
  }
}

test('a filter on a rule without matches is ignored with the traditional router (spec 03 §4.7)', () => {
  const { doc, lines } = run([echo, httpRoute('web', [rule({ filters: [{ type: 'RequestMirror' }], backendRefs: [backend('echo:80')] })])]);
  assert.deepEqual(serviceNames(doc), ['httproute.default.web.0']);
  assert.deepEqual(failureLines(lines), []);
});

test('a backendRef to a missing Service is dropped with a failure; the service answers 500 (spec 03 §3.1, §3.3)', () => {
  const { doc, lines } = run([httpRoute('web', [rule({ matches: [prefix('/')], backendRefs: [backend('nope:80')] })])]);
  const s = doc.services?.[0];
  assert.deepEqual(s?.plugins, [{ name: 'request-termination', config: { message: 'no existing backendRef provided', status_code: 500 } }]);
  assert.deepEqual((s?.tags as string[]).slice(0, 2), ['k8s-name:UNKNOWN', 'k8s-namespace:UNKNOWN']);
  assert.deepEqual(failureLines(lines), ['HTTPRoute default/web spec.rules[0].backendRefs[0]: ServiceNotFound: Service default/nope does not exist; the backendRef is dropped']);
});

test('a rule without backendRefs gets no request-termination plugin (spec 03 §3.3)', () => {
  const { doc } = run([httpRoute('web', [rule({ matches: [prefix('/')] })])]);
  assert.equal(doc.services?.[0].plugins, undefined);
});

test('a backendRef to a missing port, or without port, fails and sets no port (spec 03 §3.1)', () => {
  for (const [ref, want] of [
    [backend('echo:81'), 'port 81 of Service default/echo: no suitable port found'],
    [backend('echo'), 'port (none) of Service default/echo: the backendRef has no port'],
  ] as const) {
    const { doc, lines } = run([echo, httpRoute('web', [rule({ matches: [prefix('/')], backendRefs: [ref] })])]);
    assert.equal(doc.services?.[0].port, undefined);
    assert.equal(doc.services?.[0].plugins, undefined, 'the backend itself resolved, so no 500 plugin');
    assert.deepEqual(failureLines(lines), [`HTTPRoute default/web: PortNotFound: ${want}`]);
  }
});

test('a backendRef of another kind fails; one without kind is dropped with a warning (spec 03 §3.1)', () => {
  const { lines } = run([
    echo,
    httpRoute('web', [rule({ matches: [prefix('/')], backendRefs: [backend('echo:80', { kind: 'KongServiceFacade', group: 'incubator.ingress-controller.konghq.com' }), { name: 'echo', port: 80 }] })]),
  ]);
  assert.deepEqual(lines.filter((l) => l.includes('backendRefs')), [
    'HTTPRoute default/web spec.rules[0].backendRefs[0]: UnsupportedBackend: backendRef incubator.ingress-controller.konghq.com/KongServiceFacade default/echo is not a core Service; only Services are supported',
    'warning: HTTPRoute default/web spec.rules[0].backendRefs[1].kind: backendRef default/echo has no kind: it is dropped, as KIC does for input the API server has not defaulted (write kind: Service)',
  ]);
});

test('a cross-namespace backendRef needs a ReferenceGrant in the target namespace (spec 03 §3.2)', () => {
  const other = svc('db', { ns: 'data', ports: [5432] });
  const web = httpRoute('web', [rule({ matches: [prefix('/')], backendRefs: [backend('db:5432', { namespace: 'data' })] })]);
  const denied = run([other, web]);
  assert.equal(denied.doc.services?.[0].port, undefined);
  assert.deepEqual(failureLines(denied.lines), [
    'HTTPRoute default/web spec.rules[0].backendRefs[0]: ReferenceNotPermitted: no ReferenceGrant in namespace data allows HTTPRoutes from namespace default to reference Service db; the backendRef is dropped',
  ]);
  const grants = [
    { grant: referenceGrant('data', { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'default' }, { group: '', kind: 'Service' }), ok: true },
    { grant: referenceGrant('data', { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'default' }, { group: '', kind: 'Service', name: 'db' }), ok: true },
    { grant: referenceGrant('data', { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'default' }, { group: '', kind: 'Service', name: 'cache' }), ok: false },
    { grant: referenceGrant('data', { group: 'gateway.networking.k8s.io', kind: 'GRPCRoute', namespace: 'default' }, { group: '', kind: 'Service' }), ok: false },
    { grant: referenceGrant('default', { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'default' }, { group: '', kind: 'Service' }), ok: false },
  ];
  for (const [i, g] of grants.entries()) {
    const { doc } = run([other, web, g.grant]);
    assert.equal(doc.services?.[0].port, g.ok ? 5432 : undefined, `grant ${i}`);
  }
});

test('L4 routes: missing rules, backendRefs or hostnames fail as spec 03 §6 says', () => {
  const cases = [
    { name: 'TCPRoute without rules', obj: l4Route('TCPRoute', 't', []), services: [], field: 'spec.rules' },
    {
      name: 'TCPRoute keeps the rules before one without backendRefs',
      obj: l4Route('TCPRoute', 't', [{ backendRefs: [backend('echo:80')] }, { backendRefs: [] }, { backendRefs: [backend('echo:80')] }]),
      services: ['tcproute.default.t.0'],
      field: 'spec.rules[1].backendRefs',
    },
    { name: 'UDPRoute without rules', obj: l4Route('UDPRoute', 'u', []), services: [], field: 'spec.rules' },
    {
      name: 'UDPRoute with a rule without backendRefs emits nothing',
      obj: l4Route('UDPRoute', 'u', [{ backendRefs: [backend('echo:80')] }, {}]),
      services: [],
      field: 'spec.rules[1].backendRefs',
    },
    { name: 'TLSRoute without hostnames', obj: l4Route('TLSRoute', 's', [{ backendRefs: [backend('echo:80')] }]), services: [], field: 'spec.hostnames' },
    { name: 'TLSRoute without rules', obj: l4Route('TLSRoute', 's', [], { hostnames: ['a.com'] }), services: [], field: 'spec.rules' },
  ];
  for (const tc of cases) {
    const { doc, result } = run([echo, tc.obj]);
    assert.deepEqual(serviceNames(doc), tc.services, tc.name);
    assert.deepEqual(result.failures.map((f) => [f.reason, f.field]), [['InvalidObject', tc.field]], tc.name);
  }
  const ok = run([echo, l4Route('TLSRoute', 's', [{}], { hostnames: ['a.com'] })]);
  assert.deepEqual(serviceNames(ok.doc), ['tlsroute.default.s.0'], 'TLSRoute rules without backendRefs are allowed');
  assert.equal(ok.doc.services?.[0].plugins, undefined);
});

test('a Gateway API object with a field of the wrong type fails alone (checked when the snapshot is built)', () => {
  const bad = httpRoute('bad', [rule({ matches: [prefix('/', { headers: [{ name: 'X-A', value: 2 as unknown as string }] })], backendRefs: [backend('echo:80')] })]);
  const badTcp = l4Route('TCPRoute', 't', [{ backendRefs: [{ kind: 'Service', name: 'echo', port: '80' as unknown as number }] }]);
  const { doc, result } = run([echo, bad, badTcp, httpRoute('ok', [rule({ matches: [prefix('/')], backendRefs: [backend('echo:80')] })])]);
  assert.deepEqual(serviceNames(doc), ['httproute.default.ok.0']);
  assert.deepEqual(result.failures.map((f) => [f.reason, f.objects[0].name, f.field]).sort(), [
    ['InvalidObject', 'bad', 'spec.rules[0].matches[0].headers[0].value'],
    ['InvalidObject', 't', 'spec.rules[0].backendRefs[0].port'],
  ]);
});
