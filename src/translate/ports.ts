import type { BackendPort } from '../kongstate/types.js';
import type { Service, ServicePort } from '../model/core.js';

/** A resolved Service port, or the reason it could not be found. */
export type PortResolution = { readonly port: ServicePort } | { readonly error: string };

/** Spec 01 §8.1: the Service port a backend port designates. */
export function resolveServicePort(svc: Service, port: BackendPort): PortResolution {
  const ports = svc.spec?.ports ?? [];
  const external = svc.spec?.type === 'ExternalName';
  switch (port.kind) {
    case 'number': {
      if (external) return { port: { port: port.number, targetPort: port.number } };
      const p = ports.find((sp) => sp.port === port.number);
      return p ? { port: p } : { error: 'no suitable port found' };
    }
    case 'name': {
      if (external) return { error: 'rules with an ExternalName service must specify numeric ports' };
      const p = ports.find((sp) => sp.name === port.name || sp.targetPort === port.name);
      return p ? { port: p } : { error: 'no suitable port found' };
    }
    case 'implicit': {
      if (external) return { error: 'rules with an ExternalName service must specify numeric ports' };
      return ports.length === 1 ? { port: ports[0] } : { error: 'no suitable port found' };
    }
    case 'unset':
      return { error: 'the backendRef has no port' };
  }
}

/** The canonical string of a port in names: the number, else the name, else `implicitPort` (spec 02 §2.1). */
export function portCanonical(port: BackendPort): string {
  return port.kind === 'number' ? String(port.number) : port.kind === 'name' ? port.name : 'implicitPort';
}
