import type { JsonObject, JsonValue, KongService, KongUpstream } from '../kongstate/types.js';
import type { KongIngress } from '../model/kong-crds.js';
import { refOf } from '../model/object-ref.js';
import type { TranslateContext } from './context.js';
import { annotationField } from './failures.js';
import { backingObjects, type AnnotatedObject } from './kong-crds/backing-objects.js';
import { ServicesByName } from './services-by-name.js';

export const OVERRIDE_ANNOTATION = 'konghq.com/override';
export const HOST_HEADER_ANNOTATION = 'konghq.com/host-header';

// Kong services made from these sources ignore KongIngress and host-header (spec 05 §8).
const GATEWAY_API_KINDS = new Set(['HTTPRoute', 'GRPCRoute', 'TCPRoute', 'UDPRoute', 'TLSRoute']);

const STRING_FIELDS = [
  'host_header', 'algorithm', 'hash_on', 'hash_fallback', 'hash_on_header', 'hash_fallback_header', 'hash_on_cookie',
  'hash_on_cookie_path', 'hash_on_query_arg', 'hash_fallback_query_arg', 'hash_on_uri_capture', 'hash_fallback_uri_capture',
] as const;

/**
 * Spec 05 §7.3 step 1 and §8 (spec 02 §10): the KongIngress `upstream` section named by a backing Service's
 * `konghq.com/override`, then each Service's `konghq.com/host-header`. The KongUpstreamPolicy step runs after.
 */
export function applyUpstreamOverrides(ctx: TranslateContext, services: readonly KongService[], upstreams: readonly KongUpstream[]): void {
  const byName = new ServicesByName(services);
  for (let i = 0; i < upstreams.length; i++) { // indexed: see populateServices in services.ts
    const upstream = upstreams[i];
    const ks = byName.of(upstream);
    if (!ks || GATEWAY_API_KINDS.has(ks.meta.sourceKind)) continue;
    // The merged annotations hold every key of every backing object: without either key, nothing applies.
    if (ks.meta.annotations[OVERRIDE_ANNOTATION] === undefined && ks.meta.annotations[HOST_HEADER_ANNOTATION] === undefined) continue;
    const objects = backingObjects(ctx, ks);
    if (!applyKongIngress(ctx, upstream, objects)) continue;
    for (const o of objects) {
      const host = o.annotations[HOST_HEADER_ANNOTATION];
      if (host) upstream.host_header = host;
    }
  }
}

// The first backing Service with konghq.com/override decides; a missing KongIngress fails on all of them
// and skips host-header too (returns false).
function applyKongIngress(ctx: TranslateContext, upstream: KongUpstream, objects: readonly AnnotatedObject[]): boolean {
  const owner = objects.find((o) => o.annotations[OVERRIDE_ANNOTATION]);
  if (!owner) return true;
  const name = owner.annotations[OVERRIDE_ANNOTATION];
  const ki = ctx.snapshot.get('KongIngress', owner.namespace, name);
  if (!ki) {
    ctx.fail({
      reason: 'ObjectNotFound',
      objects: objects.map((o) => o.ref),
      field: annotationField(OVERRIDE_ANNOTATION),
      message: `failed to get KongIngress: KongIngress ${owner.namespace}/${name} not found`,
    });
    return false;
  }
  ctx.configured(refOf(ki));
  copyUpstreamSection(ctx, upstream, ki);
  return true;
}

/** Copies the set fields of a KongIngress `upstream` section; `proxy` and `route` are ignored, as KIC does. */
export function copyUpstreamSection(ctx: TranslateContext, upstream: KongUpstream, ki: KongIngress): void {
  const section: Readonly<Record<string, unknown>> = ki.upstream ?? {};
  const warnType = (field: string, want: string): void =>
    ctx.warn({ objects: [refOf(ki)], field: `upstream.${field}`, message: `upstream.${field} is not ${want}; ignored` });
  for (const field of STRING_FIELDS) {
    const v = section[field];
    if (v === undefined || v === null) continue;
    if (typeof v === 'string') upstream[field] = v;
    else warnType(field, 'a string');
  }
  const slots = section.slots;
  if (slots !== undefined && slots !== null) {
    if (typeof slots === 'number' && Number.isInteger(slots)) upstream.slots = slots;
    else warnType('slots', 'an integer');
  }
  const hc = section.healthchecks;
  if (hc !== undefined && hc !== null) {
    if (typeof hc === 'object' && !Array.isArray(hc)) upstream.healthchecks = hc as JsonObject satisfies JsonValue;
    else warnType('healthchecks', 'an object');
  }
  if (ki.proxy !== undefined || ki.route !== undefined) {
    ctx.warn({
      objects: [refOf(ki)],
      message: 'KongIngress proxy and route sections have no effect (only upstream is used, as in KIC); use Service and Ingress annotations',
    });
  }
}
