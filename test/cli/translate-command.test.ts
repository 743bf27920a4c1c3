import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { main } from '../../src/cli/main.js';

type Run = { code: number; stdout: string; stderr: string };

/** Runs the CLI in-process with fake io. */
function kic(args: readonly string[], stdin?: string): Run {
  let stdout = '';
  let stderr = '';
  const code = main(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    readStdin: () => {
      if (stdin === undefined) throw new Error('stdin read unexpectedly');
      return stdin;
    },
  });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'kic-cli-'));
function file(name: string, text: string): string {
  const p = join(dir, name);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, text);
  return p;
}

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: echo
  namespace: default
spec:
  ports:
  - port: 80
`;
const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: echo
  namespace: default
spec:
  ingressClassName: kong
  rules:
  - http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: echo
            port:
              number: 80
`;

/** The Kong service names of a YAML or JSON document. */
function serviceNames(text: string): string[] {
  const doc = yaml.load(text) as { services?: { name: string }[] };
  return (doc.services ?? []).map((s) => s.name).sort();
}

test('translates a multi-document file: config on stdout only, exit 0', () => {
  const r = kic(['translate', '-f', file('app.yaml', `${SERVICE}---\n${INGRESS}`)]);
  assert.equal(r.code, 0);
  assert.equal(r.stderr, '');
  assert.deepEqual(serviceNames(r.stdout), ['default.echo.80']);
  assert.match(r.stdout, /^_format_version: "3.0"\n/);
});

test('-o json', () => {
  const r = kic(['translate', '-f', file('app2.yaml', `${SERVICE}---\n${INGRESS}`), '-o', 'json']);
  assert.equal(r.code, 0);
  assert.equal((JSON.parse(r.stdout) as { _format_version: string })._format_version, '3.0');
});

test('stdin with -f -', () => {
  const r = kic(['translate', '-f', '-'], `${SERVICE}---\n${INGRESS}`);
  assert.equal(r.code, 0);
  assert.deepEqual(serviceNames(r.stdout), ['default.echo.80']);
});

test('directories are read recursively (.yaml, .yml, .json; other files skipped), -f repeatable', () => {
  file('tree/a/svc.yml', SERVICE);
  file('tree/b/c/ing.json', JSON.stringify(yaml.load(INGRESS)));
  file('tree/notes.txt', 'not: [yaml');
  const extra = file('extra.yaml', SERVICE.replaceAll('echo', 'other'));
  const r = kic(['translate', '-f', join(dir, 'tree'), '-f', extra]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(serviceNames(r.stdout), ['default.echo.80']);
  assert.equal(r.stderr, '');
});

test('kind: List in YAML and a JSON List', () => {
  const list = `apiVersion: v1\nkind: List\nitems:\n${[SERVICE, INGRESS].map((d) => `- ${d.trimEnd().replaceAll('\n', '\n  ')}`).join('\n')}\n`;
  assert.deepEqual(serviceNames(kic(['translate', '-f', file('list.yaml', list)]).stdout), ['default.echo.80']);
  const json = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [yaml.load(SERVICE), yaml.load(INGRESS)] });
  assert.deepEqual(serviceNames(kic(['translate', '-f', file('list.json', json)]).stdout), ['default.echo.80']);
});

