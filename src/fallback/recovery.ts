import type { FallbackSettings } from './backfill.js';
import type { BrokenObject, KongErrorsResult } from './kong-errors.js';

/** What to do after Kong rejected a configuration (spec 06 §6.2). */
export type RecoveryPlan =
  | { readonly kind: 'fallback'; readonly broken: readonly BrokenObject[] }
  | { readonly kind: 'last-valid-state'; readonly why: string }
  | { readonly kind: 'none'; readonly why: string };

/**
 * Spec 06 §6.2 and §2.3 rule 1: build a fallback when it is enabled and Kong's error names at least one
 * object; otherwise push the last valid Kong state when one is known. A body that could not be parsed
 * stops here: the update fails and is retried later. If building or pushing the fallback then fails, the
 * caller goes on to the last valid Kong state (§6.3).
 */
export function planRecovery(errors: KongErrorsResult, settings: FallbackSettings, hasLastValidState: boolean): RecoveryPlan {
  if (errors.kind === 'unparseable') {
    return { kind: 'none', why: `Kong's error response could not be parsed (${errors.path || 'body'}: ${errors.reason})` };
  }
  if (settings.fallbackConfiguration && errors.broken.length > 0) return { kind: 'fallback', broken: errors.broken };
  const why = settings.fallbackConfiguration
    ? "Kong's error names no Kubernetes object"
    : 'the FallbackConfiguration feature gate is off';
  return hasLastValidState ? { kind: 'last-valid-state', why } : { kind: 'none', why: `${why} and no last valid configuration is known` };
}
