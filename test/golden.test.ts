import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import {
  OWN_GOLDEN_DIR, SHARED_GOLDEN_DIR, canonical, casesIn, expectedOf, requiredSharedCases, runGoldenCase, variantsOf,
} from './helpers/golden.js';

// The project's own golden cases: output pinned, and the failure lines when <variant>_failures.yaml exists.
for (const name of casesIn(OWN_GOLDEN_DIR)) {
  const dir = join(OWN_GOLDEN_DIR, name);
  for (const variant of variantsOf(dir)) {
    test(`golden ${name} [${variant.name}]`, () => {
      const { doc, failures } = runGoldenCase(dir, variant);
      assert.deepEqual(canonical(doc), canonical(expectedOf(dir, variant.name)));
      const failuresFile = join(dir, `${variant.name}_failures.yaml`);
      if (existsSync(failuresFile)) {
        assert.deepEqual(failures, yaml.load(readFileSync(failuresFile, 'utf8')) ?? []);
      }
    });
  }
}

// The shared conformance cases this project already must pass (conformance-required.txt).
if (!existsSync(SHARED_GOLDEN_DIR)) {
  test('shared conformance cases', { skip: `${SHARED_GOLDEN_DIR} not found: shared golden cases skipped` }, () => {});
} else {
  for (const name of requiredSharedCases()) {
    const dir = join(SHARED_GOLDEN_DIR, name);
    for (const variant of variantsOf(dir)) {
      test(`shared golden ${name} [${variant.name}]`, () => {
        const { doc } = runGoldenCase(dir, variant);
        assert.deepEqual(canonical(doc), canonical(expectedOf(dir, variant.name)));
      });
    }
  }
}
