import type { ObjectRef } from '../model/object-ref.js';
import type { Snapshot } from '../store/snapshot.js';
import { translate, type TranslateResult } from '../translate/index.js';
import type { TranslateOptions } from '../translate/options.js';

/**
 * Translates as if Kong had rejected the entities generated from `rejected` (spec 06 §7): the fallback
 * configuration, and one line per excluded object saying why.
 */
export function translateWithFallback(
  snapshot: Snapshot,
  options: TranslateOptions,
  rejected: readonly ObjectRef[],
): { result: TranslateResult; excluded: string[] } {
  if (rejected.length === 0) return { result: translate(snapshot, options), excluded: [] };
  // TODO(#6): dependency graph and exclusion.
  return { result: translate(snapshot.without(rejected), options), excluded: [] };
}
