import { createHash } from 'node:crypto';
import type { JsonObject, KongPluginEntity } from '../../kongstate/types.js';
import { refOf } from '../../model/object-ref.js';
import type { TranslateContext } from '../context.js';
import { annotationField } from '../failures.js';
import { objectTags } from '../tags.js';
import { isKongObjectForClass } from './class-filter.js';
import { buildPluginConfig, isJsonObject, type PluginObject } from './plugin-config.js';
import { PLUGINS_ANNOTATION, type PluginRelationMap, type PluginRelations } from './plugin-attachment.js';
import { pluginIdKey } from '../fill-ids.js';
import { formatRef, type ObjectRef } from '../../model/object-ref.js';

/** What one plugin instance attaches to (spec 05 §2.5). */
export type PluginTarget = { service?: string; route?: string; consumer?: string; consumer_group?: string };

/** Spec 05 §2.4: KongPlugin `<ns>/<name>`, else KongClusterPlugin `<name>`. */
export function resolvePluginObject(ctx: TranslateContext, namespace: string, name: string): PluginObject | undefined {
  return ctx.snapshot.get('KongPlugin', namespace, name) ?? ctx.snapshot.get('KongClusterPlugin', undefined, name);
}

/**
 * Spec 05 §2.4–§2.8: one top-level plugin per combination of relations. A missing plugin fails on every
 * referrer; a configuration error fails on the plugin object and emits no instance of it.
 */
export function translateAttachedPlugins(ctx: TranslateContext, relations: PluginRelationMap): KongPluginEntity[] {
  const out: KongPluginEntity[] = [];
  const owners = new Map<string, ObjectRef>(); // plugin id key -> the plugin object that produced it
  for (const rel of relations.values()) {
    const obj = resolvePluginObject(ctx, rel.namespace, rel.name);
    if (!obj) {
      for (const referrer of rel.referrers) {
        ctx.fail({
          reason: 'PluginNotFound',
          objects: [referrer],
          field: annotationField(PLUGINS_ANNOTATION),
          message: `referenced KongPlugin or KongClusterPlugin "${rel.name}" does not exist`,
        });
      }
      continue;
    }
    const base = pluginBase(ctx, obj, 'fail');
    if (!base) continue;
    const seenNames = new Set<string>();
    for (const target of combineRelations(rel)) {
      const p: KongPluginEntity = { ...base, ...target, tags: base.tags, meta: { source: refOf(obj) } };
      if (isDuplicateInstance(ctx, owners, p)) continue;
      if (obj.instance_name) p.instance_name = suffixedInstanceName(obj.instance_name, target, seenNames);
      out.push(p);
    }
    ctx.configured(refOf(obj));
  }
  return out;
}

/**
 * Two instances with the same id make Kong reject the whole configuration. KIC emits them anyway (spec 05
 * §2.8); kic-ts drops an exact repeat of the same plugin object's instance (a plugin listed twice, or one
 * Kong service backed by several Services that all list it), and warns when two different plugin objects
 * collide, keeping KIC's output so that Kong's verdict and the fallback decide.
 */
function isDuplicateInstance(ctx: TranslateContext, owners: Map<string, ObjectRef>, p: KongPluginEntity): boolean {
  const key = pluginIdKey(p);
  const owner = owners.get(key);
  if (!owner) {
    owners.set(key, p.meta.source);
    return false;
  }
  const where = p.route ? `route ${p.route}` : p.service ? `service ${p.service}` : p.consumer ? `consumer ${p.consumer}` : `consumer group ${p.consumer_group}`;
  if (owner.kind === p.meta.source.kind && owner.namespace === p.meta.source.namespace && owner.name === p.meta.source.name) {
    ctx.warn({ objects: [p.meta.source], message: `plugin ${p.name} is attached to ${where} more than once: one instance kept` });
    return true;
  }
  ctx.warn({
    objects: [p.meta.source, owner],
    message: `${formatRef(owner)} already attaches a ${p.name} plugin to ${where}: Kong accepts one plugin of a name per entity and will reject this configuration`,
  });
  return false;
}

