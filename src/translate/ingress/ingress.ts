import type { KongService, RouteMeta } from '../../kongstate/types.js';
import type { Ingress, IngressBackend } from '../../model/ingress.js';
import { refOf, type ObjectRef } from '../../model/object-ref.js';
import { objectTags } from '../tags.js';
import type { TranslateContext } from '../context.js';
import type { IngressRules } from '../rules.js';
import { ingressClassParameters } from '../upstreams.js';
import { resolveIngressBackend, type IngressBackendRef } from './backends.js';
import { translatedIngresses } from './class.js';
import { translateDefaultBackend } from './default-backend.js';
import { pathSpecOf } from './paths.js';
import { RuleRoutes } from './rule-routes.js';
import { applyRewrites, REWRITE_ANNOTATION } from '../annotations/rewrite.js';
import type { AnnotationSource } from '../annotations/source.js';

/**
 * What every route of one Ingress shares: computed once per Ingress, not once per route. It is also where
 * the route annotations are read from and warnings about them go (an AnnotationSource), so that one object
 * per Ingress serves both.
 */
export type IngressShared = AnnotationSource & {
  readonly ing: Ingress;
  readonly ref: ObjectRef;
  readonly tags: readonly string[];
  /** the meta of every route of this Ingress (read-only, so one object serves them all) */
  readonly routeMeta: RouteMeta;
};

/** The parts every route of this Ingress shares. */
export function ingressShared(ctx: TranslateContext, ing: Ingress): IngressShared {
  const ref = refOf(ing);
  return {
    ctx,
    objects: [ref],
    annotations: ing.metadata.annotations ?? NO_ANNOTATIONS,
    ing,
    ref,
    tags: objectTags(ing),
    routeMeta: { source: ref, sourceObject: ing },
  };
}

/** Spec 02 §2, §5, §7: every translated Ingress's rules, default backend and TLS entries into `rules`. */
export function collectIngressRules(ctx: TranslateContext, rules: IngressRules): void {
  const ingresses = translatedIngresses(ctx.snapshot, ctx.options.ingressClass);
  const legacyRegex = ingressClassParameters(ctx)?.enableLegacyRegexDetection === true;
  const routes = new RuleRoutes(ctx, rules, legacyRegex, ingresses.some(hasDottedName));
  for (let i = 0; i < ingresses.length; i++) collectIngress(ctx, rules, routes, ingresses[i]); // indexed: see populateServices
  routes.finish();
  // Spec 02 §6.2 and §5: rewrite runs on the rule routes only, before the default backend is added. Only
  // routes of these Ingresses exist yet, so without the annotation on any of them there is nothing to do.
  if (ingresses.some((i) => i.metadata.annotations?.[REWRITE_ANNOTATION] !== undefined)) applyRewrites(ctx, rules);
  translateDefaultBackend(ctx, rules, ingresses);
}

// One Ingress's routes and TLS claims. Loops over every object call a function per object, here and in the
// other stages: a function called once per translation with the work inline in its loop is optimized only
// mid-loop (on-stack replacement) with no type feedback for the code after the loop, and V8 deoptimized
// and recompiled such functions on every translation (--trace-opt --trace-deopt).
function collectIngress(ctx: TranslateContext, rules: IngressRules, routes: RuleRoutes, ing: Ingress): void {
  const src = ingressShared(ctx, ing);
  routes.startIngress();
  collectPaths(ctx, src, routes);
  for (const tls of ing.spec?.tls ?? []) {
    if (tls.hosts?.length && tls.secretName) rules.claimTLS(ing.metadata.namespace ?? '', tls.secretName, tls.hosts, src.ref);
  }
}

function hasDottedName(ing: Ingress): boolean {
  return (ing.metadata.namespace ?? '').includes('.') || ing.metadata.name.includes('.');
}

function collectPaths(ctx: TranslateContext, src: IngressShared, routes: RuleRoutes): void {
  const { ing } = src;
  const ns = ing.metadata.namespace ?? '';
  const rules = ing.spec?.rules ?? [];
  let lastBackend: IngressBackend | undefined;
  let lastResolved: IngressBackendRef | { error: string } | undefined;
  let last: { host: string; backend: IngressBackendRef; route: number } | undefined;
  for (let ri = 0; ri < rules.length; ri++) {
    const rule = rules[ri];
    const paths = rule.http?.paths ?? [];
    for (let pi = 0; pi < paths.length; pi++) {
      const path = paths[pi];
      const spec = pathSpecOf(path);
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
      if (last && last.host === host && last.backend === backend) {
        routes.addPath(last.route, spec);
        continue;
      }
      last = { host, backend, route: routes.add(src, routeName(ns, ing.metadata.name, host, backend), host, backend, spec) };
    }
  }
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

// Spec 02 §2.1. Joined from a list: the result is made flat at once, where a template literal makes a
// chain of pieces to flatten (and drop) afterwards.
function routeName(ns: string, ingName: string, host: string, b: IngressBackendRef): string {
  const h = host.replaceAll('*', '_');
  if (b.isFacade) return [ns, ingName, h, b.backend.name, 'svc.facade'].join('.');
  const port = b.serviceName.slice(ns.length + b.backend.name.length + 2); // after `${ns}.${name}.`
  return [ns, ingName, b.backend.name, h, port].join('.');
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
    // The id, set later on every service, is declared here (see newIngressRoute); rarer fields (TLS
    // verification, CA and client certificates, plugins) are added by the annotations that set them.
    ks = {
      id: undefined,
      name: b.serviceName,
      host: b.serviceHost,
      port: 80,
      protocol: 'http',
      path: withPath ? '/' : undefined,
      connect_timeout: 60000,
      read_timeout: 60000,
      write_timeout: 60000,
      retries: 5,
      tags: NO_TAGS,
      routes: [],
      meta: { backends: [b.backend], parent: ing.ref, k8sServices: NO_REFS as ObjectRef[], annotations: NO_ANNOTATIONS, sourceKind: 'Ingress' },
    };
    rules.services.set(b.serviceName, ks);
  }
  return ks;
}
