import type { K8sObject } from '../../model/meta.js';
import type { Snapshot } from '../../store/snapshot.js';
import { pluginsOf } from './plugins.js';
import { asArray, asString, at, type Dependency } from './read.js';

/**
 * HTTPRoute, GRPCRoute, TCPRoute, UDPRoute, TLSRoute (spec 06 §3.2): the Services of backendRefs whose
 * `kind` is explicitly `Service` in the core group, and the route's plugins. A backendRef without `kind`
 * gives no edge; Gateways and ReferenceGrants are not dependencies.
 */
export function gatewayRouteDependencies(obj: K8sObject, snapshot: Snapshot): Dependency[] {
  const out: Dependency[] = [];
  for (const [r, rule] of asArray(at(obj, 'spec', 'rules')).entries()) {
    for (const [b, ref] of asArray(at(rule, 'backendRefs')).entries()) {
      const group = at(ref, 'group');
      if (at(ref, 'kind') !== 'Service' || (group !== undefined && group !== '' && group !== 'core')) continue;
      const name = asString(at(ref, 'name'));
      const namespace = asString(at(ref, 'namespace')) ?? obj.metadata.namespace;
      const service = name ? snapshot.get('Service', namespace, name) : undefined;
      if (service) out.push({ object: service, via: `spec.rules[${r}].backendRefs[${b}]` });
    }
  }
  out.push(...pluginsOf(obj, snapshot));
  return out;
}
