/** The parts of Kubernetes ObjectMeta the translator reads. */
export type ObjectMeta = {
  readonly name: string;
  readonly namespace?: string;
  readonly uid?: string;
  readonly resourceVersion?: string;
  readonly generation?: number;
  readonly creationTimestamp?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
};

/** Any Kubernetes object as read from the API or a manifest. Specific kinds narrow spec/data. */
export type K8sObject = {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: ObjectMeta;
  readonly spec?: unknown;
  readonly status?: unknown;
};

/** Splits `group/version` (core objects have no group). */
export function parseApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.lastIndexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** An annotation value, or undefined when absent. */
export function annotation(obj: { readonly metadata: ObjectMeta }, key: string): string | undefined {
  return obj.metadata.annotations?.[key];
}
