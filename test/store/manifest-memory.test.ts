import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadManifestFile, type LoadedManifests } from '../../src/store/load-manifests.js';

// The loaded objects must not keep the manifest text alive: V8 makes substrings of 13 or more characters
// views into their parent string, so a value sliced out of a document would hold the document (and a
// document sliced out of the file, the file). Documents here are mostly comments around one long value:
// holding the text would cost about 40x what the values need.

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

const DOCS = 400;
const COMMENT = `# ${'x'.repeat(98)}\n`.repeat(40); // 4 KB per document
const doc = (i: number, plainValue: boolean): string => {
  const value = `value-number-${String(i).padStart(8, '0')}-of-this-set`; // 40 characters, unique
  return `${COMMENT}apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\n  namespace: ns\ndata:\n  k: ${plainValue ? value : `'${value}'`}\n${COMMENT}`;
};

for (const [name, text] of [
  ['plain values', Array.from({ length: DOCS }, (_, i) => doc(i, true)).join('---\n')],
  ['quoted values', Array.from({ length: DOCS }, (_, i) => doc(i, false)).join('---\n')],
  // Anchors send the documents to js-yaml, whose strings are slices too.
  ['documents read by js-yaml', Array.from({ length: DOCS }, (_, i) => doc(i, true).replace('data:\n  k: ', 'data:\n  a: &x 1\n  b: *x\n  k: ')).join('---\n')],
] as const) {
  test(`loaded objects do not hold the manifest text: ${name}`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'kic-mem-'));
    try {
      const file = join(dir, 'set.yaml');
      writeFileSync(file, text);
      const out: LoadedManifests = { objects: [], sources: [] };
      const before = heapAfterGc();
      loadManifestFile(file, out, 1 << 16);
      const grown = heapAfterGc() - before;
      assert.equal(out.objects.length, DOCS);
      // The text is 3.3 MB; the objects need well under 0.5 MB.
      assert.ok(grown < 1_000_000, `heap grew by ${grown} bytes for ${DOCS} small objects from ${text.length} characters`);
      assert.ok(out.objects.every((o, i) => (o as { data?: { k?: string } }).data?.k === `value-number-${String(i).padStart(8, '0')}-of-this-set`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
