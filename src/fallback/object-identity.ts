import { KINDS, type KindInfo } from '../model/kinds.js';
import { parseApiVersion, type K8sObject } from '../model/meta.js';
import { formatRef, type ObjectRef } from '../model/object-ref.js';

/**
 * What identifies an object for the fallback (spec 06 §3.1): uid, group, kind, namespace and name must
 * all match; the version does not count. The core group and cluster scope are the empty string.
 */
export type ObjectIdentity = {
  readonly uid: string;
  readonly group: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
};

/** The identity of an object in a snapshot. The namespace of a cluster-scoped kind is ignored, as the API server does. */
export function identityOf(obj: K8sObject): ObjectIdentity {
  const { group } = parseApiVersion(obj.apiVersion);
  const info = (KINDS as Readonly<Record<string, KindInfo>>)[obj.kind];
  const namespace = info && !info.namespaced ? '' : (obj.metadata.namespace ?? '');
  return { uid: obj.metadata.uid ?? '', group, kind: obj.kind, namespace, name: obj.metadata.name };
}

/** A string key for maps and sets; two identities have the same key exactly when all five parts match. */
export function identityKey(id: ObjectIdentity): string {
  return JSON.stringify([id.uid, id.group, id.kind, id.namespace, id.name]);
}

/** The object reference of an identity (for messages and Snapshot.without). */
export function refOfIdentity(id: ObjectIdentity): ObjectRef {
  return id.namespace
    ? { group: id.group, kind: id.kind, namespace: id.namespace, name: id.name }
    : { group: id.group, kind: id.kind, name: id.name };
}

/** `Kind namespace/name`, for messages. */
export function formatIdentity(id: ObjectIdentity): string {
  return formatRef(refOfIdentity(id));
}
