import type { KongService, ServiceBackend } from '../kongstate/types.js';
import type { Service } from '../model/core.js';
import { refOf, type ObjectRef } from '../model/object-ref.js';
import type { TranslateContext } from './context.js';
import { objectTags, UNKNOWN_SERVICE_TAGS } from './tags.js';
import type { K8sObject } from '../model/meta.js';
import type { ClientCertificateUse } from './certificates.js';
import { CLIENT_CERT_ANNOTATION, clientCertificateUse } from './annotations/service-client-cert.js';
import { applyServiceCACertificates, CA_CONFIGMAPS_ANNOTATION, CA_SECRETS_ANNOTATION } from './annotations/service-ca-certificates.js';
import type { AnnotationSource } from './annotations/source.js';
import { keepShape } from '../runtime/keep-shape.js';

/** A backend resolved to its Kubernetes Service (and facade, when the backend is a KongServiceFacade). */
export type ResolvedBackend = {
  readonly backend: ServiceBackend;
  readonly service: Service;
  readonly facade?: K8sObject;
};

/** The Kubernetes Service behind a backend, or undefined (no failure recorded: callers decide). */
export function resolveBackend(ctx: TranslateContext, backend: ServiceBackend): ResolvedBackend | undefined {
  if (backend.kind === 'KongServiceFacade') {
    const facade = ctx.snapshot.get('KongServiceFacade', backend.namespace, backend.name);
    const target = facade?.spec?.backendRef?.name;
    const service = target ? ctx.snapshot.get('Service', backend.namespace, target) : undefined;
    return facade && service ? { backend, service, facade } : undefined;
  }
  const service = ctx.snapshot.get('Service', backend.namespace, backend.name);
  return service ? { backend, service } : undefined;
}

/**
 * Spec 01 §7: resolve each Kong service's backends, merge the Service (and facade) annotations, check that
 * several Services agree on konghq.com/* annotations, apply the client and CA certificate annotations and
 * compute the service tags. Returns the client certificates the services use, for buildCertificates.
 */
export function populateServices(ctx: TranslateContext, services: readonly KongService[]): ClientCertificateUse[] {
  const clientCerts: ClientCertificateUse[] = [];
  // A Service with several ports backs several Kong services, made one after the other: they share its reference and tags.
  const perObject = new SharedPerObject();
  // Indexed: the loop of a function called once per translation may run unoptimized, where for-of makes an
  // iterator result per item.
  for (let i = 0; i < services.length; i++) populateService(ctx, services[i], perObject, clientCerts);
  return clientCerts;
}

// One Kong service (a function per service: see collectIngress in ingress/ingress.ts).
function populateService(ctx: TranslateContext, ks: KongService, perObject: SharedPerObject, clientCerts: ClientCertificateUse[]): void {
  const resolved: ResolvedBackend[] = [];
  for (const backend of ks.meta.backends) {
    const r = resolveBackend(ctx, backend);
    if (!r && backend.kind === 'KongServiceFacade') {
      // Spec 05 §9.2: a facade whose backing Service is missing fails, and its Kong service is skipped.
      const facade = ctx.snapshot.get('KongServiceFacade', backend.namespace, backend.name);
      const target = facade?.spec?.backendRef?.name ?? '';
      ctx.fail({
        reason: 'ServiceNotFound',
        objects: facade ? [ks.meta.parent, refOf(facade)] : [ks.meta.parent],
        field: 'spec.backendRef.name',
        message: `no kubernetes service found for KongServiceFacade ${backend.namespace}/${backend.name}: Service ${backend.namespace}/${target} does not exist`,
      });
      ks.meta.skip = true;
      continue;
    }
    if (!r) {
      ctx.fail({
        reason: 'ServiceNotFound',
        objects: [ks.meta.parent],
        message: `no kubernetes service found for ${backend.kind} ${backend.namespace}/${backend.name} (Kong service ${ks.name})`,
      });
      continue;
    }
    if (r.facade) ctx.configured(refOf(r.facade));
    resolved.push(r);
  }
  const unique = resolved.length <= 1 ? resolved : uniqueBy(resolved, (r) => `${r.service.metadata.namespace}/${r.service.metadata.name}/${r.facade?.metadata.name ?? ''}`);
  ks.meta.k8sServices = unique.length === 1 ? [perObject.ref(unique[0].facade ?? unique[0].service)] : unique.map((r) => perObject.ref(r.facade ?? r.service));
  ks.meta.annotations = mergedAnnotations(unique);
  if (unique.length > 1) checkConsistentAnnotations(ctx, ks, unique);
  // Spec 01 §7: then, per resolved Service, the client certificate and CA certificate annotations (the
  // merged annotations hold every key of every Service: without these keys there is nothing to do).
  const m = ks.meta.annotations;
  const certificates = m[CLIENT_CERT_ANNOTATION] !== undefined || m[CA_SECRETS_ANNOTATION] !== undefined || m[CA_CONFIGMAPS_ANNOTATION] !== undefined;
  for (let i = 0; certificates && i < unique.length; i++) {
    const r = unique[i];
    const namespace = r.service.metadata.namespace ?? '';
    const objects = r.facade ? [refOf(r.facade), refOf(r.service)] : [ks.meta.k8sServices[i]];
    const annotations = unique.length === 1 ? ks.meta.annotations : mergedAnnotations([r]);
    const src: AnnotationSource = { ctx, objects, annotations };
    const use = clientCertificateUse(src, namespace, ks);
    if (use) clientCerts.push(use);
    applyServiceCACertificates(src, namespace, ks);
  }
  if (ks.ca_certificates) ks.ca_certificates = [...new Set(ks.ca_certificates)];
  // Spec 03 §3.5: several backends are counted per backend, even when they name the same Service.
  ks.tags = serviceTags(ks, resolved, ctx, perObject);
}

