import type { K8sObject } from '../../model/meta.js';
import type { Snapshot } from '../../store/snapshot.js';

/** One dependency of an object: the object it depends on and the field that names it (spec 06 §3.2). */
export type Dependency = {
  readonly object: K8sObject;
  /** the field of the dependant that refers to `object`, e.g. `spec.rules[0].http.paths[1].backend.service.name` */
  readonly via: string;
};

/** The dependencies of one object kind, looked up in the same snapshot (absent objects give no edge). */
export type DependencyResolver = (obj: K8sObject, snapshot: Snapshot) => Dependency[];

// The graph reads objects as untyped data: a malformed field gives no edge rather than an error, because
// the translator reports it and the graph must still be built over everything else.

/** The value as a plain object, or undefined. */
export function asRecord(v: unknown): Readonly<Record<string, unknown>> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Readonly<Record<string, unknown>>) : undefined;
}

/** The value as an array (a non-array gives an empty one). */
export function asArray(v: unknown): readonly unknown[] {
  return Array.isArray(v) ? v : [];
}

/** The value as a non-empty string, or undefined. */
export function asString(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** Reads a path of keys through nested plain objects. */
export function at(v: unknown, ...keys: string[]): unknown {
  let cur = v;
  for (const k of keys) cur = asRecord(cur)?.[k];
  return cur;
}

/** The annotation field path used in `via`. */
export function annotationPath(key: string): string {
  return `metadata.annotations[${key}]`;
}

/** An annotation value of the object, when it is a string. */
export function annotationOf(obj: K8sObject, key: string): string | undefined {
  const v: unknown = obj.metadata.annotations?.[key];
  return typeof v === 'string' ? v : undefined;
}
