import type { KongRoute, KongService, KongState } from '../../kongstate/types.js';
import { keepShape } from '../../runtime/keep-shape.js';
import type { K8sObject } from '../../model/meta.js';
import { refKey, type ObjectRef } from '../../model/object-ref.js';
import type { TranslateContext } from '../context.js';
import { annotationField } from '../failures.js';
import { isReferenceGranted } from '../reference-grants.js';
import { annotated, backingObjects, sourceObject, type AnnotatedObject } from './backing-objects.js';

/** The annotation that attaches KongPlugins/KongClusterPlugins (spec 05 §2.3). */
export const PLUGINS_ANNOTATION = 'konghq.com/plugins';

const KONG_GROUP = 'configuration.konghq.com';

/** One item of a `konghq.com/plugins` annotation. */
export type PluginReference = { readonly namespace: string; readonly name: string; readonly explicit: boolean };

/**
 * Spec 05 §2.3: comma-separated, trimmed, empties skipped; `ns:name` (split at the first `:`) names another
 * namespace; items with `:` first or last are skipped; duplicates are kept.
 */
export function parsePluginsAnnotation(value: string | undefined, referrerNamespace: string): PluginReference[] {
  const out: PluginReference[] = [];
  for (const raw of (value ?? '').split(',')) {
    const item = raw.trim();
    if (!item) continue;
    const colon = item.indexOf(':');
    if (colon < 0) {
      out.push({ namespace: referrerNamespace, name: item, explicit: false });
      continue;
    }
    if (colon === 0 || item.endsWith(':')) continue;
    out.push({ namespace: item.slice(0, colon), name: item.slice(colon + 1), explicit: true });
  }
  return out;
}

/** A route a plugin attaches to, with the Kong service that owns it. */
export type RouteAttachment = { readonly route: string; readonly service: string };

/** Every relation of one plugin key `<namespace>:<name>`, in discovery order (spec 05 §2.5). */
export type PluginRelations = {
  readonly namespace: string;
  readonly name: string;
  readonly consumers: string[];
  readonly groups: string[];
  readonly services: string[];
  readonly routes: RouteAttachment[];
  /** objects whose annotation names this key, for "does not exist" failures */
  readonly referrers: ObjectRef[];
};

/** Relations by plugin key, in first-seen order. */
export type PluginRelationMap = Map<string, PluginRelations>;

type Relation = { readonly kind: 'service'; readonly service: string }
  | { readonly kind: 'route'; readonly route: RouteAttachment }
  | { readonly kind: 'consumer'; readonly consumer: string }
  | { readonly kind: 'group'; readonly group: string };

/**
 * Spec 05 §2.3: the relations of every translated Kong service (via its backing Services), route (via its
 * source object), consumer and consumer group. Cross-namespace references need a ReferenceGrant.
 */
export function collectPluginRelations(
  ctx: TranslateContext,
  state: Pick<KongState, 'services' | 'consumers' | 'consumerGroups'>,
): PluginRelationMap {
  const relations = new RelationCollector();
  const sources = new RouteSources();
  const services = state.services;
  for (let i = 0; i < services.length; i++) collectServiceRelations(ctx, services[i], relations, sources); // indexed: see populateServices
  for (const c of state.consumers) {
    const src = sourceObject(ctx, c.meta.source);
    const id = c.username || c.custom_id;
    if (id) relations.add(ctx, src && annotated(src), { kind: 'consumer', consumer: id });
  }
  for (const g of state.consumerGroups) {
    const src = sourceObject(ctx, g.meta.source);
    relations.add(ctx, src && annotated(src), { kind: 'group', group: g.name });
  }
  return relations.map;
}

// The relations of one Kong service and its routes. Only objects with the annotation (or filter plugins)
// relate to plugins; most have none, so look first. (A function per service: see collectIngress in
// ../ingress/ingress.ts.)
function collectServiceRelations(ctx: TranslateContext, ks: KongService, relations: RelationCollector, sources: RouteSources): void {
  if (ks.meta.annotations[PLUGINS_ANNOTATION] !== undefined) {
    for (const obj of backingObjects(ctx, ks)) {
      if (obj.annotations[PLUGINS_ANNOTATION] !== undefined) relations.add(ctx, obj, { kind: 'service', service: ks.name });
    }
  }
  for (const route of ks.routes) {
    const src = sources.of(ctx, route);
    if (!src) continue;
    if (!sources.lastHasPlugins && !route.meta.pluginNames?.length) continue;
    relations.add(ctx, withFilterPlugins(annotated(src), route.meta.pluginNames), { kind: 'route', route: { route: route.name, service: ks.name } });
  }
}

