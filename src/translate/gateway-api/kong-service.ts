import type { KongService, NestedPlugin, ServiceBackend } from '../../kongstate/types.js';
import type { GatewayRoute } from '../../model/gateway-api.js';
import { refOf } from '../../model/object-ref.js';
import { objectTags } from '../tags.js';

/** What a Gateway API Kong service is made of. */
export type GatewayServiceSpec = {
  readonly name: string;
  readonly protocol: string;
  readonly backends: ServiceBackend[];
  /** the route object that produced the service (the first one, for grouped HTTPRoute rules) */
  readonly parent: GatewayRoute;
  /** how many backendRefs the rule had, before any was dropped */
  readonly backendRefCount: number;
  readonly multiBackendTags?: 'parent' | 'none';
};

const DEFAULT_TIMEOUT_MS = 60000;

/**
 * Spec 03 §3.3: name = host, protocol per kind, default timeouts and retries, no port (set when a backend
 * port resolves) and no path. Tags are computed later, when services are populated (spec 03 §3.5).
 */
export function newGatewayService(spec: GatewayServiceSpec): KongService {
  const ks: KongService = {
    name: spec.name,
    host: spec.name,
    protocol: spec.protocol,
    connect_timeout: DEFAULT_TIMEOUT_MS,
    read_timeout: DEFAULT_TIMEOUT_MS,
    write_timeout: DEFAULT_TIMEOUT_MS,
    retries: 5,
    tags: [],
    routes: [],
    meta: {
      backends: spec.backends,
      parent: refOf(spec.parent),
      k8sServices: [],
      annotations: {},
      sourceKind: spec.parent.kind,
      ...(spec.multiBackendTags ? { multiBackendTags: spec.multiBackendTags } : {}),
    },
  };
  const plugin = noBackendPlugin(spec.protocol, spec.backendRefCount, spec.backends.length);
  if (plugin) ks.plugins = [plugin];
  return ks;
}

/**
 * Spec 03 §3.3: a rule that had backendRefs, none of which survived, answers 500 on HTTP and gRPC
 * services; L4 services and rules without backendRefs get nothing.
 */
export function noBackendPlugin(protocol: string, refCount: number, backendCount: number): NestedPlugin | undefined {
  if (refCount === 0 || backendCount > 0) return undefined;
  if (!protocol.includes('http') && !protocol.includes('grpc')) return undefined;
  return { name: 'request-termination', config: { status_code: 500, message: 'no existing backendRef provided' } };
}

/** Spec 03 §3.5: the route object's tags, `k8s-named-route-rule` tags for the non-blank names, then user tags. */
export function routeTags(route: GatewayRoute, ruleNames: readonly (string | undefined)[] = []): readonly string[] {
  const named = ruleNames.filter((n): n is string => typeof n === 'string' && n.trim() !== '');
  return objectTags(route, named.map((n) => `k8s-named-route-rule:${n}`));
}

/** `<kind lower-cased>.<ns>.<name>`, the prefix of every Kong service and route name of a route object (spec 03 §2). */
export function namePrefix(route: GatewayRoute): string {
  return `${route.kind.toLowerCase()}.${route.metadata.namespace ?? ''}.${route.metadata.name}`;
}

/** Spec 03 §4.11: a hostname in a name: every `*` becomes `_`, and no hostname is `_`. */
export function hostSegment(hostname: string): string {
  return hostname === '' ? '_' : hostname.replaceAll('*', '_');
}
