import type { K8sObject } from '../../model/meta.js';
import type { Snapshot } from '../../store/snapshot.js';
import { pluginsOf } from './plugins.js';
import { asArray, asString, type Dependency } from './read.js';

/**
 * KongConsumer (spec 06 §3.2): its plugins and the credential Secrets named in `credentials`, in its
 * namespace. Its KongConsumerGroups are not dependencies.
 */
export function kongConsumerDependencies(obj: K8sObject, snapshot: Snapshot): Dependency[] {
  const out = pluginsOf(obj, snapshot);
  const credentials = asArray((obj as { readonly credentials?: unknown }).credentials);
  for (const [i, c] of credentials.entries()) {
    const name = asString(c);
    const secret = name ? snapshot.get('Secret', obj.metadata.namespace, name) : undefined;
    if (secret) out.push({ object: secret, via: `credentials[${i}]` });
  }
  return out;
}

/** KongConsumerGroup: its plugins (spec 06 §3.2). */
export function kongConsumerGroupDependencies(obj: K8sObject, snapshot: Snapshot): Dependency[] {
  return pluginsOf(obj, snapshot);
}
