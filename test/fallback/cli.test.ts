import { test } from 'node:test';
import assert from 'node:assert/strict';
import yaml from 'js-yaml';
import { main } from '../../src/cli/main.js';
import type { K8sObject } from '../../src/model/meta.js';
import { ingress, service } from '../helpers/fallback-builders.js';

function run(objects: K8sObject[], ...args: string[]): { code: number; stdout: string; stderr: string[] } {
  let stdout = '';
  let stderr = '';
  const input = objects.map((o) => yaml.dump(o)).join('---\n');
  const code = main(['translate', '-f', '-', ...args], {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    readStdin: () => input,
  });
  return { code, stdout, stderr: stderr.split('\n').filter((l) => l !== '') };
}

const objects = [
  service('broken'), service('ok', { uid: '' }),
  ingress('uses-broken', { className: 'kong', backends: ['broken'] }),
  ingress('uses-ok', { className: 'kong', backends: ['ok'] }),
];

test('kic translate --assume-rejected prints the fallback config and the excluded objects on stderr', () => {
  const r = run(objects, '--assume-rejected', 'Service:default/broken');
  assert.equal(r.code, 0);
  const doc = yaml.load(r.stdout) as { services?: { name: string }[] };
  assert.deepEqual(doc.services?.map((s) => s.name), ['default.ok.80']);
  assert.deepEqual(r.stderr, [
    'excluded: Service default/broken: rejected by Kong',
    'excluded: Ingress default/uses-broken: depends on Service default/broken (spec.rules[0].http.paths[0].backend.service.name), which Kong rejected',
  ]);
});

test('the flag is repeatable; an object Kong cannot name gets a warning line', () => {
  const r = run(objects, '--assume-rejected', 'Service:default/broken', '--assume-rejected', 'Service:default/ok');
  assert.equal(r.code, 0);
  assert.equal(r.stderr.filter((l) => l.startsWith('excluded: ')).length, 2);
  assert.deepEqual(r.stderr.filter((l) => l.startsWith('warning: ')).map((l) => l.replace(/ \(.*$/, '')), [
    "warning: Service default/ok: Kong's error cannot name it",
  ]);
});

test('a malformed --assume-rejected value is a flag error (exit 2, nothing on stdout)', () => {
  const r = run(objects, '--assume-rejected', 'default/broken');
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr[0], /--assume-rejected/);
});
