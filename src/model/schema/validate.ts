import type { K8sObject } from '../meta.js';
import type { KindName } from '../kinds.js';
import { KIND_SCHEMAS } from './kinds.js';
import { SchemaFailure, type SchemaError } from './dsl.js';

/** An object of a known kind checked against its schema: the usable object, or why it is unusable. */
export type Validated = { readonly object: K8sObject } | { readonly error: SchemaError };

/**
 * Checks an object's shape as the API server would have (a wrong type anywhere makes the whole object
 * unusable, as `kubectl apply` would have refused it). `null` fields are dropped as "not set".
 */
export function validateObject(kind: KindName, obj: K8sObject): Validated {
  const r = KIND_SCHEMAS[kind](obj);
  return r instanceof SchemaFailure ? { error: r.toError() } : { object: r as K8sObject };
}
