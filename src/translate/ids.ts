import { parse as parseUuid, v5 as uuidv5 } from 'uuid';
import { uuidV5 } from './uuid5.js';

// Spec 01 §3: id = uuid5(uuid5(KONG_NS, plural), key), no workspace prefix.
const KONG_NAMESPACE = 'fd02801f-0957-4a15-a55a-c8d9606f30b5';

/** The entity types that get generated ids, with the plural string that names their namespace. */
export type IdEntityType = 'services' | 'routes' | 'consumers' | 'consumergroups' | 'vaults' | 'plugins';

// The namespace as bytes: given as a string, uuid would parse and validate it again on every call.
const typeNamespaces = new Map<IdEntityType, Uint8Array>();

/** The deterministic id of an entity of this type with this key (e.g. a service name). */
export function entityId(type: IdEntityType, key: string): string {
  let ns = typeNamespaces.get(type);
  if (!ns) typeNamespaces.set(type, (ns = parseUuid(uuidv5(type, KONG_NAMESPACE))));
  return uuidV5(key, ns);
}
