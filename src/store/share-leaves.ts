import { knownKind } from '../model/kinds.js';
import { parseApiVersion } from '../model/meta.js';
import { RecentStrings, RecentValues, sameLeafObject } from './recent-values.js';
import { keepShape } from '../runtime/keep-shape.js';

type Json = Record<string, unknown>;

/** Label and annotation keys remembered at once (each with its last value); past that, forgotten and begun again. */
const MAX_META_KEYS = 1024;

/**
 * Where small values repeat from object to object in the kinds a large cluster has most of, and a place
 * (src/store/recent-values.ts) for each: 50k Ingresses with their Services and EndpointSlices held ~44 MB
 * of equal copies (EndpointSlice conditions and ports, Service ports, Ingress backends, apiVersions...).
 * Documents are changed in place, right after parsing, before anything else holds them; every value
 * reads as it was parsed (same keys, order and values), and shared ones are frozen.
 * One per load (manifest-documents.ts): nothing is kept after it.
 */
export class LeafSharer {
  private readonly apiVersions = new RecentStrings();
  private readonly kinds = new RecentStrings();
  private readonly metaValues = new Map<string, string>(); // label or annotation key -> its last value
  private readonly conditions = new RecentValues();
  private readonly slicePort = new RecentValues();
  private readonly slicePorts = new RecentValues();
  private readonly servicePort = new RecentValues();
  private readonly servicePorts = new RecentValues();
  private readonly backendPort = new RecentValues();
  private readonly backendService = new RecentValues();
  private readonly backend = new RecentValues();
  private readonly pathTypes = new RecentStrings();
  private readonly paths = new RecentStrings();

  /**
   * Shares, in place, the repeated small values of a freshly parsed object (nothing else holds it yet, no
   * part of it is frozen but what sharing froze).
   */
  share(doc: Json): void {
    putString(doc, 'apiVersion', this.apiVersions);
    putString(doc, 'kind', this.kinds);
    const md = doc.metadata;
    if (isObject(md)) {
      this.shareMetaValues(md.labels);
      this.shareMetaValues(md.annotations);
    }
    if (typeof doc.apiVersion !== 'string' || typeof doc.kind !== 'string') return;
    switch (knownKind(parseApiVersion(doc.apiVersion).group, doc.kind)) {
      case 'EndpointSlice':
        return this.shareEndpointSlice(doc);
      case 'Service':
        return this.shareService(doc);
      case 'Ingress':
        return this.shareIngress(doc.spec);
      default:
    }
  }

  // A label's or annotation's value is often the same as in the object before (`managed-by`, `true`...).
  private shareMetaValues(map: unknown): void {
    if (!isObject(map)) return;
    for (const k of Object.keys(map)) {
      const v = map[k];
      if (typeof v !== 'string' || k === '__proto__') continue; // an own `__proto__` key cannot be assigned
      const last = this.metaValues.get(k);
      if (last === v) map[k] = last;
      else {
        if (this.metaValues.size >= MAX_META_KEYS) this.metaValues.clear();
        this.metaValues.set(k, v);
      }
    }
  }

  private shareEndpointSlice(doc: Json): void {
    if (Array.isArray(doc.endpoints)) {
      for (const e of doc.endpoints as unknown[]) if (isObject(e)) put(e, 'conditions', this.conditions.share(e.conditions));
    }
    put(doc, 'ports', this.shareList(doc.ports, this.slicePort, this.slicePorts));
  }

  private shareService(doc: Json): void {
    const spec = doc.spec;
    if (!isObject(spec)) return;
    put(spec, 'ports', this.shareList(spec.ports, this.servicePort, this.servicePorts));
    // A selector is often the Service's own labels (`app: x`): one object for both.
    const labels = isObject(doc.metadata) ? doc.metadata.labels : undefined;
    if (isObject(labels) && isObject(spec.selector) && labels !== spec.selector && sameLeafObject(spec.selector, labels)) {
      spec.selector = Object.freeze(labels);
    }
  }

  private shareIngress(spec: unknown): void {
    if (!isObject(spec)) return;
    put(spec, 'defaultBackend', this.shareBackend(spec.defaultBackend));
    if (!Array.isArray(spec.rules)) return;
    for (const rule of spec.rules as unknown[]) {
      if (!isObject(rule) || !isObject(rule.http) || !Array.isArray(rule.http.paths)) continue;
      for (const path of rule.http.paths as unknown[]) {
        if (!isObject(path)) continue;
        putString(path, 'pathType', this.pathTypes);
        putString(path, 'path', this.paths);
        put(path, 'backend', this.shareBackend(path.backend));
      }
    }
  }

  // `{ service: { name, port: { number } } }`: the paths of one Ingress mostly lead to the same backend.
  private shareBackend(backend: unknown): unknown {
    if (!isObject(backend)) return backend;
    const service = backend.service;
    if (isObject(service)) {
      put(service, 'port', this.backendPort.share(service.port));
      put(backend, 'service', this.backendService.share(service));
    }
    return this.backend.share(backend);
  }

  // A list of small objects: its items shared at one place, then the list itself at another.
  private shareList(list: unknown, items: RecentValues, lists: RecentValues): unknown {
    if (!Array.isArray(list)) return list;
    const l = list as unknown[];
    for (let i = 0; i < l.length; i++) {
      const shared = items.share(l[i]);
      if (shared !== l[i]) l[i] = shared;
    }
    return lists.share(list);
  }
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// Equal strings are not told apart by \`!==\`: the kept one is written whenever there is one. Parsed
// documents and their paths are never shared, so never frozen (unlike the values \`put\` writes over).
function putString(o: Json, key: string, strings: RecentStrings): void {
  const v = o[key];
  if (typeof v === 'string') o[key] = strings.share(v);
}

// Assigns only a replacement: an unchanged value is not written (the object may be frozen, shared already).
function put(o: Json, key: string, value: unknown): void {
  if (o[key] !== value) o[key] = value;
}

// An idle instance for the life of the process: see keepShape.
keepShape(new LeafSharer());
