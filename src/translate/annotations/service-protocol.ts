import type { KongService } from '../../kongstate/types.js';
import { annotationField } from '../failures.js';
import { read, type AnnotationSource } from './source.js';

export const SERVICE_PROTOCOL_ANNOTATION = 'konghq.com/protocol';

/** The service protocols KIC accepts in `konghq.com/protocol` (spec 02 §8). */
export const VALID_SERVICE_PROTOCOLS: readonly string[] = ['http', 'https', 'grpc', 'grpcs', 'ws', 'wss', 'tls', 'tcp', 'tls_passthrough'];

/**
 * Spec 02 §8: `konghq.com/protocol` -> service `protocol`. An invalid value is a failure on the Services,
 * the protocol is unchanged. Returns false in that case (the caller then skips the grpc path removal).
 */
export function applyServiceProtocol(src: AnnotationSource, ks: KongService): boolean {
  const value = read(src, SERVICE_PROTOCOL_ANNOTATION);
  if (value === undefined) return true;
  if (!VALID_SERVICE_PROTOCOLS.includes(value)) {
    src.ctx.fail({
      reason: 'InvalidAnnotation',
      objects: src.objects,
      field: annotationField(SERVICE_PROTOCOL_ANNOTATION),
      message: `${SERVICE_PROTOCOL_ANNOTATION} annotation has invalid value: ${value}`,
    });
    return false;
  }
  ks.protocol = value;
  return true;
}
