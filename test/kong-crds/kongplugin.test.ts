import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import { combineRelations, suffixedInstanceName } from '../../src/translate/kong-crds/kongplugin.js';
import { parsePluginsAnnotation } from '../../src/translate/kong-crds/plugin-attachment.js';
import {
  credential, ingress, ingressClass, kongClusterPlugin, kongConsumer, kongConsumerGroup, kongPlugin, referenceGrant, run, svc,
} from '../helpers/kong-builders.js';

const pluginId = (key: string): string => uuidv5(key, uuidv5('plugins', 'fd02801f-0957-4a15-a55a-c8d9606f30b5'));
type P = Record<string, unknown>;
const attachments = (plugins: P[] | undefined): string[] =>
  (plugins ?? []).map((p) => ['service', 'route', 'consumer', 'consumer_group'].filter((k) => p[k]).map((k) => `${k}=${String(p[k])}`).join(' ')).sort();

test('parsePluginsAnnotation: trims, skips empties and bad colons, keeps duplicates', () => {
  assert.deepEqual(parsePluginsAnnotation(' a , ,b,ns:c,:d,e:,a', 'home'), [
    { namespace: 'home', name: 'a', explicit: false },
    { namespace: 'home', name: 'b', explicit: false },
    { namespace: 'ns', name: 'c', explicit: true },
    { namespace: 'home', name: 'a', explicit: false },
  ]);
});

test('an Ingress plugin attaches to each of its routes; a Service plugin to each Kong service', () => {
  const { doc, lines } = run([
    svc('echo', { ports: [80, 8080], plugins: 'svc-p' }),
    ingress('ing', [['/a', 'echo', 80], ['/b', 'echo', 8080]], { plugins: 'route-p' }),
    kongPlugin('route-p', { plugin: 'correlation-id' }),
    kongPlugin('svc-p', { plugin: 'key-auth' }),
  ]);
  assert.deepEqual(lines, []);
  assert.deepEqual(attachments(doc.plugins), [
    'route=default.ing.echo..80',
    'route=default.ing.echo..8080',
    'service=default.echo.80',
    'service=default.echo.8080',
  ]);
  const p = doc.plugins?.find((x) => x.route === 'default.ing.echo..80');
  assert.equal(p?.id, pluginId('correlation-id:route/default.ing.echo..80'));
  assert.deepEqual(p?.tags, ['k8s-name:route-p', 'k8s-namespace:default', 'k8s-kind:KongPlugin', 'k8s-group:configuration.konghq.com', 'k8s-version:v1']);
});

test('protocols, run_on, ordering and disabled are copied; nothing is defaulted', () => {
  const { doc } = run([
    svc('echo'),
    ingress('ing', [['/', 'echo', 80]], { plugins: 'p' }),
    kongPlugin('p', {
      plugin: 'rate-limiting',
      protocols: ['http', 'https'],
      run_on: 'first',
      ordering: { before: { access: ['key-auth'] } },
      disabled: true,
    }),
  ]);
  const p = doc.plugins?.[0] ?? {};
  assert.deepEqual(p.protocols, ['http', 'https']);
  assert.equal(p.run_on, 'first');
  assert.deepEqual(p.ordering, { before: { access: ['key-auth'] } });
  assert.equal(p.enabled, false);
  const plain = run([svc('echo'), ingress('ing', [['/', 'echo', 80]], { plugins: 'p' }), kongPlugin('p', { plugin: 'rate-limiting', disabled: false })]);
  assert.deepEqual(Object.keys(plain.doc.plugins?.[0] ?? {}).sort(), ['id', 'name', 'route', 'tags']);
});

test('instance_name gets a hash of the attachment (spec 05 §2.7 example)', () => {
  const seen = new Set<string>();
  assert.equal(suffixedInstanceName('example', { route: 'default.httpbin.httpbin..80' }, seen), 'example-21a1f5b5f');
  // The same attachment again: the full digest.
  const full = createHash('sha256').update('_route-default.httpbin.httpbin..80').digest('hex');
  assert.equal(suffixedInstanceName('example', { route: 'default.httpbin.httpbin..80' }, seen), `example-${full}`);
  const h = createHash('sha256').update('_service-s_route-r_consumer-c_group-g').digest('hex').slice(0, 9);
  assert.equal(suffixedInstanceName('x', { service: 's', route: 'r', consumer: 'c', consumer_group: 'g' }, new Set()), `x-${h}`);
});

test('instance names differ per instance in a translation', () => {
  const { doc } = run([
    svc('echo'),
    ingress('a', [['/a', 'echo', 80]], { plugins: 'p' }),
    ingress('b', [['/b', 'echo', 80]], { plugins: 'p' }),
    kongPlugin('p', { plugin: 'correlation-id', instance_name: 'cid' }),
  ]);
  const names = (doc.plugins ?? []).map((p) => String(p.instance_name));
  assert.equal(names.length, 2);
  assert.equal(new Set(names).size, 2);
  for (const n of names) assert.match(n, /^cid-[0-9a-f]{9}$/);
});

