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

export type ApiVersionParts = { readonly group: string; readonly version: string };

// A cluster has a few dozen apiVersions and the translator asks for every object's, often several times.
const parsedApiVersions = new Map<string, ApiVersionParts>();
const MAX_CACHED_API_VERSIONS = 1000;
// Objects come kind by kind, and the loader shares one string per apiVersion: the last answer mostly fits.
let lastApiVersion = '';
let lastParts: ApiVersionParts = Object.freeze({ group: '', version: '' });

/** Splits `group/version` (core objects have no group). */
export function parseApiVersion(apiVersion: string): ApiVersionParts {
  if (apiVersion === lastApiVersion) return lastParts;
  const parts = cachedApiVersion(apiVersion);
  lastApiVersion = apiVersion;
  lastParts = parts;
  return parts;
}

function cachedApiVersion(apiVersion: string): ApiVersionParts {
  let parts = parsedApiVersions.get(apiVersion);
  if (parts) return parts;
  const slash = apiVersion.lastIndexOf('/');
  parts = Object.freeze(
    slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) },
  );
  if (parsedApiVersions.size < MAX_CACHED_API_VERSIONS) parsedApiVersions.set(apiVersion, parts);
  return parts;
}

/** An annotation value, or undefined when absent. */
export function annotation(obj: { readonly metadata: ObjectMeta }, key: string): string | undefined {
  return obj.metadata.annotations?.[key];
}
