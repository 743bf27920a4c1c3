import type { KongService } from '../../kongstate/types.js';
import { secretValue } from '../../model/core.js';
import { annotationField } from '../failures.js';
import { splitList } from './lists.js';
import { effectiveProtocol, NON_TLS_PROTOCOLS } from './service-client-cert.js';
import { tlsVerifyOf } from './service-tls-verify.js';
import type { AnnotationSource } from './source.js';

export const CA_SECRETS_ANNOTATION = 'konghq.com/ca-certificates-secrets';
export const CA_CONFIGMAPS_ANNOTATION = 'konghq.com/ca-certificates-configmaps';

/**
 * Spec 02 §9: the `id` of each Secret, then each ConfigMap, named in the CA certificate annotations goes to
 * the Kong service's `ca_certificates`. Needs tls-verify true and a TLS protocol.
 */
export function applyServiceCACertificates(src: AnnotationSource, namespace: string, ks: KongService): void {
  const secretsValue = src.annotations[CA_SECRETS_ANNOTATION];
  const configMapsValue = src.annotations[CA_CONFIGMAPS_ANNOTATION];
  if (secretsValue === undefined && configMapsValue === undefined) return;
  const key = secretsValue !== undefined ? CA_SECRETS_ANNOTATION : CA_CONFIGMAPS_ANNOTATION;
  const fail = (message: string, field = annotationField(key)): void =>
    src.ctx.fail({ reason: 'InvalidAnnotation', objects: src.objects, field, message });
  if (tlsVerifyOf(src.annotations) !== true) return fail('CA certificates requested for service without TLS verification enabled');
  const protocol = effectiveProtocol(src.annotations);
  if (NON_TLS_PROTOCOLS.includes(protocol)) return fail(`CA certificates requested for incompatible service protocol '${protocol}'`);

  const ids: string[] = [];
  for (const name of splitList(secretsValue)) {
    const secret = src.ctx.snapshot.get('Secret', namespace, name);
    const id = secret ? secretValue(secret, 'id') : undefined;
    if (!secret) fail(`Failed to fetch CA certificate Secret '${namespace}/${name}': not found`, annotationField(CA_SECRETS_ANNOTATION));
    else if (id === undefined) fail(`Invalid CA certificate '${namespace}/${name}': missing 'id' field in data`, annotationField(CA_SECRETS_ANNOTATION));
    else ids.push(id);
  }
  for (const name of splitList(configMapsValue)) {
    const cm = src.ctx.snapshot.get('ConfigMap', namespace, name);
    const id = cm?.data?.id;
    if (!cm) fail(`Failed to fetch CA certificate ConfigMap '${namespace}/${name}': not found`, annotationField(CA_CONFIGMAPS_ANNOTATION));
    else if (id === undefined) fail(`Invalid CA certificate '${namespace}/${name}': missing 'id' field in data`, annotationField(CA_CONFIGMAPS_ANNOTATION));
    else ids.push(id);
  }
  if (ids.length) ks.ca_certificates = [...(ks.ca_certificates ?? []), ...ids];
}
