import type { KongService } from '../../kongstate/types.js';
import type { ClientCertificateUse } from '../certificates.js';
import { annotationField } from '../failures.js';
import { SERVICE_PROTOCOL_ANNOTATION } from './service-protocol.js';
import { read, type AnnotationSource } from './source.js';

export const CLIENT_CERT_ANNOTATION = 'konghq.com/client-cert';

/** Protocols that cannot carry a client certificate or verify an upstream CA (spec 02 §9). */
export const NON_TLS_PROTOCOLS: readonly string[] = ['http', 'grpc', 'tcp', 'tls_passthrough', 'udp', 'ws'];

/** The protocol KIC checks for TLS use: the Service's `konghq.com/protocol`, else http (spec 02 §9). */
export function effectiveProtocol(annotations: Readonly<Record<string, string>>): string {
  return annotations[SERVICE_PROTOCOL_ANNOTATION] ?? 'http';
}

/**
 * Spec 02 §9: `konghq.com/client-cert: <secret>` on a Service makes the Secret a certificate and points the
 * Kong service's `client_certificate` at it (re-pointed when certificates collapse).
 */
export function clientCertificateUse(src: AnnotationSource, namespace: string, ks: KongService): ClientCertificateUse | undefined {
  const name = read(src, CLIENT_CERT_ANNOTATION);
  if (name === undefined) return undefined;
  const field = annotationField(CLIENT_CERT_ANNOTATION);
  const secret = src.ctx.snapshot.get('Secret', namespace, name);
  if (!secret) {
    src.ctx.fail({ reason: 'SecretNotFound', objects: src.objects, field, message: `Failed to fetch secret '${namespace}/${name}': not found` });
    return undefined;
  }
  if (NON_TLS_PROTOCOLS.includes(effectiveProtocol(src.annotations))) {
    // KIC's message names the Kong service's protocol at this stage, not the annotation's (spec 02 §9).
    src.ctx.fail({
      reason: 'InvalidAnnotation',
      objects: src.objects,
      field,
      message: `Client certificate requested for incompatible service protocol '${ks.protocol ?? ''}'`,
    });
    return undefined;
  }
  ks.client_certificate = { id: secret.metadata.uid ?? '' };
  return { service: ks, secret };
}
