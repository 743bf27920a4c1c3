import type { K8sObject } from '../../model/meta.js';
import type { Snapshot } from '../../store/snapshot.js';
import { asString, at, type Dependency } from './read.js';

const KONG_GROUP = 'configuration.konghq.com';

/**
 * KongCustomEntity (spec 06 §3.2): its parent plugin from `spec.parentRef`. A KongPlugin parent is looked
 * up in the entity's namespace and a parentRef naming another namespace gives no edge.
 */
export function kongCustomEntityDependencies(obj: K8sObject, snapshot: Snapshot): Dependency[] {
  const ref = at(obj, 'spec', 'parentRef');
  const name = asString(at(ref, 'name'));
  if (!name || at(ref, 'group') !== KONG_GROUP) return [];
  let parent: K8sObject | undefined;
  if (at(ref, 'kind') === 'KongPlugin') {
    const namespace = asString(at(ref, 'namespace'));
    if (namespace === undefined || namespace === obj.metadata.namespace) {
      parent = snapshot.get('KongPlugin', obj.metadata.namespace, name);
    }
  } else if (at(ref, 'kind') === 'KongClusterPlugin') {
    parent = snapshot.get('KongClusterPlugin', undefined, name);
  }
  return parent ? [{ object: parent, via: 'spec.parentRef' }] : [];
}
