import type { KongVault } from '../../kongstate/types.js';
import type { KongVault as KongVaultObject } from '../../model/kong-crds.js';
import { refOf } from '../../model/object-ref.js';
import type { TranslateContext } from '../context.js';
import { objectTags } from '../tags.js';
import { forClass } from './class-filter.js';
import { isJsonObject } from './plugin-config.js';
import { creationTime } from '../../model/timestamp.js';

/**
 * Spec 05 §11: KongVaults of this class. One vault per prefix (oldest, then smaller name); the others fail.
 * `spec.config` must be a JSON object.
 */
export function translateVaults(ctx: TranslateContext): KongVault[] {
  const byPrefix = new Map<string, KongVaultObject[]>();
  for (const v of forClass(ctx, ctx.snapshot.list('KongVault'))) {
    const prefix = v.spec?.prefix ?? '';
    byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), v]);
  }
  const out: KongVault[] = [];
  for (const [prefix, list] of byPrefix) {
    const [winner, ...rest] = [...list].sort(compareAge);
    for (const loser of rest) {
      ctx.fail({ reason: 'ConflictingObject', objects: [refOf(loser), refOf(winner)], field: 'spec.prefix', message: `spec.prefix "${prefix}" is duplicate` });
    }
    const config = winner.spec?.config;
    if (config !== undefined && config !== null && !isJsonObject(config)) {
      ctx.fail({
        reason: 'InvalidObject',
        objects: [refOf(winner)],
        field: 'spec.config',
        message: `failed to parse configuration of vault "${winner.metadata.name}" to JSON: not a JSON object`,
      });
      continue;
    }
    const vault: KongVault = { name: winner.spec?.backend ?? '', prefix, tags: objectTags(winner), meta: { source: refOf(winner) } };
    if (isJsonObject(config) && Object.keys(config).length > 0) vault.config = config;
    if (winner.spec?.description) vault.description = winner.spec.description;
    out.push(vault);
    ctx.configured(refOf(winner));
  }
  return out;
}

function compareAge(a: KongVaultObject, b: KongVaultObject): number {
  const ta = creationTime(a);
  const tb = creationTime(b);
  if (ta !== tb) return ta - tb;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}
