import type { KongService, RouteMeta } from '../../kongstate/types.js';
import type { Ingress, IngressBackend } from '../../model/ingress.js';
import { refOf, type ObjectRef } from '../../model/object-ref.js';
import { objectTags } from '../tags.js';
import { exact, flat } from '../compact.js';
import type { TranslateContext } from '../context.js';
import type { IngressRules } from '../rules.js';
import { ingressClassParameters } from '../upstreams.js';
import { resolveIngressBackend, type IngressBackendRef } from './backends.js';
import { translatedIngresses } from './class.js';
import { translateDefaultBackend } from './default-backend.js';
import { applyRegexPrefix, kongPathsFor, normalizePath, DEFAULT_REGEX_PREFIX, REGEX_PREFIX_ANNOTATION, type IngressPathSpec } from './paths.js';
import { applyIngressRouteAnnotations, newIngressRoute } from './route-annotations.js';
import { ingressRouteExpression } from '../expressions/ingress.js';
import { initialRouteProtocols } from '../annotations/protocols.js';
import { applyRewrites, REWRITE_ANNOTATION } from '../annotations/rewrite.js';

/** What every route of one Ingress shares: computed once per Ingress, not once per route. */
export type IngressShared = {
  readonly ing: Ingress;
  readonly ref: ObjectRef;
  readonly tags: readonly string[];
  readonly annotations: Readonly<Record<string, string>>;
  /** the meta of every route of this Ingress (read-only, so one object serves them all) */
  readonly routeMeta: RouteMeta;
};

type RouteAccumulator = { src: IngressShared; host: string; backend: IngressBackendRef; paths: IngressPathSpec[]; name: string };

/** The parts every route of this Ingress shares. */
export function ingressShared(ing: Ingress): IngressShared {
  const ref = refOf(ing);
  return { ing, ref, tags: objectTags(ing), annotations: ing.metadata.annotations ?? {}, routeMeta: { source: ref, sourceObject: ing } };
}

/** Spec 02 §2, §5, §7: every translated Ingress's rules, default backend and TLS entries into `rules`. */
export function collectIngressRules(ctx: TranslateContext, rules: IngressRules): void {
  const ingresses = translatedIngresses(ctx.snapshot, ctx.options.ingressClass);
  const routes = new Map<string, RouteAccumulator>();
  for (const ing of ingresses) {
    const src = ingressShared(ing);
    collectPaths(ctx, src, routes);
    for (const tls of ing.spec?.tls ?? []) {
      if (tls.hosts?.length && tls.secretName) rules.claimTLS(ing.metadata.namespace ?? '', tls.secretName, tls.hosts, src.ref);
    }
  }
  const legacyRegex = ingressClassParameters(ctx)?.enableLegacyRegexDetection === true;
  for (const acc of routes.values()) addRoute(ctx, rules, acc, legacyRegex);
  // Spec 02 §6.2 and §5: rewrite runs on the rule routes only, before the default backend is added. Only
  // routes of these Ingresses exist yet, so without the annotation on any of them there is nothing to do.
  if (ingresses.some((i) => i.metadata.annotations?.[REWRITE_ANNOTATION] !== undefined)) applyRewrites(ctx, rules);
  translateDefaultBackend(ctx, rules, ingresses);
}

function collectPaths(ctx: TranslateContext, src: IngressShared, routes: Map<string, RouteAccumulator>): void {
  const { ing } = src;
  const ns = ing.metadata.namespace ?? '';
  const rules = ing.spec?.rules ?? [];
  let lastBackend: IngressBackend | undefined;
  let lastResolved: IngressBackendRef | { error: string } | undefined;
  let lastAcc: RouteAccumulator | undefined;
  for (let ri = 0; ri < rules.length; ri++) {
    const rule = rules[ri];
    const paths = rule.http?.paths ?? [];
    for (let pi = 0; pi < paths.length; pi++) {
      const path = paths[pi];
      const spec = normalizePath(path.path, path.pathType);
      if (path.pathType !== undefined && path.pathType !== spec.pathType) {
        ctx.warn({
          objects: [src.ref],
          field: `spec.rules[${ri}].http.paths[${pi}].pathType`,
          message: `unknown pathType ${JSON.stringify(path.pathType)}: the path is treated as ImplementationSpecific`,
        });
      }
      // Paths of one Ingress mostly name the backend of the path before: resolve it once.
      const b = path.backend ?? {};
      if (!lastBackend || !sameIngressBackend(lastBackend, b)) lastResolved = resolveIngressBackend(ctx, ing, b);
      lastBackend = b;
      const backend = lastResolved!;
      if ('error' in backend) {
        ctx.fail({
          reason: 'UnsupportedBackend',
          objects: [src.ref],
          field: `spec.rules[${ri}].http.paths[${pi}].backend`,
          message: `failed to get backend for ingress path "${spec.path}": ${backend.error}`,
        });
        continue;
      }
      const host = rule.host ?? '';
      // The route name depends on host and backend only (this Ingress fixed): same as the last, same route.
      if (lastAcc && lastAcc.host === host && lastAcc.backend === backend) {
        lastAcc.paths.push(spec);
        continue;
      }
      const name = routeName(ns, ing.metadata.name, host, backend);
      let acc = routes.get(name);
      if (acc) acc.paths.push(spec);
      else routes.set(name, (acc = { src, host, backend, paths: [spec], name }));
      lastAcc = acc;
    }
  }
}

