import type { ServiceBackend } from '../../kongstate/types.js';
import { GATEWAY_API_GROUP, type BackendRef, type GatewayRoute } from '../../model/gateway-api.js';
import { refOf } from '../../model/object-ref.js';
import type { TranslateContext } from '../context.js';
import { isReferenceGranted } from '../reference-grants.js';
import { asArray } from './parent-refs.js';

/** The backendRefs of one rule and where they are written (for failure fields). */
export type RuleBackendRefs = {
  readonly route: GatewayRoute;
  /** e.g. `spec.rules[2].backendRefs` */
  readonly field: string;
  readonly refs: readonly BackendRef[] | undefined;
};

/**
 * Spec 03 §3.1: the backends of a rule, in backendRefs order. A backendRef that cannot be used is dropped
 * (KIC only logs it); kic-ts records why, naming the route and the backendRef. A missing `kind` is a
 * warning only: the API server would have defaulted it to Service, KIC drops it offline.
 */
export function backendsFromRefs(ctx: TranslateContext, { route, field, refs }: RuleBackendRefs): ServiceBackend[] {
  const routeNs = route.metadata.namespace ?? '';
  const out: ServiceBackend[] = [];
  asArray(refs).forEach((ref, i) => {
    const at = `${field}[${i}]`;
    const ns = ref.namespace || routeNs;
    const name = ref.name ?? '';
    const objects = [refOf(route)];
    if (ref.kind === undefined || ref.kind === null) {
      ctx.warn({
        objects,
        field: `${at}.kind`,
        message: `backendRef ${ns}/${name} has no kind: it is dropped, as KIC does for input the API server has not defaulted (write kind: Service)`,
      });
      return;
    }
    const group = ref.group ?? '';
    if (ref.kind !== 'Service' || !(group === '' || group === 'core')) {
      ctx.fail({
        reason: 'UnsupportedBackend',
        objects,
        field: at,
        message: `backendRef ${group ? `${group}/` : ''}${ref.kind} ${ns}/${name} is not a core Service; only Services are supported`,
      });
      return;
    }
    const svc = ctx.snapshot.get('Service', ns, name);
    if (!svc) {
      ctx.fail({ reason: 'ServiceNotFound', objects, field: at, message: `Service ${ns}/${name} does not exist; the backendRef is dropped` });
      return;
    }
    if (ns !== routeNs && !isReferenceGranted(ctx.snapshot, { group: GATEWAY_API_GROUP, kind: route.kind, namespace: routeNs }, { group, kind: 'Service', namespace: ns, name })) {
      ctx.fail({
        reason: 'ReferenceNotPermitted',
        objects: [refOf(route)],
        field: at,
        message: `no ReferenceGrant in namespace ${ns} allows ${route.kind}s from namespace ${routeNs} to reference Service ${name}; the backendRef is dropped`,
      });
      return;
    }
    out.push({
      kind: 'Service',
      namespace: ns,
      name,
      // Spec 03 §3.1 step 6: the port is looked up by number later; a missing port cannot be resolved.
      port: typeof ref.port === 'number' ? { kind: 'number', number: ref.port } : { kind: 'unset' },
      ...(typeof ref.weight === 'number' ? { weight: ref.weight } : {}),
    });
  });
  return out;
}
