import { parseApiVersion, type K8sObject } from './meta.js';

/** Identifies one Kubernetes object; what failures, Events and the fallback graph speak of. */
export type ObjectRef = {
  readonly group: string;
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
};

/** The reference of an object. */
export function refOf(obj: K8sObject): ObjectRef {
  const { group } = parseApiVersion(obj.apiVersion);
  return obj.metadata.namespace
    ? { group, kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name }
    : { group, kind: obj.kind, name: obj.metadata.name };
}

/** `Kind namespace/name` (or `Kind name` for cluster-scoped objects), for messages. */
export function formatRef(ref: ObjectRef): string {
  return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}

/** A stable string key: `group/Kind/namespace/name`. */
export function refKey(ref: ObjectRef): string {
  return `${ref.group}/${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;
}

/** `namespace/name`, the way Kubernetes names namespaced objects. */
export function nsName(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}
