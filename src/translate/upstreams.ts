import type { KongService, KongTarget, KongUpstream } from '../kongstate/types.js';
import type { Service, ServicePort } from '../model/core.js';
import { refOf } from '../model/object-ref.js';
import type { TranslateContext } from './context.js';
import { resolveServicePort } from './ports.js';
import { resolveBackend } from './services.js';
import { exact, flat, keptCopy } from './compact.js';

const SERVICE_UPSTREAM_ANNOTATION = 'ingress.kubernetes.io/service-upstream';

/**
 * Spec 01 §8: one upstream per distinct Kong service host, with the targets of every backend. Also sets
 * each Kong service's `port` to the resolved Service port.
 */
export function buildUpstreams(ctx: TranslateContext, services: readonly KongService[]): KongUpstream[] {
  const byName = new Map<string, KongUpstream>();
  const serviceUpstream = serviceUpstreamForClass(ctx);
  for (let i = 0; i < services.length; i++) addUpstream(ctx, services[i], byName, serviceUpstream); // indexed: see populateServices
  return [...byName.values()];
}

// One Kong service's port and, for the first service with its host, its upstream (a function per service:
// see collectIngress in ingress/ingress.ts).
function addUpstream(ctx: TranslateContext, ks: KongService, byName: Map<string, KongUpstream>, serviceUpstream: boolean): void {
  const perBackend: KongTarget[][] = [];
  for (const backend of ks.meta.backends) {
    const resolved = resolveBackend(ctx, backend);
    if (!resolved) continue; // already a failure from populateServices
    const port = resolveServicePort(resolved.service, backend.port);
    if ('error' in port) {
      ctx.fail({
        reason: 'PortNotFound',
        objects: [ks.meta.parent, refOf(resolved.service)],
        message: `port ${describePort(backend.port)} of Service ${backend.namespace}/${resolved.service.metadata.name}: ${port.error}`,
      });
      continue;
    }
    ks.port = port.port.port;
    perBackend.push(weighted(backendTargets(ctx, resolved.service, port.port, serviceUpstream), backend.weight));
  }
  if (byName.has(ks.host)) return; // the first Kong service with this host defines the upstream
  // One backend's targets are unique already (backendTargets); several backends' may repeat an address.
  const targets = perBackend.length === 1 ? perBackend[0] : mergeTargets(perBackend.flat());
  byName.set(ks.host, { name: ks.host, tags: ks.tags, targets, meta: { service: ks.name, kongService: ks } });
}

function describePort(p: KongService['meta']['backends'][number]['port']): string {
  return p.kind === 'number' ? String(p.number) : p.kind === 'name' ? `"${p.name}"` : p.kind === 'unset' ? '(none)' : '(implicit)';
}

/**
 * Spec 03 §3.4: a Gateway API backend weight is split evenly (integer division) over the backend's
 * non-terminating targets, at least 1 each unless the weight is 0. No weight leaves targets as they are
 * (the same list).
 */
export function weighted(targets: KongTarget[], weight: number | undefined): KongTarget[] {
  if (weight === undefined) return targets;
  const live = targets.filter((t) => t.weight !== 0).length;
  const each = weight === 0 ? 0 : Math.max(1, Math.floor(weight / Math.max(live, 1)));
  return targets.map((t) => (t.weight === 0 ? t : { ...t, weight: each }));
}

