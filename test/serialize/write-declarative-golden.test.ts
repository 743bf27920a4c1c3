import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadManifests } from '../../src/store/load-manifests.js';
import { Snapshot } from '../../src/store/snapshot.js';
import { translateWithFallback } from '../../src/fallback/assume-rejected.js';
import { translate } from '../../src/translate/index.js';
import { defaultTranslateOptions } from '../../src/translate/options.js';
import { CHUNK_SIZE } from '../../src/serialize/chunked-sink.js';
import { generateCluster } from '../../bench/cluster.js';
import { OWN_GOLDEN_DIR, SHARED_GOLDEN_DIR, brokenObjects, casesIn, variantsOf } from '../helpers/golden.js';
import { assertSameEverywhere, FORMATS, streamed } from './streamed.js';

// Every golden input, translated with each of its variants: the streamed text, and the rebuilt
// toDeclarativeConfig + renderJSON/renderYAML, are byte for byte what the old path wrote.
function goldenCases(root: string, prefix: string): void {
  for (const name of casesIn(root)) {
    const dir = join(root, name);
    for (const variant of variantsOf(dir)) {
      test(`${prefix} ${name} [${variant.name}]: streamed output = old output, all formats`, () => {
        const { objects } = loadManifests([join(dir, 'in.yaml')]);
        const { result } = translateWithFallback(Snapshot.of(objects), variant.options, brokenObjects(dir));
        const expressions = variant.options.routerFlavor === 'expressions';
        assertSameEverywhere(result.state, expressions, name);
        // The other router flavor's defaults on the same state, too.
        assertSameEverywhere(result.state, !expressions, `${name} (other flavor)`);
      });
    }
  }
}

goldenCases(OWN_GOLDEN_DIR, 'golden');
if (existsSync(SHARED_GOLDEN_DIR)) goldenCases(SHARED_GOLDEN_DIR, 'shared golden');
else test('shared golden inputs', { skip: `${SHARED_GOLDEN_DIR} not found: shared golden inputs not compared` }, () => {});

test('synthetic clusters (both profiles, both router flavors): streamed output = old output', () => {
  for (const profile of ['mixed', 'ingress'] as const) {
    for (const routerFlavor of ['traditional_compatible', 'expressions'] as const) {
      const opts = defaultTranslateOptions({ routerFlavor });
      const { state } = translate(Snapshot.of(generateCluster({ size: 200, seed: 7, profile, perNamespace: 40 })), opts);
      assertSameEverywhere(state, routerFlavor === 'expressions', `${profile}/${routerFlavor}`);
    }
  }
});

test('a large output comes in many chunks of bounded size, never as one string', () => {
  const { state } = translate(Snapshot.of(generateCluster({ size: 600, seed: 2, profile: 'mixed' })), defaultTranslateOptions());
  for (const format of FORMATS) {
    const { text, chunks } = streamed(state, false, format);
    assert.ok(text.length > 4 * CHUNK_SIZE, `${format}: the test needs an output of several chunks`);
    assert.ok(chunks.length >= Math.floor(text.length / (2 * CHUNK_SIZE)), `${format}: ${chunks.length} chunks for ${text.length} characters`);
    // Collected text is handed on once it reaches CHUNK_SIZE, and only pieces under a quarter of that are
    // collected; larger ones go on by themselves, cut to CHUNK_SIZE.
    const longest = Math.max(...chunks.map((c) => c.length));
    assert.ok(longest <= 1.25 * CHUNK_SIZE, `${format}: a chunk of ${longest} characters`);
  }
});
