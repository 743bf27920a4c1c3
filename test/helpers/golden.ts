import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { loadManifests } from '../../src/store/load-manifests.js';
import { Snapshot } from '../../src/store/snapshot.js';
import { defaultTranslateOptions, type TranslateOptions } from '../../src/translate/options.js';
import { toDeclarativeConfig } from '../../src/serialize/declarative.js';
import { translateWithFallback } from '../../src/fallback/assume-rejected.js';
import { formatFailure } from '../../src/translate/failures.js';
import { parseFeatureGates } from '../../src/cli/flags.js';
import type { ObjectRef } from '../../src/model/object-ref.js';
import { KINDS, type KindName } from '../../src/model/kinds.js';

/** The shared conformance cases, when ../shared is beside the repo. */
export const SHARED_GOLDEN_DIR = join(import.meta.dirname, '..', '..', '..', 'shared', 'conformance', 'golden');
/** The project's own golden cases. */
export const OWN_GOLDEN_DIR = join(import.meta.dirname, '..', 'golden');

export type GoldenVariant = { readonly name: string; readonly options: TranslateOptions };

/** `default` plus one variant per `<name>_settings.yaml`. */
export function variantsOf(caseDir: string): GoldenVariant[] {
  const out: GoldenVariant[] = [{ name: 'default', options: defaultTranslateOptions() }];
  for (const f of readdirSync(caseDir).sort()) {
    if (!f.endsWith('_settings.yaml')) continue;
    const settings = (yaml.load(readFileSync(join(caseDir, f), 'utf8')) ?? {}) as { feature_flags?: Record<string, boolean> };
    const flags = settings.feature_flags ?? {};
    const gates = Object.entries(flags)
      .filter(([k]) => k !== 'ExpressionRoutes')
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
    out.push({
      name: f.slice(0, -'_settings.yaml'.length),
      options: defaultTranslateOptions({
        routerFlavor: flags.ExpressionRoutes ? 'expressions' : 'traditional_compatible',
        featureGates: parseFeatureGates(gates),
      }),
    });
  }
  return out;
}

/** Objects annotated test.konghq.com/broken: "true", as the shared runner passes them to --assume-rejected. */
export function brokenObjects(caseDir: string): ObjectRef[] {
  const { objects } = loadManifests([join(caseDir, 'in.yaml')]);
  return objects
    .filter((o) => String(o.metadata.annotations?.['test.konghq.com/broken'] ?? '').toLowerCase() === 'true')
    .map((o) => {
      const info = KINDS[o.kind as KindName];
      return { group: info?.group ?? '', kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name };
    });
}

/** Translates a case's in.yaml with a variant's options; returns the document and the failure lines. */
export function runGoldenCase(caseDir: string, variant: GoldenVariant): { doc: unknown; failures: string[] } {
  const { objects } = loadManifests([join(caseDir, 'in.yaml')]);
  const { result } = translateWithFallback(Snapshot.of(objects), variant.options, brokenObjects(caseDir));
  const doc = toDeclarativeConfig(result.state, { expressions: variant.options.routerFlavor === 'expressions' });
  return { doc: JSON.parse(JSON.stringify(doc)), failures: result.failures.map(formatFailure) };
}

/** The expected document of a variant. */
export function expectedOf(caseDir: string, variant: string): unknown {
  return yaml.load(readFileSync(join(caseDir, `${variant}_golden.yaml`), 'utf8'));
}

/** Lists are compared as sorted multisets and key order is ignored, as the shared runner does. */
export function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = canonical((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

/** Case directories under a folder (those with an in.yaml). */
export function casesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((d) => existsSync(join(dir, d, 'in.yaml')))
    .sort();
}

/** The shared cases that must pass (conformance-required.txt). */
export function requiredSharedCases(): string[] {
  const text = readFileSync(join(import.meta.dirname, '..', '..', 'conformance-required.txt'), 'utf8');
  return text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
}