// The Kong paths of a route's Ingress paths (spec 02 §4), in lists of exactly their size.
function routePaths(specs: readonly IngressPathSpec[], marker: string, legacyRegex: boolean): string[] {
  const paths = specs.length === 1 ? kongPathsFor(specs[0]) : exact(specs.flatMap(kongPathsFor));
  for (let i = 0; i < paths.length; i++) paths[i] = applyRegexPrefix(paths[i], marker, legacyRegex);
  return paths;
}

function sameIngressBackend(a: IngressBackend, b: IngressBackend): boolean {
  if (a === b) return true;
  if (a.service && b.service) {
    return a.service.name === b.service.name && a.service.port?.number === b.service.port?.number && a.service.port?.name === b.service.port?.name;
  }
  if (a.resource && b.resource) {
    return !a.service && !b.service && a.resource.apiGroup === b.resource.apiGroup && a.resource.kind === b.resource.kind && a.resource.name === b.resource.name;
  }
  return false;
}

// Spec 02 §2.1.
function routeName(ns: string, ingName: string, host: string, b: IngressBackendRef): string {
  const h = host.replaceAll('*', '_');
  if (b.isFacade) return flat(`${ns}.${ingName}.${h}.${b.backend.name}.svc.facade`);
  const port = b.serviceName.slice(`${ns}.${b.backend.name}.`.length);
  return flat(`${ns}.${ingName}.${b.backend.name}.${h}.${port}`);
}

const NO_TAGS: readonly string[] = Object.freeze([]);
const NO_REFS: readonly ObjectRef[] = Object.freeze([]);
const NO_ANNOTATIONS: Readonly<Record<string, string>> = Object.freeze({});

/** The Kong service for an Ingress backend, created on first use (spec 02 §2.2). */
export function ingressService(rules: IngressRules, ing: IngressShared, b: IngressBackendRef, withPath: boolean): KongService {
  let ks = rules.services.get(b.serviceName);
  if (!ks) {
    // tags, k8sServices and annotations are set when services are populated: until then, shared empties
    // (lists of their own would be promoted with the service and then dropped, as old-generation garbage).
    ks = {
      name: b.serviceName,
      host: b.serviceHost,
      port: 80,
      protocol: 'http',
      connect_timeout: 60000,
      read_timeout: 60000,
      write_timeout: 60000,
      retries: 5,
      tags: NO_TAGS,
      routes: [],
      meta: { backends: [b.backend], parent: ing.ref, k8sServices: NO_REFS as ObjectRef[], annotations: NO_ANNOTATIONS, sourceKind: 'Ingress' },
    };
    if (withPath) ks.path = '/';
    rules.services.set(b.serviceName, ks);
  }
  return ks;
}

function addRoute(ctx: TranslateContext, rules: IngressRules, acc: RouteAccumulator, legacyRegex: boolean): void {
  const { src } = acc;
  const route = newIngressRoute(src, acc.name);
  // Spec 02 §6: at creation a rule route takes the raw protocols list, sorted; the annotation step may re-set it.
  const protocols = initialRouteProtocols(src.annotations);
  if (protocols) route.protocols = protocols;
  if (ctx.expressions) {
    Object.assign(route, ingressRouteExpression(ctx, src.ing, acc.host, acc.paths));
  } else {
    const marker = src.annotations[REGEX_PREFIX_ANNOTATION] ?? DEFAULT_REGEX_PREFIX;
    route.paths = routePaths(acc.paths, marker, legacyRegex);
    if (acc.host) route.hosts = [acc.host];
    route.regex_priority = 0;
  }
  applyIngressRouteAnnotations(ctx, route, src);
  ingressService(rules, src, acc.backend, true).routes.push(route);
  ctx.configured(src.ref);
}
