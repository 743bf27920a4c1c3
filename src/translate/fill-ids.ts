import type { KongService, KongState } from '../kongstate/types.js';
import { entityId } from './ids.js';

/** Spec 01 §3: deterministic ids for services, routes, consumers, consumer groups, vaults and top-level plugins. */
export function fillIds(state: KongState): void {
  const services = state.services;
  for (let i = 0; i < services.length; i++) fillServiceIds(services[i]); // indexed: see populateServices
  for (const c of state.consumers) {
    if (c.username) c.id ??= entityId('consumers', c.username);
    for (const p of c.plugins ?? []) p.id ??= entityId('plugins', pluginIdKey(p));
  }
  for (const g of state.consumerGroups) g.id ??= entityId('consumergroups', g.name);
  for (const v of state.vaults) if (v.prefix) v.id ??= entityId('vaults', v.prefix);
  for (const p of state.plugins) p.id ??= entityId('plugins', pluginIdKey(p));
}

// A function per service: see collectIngress in ingress/ingress.ts.
function fillServiceIds(s: KongService): void {
  s.id ??= entityId('services', s.name);
  for (const r of s.routes) r.id ??= entityId('routes', r.name);
}

/** Spec 01 §3.2: name, then :service/, :route/, :consumer/, :consumer_group/ segments. */
export function pluginIdKey(p: { name: string; service?: string; route?: string; consumer?: string; consumer_group?: string }): string {
  let key = p.name;
  if (p.service) key += `:service/${p.service}`;
  if (p.route) key += `:route/${p.route}`;
  if (p.consumer) key += `:consumer/${p.consumer}`;
  if (p.consumer_group) key += `:consumer_group/${p.consumer_group}`;
  return key;
}
