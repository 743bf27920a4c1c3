import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadManifests } from '../../src/store/load-manifests.js';
import { Snapshot } from '../../src/store/snapshot.js';
import { translate } from '../../src/translate/index.js';
import { defaultTranslateOptions } from '../../src/translate/options.js';
import { parseFeatureGates } from '../../src/cli/flags.js';
import { toDeclarativeConfig, renderJSON } from '../../src/serialize/declarative.js';
import type { K8sObject } from '../../src/model/meta.js';
import { OWN_GOLDEN_DIR, SHARED_GOLDEN_DIR, casesIn } from '../helpers/golden.js';

// "Bad input never crashes the controller": objects whose fields have the wrong type, are missing or are
// null must give failures, never exceptions. Mutations are seeded, so a failure is reproducible.

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WEIRD: readonly unknown[] = [null, 0, -1, 1.5, '', 'x', '::', '/~', true, [], {}, [null], { a: null }, '${}', 'a'.repeat(300)];

// Replaces one value somewhere under the object's top-level fields (never kind/apiVersion/metadata.name,
// which the loader validates before translation sees them).
function mutate(obj: unknown, rand: () => number, depth = 0): unknown {
  if (Array.isArray(obj)) {
    if (obj.length === 0 || rand() < 0.15) return WEIRD[Math.floor(rand() * WEIRD.length)];
    const i = Math.floor(rand() * obj.length);
    const copy = [...obj];
    copy[i] = mutate(copy[i], rand, depth + 1);
    return copy;
  }
  if (obj !== null && typeof obj === 'object') {
    const keys = Object.keys(obj).filter((k) => !(depth === 0 && (k === 'kind' || k === 'apiVersion')));
    if (keys.length === 0 || (depth > 0 && rand() < 0.15)) return WEIRD[Math.floor(rand() * WEIRD.length)];
    const k = keys[Math.floor(rand() * keys.length)];
    const copy: Record<string, unknown> = { ...(obj as Record<string, unknown>) };
    if (depth === 0 && k === 'metadata') {
      const md = { ...(copy.metadata as Record<string, unknown>) };
      const mk = ['annotations', 'labels', 'uid', 'creationTimestamp', 'namespace'][Math.floor(rand() * 5)];
      md[mk] = mk === 'annotations' || mk === 'labels' ? mutateStringMap(md[mk], rand) : WEIRD[Math.floor(rand() * WEIRD.length)];
      if (mk === 'namespace' && typeof md.namespace !== 'string') delete md.namespace;
      copy.metadata = md;
    } else if (rand() < 0.1) {
      delete copy[k];
    } else {
      copy[k] = mutate(copy[k], rand, depth + 1);
    }
    return copy;
  }
  return WEIRD[Math.floor(rand() * WEIRD.length)];
}

// Annotation values are always strings (the loader normalizes them), but any string may appear.
function mutateStringMap(m: unknown, rand: () => number): Record<string, string> {
  const copy: Record<string, string> = { ...((m as Record<string, string>) ?? {}) };
  const keys = Object.keys(copy);
  const values = ['', ',', ' , ', 'true', 'TRUE', '-5', '99999999999999999999', 'x:y', ':x', 'a,b:c', '~*[', '/~(', 'grpc,foo', '$1\\'];
  const key = keys.length && rand() < 0.7 ? keys[Math.floor(rand() * keys.length)] : `konghq.com/${['plugins', 'protocols', 'methods', 'headers.x', 'rewrite', 'upstream-policy', 'override', 'client-cert', 'tags'][Math.floor(rand() * 9)]}`;
  copy[key] = values[Math.floor(rand() * values.length)];
  return copy;
}

const inputs = [
  ...casesIn(SHARED_GOLDEN_DIR).map((c) => join(SHARED_GOLDEN_DIR, c, 'in.yaml')),
  ...casesIn(OWN_GOLDEN_DIR).map((c) => join(OWN_GOLDEN_DIR, c, 'in.yaml')),
  ...(existsSync('examples') ? readdirSync('examples').filter((f) => f.endsWith('.yaml')).map((f) => join('examples', f)) : []),
];

const flavors = [
  defaultTranslateOptions(),
  defaultTranslateOptions({
    routerFlavor: 'expressions',
    featureGates: parseFeatureGates('KongServiceFacade=true,RewriteURIs=true,CombinedServicesFromDifferentHTTPRoutes=true,SupportRedirectPlugin=true'),
  }),
];

test('mutated inputs translate without throwing, in both router flavors', () => {
  assert.ok(inputs.length > 0, 'no inputs found');
  let runs = 0;
  const crashes = new Map<string, string>();
  for (const [fi, file] of inputs.entries()) {
    const { objects } = loadManifests([file]);
    const rand = rng(1000 + fi);
    for (let round = 0; round < 25; round++) {
      const victims = new Set<number>();
      const n = 1 + Math.floor(rand() * 3);
      for (let j = 0; j < n; j++) victims.add(Math.floor(rand() * objects.length));
      const mutated = objects.map((o, i) => (victims.has(i) ? (mutate(o, rand) as K8sObject) : o));
      for (const options of flavors) {
        try {
          const result = translate(Snapshot.of(mutated), options);
          renderJSON(toDeclarativeConfig(result.state, { expressions: options.routerFlavor === 'expressions' }));
        } catch (err) {
          const which = [...victims].map((i) => JSON.stringify(mutated[i])).join('\n');
          const site = ((err as Error).stack ?? '').split('\n').slice(0, 3).join(' | ');
          if (!crashes.has(site)) crashes.set(site, `${file} round ${round} (${options.routerFlavor})\n${which}`);
        }
        runs++;
      }
    }
  }
  assert.deepEqual([...crashes].map(([site, where]) => `${site}\n  ${where}`), []);
  assert.ok(runs >= inputs.length * 50);
});
