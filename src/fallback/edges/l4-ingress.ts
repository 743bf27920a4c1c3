import type { K8sObject } from '../../model/meta.js';
import type { Snapshot } from '../../store/snapshot.js';
import { pluginsOf } from './plugins.js';
import { asArray, asString, at, type Dependency } from './read.js';

/** TCPIngress and UDPIngress (spec 06 §3.2): plugins and the Services of `spec.rules[].backend.serviceName`. */
export function l4IngressDependencies(obj: K8sObject, snapshot: Snapshot): Dependency[] {
  const out = pluginsOf(obj, snapshot);
  for (const [r, rule] of asArray(at(obj, 'spec', 'rules')).entries()) {
    const name = asString(at(rule, 'backend', 'serviceName'));
    const service = name ? snapshot.get('Service', obj.metadata.namespace, name) : undefined;
    if (service) out.push({ object: service, via: `spec.rules[${r}].backend.serviceName` });
  }
  return out;
}