test('combineRelations follows spec 05 §2.5', () => {
  const routes = [{ route: 'r1', service: 's' }];
  assert.deepEqual(combineRelations({ consumers: ['c1', 'c2'], groups: ['g'], services: ['s1'], routes }), [
    { consumer: 'c1', service: 's1' },
    { consumer: 'c1', route: 'r1' },
    { consumer: 'c2', service: 's1' },
    { consumer: 'c2', route: 'r1' },
  ]);
  assert.deepEqual(combineRelations({ consumers: ['c1'], groups: [], services: [], routes: [] }), [{ consumer: 'c1' }]);
  assert.deepEqual(combineRelations({ consumers: [], groups: ['g'], services: ['s1'], routes: [] }), [{ consumer_group: 'g', service: 's1' }]);
  assert.deepEqual(combineRelations({ consumers: [], groups: ['g'], services: [], routes: [] }), [{ consumer_group: 'g' }]);
  assert.deepEqual(combineRelations({ consumers: [], groups: [], services: ['s1'], routes }), [{ service: 's1' }, { route: 'r1' }]);
});

test('a plugin on a consumer and a service yields only consumer+service instances', () => {
  const { doc, lines } = run([
    svc('echo', { plugins: 'p' }),
    ingress('ing', [['/', 'echo', 80]]),
    kongConsumer('alice', { username: 'alice' }, { plugins: 'p' }),
    kongPlugin('p', { plugin: 'rate-limiting' }),
  ]);
  assert.deepEqual(lines, []);
  assert.deepEqual(attachments(doc.plugins), ['service=default.echo.80 consumer=alice']);
  assert.equal(doc.plugins?.[0].id, pluginId('rate-limiting:service/default.echo.80:consumer/alice'));
});

test('consumer-only, consumer-group-only and custom_id consumers', () => {
  const { doc } = run([
    kongConsumer('a', { username: 'alice' }, { plugins: 'p' }),
    kongConsumer('b', { custom_id: 'bob-1' }, { plugins: 'p' }),
    kongConsumerGroup('gold', { plugins: 'q' }),
    kongPlugin('p', { plugin: 'acl' }),
    kongPlugin('q', { plugin: 'rate-limiting-advanced' }),
  ]);
  assert.deepEqual(attachments(doc.plugins), ['consumer=alice', 'consumer=bob-1', 'consumer_group=gold']);
  assert.equal(doc.plugins?.find((p) => p.consumer_group)?.id, pluginId('rate-limiting-advanced:consumer_group/gold'));
});

test('a missing plugin fails on every referrer and emits nothing', () => {
  const { doc, lines } = run([svc('echo'), ingress('ing', [['/', 'echo', 80]], { plugins: 'ghost' }), kongConsumer('a', { username: 'alice' }, { plugins: 'ghost' })]);
  assert.equal(doc.plugins, undefined);
  assert.deepEqual(lines.sort(), [
    'Ingress default/ing metadata.annotations[konghq.com/plugins]: PluginNotFound: referenced KongPlugin or KongClusterPlugin "ghost" does not exist',
    'KongConsumer default/a metadata.annotations[konghq.com/plugins]: PluginNotFound: referenced KongPlugin or KongClusterPlugin "ghost" does not exist',
  ]);
  assert.equal(doc.services?.length, 1);
});

test('a local name falls back to a KongClusterPlugin', () => {
  const { doc } = run([svc('echo'), ingress('ing', [['/', 'echo', 80]], { plugins: 'cp' }), kongClusterPlugin('cp', { plugin: 'cors' })]);
  assert.equal(doc.plugins?.[0].name, 'cors');
  assert.equal(doc.plugins?.[0].route, 'default.ing.echo..80');
  assert.ok((doc.plugins?.[0].tags as string[]).includes('k8s-kind:KongClusterPlugin'));
});

