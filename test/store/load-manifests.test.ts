import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManifestError, type LoadedManifests } from '../../src/store/load-manifests.js';
import { parseManifestText } from '../helpers/manifest-text.js';

function parse(text: string): LoadedManifests {
  const out: LoadedManifests = { objects: [], sources: [] };
  parseManifestText(text, 'f.yaml', out);
  return out;
}

function fatal(text: string): string {
  try {
    parse(text);
  } catch (err) {
    assert.ok(err instanceof ManifestError);
    return err.message;
  }
  return 'no error';
}

const svc = (name: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n`;

test('documents and their first content lines; separators with comments; empty documents skipped', () => {
  const r = parse(`# header\n${svc('a')}--- # second\n\n${svc('b')}---\n---\n${svc('c')}`);
  assert.deepEqual(r.objects.map((o) => o.metadata.name), ['a', 'b', 'c']);
  assert.deepEqual(r.sources.map((s) => s.line), [2, 8, 14]);
});

test('annotation and label values become strings; timestamps stay strings', () => {
  const r = parse(`apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  uid: 123\n  creationTimestamp: 2024-01-01T00:00:00Z\n  annotations:\n    konghq.com/retries: 3\n    konghq.com/strip-path: true\n  labels:\n    n: 1.5\n`);
  const md = r.objects[0].metadata;
  assert.deepEqual(md.annotations, { 'konghq.com/retries': '3', 'konghq.com/strip-path': 'true' });
  assert.deepEqual(md.labels, { n: '1.5' });
  assert.equal(md.uid, '123');
  assert.equal(md.creationTimestamp, '2024-01-01T00:00:00Z');
});

test('typed lists (ServiceList), JSON documents and JSON arrays', () => {
  assert.equal(parse(`apiVersion: v1\nkind: ServiceList\nitems:\n- ${svc('a').trimEnd().replaceAll('\n', '\n  ')}\n`).objects.length, 1);
  const one = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'j' } };
  assert.deepEqual(parse(JSON.stringify(one)).objects.map((o) => o.metadata.name), ['j']);
  assert.deepEqual(parse(JSON.stringify([one, { ...one, metadata: { name: 'k' } }])).objects.map((o) => o.metadata.name), ['j', 'k']);
});

const errors = [
  { name: 'bad YAML gives the file line', text: `${svc('a')}---\nkind: [\n`, want: /^f\.yaml:6: invalid YAML: unexpected end of the stream/ },
  { name: 'no kind', text: 'apiVersion: v1\nmetadata:\n  name: a\n', want: /^f\.yaml:1: document has no kind$/ },
  { name: 'no apiVersion', text: 'kind: Service\nmetadata:\n  name: a\n', want: /^f\.yaml:1: Service has no apiVersion$/ },
  { name: 'no metadata', text: 'apiVersion: v1\nkind: Service\n', want: /^f\.yaml:1: Service has no metadata\.name$/ },
  { name: 'empty name', text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: ""\n', want: /^f\.yaml:1: Service has no metadata\.name$/ },
  { name: 'namespace not a string', text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  namespace: [x]\n', want: /metadata\.namespace is not a string$/ },
  { name: 'List without items', text: 'apiVersion: v1\nkind: List\n', want: /^f\.yaml:1: List has no items list$/ },
  { name: 'a list item without kind', text: 'apiVersion: v1\nkind: List\nitems:\n- metadata: {name: a}\n', want: /document has no kind$/ },
] as const;
for (const tc of errors) {
  test(`fatal: ${tc.name}`, () => assert.match(fatal(tc.text), tc.want));
}