test('CRLF line ends and empty documents', () => {
  const text = `---\n${SERVICE}---\n---\n${INGRESS}`.replaceAll('\n', '\r\n');
  const r = kic(['translate', '-f', file('crlf.yaml', text)]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(serviceNames(r.stdout), ['default.echo.80']);
});

test('unknown kinds: one warning per kind, objects ignored (also a known Kind in another group)', () => {
  const foreign = (name: string) => `apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: ${name}\n`;
  const fakeIngress = INGRESS.replace('networking.k8s.io/v1', 'extensions/v1beta1');
  const r = kic(['translate', '-f', file('unknown.yaml', [SERVICE, foreign('a'), foreign('b'), fakeIngress].join('---\n'))]);
  assert.equal(r.code, 0);
  assert.equal(
    r.stderr,
    'warning: ignoring objects of kind Ingress (extensions/v1beta1): not read by the translator\n' +
      'warning: ignoring objects of kind Widget (example.com/v1): not read by the translator\n',
  );
  assert.deepEqual(serviceNames(r.stdout), []);
});

test('translation failures and warnings go to stderr, exit 0; --fail-on-translation-failure exits 1', () => {
  const ing = INGRESS.replace('name: echo\n  namespace', 'name: echo\n  annotations:\n    konghq.com/strip-path: "yes"\n  namespace').replace('number: 80', 'number: 81');
  const path = file('failing.yaml', `${SERVICE}---\n${ing}`);
  const r = kic(['translate', '-f', path]);
  assert.equal(r.code, 0);
  assert.deepEqual(r.stderr.trimEnd().split('\n'), [
    'warning: Ingress default/echo metadata.annotations[konghq.com/strip-path]: konghq.com/strip-path value "yes" is not true or false; the annotation is ignored, as KIC does',
    'Ingress default/echo: PortNotFound: port 81 of Service default/echo: no suitable port found',
  ]);
  assert.deepEqual(serviceNames(r.stdout), ['default.echo.81']);
  const strict = kic(['translate', '-f', path, '--fail-on-translation-failure']);
  assert.equal(strict.code, 1);
  assert.deepEqual(serviceNames(strict.stdout), ['default.echo.81'], 'the configuration is still printed');
});

const fatal: readonly { name: string; args: () => string[]; want: string | RegExp }[] = [
  { name: 'unreadable path', args: () => ['translate', '-f', join(dir, 'missing.yaml')], want: `kic: cannot read ${join(dir, 'missing.yaml')}: no such file or directory\n` },
  {
    name: 'bad YAML with file and line',
    args: () => ['translate', '-f', file('bad.yaml', `${SERVICE}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: x\n   namespace: y\n`)],
    want: `kic: ${join(dir, 'bad.yaml')}:14: invalid YAML: bad indentation of a mapping entry\n`,
  },
  { name: 'document without kind', args: () => ['translate', '-f', file('nokind.yaml', `${SERVICE}---\n\napiVersion: v1\nmetadata:\n  name: x\n`)], want: `kic: ${join(dir, 'nokind.yaml')}:11: document has no kind\n` },
  { name: 'document without metadata.name', args: () => ['translate', '-f', file('noname.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  namespace: x\n')], want: `kic: ${join(dir, 'noname.yaml')}:1: Service has no metadata.name\n` },
  { name: 'document that is not an object', args: () => ['translate', '-f', file('scalar.yaml', 'hello\n')], want: `kic: ${join(dir, 'scalar.yaml')}:1: document is not an object\n` },
  { name: 'no -f', args: () => ['translate'], want: 'kic: -f, --filename is required: a file, a directory or - for stdin\n' },
  { name: 'bad -o', args: () => ['translate', '-f', '-', '-o', 'xml'], want: 'kic: --output: "xml" is not one of yaml, json\n' },
  { name: 'bad --router-flavor', args: () => ['translate', '-f', '-', '--router-flavor', 'fast'], want: 'kic: --router-flavor: "fast" is not one of traditional_compatible, expressions\n' },
  { name: 'unknown feature gate', args: () => ['translate', '-f', '-', '--feature-gates', 'Nope=true'], want: /^kic: --feature-gates: unknown feature gate "Nope" \(known: FillIDs, / },
  { name: 'KongCustomEntity needs FillIDs', args: () => ['translate', '-f', '-', '--feature-gates', 'FillIDs=false'], want: 'kic: --feature-gates: KongCustomEntity=true requires FillIDs=true\n' },
  { name: 'feature gate without value', args: () => ['translate', '-f', '-', '--feature-gates', 'RewriteURIs'], want: 'kic: --feature-gates: RewriteURIs needs =true or =false, got "RewriteURIs"\n' },
  { name: 'bad --kong-version', args: () => ['translate', '-f', '-', '--kong-version', 'latest'], want: 'kic: --kong-version: "latest" is not a version like 3.9.1\n' },
  { name: 'bad --ingress-class', args: () => ['translate', '-f', '-', '--ingress-class', 'Kong!'], want: 'kic: --ingress-class: "Kong!" is not a valid IngressClass name\n' },
  { name: 'bad --assume-rejected', args: () => ['translate', '-f', '-', '--assume-rejected', 'default/echo'], want: 'kic: --assume-rejected: "default/echo" is not Kind:namespace/name\n' },
  { name: 'unknown kind in --assume-rejected', args: () => ['translate', '-f', '-', '--assume-rejected', 'Widget:default/echo'], want: 'kic: --assume-rejected: unknown kind "Widget" in "Widget:default/echo"\n' },
  { name: 'namespaced kind without namespace', args: () => ['translate', '-f', '-', '--assume-rejected', 'Service:echo'], want: 'kic: --assume-rejected: Service is namespaced: use Service:namespace/name\n' },
  { name: 'unknown flag', args: () => ['translate', '-f', '-', '--bogus'], want: "error: unknown option '--bogus'\n" },
];
for (const tc of fatal) {
  test(`exit 2, one line on stderr, nothing on stdout: ${tc.name}`, () => {
    const r = kic(tc.args(), `${SERVICE}`);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    if (typeof tc.want === 'string') assert.equal(r.stderr, tc.want);
    else assert.match(r.stderr, tc.want);
    assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
  });
}

test('--assume-rejected accepts a valid reference', () => {
  const r = kic(['translate', '-f', '-', '--assume-rejected', 'Service:default/echo', '--assume-rejected', 'KongVault:v'], `${SERVICE}---\n${INGRESS}`);
  assert.equal(r.code, 0, r.stderr);
});

test('--feature-gates and --router-flavor reach the translator', () => {
  const r = kic(['translate', '-f', '-', '--router-flavor', 'expressions', '--feature-gates', 'FillIDs=false,KongCustomEntity=false'], `${SERVICE}---\n${INGRESS}`);
  const doc = yaml.load(r.stdout) as { services: { id?: string; routes: { expression?: string }[] }[] };
  assert.equal(doc.services[0].id, undefined);
  assert.equal(doc.services[0].routes[0].expression, 'http.path ^= "/"');
});

test('--help exits 0', () => {
  assert.equal(kic(['translate', '--help']).code, 0);
});
