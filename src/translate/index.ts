import { emptyKongState, type KongState } from '../kongstate/types.js';
import type { ObjectRef } from '../model/object-ref.js';
import type { Snapshot } from '../store/snapshot.js';
import { applyServiceAnnotations } from './annotations/service-annotations.js';
import { buildCACertificates } from './ca-certificates.js';
import { buildCertificates } from './certificates.js';
import { createContext } from './context.js';
import type { TranslationFailure, TranslationWarning } from './failures.js';
import { fillIds } from './fill-ids.js';
import { collectIngressRules } from './ingress/ingress.js';
import { collectGRPCRouteRules } from './gateway-api/grpcroute.js';
import { collectHTTPRouteRules } from './gateway-api/httproute.js';
import { collectListenerCertificates } from './gateway-api/listener-certificates.js';
import { collectTCPRouteRules } from './gateway-api/tcproute.js';
import { collectTLSRouteRules } from './gateway-api/tlsroute.js';
import { collectUDPRouteRules } from './gateway-api/udproute.js';
import type { TranslateOptions } from './options.js';
import { IngressRules } from './rules.js';
import { populateServices } from './services.js';
import { buildUpstreams } from './upstreams.js';
import { applyUpstreamOverrides } from './upstream-overrides.js';
import { applyUpstreamPolicies } from './kong-crds/kongupstreampolicy.js';
import { collectTCPIngressRules } from './kong-crds/tcpingress.js';
import { collectUDPIngressRules } from './kong-crds/udpingress.js';
import { translateKongEntities } from './kong-crds/kong-entities.js';

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

  // Objects whose shape the API server would have refused are not translated; say so once each.
  for (const bad of snapshot.invalid) {
    ctx.fail({ reason: 'InvalidObject', objects: [bad.ref], field: bad.field, message: `${bad.message}: the object is ignored` });
  }

  // 1. Route sources in KIC's order; a later source's service of the same name replaces an earlier one.
  collectIngressRules(ctx, rules);
  collectTCPIngressRules(ctx, rules);
  collectUDPIngressRules(ctx, rules);
  collectHTTPRouteRules(ctx, rules);
  collectUDPRouteRules(ctx, rules);
  collectTCPRouteRules(ctx, rules);
  collectTLSRouteRules(ctx, rules);
  collectGRPCRouteRules(ctx, rules);
  // Gateway listener certificates claim SNIs after every Ingress-style source (spec 01 §5.4, spec 03 §1.4).
  collectListenerCertificates(ctx, rules);

  const services = [...rules.services.values()];
  // 2. Resolve backing Services, merge their annotations, compute tags.
  const clientCerts = populateServices(ctx, services);
  // 3. Upstreams come before the skip below: a skipped service still leaves its upstream (spec 01 §7).
  const upstreams = buildUpstreams(ctx, services);
  // 4. Drop services marked skip.
  const kept = services.filter((s) => !s.meta.skip);

  // 5. Overrides: Service annotations on Kong services (route annotations were applied at route creation),
  // then upstream overrides in KIC's order: KongIngress and host-header, then KongUpstreamPolicy (spec 05 §7.3).
  applyServiceAnnotations(ctx, kept);
  applyUpstreamOverrides(ctx, services, upstreams);
  applyUpstreamPolicies(ctx, services, upstreams);

  const state: KongState = { ...emptyKongState(), services: kept, upstreams };
  // 6. Consumers and credentials, vaults, consumer groups, plugins, then custom entities (spec 01 §1).
  translateKongEntities(ctx, state);
  // 7. Certificates after everything that claims TLS hosts or client certificates.
  state.certificates = buildCertificates(ctx, rules, clientCerts);
  // 8. CA certificates from labelled Secrets and ConfigMaps (spec 01 §5.5).
  state.caCertificates = buildCACertificates(ctx);

  // 9. Ids last, once every name is final.
  if (options.featureGates.FillIDs) fillIds(state);
  return { state, failures: records.failures, warnings: records.warnings, configured: records.configured.values() };
}
