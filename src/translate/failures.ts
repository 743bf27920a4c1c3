import { formatRef, type ObjectRef } from '../model/object-ref.js';

/** Why an object (or part of it) could not be translated. Grows as cases appear. */
export type FailureReason =
  | 'ServiceNotFound'
  | 'PortNotFound'
  | 'SecretNotFound'
  | 'InvalidSecret'
  | 'InvalidCertificate'
  | 'ConfigMapNotFound'
  | 'PluginNotFound'
  | 'InvalidPlugin'
  | 'InvalidAnnotation'
  | 'UnsupportedField'
  | 'UnsupportedBackend'
  | 'FeatureDisabled'
  | 'ConflictingAnnotations'
  | 'ConflictingCredential'
  | 'ConflictingObject'
  | 'InvalidCredential'
  | 'ReferenceNotPermitted'
  | 'ObjectNotFound'
  | 'InvalidObject'
  | 'UnsupportedByKongVersion'
  | 'RejectedByKong';

/** A translation failure: the offending piece is absent from the output, the rest goes on. */
export type TranslationFailure = {
  readonly reason: FailureReason;
  /** causing objects; the first is the one to fix */
  readonly objects: readonly ObjectRef[];
  /** e.g. `spec.rules[0].http.paths[1].backend.service.port` or `metadata.annotations[konghq.com/protocol]` */
  readonly field?: string;
  /** one sentence; never a secret value */
  readonly message: string;
};

/**
 * A value KIC silently ignores (an unknown protocol, a non-numeric code): the output stays KIC's,
 * but users learn why their setting had no effect.
 */
export type TranslationWarning = {
  readonly objects: readonly ObjectRef[];
  readonly field?: string;
  readonly message: string;
};

/** `Ingress default/echo spec.rules[0]...: PortNotFound: message`, the line `translate` prints. */
export function formatFailure(f: TranslationFailure): string {
  const head = f.objects.length ? formatRef(f.objects[0]) : '(no object)';
  return `${head}${f.field ? ` ${f.field}` : ''}: ${f.reason}: ${f.message}`;
}

/** `warning: Ingress default/echo metadata.annotations[...]: message`. */
export function formatWarning(w: TranslationWarning): string {
  const head = w.objects.length ? formatRef(w.objects[0]) : '(no object)';
  return `warning: ${head}${w.field ? ` ${w.field}` : ''}: ${w.message}`;
}

/** The field path of an annotation, for failures and warnings. */
export function annotationField(key: string): string {
  return `metadata.annotations[${key}]`;
}
