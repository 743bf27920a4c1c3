import { createHash } from 'node:crypto';
import type { BackendRef, HTTPRoute, HTTPRouteRule } from '../../model/gateway-api.js';
import { namePrefix } from './kong-service.js';
import { asArray } from './parent-refs.js';

/** One rule of an HTTPRoute. */
export type RuleRef = { readonly route: HTTPRoute; readonly ruleIndex: number; readonly rule: HTTPRouteRule };

/** The rules that make one Kong service, sorted by `<ns>/<name>.<ruleIndex>` (spec 03 §4.2). */
export type ServiceGroup = { readonly name: string; readonly rules: readonly RuleRef[] };

const MAX_COMBINED_NAME = 511;

/**
 * Spec 03 §4.2: rules with equal backendRefs share a Kong service. By default only within one HTTPRoute
 * (`httproute.<ns>.<name>.<lowest rule index>`); with CombinedServicesFromDifferentHTTPRoutes across the
 * HTTPRoutes of a namespace (`httproute.<ns>.svc.<backends>`).
 */
export function groupHTTPRouteRules(routes: readonly HTTPRoute[], combined: boolean): ServiceGroup[] {
  const groups = new Map<string, RuleRef[]>();
  for (const route of routes) {
    asArray(route.spec?.rules).forEach((rule, ruleIndex) => {
      const key = combined ? combinedName(route, rule.backendRefs) : `${namePrefix(route)}\u0000${backendRefsKey(rule.backendRefs)}`;
      const list = groups.get(key);
      if (list) list.push({ route, ruleIndex, rule });
      else groups.set(key, [{ route, ruleIndex, rule }]);
    });
  }
  return [...groups.entries()].map(([key, rules]) => ({
    name: combined ? key : `${namePrefix(rules[0].route)}.${Math.min(...rules.map((r) => r.ruleIndex))}`,
    rules: [...rules].sort((a, b) => cmp(ruleSortKey(a), ruleSortKey(b))),
  }));
}

/** `<ns>/<name>.<ruleIndex>`, compared as a plain string (so rule 10 sorts before rule 2), as KIC does. */
export function ruleSortKey(r: RuleRef): string {
  return `${r.route.metadata.namespace ?? ''}/${r.route.metadata.name}.${r.ruleIndex}`;
}

/** The backendRefs as written, order-insensitive: each serialized canonically, sorted, joined. */
export function backendRefsKey(refs: readonly BackendRef[] | undefined): string {
  return asArray(refs).map(canonicalJSON).sort().join(';');
}

/** Spec 03 §4.2 combined mode: `httproute.<ns>.svc.<ns>.<name>[.<port>][.<weight>]_…`, hashed past 511 characters. */
export function combinedName(route: HTTPRoute, refs: readonly BackendRef[] | undefined): string {
  const ns = route.metadata.namespace ?? '';
  const parts = asArray(refs)
    .map((b) => {
      let s = `${b.namespace || ns}.${b.name ?? ''}`;
      if (typeof b.port === 'number') s += `.${b.port}`;
      if (typeof b.weight === 'number') s += `.${b.weight}`;
      return s;
    })
    .sort();
  const name = `httproute.${ns}.svc.${parts.length ? parts.join('_') : '_'}`;
  if (name.length <= MAX_COMBINED_NAME) return name;
  return `httproute.${ns}.svc.${parts[0]}_combined.${createHash('sha256').update(name).digest('hex')}`;
}

/** JSON with object keys sorted at every level: two values written alike give the same text. */
export function canonicalJSON(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJSON).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJSON(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
