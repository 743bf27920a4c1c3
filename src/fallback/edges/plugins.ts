import type { K8sObject } from '../../model/meta.js';
import type { Snapshot } from '../../store/snapshot.js';
import { annotationOf, annotationPath, asArray, asString, at, type Dependency } from './read.js';

const PLUGINS_ANNOTATION = 'konghq.com/plugins';

/**
 * "Plugins of X", the graph's version (spec 06 §3.2): each item of `konghq.com/plugins` is a KongPlugin in
 * X's namespace, else a KongClusterPlugin of that name. `ns:name` items are not interpreted, so they
 * normally match nothing and cross-namespace references give no edge.
 */
export function pluginsOf(obj: K8sObject, snapshot: Snapshot): Dependency[] {
  const value = annotationOf(obj, PLUGINS_ANNOTATION);
  if (value === undefined) return [];
  const via = annotationPath(PLUGINS_ANNOTATION);
  const out: Dependency[] = [];
  for (const item of value.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    const plugin = snapshot.get('KongPlugin', obj.metadata.namespace, item) ?? snapshot.get('KongClusterPlugin', undefined, item);
    if (plugin) out.push({ object: plugin, via });
  }
  return out;
}

/** KongPlugin: the Secrets of `configFrom` and `configPatches[]`, in the plugin's namespace (spec 06 §3.2). */
export function kongPluginDependencies(obj: K8sObject, snapshot: Snapshot): Dependency[] {
  return secretRefs(obj).flatMap(({ ref, via }) => {
    const name = asString(at(ref, 'name'));
    const secret = name ? snapshot.get('Secret', obj.metadata.namespace, name) : undefined;
    return secret ? [{ object: secret, via }] : [];
  });
}

/** KongClusterPlugin: the same Secrets, each in the namespace its reference gives (spec 06 §3.2). */
export function kongClusterPluginDependencies(obj: K8sObject, snapshot: Snapshot): Dependency[] {
  return secretRefs(obj).flatMap(({ ref, via }) => {
    const name = asString(at(ref, 'name'));
    const namespace = asString(at(ref, 'namespace'));
    const secret = name && namespace ? snapshot.get('Secret', namespace, name) : undefined;
    return secret ? [{ object: secret, via }] : [];
  });
}

function secretRefs(obj: K8sObject): { ref: unknown; via: string }[] {
  const out: { ref: unknown; via: string }[] = [];
  const configFrom = at(obj, 'configFrom', 'secretKeyRef');
  if (configFrom !== undefined) out.push({ ref: configFrom, via: 'configFrom.secretKeyRef' });
  for (const [i, patch] of asArray(at(obj, 'configPatches')).entries()) {
    const ref = at(patch, 'valueFrom', 'secretKeyRef');
    if (ref !== undefined) out.push({ ref, via: `configPatches[${i}].valueFrom.secretKeyRef` });
  }
  return out;
}
