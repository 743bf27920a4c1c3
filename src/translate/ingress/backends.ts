import type { BackendPort, ServiceBackend } from '../../kongstate/types.js';
import type { Ingress, IngressBackend } from '../../model/ingress.js';
import type { TranslateContext } from '../context.js';
import { portCanonical } from '../ports.js';

const FACADE_GROUP = 'incubator.ingress-controller.konghq.com';

/** An Ingress backend resolved enough to name its Kong service and route. */
export type IngressBackendRef = {
  readonly backend: ServiceBackend;
  /** Kong service name */
  readonly serviceName: string;
  /** Kong service host (= upstream name) */
  readonly serviceHost: string;
  readonly isFacade: boolean;
};

/** Spec 02 §3: the backend of an Ingress path (or default backend), or an error message. */
export function resolveIngressBackend(ctx: TranslateContext, ing: Ingress, b: IngressBackend): IngressBackendRef | { error: string } {
  const ns = ing.metadata.namespace ?? '';
  if (b.service) {
    const port: BackendPort = b.service.port?.number
      ? numberPort(b.service.port.number)
      : b.service.port?.name
        ? { kind: 'name', name: b.service.port.name }
        : { kind: 'implicit' };
    const canonical = portCanonical(port);
    return {
      backend: { kind: 'Service', namespace: ns, name: b.service.name, port },
      serviceName: [ns, b.service.name, canonical].join('.'),
      serviceHost: [b.service.name, ns, canonical, 'svc'].join('.'),
      isFacade: false,
    };
  }
  if (b.resource) {
    const { apiGroup, kind, name } = b.resource;
    if (apiGroup !== FACADE_GROUP || kind !== 'KongServiceFacade') {
      return { error: `unknown resource type ${apiGroup ? `${apiGroup}/` : ''}${kind}` };
    }
    if (!ctx.options.featureGates.KongServiceFacade) {
      return { error: `KongServiceFacade is not enabled, please set the "KongServiceFacade" feature gate to 'true' to enable it` };
    }
    const facade = ctx.snapshot.get('KongServiceFacade', ns, name);
    if (!facade) return { error: `failed to get KongServiceFacade "${name}": not found in namespace ${ns}` };
    const port: BackendPort = { kind: 'number', number: facade.spec?.backendRef?.port ?? 0 };
    const serviceName = `${ns}.${name}.svc.facade`;
    return { backend: { kind: 'KongServiceFacade', namespace: ns, name, port }, serviceName, serviceHost: serviceName, isFacade: true };
  }
  return { error: 'no Service or Resource specified for Ingress path' };
}

// Port objects are read-only and a cluster uses few port numbers: one object per number.
const numberPorts = new Map<number, BackendPort>();

function numberPort(number: number): BackendPort {
  let port = numberPorts.get(number);
  if (!port) {
    port = Object.freeze({ kind: 'number', number });
    if (numberPorts.size < 1000) numberPorts.set(number, port);
  }
  return port;
}