/** Spec 05 §2.5: consumers × (services, routes), else groups × (services, routes), else services then routes. */
export function combineRelations(rel: Pick<PluginRelations, 'consumers' | 'groups' | 'services' | 'routes'>): PluginTarget[] {
  const scoped = (extra: PluginTarget): PluginTarget[] => {
    if (rel.services.length === 0 && rel.routes.length === 0) return [extra];
    return [...rel.services.map((service) => ({ ...extra, service })), ...rel.routes.map((r) => ({ ...extra, route: r.route }))];
  };
  if (rel.consumers.length > 0) return rel.consumers.flatMap((consumer) => scoped({ consumer }));
  if (rel.groups.length > 0) return rel.groups.flatMap((consumer_group) => scoped({ consumer_group }));
  return scoped({}).filter((t) => t.service !== undefined || t.route !== undefined);
}

/**
 * Spec 05 §2.7: `<instance_name>-<first 9 hex of sha256(H)>`, the full digest when that name was already
 * produced for the same plugin key.
 */
export function suffixedInstanceName(instanceName: string, t: PluginTarget, seen: Set<string>): string {
  let h = '';
  if (t.service) h += `_service-${t.service}`;
  if (t.route) h += `_route-${t.route}`;
  if (t.consumer) h += `_consumer-${t.consumer}`;
  if (t.consumer_group) h += `_group-${t.consumer_group}`;
  const digest = createHash('sha256').update(h).digest('hex');
  let name = `${instanceName}-${digest.slice(0, 9)}`;
  if (seen.has(name)) name = `${instanceName}-${digest}`;
  seen.add(name);
  return name;
}

/**
 * Spec 05 §2.9: KongClusterPlugins labelled `global: "true"` of this class, once each with no parent. Empty
 * plugin names, config errors and plugin names used by several global plugins drop them (KIC only logs this).
 */
export function translateGlobalPlugins(ctx: TranslateContext): KongPluginEntity[] {
  const globals = ctx.snapshot.list('KongClusterPlugin').filter((p) => p.metadata.labels?.global === 'true' && isKongObjectForClass(ctx, p));
  const byName = new Map<string, PluginObject[]>();
  for (const p of globals) {
    if (!p.plugin) {
      ctx.warn({ objects: [refOf(p)], field: 'plugin', message: 'global KongClusterPlugin has no plugin name: ignored' });
      continue;
    }
    byName.set(p.plugin, [...(byName.get(p.plugin) ?? []), p]);
  }
  const out: KongPluginEntity[] = [];
  for (const [name, list] of byName) {
    if (list.length > 1) {
      for (const p of list) {
        ctx.warn({ objects: [refOf(p)], field: 'metadata.labels[global]', message: `several global KongClusterPlugins use plugin ${name}: all of them are ignored` });
      }
      continue;
    }
    const base = pluginBase(ctx, list[0], 'warn');
    if (!base) continue;
    out.push({ ...base, ...(list[0].instance_name ? { instance_name: list[0].instance_name } : {}), meta: { source: refOf(list[0]) } });
    ctx.configured(refOf(list[0]));
  }
  return out;
}

// Spec 05 §2.6: the fields every instance of a plugin object shares.
function pluginBase(ctx: TranslateContext, obj: PluginObject, onError: 'fail' | 'warn'): Omit<KongPluginEntity, 'meta'> | undefined {
  if (!obj.plugin) {
    if (onError === 'fail') ctx.fail({ reason: 'InvalidPlugin', objects: [refOf(obj)], field: 'plugin', message: 'plugin name is empty' });
    return undefined;
  }
  const built = buildPluginConfig(ctx, obj);
  if ('error' in built) {
    if (onError === 'fail') ctx.fail({ ...built.error, objects: [refOf(obj)] });
    else ctx.warn({ objects: [refOf(obj)], field: built.error.field, message: `${built.error.message}: global plugin ignored` });
    return undefined;
  }
  const p: Omit<KongPluginEntity, 'meta'> = { name: obj.plugin, tags: objectTags(obj) };
  if (Object.keys(built.config).length > 0) p.config = built.config;
  if (obj.disabled === true) p.enabled = false;
  if (obj.run_on) p.run_on = obj.run_on;
  if (Array.isArray(obj.protocols) && obj.protocols.length > 0) p.protocols = obj.protocols.map(String);
  if (isJsonObject(obj.ordering)) p.ordering = obj.ordering as JsonObject;
  return p;
}