const NO_ANNOTATIONS: Readonly<Record<string, string>> = Object.freeze({});

function mergedAnnotations(resolved: readonly ResolvedBackend[]): Readonly<Record<string, string>> {
  // One Service without facade: its own annotations, read-only, not a copy.
  if (resolved.length === 1 && !resolved[0].facade) return resolved[0].service.metadata.annotations ?? NO_ANNOTATIONS;
  const merged: Record<string, string> = {};
  for (const r of resolved) {
    Object.assign(merged, r.service.metadata.annotations ?? {});
    // A facade's annotations override its Service's (spec 01 §7).
    if (r.facade) Object.assign(merged, r.facade.metadata.annotations ?? {});
  }
  return merged;
}

function checkConsistentAnnotations(ctx: TranslateContext, ks: KongService, resolved: readonly ResolvedBackend[]): void {
  const annotationSets = resolved.map((r) => r.service.metadata.annotations ?? {});
  const keys = new Set<string>();
  for (const a of annotationSets) for (const k of Object.keys(a)) if (k.startsWith('konghq.com/')) keys.add(k);
  const refs: ObjectRef[] = resolved.map((r) => refOf(r.service));
  for (const key of [...keys].sort()) {
    const values = new Set(annotationSets.map((a) => a[key]));
    if (values.size === 1 && annotationSets.every((a) => key in a)) continue;
    for (const ref of refs) {
      ctx.fail({
        reason: 'ConflictingAnnotations',
        objects: [ref],
        field: `metadata.annotations[${key}]`,
        message: `the Services of Kong service ${ks.name} must all have the same ${key} annotation`,
      });
    }
    ks.meta.skip = true;
  }
}

// Spec 01 §4.2: one Service -> its tags; a facade -> the facade's; several -> the parent route's; none -> placeholder.
function serviceTags(ks: KongService, resolved: readonly ResolvedBackend[], ctx: TranslateContext, perObject: SharedPerObject): readonly string[] {
  if (resolved.length === 0) return UNKNOWN_SERVICE_TAGS;
  if (resolved.length === 1) return perObject.tags(resolved[0].facade ?? resolved[0].service);
  if (ks.meta.multiBackendTags === 'none') return [];
  const parent = ctx.snapshot.get(ks.meta.parent.kind as 'HTTPRoute', ks.meta.parent.namespace, ks.meta.parent.name);
  return parent ? objectTags(parent) : [];
}

/**
 * The reference and tags of the object met last, shared with the next Kong service of the same object (both
 * are read-only). A Service's Kong services (one per port) are made one after the other from its Ingress
 * paths; remembering one object, not every one, keeps no table of every Service.
 */
class SharedPerObject {
  private refObject: K8sObject | undefined;
  private lastRef: ObjectRef | undefined;
  private tagsObject: K8sObject | undefined;
  private lastTags: readonly string[] = [];

  ref(obj: K8sObject): ObjectRef {
    if (obj !== this.refObject || !this.lastRef) {
      this.refObject = obj;
      this.lastRef = refOf(obj);
    }
    return this.lastRef;
  }

  tags(obj: K8sObject): readonly string[] {
    if (obj !== this.tagsObject) {
      this.tagsObject = obj;
      this.lastTags = objectTags(obj);
    }
    return this.lastTags;
  }
}

keepShape(new SharedPerObject());

function uniqueBy<T>(items: readonly T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const k = key(i);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
