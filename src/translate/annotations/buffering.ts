import type { KongRoute } from '../../kongstate/types.js';
import { parseGoBool, read, warnIgnored, type AnnotationKey, type AnnotationSource } from './source.js';

export const REQUEST_BUFFERING_ANNOTATION = 'konghq.com/request-buffering';
export const RESPONSE_BUFFERING_ANNOTATION = 'konghq.com/response-buffering';

/** Spec 02 §6: request/response buffering, lower-cased then parsed as a Go boolean (1/t/true/0/f/false). */
export function applyBuffering(src: AnnotationSource, route: KongRoute): void {
  const request = parseBuffering(src, REQUEST_BUFFERING_ANNOTATION);
  if (request !== undefined) route.request_buffering = request;
  const response = parseBuffering(src, RESPONSE_BUFFERING_ANNOTATION);
  if (response !== undefined) route.response_buffering = response;
}

function parseBuffering(src: AnnotationSource, key: AnnotationKey): boolean | undefined {
  const value = read(src, key);
  if (value === undefined) return undefined;
  const b = parseGoBool(value.toLowerCase());
  if (b === undefined) warnIgnored(src, key, value, 'is not a boolean (true, false, t, f, 1, 0)');
  return b;
}
