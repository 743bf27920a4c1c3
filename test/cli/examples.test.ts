import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import yaml from 'js-yaml';

const ROOT = join(import.meta.dirname, '..', '..');
const EXAMPLES = join(ROOT, 'examples');
const GOLDEN_IN = join(ROOT, 'test', 'golden', 'examples', 'in.yaml');

/** examples/*.yaml concatenated in name order, as test/golden/examples/in.yaml must hold them. */
function concatenatedExamples(): string {
  const files = readdirSync(EXAMPLES).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
  return files.map((f) => readFileSync(join(EXAMPLES, f), 'utf8')).map((t) => (t.endsWith('\n') ? t : `${t}\n`)).join('---\n');
}

test('the examples golden case translates exactly the files of examples/', () => {
  const golden = readFileSync(GOLDEN_IN, 'utf8').replace(/^# Generated:.*\n/, '');
  assert.equal(golden, concatenatedExamples(), 'regenerate test/golden/examples/in.yaml from examples/ (see its first line), then `npm run golden:update -- examples`');
});

// Real runs of bin/kic: the built CLI (npm run build), as users and the conformance runner call it.
const built = existsSync(join(ROOT, 'dist', 'src', 'cli', 'main.js'));
const skip = built ? false : 'dist/ not built: run `npm run build` to include the bin/kic subprocess tests';

test('bin/kic translate -f examples/: YAML on stdout, nothing on stderr, exit 0', { skip }, () => {
  const r = spawnSync(join(ROOT, 'bin', 'kic'), ['translate', '-f', EXAMPLES], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  const doc = yaml.load(r.stdout) as { services: { name: string }[]; certificates: unknown[] };
  assert.ok(doc.services.some((s) => s.name === 'shop.shop-api.8000'));
  assert.equal(doc.certificates.length, 1);
});

test('bin/kic: a bad flag value is one line on stderr, nothing on stdout, exit 2', { skip }, () => {
  const r = spawnSync(join(ROOT, 'bin', 'kic'), ['translate', '-f', EXAMPLES, '-o', 'toml'], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, 'kic: --output: "toml" is not one of yaml, json\n');
});

test('bin/kic: stdin and JSON output', { skip }, () => {
  const input = readFileSync(join(EXAMPLES, 'echo.yaml'), 'utf8');
  const r = spawnSync(join(ROOT, 'bin', 'kic'), ['translate', '-f', '-', '-o', 'json'], { encoding: 'utf8', input });
  assert.equal(r.status, 0, r.stderr);
  const doc = JSON.parse(r.stdout) as { services: { name: string }[] };
  assert.deepEqual(doc.services.map((s) => s.name).sort(), ['default.echo.80', 'default.echo.http']);
});