/** The source objects of routes, looked up once per run of routes with the same source (they share it, and often follow each other). */
class RouteSources {
  private lastRef: ObjectRef | undefined;
  private lastSrc: K8sObject | undefined;
  /** whether the last source has the konghq.com/plugins annotation */
  lastHasPlugins = false;

  of(ctx: TranslateContext, route: KongRoute): K8sObject | undefined {
    if (route.meta.source !== this.lastRef) {
      this.lastRef = route.meta.source;
      this.lastSrc = route.meta.sourceObject ?? sourceObject(ctx, this.lastRef);
      this.lastHasPlugins = this.lastSrc?.metadata.annotations?.[PLUGINS_ANNOTATION] !== undefined;
    }
    return this.lastSrc;
  }
}

/** Relations by plugin key, with each plugin's referrers listed once. */
class RelationCollector {
  readonly map: PluginRelationMap = new Map();
  // Referrers already listed per plugin key: a scan of the list per relation is quadratic when one plugin
  // is named by thousands of objects (one big namespace).
  private readonly listed = new Map<string, Set<string>>();

  add(ctx: TranslateContext, referrer: AnnotatedObject | undefined, rel: Relation): void {
    if (!referrer) return;
    for (const ref of parsePluginsAnnotation(referrer.annotations[PLUGINS_ANNOTATION], referrer.namespace)) {
      if (ref.explicit && !isGranted(ctx, referrer, ref)) continue;
      const key = `${ref.namespace}:${ref.name}`;
      let entry = this.map.get(key);
      if (!entry) {
        entry = { namespace: ref.namespace, name: ref.name, consumers: [], groups: [], services: [], routes: [], referrers: [] };
        this.map.set(key, entry);
      }
      let seen = this.listed.get(key);
      if (!seen) this.listed.set(key, (seen = new Set()));
      const referrerKey = refKey(referrer.ref);
      if (!seen.has(referrerKey)) {
        seen.add(referrerKey);
        entry.referrers.push(referrer.ref);
      }
      if (rel.kind === 'service') entry.services.push(rel.service);
      else if (rel.kind === 'route') entry.routes.push(rel.route);
      else if (rel.kind === 'consumer') entry.consumers.push(rel.consumer);
      else entry.groups.push(rel.group);
    }
  }
}

keepShape(new RouteSources());
keepShape(new RelationCollector());

// Spec 03 §4.8: HTTPRoute ExtensionRef plugins are appended to the route's effective annotation.
function withFilterPlugins(obj: AnnotatedObject, names: readonly string[] | undefined): AnnotatedObject {
  if (!names || names.length === 0) return obj;
  const own = obj.annotations[PLUGINS_ANNOTATION];
  const value = own ? `${own},${names.join(',')}` : names.join(',');
  return { ...obj, annotations: { ...obj.annotations, [PLUGINS_ANNOTATION]: value } };
}

// Spec 05 §2.3: `ns:name` is honoured only with a grant, even when ns is the referrer's own namespace.
function isGranted(ctx: TranslateContext, referrer: AnnotatedObject, ref: PluginReference): boolean {
  const ok = isReferenceGranted(
    ctx.snapshot,
    { group: referrer.ref.group, kind: referrer.ref.kind, namespace: referrer.namespace },
    { group: KONG_GROUP, kind: 'KongPlugin', namespace: ref.namespace, name: ref.name },
  );
  if (!ok) {
    ctx.fail({
      reason: 'ReferenceNotPermitted',
      objects: [referrer.ref],
      field: annotationField(PLUGINS_ANNOTATION),
      message: `no grant found to referenced "${ref.namespace}:${ref.name}" plugin in the requested remote KongPlugin bind`,
    });
  }
  return ok;
}
