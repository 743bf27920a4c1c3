import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import yaml from 'js-yaml';
import { main } from '../../src/cli/main.js';
import { generateCluster } from '../../bench/cluster.js';

// bin/kic writes the config to stdout piece by piece: a file gets all of it, and a reader that stops
// early (`| head`) ends the run without an error message. Real runs of the built CLI.

const ROOT = join(import.meta.dirname, '..', '..');
const KIC = join(ROOT, 'bin', 'kic');
const built = existsSync(join(ROOT, 'dist', 'src', 'cli', 'main.js'));
const skip = built ? false : 'dist/ not built: run `npm run build` to include the bin/kic subprocess tests';

const dir = mkdtempSync(join(tmpdir(), 'kic-stream-'));
// Large enough that the output is many times a pipe's buffer (64 KB) and many write pieces.
const INPUT = join(dir, 'cluster.yaml');
writeFileSync(INPUT, generateCluster({ size: 400, seed: 5, profile: 'mixed' }).map((o) => yaml.dump(o)).join('---\n'));

/** What the command writes in-process, joined: the text bin/kic must deliver. */
function inProcess(args: readonly string[]): string {
  let out = '';
  assert.equal(main(args, { stdout: (s) => (out += s), stderr: () => {} }), 0);
  return out;
}

for (const format of ['yaml', 'json']) {
  test(`bin/kic translate -o ${format} > file: the whole output, as written in-process`, { skip }, () => {
    const want = inProcess(['translate', '-f', INPUT, '-o', format]);
    assert.ok(want.length > 1_000_000, `the test needs a large output, got ${want.length} characters`);
    const file = join(dir, `out.${format}`);
    const fd = openSync(file, 'w');
    try {
      const r = spawnSync(KIC, ['translate', '-f', INPUT, '-o', format], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stderr, '');
    } finally {
      closeSync(fd);
    }
    assert.equal(readFileSync(file, 'utf8'), want);
  });
}

test('bin/kic translate through a pipe: the whole output', { skip }, () => {
  const r = spawnSync(KIC, ['translate', '-f', INPUT, '-o', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, inProcess(['translate', '-f', INPUT, '-o', 'json']));
});

test('bin/kic translate | head -c 100: exits 0 with nothing on stderr (no EPIPE noise)', { skip }, () => {
  const r = spawnSync('bash', ['-c', `set -o pipefail; "${KIC}" translate -f "${INPUT}" | head -c 100`], { encoding: 'utf8' });
  assert.equal(r.stderr, '');
  assert.equal(r.status, 0);
  assert.equal(r.stdout, inProcess(['translate', '-f', INPUT]).slice(0, 100));
});
