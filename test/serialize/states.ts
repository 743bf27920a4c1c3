// Hand-built Kong states for the serializer tests: each builder fills the required fields, `extra`/`fields` the rest.
import {
  emptyKongState, type JsonObject, type KongConsumer, type KongCustomEntityRecord, type KongPluginEntity, type KongRoute, type KongService,
  type KongState, type KongUpstream,
} from '../../src/kongstate/types.js';

export const SRC = { group: 'networking.k8s.io', kind: 'Ingress', namespace: 'ns', name: 'i' };

export const route = (name: string, extra: Partial<KongRoute> = {}): KongRoute => ({ name, tags: [], meta: { source: SRC }, ...extra });
export const service = (name: string, routes: KongRoute[] = [], extra: Partial<KongService> = {}): KongService => ({
  name, host: `${name}.svc`, tags: [], routes, meta: { backends: [], parent: SRC, k8sServices: [], annotations: {}, sourceKind: 'Ingress' }, ...extra,
});
export const upstream = (name: string, fields: Partial<KongUpstream> = {}): KongUpstream => ({ name, targets: [], meta: { service: 's' }, ...fields });
export const plugin = (name: string, fields: Partial<KongPluginEntity> = {}): KongPluginEntity => ({ name, tags: [], meta: { source: SRC }, ...fields });
export const consumer = (fields: Partial<KongConsumer>): KongConsumer => ({ tags: [], meta: { source: SRC }, ...fields });
export const custom = (type: string, fields: JsonObject, sortKey: string): KongCustomEntityRecord => ({ type, fields, meta: { source: SRC, sortKey } });

/** An empty state, filled by `fill`. */
export function state(fill: (s: KongState) => void): KongState {
  const s = emptyKongState();
  fill(s);
  return s;
}

/** Sets a field to a value its type does not allow (null, a list with nulls...), as untyped input could. */
export function setUntyped(obj: object, key: string, value: unknown): void {
  (obj as Record<string, unknown>)[key] = value;
}
