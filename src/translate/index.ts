import { emptyKongState, type KongState } from '../kongstate/types.js';
import type { ObjectRef } from '../model/object-ref.js';
import type { Snapshot } from '../store/snapshot.js';
import { buildCertificates } from './certificates.js';
import { createContext } from './context.js';
import type { TranslationFailure, TranslationWarning } from './failures.js';
import { fillIds } from './fill-ids.js';
import { collectIngressRules } from './ingress/ingress.js';
import type { TranslateOptions } from './options.js';
import { IngressRules } from './rules.js';
import { populateServices } from './services.js';
import { buildUpstreams } from './upstreams.js';

/** What one translation produced. */
export type TranslateResult = {
  readonly state: KongState;
  readonly failures: readonly TranslationFailure[];
  readonly warnings: readonly TranslationWarning[];
  /** objects that produced configuration */
  readonly configured: readonly ObjectRef[];
};

/**
 * Kubernetes objects in, Kong state out (spec 01 §1). Pure: the same snapshot and options give the same
 * result. The stages run in KIC's order, which matters where noted.
 */
export function translate(snapshot: Snapshot, options: TranslateOptions): TranslateResult {
  const { ctx, records } = createContext(snapshot, options);
  const rules = new IngressRules();

  // 1. Route sources in KIC's order; a later source's service of the same name replaces an earlier one.
  collectIngressRules(ctx, rules);

  const services = [...rules.services.values()];
  // 2. Resolve backing Services, merge their annotations, compute tags.
  populateServices(ctx, services);
  // 3. Upstreams come before the skip below: a skipped service still leaves its upstream (spec 01 §7).
  const upstreams = buildUpstreams(ctx, services);
  // 4. Drop services marked skip.
  const kept = services.filter((s) => !s.meta.skip);

  const state: KongState = { ...emptyKongState(), services: kept, upstreams };
  // 7. Certificates after everything that claims TLS hosts or client certificates.
  state.certificates = buildCertificates(ctx, rules);

  // 9. Ids last, once every name is final.
  if (options.featureGates.FillIDs) fillIds(state);
  return { state, failures: records.failures, warnings: records.warnings, configured: [...records.configured.values()] };
}
