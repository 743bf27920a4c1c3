import type { K8sObject } from '../../model/meta.js';
import type { Snapshot } from '../../store/snapshot.js';
import { pluginsOf } from './plugins.js';
import { annotationOf, annotationPath, type Dependency } from './read.js';

/** The annotation naming a KongUpstreamPolicy in the object's namespace. */
export const UPSTREAM_POLICY_ANNOTATION = 'konghq.com/upstream-policy';

/** The KongUpstreamPolicy named by the object's own `konghq.com/upstream-policy` annotation, if it exists. */
export function upstreamPolicyOf(obj: K8sObject, snapshot: Snapshot): Dependency[] {
  const name = annotationOf(obj, UPSTREAM_POLICY_ANNOTATION);
  const policy = name ? snapshot.get('KongUpstreamPolicy', obj.metadata.namespace, name) : undefined;
  return policy ? [{ object: policy, via: annotationPath(UPSTREAM_POLICY_ANNOTATION) }] : [];
}

/**
 * Service and KongServiceFacade: their plugins and upstream policy (spec 06 §3.2). A facade does not
 * depend on its backing Service.
 */
export function serviceDependencies(obj: K8sObject, snapshot: Snapshot): Dependency[] {
  return [...pluginsOf(obj, snapshot), ...upstreamPolicyOf(obj, snapshot)];
}
