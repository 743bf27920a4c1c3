import type { KongCustomEntityRecord } from '../../kongstate/types.js';
import type { KongCustomEntity } from '../../model/kong-crds.js';
import { refOf } from '../../model/object-ref.js';
import type { TranslateContext } from '../context.js';
import { entityId } from '../ids.js';
import { isReferenceGranted } from '../reference-grants.js';
import { isForClass } from './class-filter.js';
import { isJsonObject } from './plugin-config.js';
import type { PluginRelationMap } from './plugin-attachment.js';

const KONG_GROUP = 'configuration.konghq.com';

/** Spec 05 §10.3 step 1: entity types the translator owns; custom entities may not use them. */
const KNOWN_ENTITY_TYPES = new Set(['services', 'routes', 'upstreams', 'targets', 'consumers', 'consumer_groups', 'plugins']);

type ForeignType = 'services' | 'routes' | 'consumers';
type ForeignField = { readonly field: string; readonly references: ForeignType };

/**
 * The foreign fields of custom entity schemas. Offline there is no Kong to ask: spec 01 §12.1 knows one
 * schema, `degraphql_routes` with `service` -> services; every other type has no foreign field.
 */
const FOREIGN_FIELDS: Readonly<Record<string, readonly ForeignField[]>> = {
  degraphql_routes: [{ field: 'service', references: 'services' }],
};

/**
 * Spec 05 §10: KongCustomEntities of this controller (by `spec.controllerName`), one output object per
 * combination of the entities their parent plugin attaches to. `relations` are the plugin relations of §2.3.
 */
export function translateCustomEntities(ctx: TranslateContext, relations: PluginRelationMap): KongCustomEntityRecord[] {
  const out: KongCustomEntityRecord[] = [];
  for (const ce of ctx.snapshot.list('KongCustomEntity')) {
    if (!isForClass(ctx, ce.spec?.controllerName)) continue;
    out.push(...translateCustomEntity(ctx, ce, relations));
  }
  return out;
}

function translateCustomEntity(ctx: TranslateContext, ce: KongCustomEntity, relations: PluginRelationMap): KongCustomEntityRecord[] {
  const ref = refOf(ce);
  const type = ce.spec?.type ?? '';
  if (!type) {
    ctx.fail({ reason: 'InvalidObject', objects: [ref], field: 'spec.type', message: 'spec.type is empty' });
    return [];
  }
  if (KNOWN_ENTITY_TYPES.has(type)) {
    ctx.fail({ reason: 'InvalidObject', objects: [ref], field: 'spec.type', message: `cannot use known entity type ${type} in custom entity` });
    return [];
  }
  const fields = ce.spec?.fields ?? {};
  if (!isJsonObject(fields)) {
    ctx.fail({ reason: 'InvalidObject', objects: [ref], field: 'spec.fields', message: 'spec.fields must be a JSON object' });
    return [];
  }
  const ns = ce.metadata.namespace ?? '';
  const foreign = FOREIGN_FIELDS[type] ?? [];
  const combos = foreignCombinations(ctx, ce, relations, foreign);
  if (!combos) return [];
  ctx.configured(ref);
  const records = (combos.length > 0 ? combos : [{}]).map((extra) => {
    const ids = Object.values(extra).map((v) => v.id).join('\u0000');
    return { type, fields: { ...fields, ...extra }, meta: { source: ref, sortKey: `${ns}\u0000${ce.metadata.name}\u0000${ids}` } };
  });
  return records;
}

// Spec 05 §10.3 step 3: undefined means the entity failed; [] means one entity with its fields only.
function foreignCombinations(
  ctx: TranslateContext,
  ce: KongCustomEntity,
  relations: PluginRelationMap,
  foreign: readonly ForeignField[],
): Record<string, { id: string }>[] | undefined {
  const parent = ce.spec?.parentRef;
  if (!parent || parent.group !== KONG_GROUP || (parent.kind !== 'KongPlugin' && parent.kind !== 'KongClusterPlugin')) return [];
  const ref = refOf(ce);
  const ns = ce.metadata.namespace ?? '';
  const pluginNs = parent.namespace || ns;
  const name = parent.name ?? '';
  if (pluginNs !== ns) {
    const granted = isReferenceGranted(
      ctx.snapshot,
      { group: KONG_GROUP, kind: 'KongCustomEntity', namespace: ns },
      { group: KONG_GROUP, kind: parent.kind, namespace: pluginNs, name },
    );
    if (!granted) {
      ctx.fail({ reason: 'ReferenceNotPermitted', objects: [ref], field: 'spec.parentRef', message: `no grant found to referenced ${parent.kind} ${pluginNs}/${name}` });
      return undefined;
    }
  }
  const exists = parent.kind === 'KongPlugin' ? ctx.snapshot.get('KongPlugin', pluginNs, name) : ctx.snapshot.get('KongClusterPlugin', undefined, name);
  if (!exists) {
    ctx.fail({ reason: 'PluginNotFound', objects: [ref], field: 'spec.parentRef', message: `referenced ${parent.kind} ${parent.kind === 'KongPlugin' ? `${pluginNs}/` : ''}${name} does not exist` });
    return undefined;
  }
  const rel = relations.get(`${pluginNs}:${name}`);
  if (!rel || foreign.length === 0) return [];

  const fieldOf = (t: ForeignType): string | undefined => foreign.find((f) => f.references === t)?.field;
  const serviceField = fieldOf('services');
  const routeField = fieldOf('routes');
  const consumerField = fieldOf('consumers');
  // Services: those attached directly, else the owners of the attached routes.
  const serviceNames = rel.services.length > 0 ? rel.services : [...new Set(rel.routes.map((r) => r.service))];
  const services = serviceField ? serviceNames.map((s) => ({ [serviceField]: { id: entityId('services', s) } })) : [];
  const routes = routeField ? rel.routes.map((r) => ({ [routeField]: { id: entityId('routes', r.route) } })) : [];
  const scoped = [...services, ...routes];
  if (consumerField && rel.consumers.length > 0) {
    return rel.consumers.flatMap((c) => {
      const consumer = { [consumerField]: { id: entityId('consumers', c) } };
      return scoped.length > 0 ? scoped.map((s) => ({ ...consumer, ...s })) : [consumer];
    });
  }
  return scoped;
}

