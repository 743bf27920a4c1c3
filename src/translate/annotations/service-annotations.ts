import type { KongService } from '../../kongstate/types.js';
import type { TranslateContext } from '../context.js';
import { applyServiceIntegers } from './service-timeouts.js';
import { applyServicePath } from './service-path.js';
import { applyServiceProtocol } from './service-protocol.js';
import { applyServiceTLSVerify } from './service-tls-verify.js';
import type { AnnotationSource } from './source.js';

/**
 * Spec 02 §8 (spec 01 §1 step 5): the Kubernetes Service annotations on each Kong service, whatever its
 * source kind. They read the merged annotations of the backing Services (and facades); failures and
 * warnings name those objects.
 */
export function applyServiceAnnotations(ctx: TranslateContext, services: readonly KongService[]): void {
  // indexed: see populateServices in ../services.ts
  for (let i = 0; i < services.length; i++) if (services[i].meta.k8sServices.length > 0) applyToService(ctx, services[i]);
}

// A function per service: see collectIngress in ../ingress/ingress.ts.
function applyToService(ctx: TranslateContext, ks: KongService): void {
  const protocolOK = hasKongAnnotation(ks.meta.annotations) ? applyAnnotations(ctx, ks) : true;
  // Kong rejects a path on gRPC services. KIC skips this removal after an invalid protocol (spec 02 §8 quirk).
  if (protocolOK && (ks.protocol === 'grpc' || ks.protocol === 'grpcs')) delete ks.path;
}

// False when konghq.com/protocol was invalid.
function applyAnnotations(ctx: TranslateContext, ks: KongService): boolean {
  const src: AnnotationSource = { ctx, objects: ks.meta.k8sServices, annotations: ks.meta.annotations };
  const protocolOK = applyServiceProtocol(src, ks);
  applyServicePath(src, ks);
  applyServiceIntegers(src, ks);
  applyServiceTLSVerify(src, ks);
  return protocolOK;
}

const KONG_PREFIX = 'konghq.com/';

// Every annotation read above starts konghq.com/: Services without one (most) skip the ten reads, each a
// property lookup among annotation objects of every shape.
function hasKongAnnotation(annotations: Readonly<Record<string, string>>): boolean {
  for (const key in annotations) if (key.startsWith(KONG_PREFIX)) return true;
  return false;
}