// Spec 01 §8.2: service-upstream, ExternalName, then EndpointSlices.
function backendTargets(ctx: TranslateContext, svc: Service, port: ServicePort, classServiceUpstream: boolean): KongTarget[] {
  const ns = svc.metadata.namespace ?? '';
  if (classServiceUpstream || svc.metadata.annotations?.[SERVICE_UPSTREAM_ANNOTATION] === 'true') {
    const domain = ctx.options.clusterDomain ? `.${ctx.options.clusterDomain}` : '';
    return [{ target: `${svc.metadata.name}.${ns}.svc${domain}:${port.port}` }];
  }
  if (svc.spec?.type === 'ExternalName') {
    return [{ target: `${svc.spec.externalName ?? ''}:${String(port.targetPort ?? port.port)}` }];
  }
  const servicePorts = svc.spec?.ports ?? [];
  // Gathered in a scratch list and copied out at their exact size: a list grown by push from [] keeps 17
  // slots, and the targets are kept with the upstream.
  const out = scratchTargets;
  out.length = 0;
  let seen: Set<string> | undefined; // made only once there are too many targets to compare one by one
  // Indexed loops: for-of made an iterator result per item here (1.4 MB per 10k translation, measured).
  const slices = ctx.snapshot.endpointSlicesFor(ns, svc.metadata.name);
  for (let si = 0; si < slices.length; si++) {
    const slice = slices[si];
    const slicePorts = slice.ports ?? NO_ITEMS;
    const endpoints = slice.endpoints ?? NO_ITEMS;
    for (let pi = 0; pi < slicePorts.length; pi++) {
      const sp = slicePorts[pi];
      if (sp.port === undefined || sp.port === null || sp.port < 0) continue;
      const protocol = sp.protocol ?? 'TCP';
      if (protocol !== 'TCP' && !servicePorts.some((p) => (p.protocol ?? 'TCP') === protocol)) continue;
      if ((sp.name ?? '') !== (port.name ?? '')) continue;
      for (let ei = 0; ei < endpoints.length; ei++) {
        const ep = endpoints[ei];
        const address = ep.addresses?.[0];
        if (!address) continue;
        const ready = ep.conditions?.ready !== false;
        const terminating = ep.conditions?.terminating === true;
        if (!ready && !(ctx.options.enableDrainSupport && terminating)) continue;
        const host = address.includes(':') ? `[${address}]` : address;
        const target = flat(`${host}:${sp.port}`);
        if (out.length > MAX_SCANNED_TARGETS) {
          seen ??= new Set(out.map((t) => t.target));
          if (seen.has(target)) continue;
          seen.add(target);
        } else if (out.some((t) => t.target === target)) continue;
        out.push(ready ? { target } : { target, weight: 0 });
      }
    }
  }
  const targets = keptCopy(out);
  out.length = 0;
  return targets;
}

const scratchTargets: KongTarget[] = [];
const NO_ITEMS: readonly never[] = [];
// A Service has a handful of endpoints: they are compared one by one, and a set is made past this many.
const MAX_SCANNED_TARGETS = 16;

// Targets with the same address are merged; weights add up, an unset weight counting 100 (spec 01 §8).
// The targets are this service's own (made by backendTargets/weighted), so they are kept, not copied; a
// list without repeats is kept as it is.
function mergeTargets(targets: KongTarget[]): KongTarget[] {
  if (!hasRepeatedTarget(targets)) return targets;
  const byTarget = new Map<string, KongTarget[]>();
  for (const t of targets) {
    const list = byTarget.get(t.target);
    if (list) list.push(t);
    else byTarget.set(t.target, [t]);
  }
  const out: KongTarget[] = [];
  for (const [target, list] of byTarget) {
    if (list.length === 1) out.push(list[0]);
    else out.push({ target, weight: list.reduce((sum, t) => sum + (t.weight ?? 100), 0) });
  }
  return exact(out);
}

function hasRepeatedTarget(targets: readonly KongTarget[]): boolean {
  const n = targets.length;
  if (n > MAX_SCANNED_TARGETS) return new Set(targets.map((t) => t.target)).size < n;
  for (let i = 1; i < n; i++) for (let j = 0; j < i; j++) if (targets[i].target === targets[j].target) return true;
  return false;
}

// Spec 02 §1.1: IngressClassParameters serviceUpstream applies to every Service.
function serviceUpstreamForClass(ctx: TranslateContext): boolean {
  return ingressClassParameters(ctx)?.serviceUpstream === true;
}

/** The IngressClassParameters spec of the controller's IngressClass, when it is set up fully (spec 02 §1.1). */
export function ingressClassParameters(ctx: TranslateContext): { enableLegacyRegexDetection?: boolean; serviceUpstream?: boolean } | undefined {
  const cls = ctx.snapshot.get('IngressClass', undefined, ctx.options.ingressClass);
  const p = cls?.spec?.parameters;
  if (!p || p.apiGroup !== 'configuration.konghq.com' || p.kind !== 'IngressClassParameters') return undefined;
  if (!p.scope || !p.namespace || !p.name) return undefined;
  return ctx.snapshot.get('IngressClassParameters', p.namespace, p.name)?.spec;
}