test('ns:name needs a ReferenceGrant, even for the referrer namespace', () => {
  const objects = [svc('echo'), ingress('ing', [['/', 'echo', 80]], { plugins: 'shared:p' }), kongPlugin('p', { plugin: 'cors' }, { ns: 'shared' })];
  const denied = run(objects);
  assert.equal(denied.doc.plugins, undefined);
  assert.deepEqual(denied.lines, [
    'Ingress default/ing metadata.annotations[konghq.com/plugins]: ReferenceNotPermitted: no grant found to referenced "shared:p" plugin in the requested remote KongPlugin bind',
  ]);
  const grant = referenceGrant('shared', { group: 'networking.k8s.io', kind: 'Ingress', namespace: 'default' }, { group: 'configuration.konghq.com', kind: 'KongPlugin' });
  const allowed = run([...objects, grant]);
  assert.deepEqual(allowed.lines, []);
  assert.equal(allowed.doc.plugins?.[0].route, 'default.ing.echo..80');
  // A grant for another plugin name does not help.
  const other = referenceGrant('shared', { group: 'networking.k8s.io', kind: 'Ingress', namespace: 'default' }, { group: 'configuration.konghq.com', kind: 'KongPlugin', name: 'q' });
  assert.equal(run([...objects, other]).doc.plugins, undefined);
  // Explicit own namespace without a grant is refused too.
  const own = run([svc('echo'), ingress('ing', [['/', 'echo', 80]], { plugins: 'default:p' }), kongPlugin('p', { plugin: 'cors' })]);
  assert.equal(own.doc.plugins, undefined);
  assert.equal(own.lines.length, 1);
});

test('a Service grant uses the core group', () => {
  const grant = referenceGrant('shared', { group: '', kind: 'Service', namespace: 'default' }, { group: 'configuration.konghq.com', kind: 'KongPlugin', name: 'p' });
  const { doc, lines } = run([svc('echo', { plugins: 'shared:p' }), ingress('ing', [['/', 'echo', 80]]), kongPlugin('p', { plugin: 'cors' }, { ns: 'shared' }), grant]);
  assert.deepEqual(lines, []);
  assert.equal(doc.plugins?.[0].service, 'default.echo.80');
});

test('a plugin listed twice gives one instance and a warning (KIC emits two with one id, which Kong rejects)', () => {
  const { doc, lines } = run([svc('echo'), ingress('ing', [['/', 'echo', 80]], { plugins: 'p,p' }), kongPlugin('p', { plugin: 'cors' })]);
  assert.equal(doc.plugins?.length, 1);
  assert.ok(lines.some((l) => l.includes('plugin cors is attached to route default.ing.echo..80 more than once')), lines.join('\n'));
});

test('two plugin objects of one plugin name on one route are both kept, with a warning naming both', () => {
  const { doc, lines } = run([
    svc('echo'),
    ingress('ing', [['/', 'echo', 80]], { plugins: 'p,q' }),
    kongPlugin('p', { plugin: 'cors' }),
    kongPlugin('q', { plugin: 'cors', config: { origins: ['x'] } }),
  ]);
  assert.equal(doc.plugins?.length, 2);
  assert.ok(lines.some((l) => l.includes('KongPlugin default/p already attaches a cors plugin to route default.ing.echo..80')), lines.join('\n'));
});

test('global KongClusterPlugins: class filtered, no parents, instance_name verbatim, duplicates dropped', () => {
  const g = (name: string, plugin: string, cls: string | null = 'kong', extra = {}) =>
    kongClusterPlugin(name, { plugin, instance_name: 'inst', ...extra }, { labels: { global: 'true' }, cls });
  const { doc, lines } = run([
    g('prom', 'prometheus'),
    g('other-class', 'zipkin', 'other'),
    g('no-class', 'datadog', null),
    g('dup1', 'cors'),
    g('dup2', 'cors'),
    g('bad', 'acme', 'kong', { config: 'x' }),
    kongPlugin('ns-global', { plugin: 'file-log' }, { labels: { global: 'true' } }),
  ]);
  assert.deepEqual(doc.plugins, [
    {
      id: pluginId('prometheus'),
      instance_name: 'inst',
      name: 'prometheus',
      tags: ['k8s-name:prom', 'k8s-kind:KongClusterPlugin', 'k8s-group:configuration.konghq.com', 'k8s-version:v1'],
    },
  ]);
  assert.ok(lines.every((l) => l.startsWith('warning:')), lines.join('\n'));
  assert.equal(lines.filter((l) => l.includes('several global KongClusterPlugins use plugin cors')).length, 2);
  assert.ok(lines.some((l) => l.startsWith('warning: KongClusterPlugin bad config:')));
});

test('a global plugin without class annotation is used when the kong IngressClass is the default', () => {
  const { doc } = run([ingressClass(true), kongClusterPlugin('dd', { plugin: 'datadog' }, { labels: { global: 'true' } })]);
  assert.equal(doc.plugins?.[0].name, 'datadog');
});

test('plugins of consumers removed for conflicts are not emitted', () => {
  const { doc } = run([
    kongConsumer('a', { username: 'alice', credentials: ['k1'] }, { plugins: 'p' }),
    kongConsumer('b', { username: 'bob', credentials: ['k2'] }),
    credential('k1', 'key-auth', { key: 'same' }),
    credential('k2', 'key-auth', { key: 'same' }),
    kongPlugin('p', { plugin: 'acl' }),
  ]);
  assert.equal(doc.plugins, undefined);
});
