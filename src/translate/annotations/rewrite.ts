import type { KongRoute, KongService } from '../../kongstate/types.js';
import { refKey } from '../../model/object-ref.js';
import type { TranslateContext } from '../context.js';
import { annotationField } from '../failures.js';
import type { IngressRules } from '../rules.js';

export const REWRITE_ANNOTATION = 'konghq.com/rewrite';

/**
 * Spec 02 §6.2: `$N` -> `$(uri_captures[N])`, `\$` -> `$`; any other `$` or `\` is an error.
 * An empty value means `/`.
 */
export function convertRewrite(value: string): { uri: string } | { error: string } {
  if (value === '') return { uri: '/' };
  let out = '';
  let i = 0;
  while (i < value.length) {
    const c = value[i];
    if (c === '$') {
      let j = i + 1;
      while (j < value.length && value[j] >= '0' && value[j] <= '9') j++;
      if (j === i + 1) return { error: `"$" at position ${i} is not followed by a capture group number` };
      out += `$(uri_captures[${value.slice(i + 1, j)}])`;
      i = j;
    } else if (c === '\\') {
      if (value[i + 1] !== '$') return { error: `"\\" at position ${i} is not followed by "$"` };
      out += '$';
      i += 2;
    } else {
      out += c;
      i++;
    }
  }
  return { uri: out };
}

/**
 * Spec 02 §6.2, run right after the Ingress rules are collected (so never on the default-backend route):
 * routes whose Ingress has `konghq.com/rewrite` get a nested request-transformer plugin; with RewriteURIs
 * off or an invalid value the whole Kong service is dropped with a failure.
 */
export function applyRewrites(ctx: TranslateContext, rules: IngressRules): void {
  const dropped: string[] = [];
  for (const [name, ks] of rules.services) if (!rewriteService(ctx, ks)) dropped.push(name);
  for (const name of dropped) rules.services.delete(name);
}

function rewriteService(ctx: TranslateContext, ks: KongService): boolean {
  let plugins: Map<KongRoute, string> | undefined; // made for the few services that have a rewrite
  for (const route of ks.routes) {
    const src = route.meta.source;
    if (src.kind !== 'Ingress') continue;
    const ing = ctx.snapshot.get('Ingress', src.namespace, src.name);
    const value = ing?.metadata.annotations?.[REWRITE_ANNOTATION];
    if (value === undefined) continue;
    const objects = refKey(src) === refKey(ks.meta.parent) ? [src] : [src, ks.meta.parent];
    if (!ctx.options.featureGates.RewriteURIs) {
      ctx.fail({
        reason: 'FeatureDisabled',
        objects,
        field: annotationField(REWRITE_ANNOTATION),
        message: `${REWRITE_ANNOTATION} annotation not supported when rewrite uris disabled`,
      });
      return false;
    }
    const converted = convertRewrite(value);
    if ('error' in converted) {
      ctx.fail({
        reason: 'InvalidAnnotation',
        objects,
        field: annotationField(REWRITE_ANNOTATION),
        message: `${REWRITE_ANNOTATION} annotation has invalid value ${JSON.stringify(value)}: ${converted.error}; Kong service ${ks.name} is not configured`,
      });
      return false;
    }
    (plugins ??= new Map()).set(route, converted.uri);
  }
  for (const [route, uri] of plugins ?? []) {
    route.plugins = [...(route.plugins ?? []), { name: 'request-transformer', config: { replace: { uri } } }];
  }
  return true;
}
