import type { KongRoute } from '../../kongstate/types.js';
import { createContext, type TranslateContext } from '../context.js';
import { keepShape } from '../../runtime/keep-shape.js';
import { defaultTranslateOptions } from '../options.js';
import { IngressRules } from '../rules.js';
import { Snapshot } from '../../store/snapshot.js';
import { appendKept } from '../compact.js';
import { initialRouteProtocols } from '../annotations/protocols.js';
import { copyRouteAnnotations } from '../annotations/route.js';
import { ingressRouteExpression } from '../expressions/ingress.js';
import type { IngressBackendRef } from './backends.js';
import { ingressService, type IngressShared } from './ingress.js';
import { applyRegexPrefix, kongPathsFor, DEFAULT_REGEX_PREFIX, REGEX_PREFIX_ANNOTATION, type IngressPathSpec } from './paths.js';
import { applyIngressRouteAnnotations, newIngressRoute } from './route-annotations.js';

const MAX_SCANNED_ROUTES = 16;

/**
 * The rule routes of all Ingresses, made as their paths are read: a route is named by its Ingress, host and
 * backend (spec 02 §2.1), and every path with that name joins it, even from another Ingress. Annotations
 * apply once all paths are read, in the order the routes were made, so that collection failures come
 * first, as they always have.
 *
 * Names start `namespace.ingress.`: when no namespace or Ingress name holds a dot, two Ingresses never make
 * the same name, and a route is looked for among its own Ingress's routes only. A map of every route name
 * (hashing each new name, ~100k entries at 50k Ingresses) is kept only when a dotted name makes the
 * prefixes ambiguous.
 */
export class RuleRoutes {
  private readonly byName: Map<string, number> | undefined;
  /** number of the first route of the Ingress being read */
  private ingressStart = 0;
  /** the route names of the Ingress being read, once it has too many routes to scan */
  private ingressNames: Map<string, number> | undefined;
  private readonly routes: KongRoute[] = [];
  private readonly sources: IngressShared[] = [];
  // expressions router: a route's expression is made from all its paths at the end
  private readonly hosts: string[] = [];
  private readonly specs: IngressPathSpec[][] = [];

  private readonly kongPaths: KongPathsCache;
  /** the initial protocols of the routes of protocolsSource */
  private protocols: string[] | undefined;
  private protocolsSource: IngressShared | undefined;

  constructor(
    private readonly ctx: TranslateContext,
    private readonly rules: IngressRules,
    legacyRegex: boolean,
    ambiguousNames: boolean,
  ) {
    if (ambiguousNames) this.byName = new Map();
    this.kongPaths = new KongPathsCache(legacyRegex);
  }

  /** The routes added next belong to another Ingress. */
  startIngress(): void {
    this.ingressStart = this.routes.length;
    this.ingressNames = undefined;
  }

  /** Adds a path to the route of this name, made (with its Kong service) on first use; returns the route's number. */
  add(src: IngressShared, name: string, host: string, backend: IngressBackendRef, spec: IngressPathSpec): number {
    const i = this.find(name);
    if (i !== undefined) {
      this.addPath(i, spec);
      return i;
    }
    const route = newIngressRoute(src, name);
    // Spec 02 §6: at creation a rule route takes the raw protocols list, sorted; the annotation step may re-set it.
    if (src !== this.protocolsSource) {
      this.protocolsSource = src;
      this.protocols = initialRouteProtocols(src.annotations);
    }
    if (this.protocols) route.protocols = this.protocols; // one list for an Ingress's routes (read-only)
    if (this.ctx.expressions) {
      this.hosts.push(host);
      this.specs.push([spec]);
    } else {
      route.paths = this.kongPaths.of(spec, src);
      if (host) route.hosts = [host];
      route.regex_priority = 0;
    }
    const ks = ingressService(this.rules, src, backend, true);
    ks.routes = appendKept(ks.routes, route);
    this.byName?.set(name, this.routes.length);
    this.ingressNames?.set(name, this.routes.length);
    this.routes.push(route);
    this.sources.push(src);
    return this.routes.length - 1;
  }

  private find(name: string): number | undefined {
    if (this.byName) return this.byName.get(name);
    // An Ingress has a handful of routes; one with hundreds gets a map of its own.
    if (this.routes.length - this.ingressStart > MAX_SCANNED_ROUTES) {
      if (!this.ingressNames) {
        this.ingressNames = new Map();
        for (let i = this.ingressStart; i < this.routes.length; i++) this.ingressNames.set(this.routes[i].name, i);
      }
      return this.ingressNames.get(name);
    }
    for (let i = this.ingressStart; i < this.routes.length; i++) if (this.routes[i].name === name) return i;
    return undefined;
  }

  /** Adds a path to route number `i`, whose host and backend it shares. */
  addPath(i: number, spec: IngressPathSpec): void {
    if (this.ctx.expressions) this.specs[i].push(spec);
    else this.routes[i].paths = (this.routes[i].paths ?? []).concat(this.kongPaths.of(spec, this.sources[i]));
  }

  /**
   * Expressions, then annotations, route by route in the order they were made. The routes of one Ingress
   * follow each other and start alike: the annotations are worked out for the first and copied to the rest.
   */
  finish(): void {
    let done: KongRoute | undefined;
    for (let i = 0; i < this.routes.length; i++) done = this.finishRoute(i, done);
  }

  // Route i, given the last route whose annotations were worked out; returns the new such route. (A
  // function per route: see collectIngress in ingress.ts.)
  private finishRoute(i: number, done: KongRoute | undefined): KongRoute {
    const route = this.routes[i];
    const src = this.sources[i];
    if (this.ctx.expressions) Object.assign(route, ingressRouteExpression(this.ctx, src.ing, this.hosts[i], this.specs[i]));
    const same = done !== undefined && this.sources[i - 1] === src;
    if (same) copyRouteAnnotations(src, done, route);
    else applyIngressRouteAnnotations(route, src);
    this.ctx.configured(src.ref);
    return same ? done : route;
  }
}

const PATH_TYPES = ['Exact', 'Prefix', 'ImplementationSpecific'] as const;

/**
 * The Kong paths of one Ingress path (spec 02 §4), the regex marker of its Ingress applied. Clusters repeat
 * paths (`/`, `/api`, `/healthz`) across thousands of Ingresses: each distinct path, type and marker is
 * converted once and its list shared by the routes that have only that path. Shared lists are read-only: a
 * route that gets a second path gets a new list (addPath concatenates).
 */
class KongPathsCache {
  // marker -> one map per path type: path -> Kong paths
  private readonly byMarker = new Map<string, Map<string, string[]>[]>();

  constructor(private readonly legacyRegex: boolean) {}

  of(spec: IngressPathSpec, src: IngressShared): string[] {
    const marker = src.annotations[REGEX_PREFIX_ANNOTATION] ?? DEFAULT_REGEX_PREFIX;
    let byType = this.byMarker.get(marker);
    if (!byType) this.byMarker.set(marker, (byType = PATH_TYPES.map(() => new Map<string, string[]>())));
    const byPath = byType[PATH_TYPES.indexOf(spec.pathType)];
    let paths = byPath.get(spec.path);
    if (!paths) {
      paths = kongPathsFor(spec);
      for (let i = 0; i < paths.length; i++) paths[i] = applyRegexPrefix(paths[i], marker, this.legacyRegex);
      byPath.set(spec.path, paths);
    }
    return paths;
  }
}

// One idle instance each, made from an empty snapshot: see keepShape.
keepShape(new RuleRoutes(createContext(new Snapshot(new Map()), defaultTranslateOptions()).ctx, new IngressRules(), false, false));
