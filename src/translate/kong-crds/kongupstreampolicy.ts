import type { JsonObject, KongService, KongUpstream } from '../../kongstate/types.js';
import type { KongUpstreamHash, KongUpstreamHealthcheckSide, KongUpstreamPolicySpec } from '../../model/kong-crds.js';
import type { TranslateContext } from '../context.js';
import { annotationField } from '../failures.js';
import { kongAtLeast } from '../options.js';
import { backingObjects } from './backing-objects.js';
import { ServicesByName } from '../services-by-name.js';

/** The Service (and KongServiceFacade) annotation naming a KongUpstreamPolicy (spec 05 §7.1). */
export const UPSTREAM_POLICY_ANNOTATION = 'konghq.com/upstream-policy';

/**
 * Spec 05 §7: applies the KongUpstreamPolicy of the Services behind each upstream. All those Services must
 * name the same policy (or none); a missing policy, a disagreement or sticky sessions on Kong < 3.11 fail on
 * the Services and leave the upstream unchanged. Runs after KongIngress and host-header (§7.3).
 */
export function applyUpstreamPolicies(ctx: TranslateContext, services: readonly KongService[], upstreams: readonly KongUpstream[]): void {
  const byName = new ServicesByName(services);
  for (let i = 0; i < upstreams.length; i++) { // indexed: see populateServices in ../services.ts
    const upstream = upstreams[i];
    const ks = byName.of(upstream);
    // The merged annotations hold every key of every backing object: without the key, no policy applies.
    if (!ks || ks.meta.annotations[UPSTREAM_POLICY_ANNOTATION] === undefined) continue;
    const objects = backingObjects(ctx, ks);
    const names = objects.map((o) => o.annotations[UPSTREAM_POLICY_ANNOTATION]);
    if (names.every((n) => n === undefined)) continue;
    const refs = objects.map((o) => o.ref);
    const field = annotationField(UPSTREAM_POLICY_ANNOTATION);
    if (new Set(names).size > 1) {
      const list = refs.map((r) => `${r.namespace ?? ''}/${r.name}`).join(', ');
      ctx.fail({ reason: 'ConflictingAnnotations', objects: refs, field, message: `inconsistent KongUpstreamPolicy configuration for services ${list}` });
      continue;
    }
    const name = names[0] ?? '';
    const ns = objects[0].namespace;
    const policy = ctx.snapshot.get('KongUpstreamPolicy', ns, name);
    if (!policy) {
      ctx.fail({ reason: 'ObjectNotFound', objects: refs, field, message: `failed fetching KongUpstreamPolicy: KongUpstreamPolicy ${ns}/${name} not found` });
      continue;
    }
    const spec = policy.spec ?? {};
    if (spec.algorithm === 'sticky-sessions' && !kongAtLeast(ctx.options.kongVersion, 3, 11)) {
      const v = ctx.options.kongVersion;
      ctx.fail({
        reason: 'UnsupportedByKongVersion',
        objects: refs,
        field,
        message: `KongUpstreamPolicy ${ns}/${name}: algorithm sticky-sessions requires Kong 3.11.0 or later (Kong is ${v.major}.${v.minor}.${v.patch})`,
      });
      continue;
    }
    applyPolicy(upstream, spec);
  }
}

/** Spec 05 §7.2: only the fields the policy sets override the upstream's. */
export function applyPolicy(u: KongUpstream, spec: KongUpstreamPolicySpec): void {
  if (spec.algorithm) u.algorithm = spec.algorithm;
  if (typeof spec.slots === 'number') u.slots = spec.slots;
  if (spec.hashOn) {
    const h = hashFields(spec.hashOn);
    if (h.on) u.hash_on = h.on;
    if (spec.hashOn.header) u.hash_on_header = spec.hashOn.header;
    if (spec.hashOn.cookie) u.hash_on_cookie = spec.hashOn.cookie;
    if (spec.hashOn.cookiePath) u.hash_on_cookie_path = spec.hashOn.cookiePath;
    if (spec.hashOn.queryArg) u.hash_on_query_arg = spec.hashOn.queryArg;
    if (spec.hashOn.uriCapture) u.hash_on_uri_capture = spec.hashOn.uriCapture;
  }
  if (spec.hashOnFallback) {
    const f = spec.hashOnFallback;
    const h = hashFields(f);
    if (h.on) u.hash_fallback = h.on;
    if (f.header) u.hash_fallback_header = f.header;
    if (f.queryArg) u.hash_fallback_query_arg = f.queryArg;
    if (f.uriCapture) u.hash_fallback_uri_capture = f.uriCapture;
    // The CRD forbids a fallback cookie; KIC would still fill the cookie fields hashOn left empty.
    if (f.cookie && !spec.hashOn?.cookie) u.hash_on_cookie = f.cookie;
    if (f.cookiePath && !spec.hashOn?.cookiePath) u.hash_on_cookie_path = f.cookiePath;
  }
  if (spec.stickySessions?.cookie) u.sticky_sessions_cookie = spec.stickySessions.cookie;
  if (spec.stickySessions?.cookiePath) u.sticky_sessions_cookie_path = spec.stickySessions.cookiePath;
  if (spec.healthchecks) u.healthchecks = healthchecks(spec.healthchecks);
}

function hashFields(h: KongUpstreamHash): { on?: string } {
  if (h.input) return { on: h.input };
  if (h.header) return { on: 'header' };
  if (h.cookie) return { on: 'cookie' };
  if (h.queryArg) return { on: 'query_arg' };
  if (h.uriCapture) return { on: 'uri_capture' };
  return {};
}

// Only the fields set in the policy appear: no Kong defaults (spec 05 §7.2).
function healthchecks(hc: NonNullable<KongUpstreamPolicySpec['healthchecks']>): JsonObject {
  const out: JsonObject = {};
  if (typeof hc.threshold === 'number') out.threshold = hc.threshold;
  if (hc.active) out.active = side(hc.active, true);
  if (hc.passive) out.passive = side(hc.passive, false);
  return out;
}

function side(s: KongUpstreamHealthcheckSide, active: boolean): JsonObject {
  const out: JsonObject = {};
  put(out, 'type', s.type);
  if (active) {
    put(out, 'concurrency', s.concurrency);
    put(out, 'http_path', s.httpPath);
    put(out, 'https_sni', s.httpsSni);
    put(out, 'https_verify_certificate', s.httpsVerifyCertificate);
    put(out, 'timeout', s.timeout);
    if (s.headers) out.headers = Object.fromEntries(Object.entries(s.headers).map(([k, v]) => [k, [...v]]));
  }
  if (s.healthy) {
    const h: JsonObject = {};
    if (s.healthy.httpStatuses) h.http_statuses = [...s.healthy.httpStatuses];
    put(h, 'interval', s.healthy.interval);
    put(h, 'successes', s.healthy.successes);
    out.healthy = h;
  }
  if (s.unhealthy) {
    const h: JsonObject = {};
    put(h, 'http_failures', s.unhealthy.httpFailures);
    if (s.unhealthy.httpStatuses) h.http_statuses = [...s.unhealthy.httpStatuses];
    put(h, 'tcp_failures', s.unhealthy.tcpFailures);
    put(h, 'timeouts', s.unhealthy.timeouts);
    put(h, 'interval', s.unhealthy.interval);
    out.unhealthy = h;
  }
  return out;
}

function put(o: JsonObject, key: string, v: string | number | boolean | undefined): void {
  if (v !== undefined && v !== null) o[key] = v;
}
