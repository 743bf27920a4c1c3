import { test } from 'node:test';
import assert from 'node:assert/strict';
import { grpcBasePriority, grpcMatchExpression, methodPredicate } from '../../src/translate/expressions/grpcroute.js';
import { render } from '../../src/translate/expressions/matcher.js';
import { withRelativeOrder } from '../../src/translate/expressions/relative-order.js';
import { valueMatch } from '../helpers/gateway-builders.js';

test('gRPC method predicates (spec 04 §4.3)', () => {
  const cases = [
    { m: { service: 'S', method: 'M' }, want: 'http.path == "/S/M"' },
    { m: { service: 'S' }, want: 'http.path ^= "/S/"' },
    { m: { method: 'M' }, want: 'http.path =^ "/M"' },
    { m: {}, want: 'http.path ^= "/"' },
    { m: { type: 'RegularExpression' }, want: 'http.path ^= "/"' },
    { m: { type: 'RegularExpression', service: 'S' }, want: 'http.path ~ "^/S/.+"' },
    { m: { type: 'RegularExpression', method: 'M' }, want: 'http.path ~ "^/.+/M"' },
  ];
  for (const tc of cases) assert.equal(render(methodPredicate(tc.m)), tc.want, JSON.stringify(tc.m));
});

test('gRPC expression: method, headers, host, SNIs, flat (spec 04 §4.2)', () => {
  assert.equal(grpcMatchExpression({ method: { service: 'grpcbin.GRPCBin', method: 'Get' } }, 'example.com', []), '(http.path == "/grpcbin.GRPCBin/Get") && (http.host == "example.com")');
  assert.equal(grpcMatchExpression({ headers: [valueMatch('X-A', '1')] }, '', ['a.com']), '(http.headers.x_a == "1") && (tls.sni == "a.com")');
  assert.equal(grpcMatchExpression({}, '', []), '(net.protocol == "http") || (net.protocol == "https")');
});

test('gRPC base priority follows spec 04 §4.4', () => {
  // Inputs of the spec's examples: hostname example.com (11, precise), service grpcbin.GRPCBin (15).
  const base = (methodLen: number) => 2 ** 44 + 2 ** 43 + 11 * 2 ** 35 + 15 * 2 ** 24 + methodLen * 2 ** 13;
  for (const method of ['DummyUnary', 'Default', 'Get']) {
    assert.equal(grpcBasePriority({ method: { service: 'grpcbin.GRPCBin', method } }, 'example.com'), base(method.length), method);
  }
  assert.equal(grpcBasePriority({ method: { service: 'grpcbin.GRPCBin' } }, ''), 2 ** 44 + 15 * 2 ** 24);
  // Wildcard hostnames count their length but are not precise; the method type does not matter.
  assert.equal(grpcBasePriority({ method: { type: 'RegularExpression', method: 'M' }, headers: [valueMatch('a', '1'), valueMatch('b', '2')] }, '*.a.com'), 2 ** 44 + 7 * 2 ** 35 + 1 * 2 ** 13 + 2 * 2 ** 8);
});

test('relative order: unique bases get the maximum, ties count down and never go below 0', () => {
  const item = (base: number, name: string, matchIndex = 0) => ({ base, created: '', namespace: 'ns', name, ruleIndex: 0, matchIndex, hostIndex: 0 });
  assert.deepEqual(withRelativeOrder([item(10, 'a'), item(20, 'b')], 255), [10 + 255, 20 + 255]);
  assert.deepEqual(withRelativeOrder([item(10, 'b'), item(10, 'a'), item(10, 'a', 1)], 255), [10 + 253, 10 + 255, 10 + 254]);
  const many = Array.from({ length: 3 }, (_, i) => item(0, `r${i}`));
  assert.deepEqual(withRelativeOrder(many, 1), [1, 0, 0]);
});
