import { posix } from 'node:path';
import type { JsonObject, NestedPlugin } from '../../kongstate/types.js';
import type { HTTPHeader, HTTPHeaderFilter, HTTPRouteFilter } from '../../model/gateway-api.js';
import type { FailureReason } from '../failures.js';
import { normalizePrefix } from '../expressions/httproute.js';
import { asArray } from './parent-refs.js';

/** What the filters of one Kong route produce (spec 03 §4.8). */
export type FilterOutcome = {
  readonly plugins: NestedPlugin[];
  /** KongPlugin names from ExtensionRef filters, in filter order */
  readonly pluginNames: string[];
  /** the normalized match path P when a URLRewrite ReplacePrefixMatch rewrites the route's paths */
  readonly prefixRewrite?: string;
};

/** A filter the translator cannot turn into plugins: the whole Kong service is dropped (spec 03 §4.10). */
export type FilterError = { readonly error: string; readonly field: string; readonly reason: FailureReason };

export type FilterOptions = {
  /** the path value of the match the route is built for ('' when the match has no path) */
  readonly matchPath: string;
  readonly expressions: boolean;
  /** the SupportRedirectPlugin feature gate */
  readonly redirectPlugin: boolean;
  readonly tags: readonly string[];
  /** e.g. `spec.rules[1].filters` */
  readonly field: string;
};

type Transformer = { replace: string[]; add: string[]; append: string[]; remove: string[]; uri: string };

const KONG_PLUGIN_GROUP = 'configuration.konghq.com';

/**
 * Spec 03 §4.8: rule filters to route plugins. Header modifiers and rewrites merge into one
 * request-transformer and one response-transformer (lists concatenated in filter order, the first
 * non-empty `replace.uri` wins); redirects give request-termination (+ Location header) or `redirect`.
 */
export function pluginsFromFilters(filters: readonly HTTPRouteFilter[] | undefined, opts: FilterOptions): FilterOutcome | FilterError {
  const request = emptyTransformer();
  const response = emptyTransformer();
  const others: NestedPlugin[] = [];
  const pluginNames: string[] = [];
  let prefixRewrite: string | undefined;
  for (const [i, f] of asArray(filters).entries()) {
    const field = `${opts.field}[${i}]`;
    switch (f.type) {
      case 'RequestHeaderModifier':
        addHeaderModifier(request, f.requestHeaderModifier);
        break;
      case 'ResponseHeaderModifier':
        addHeaderModifier(response, f.responseHeaderModifier);
        break;
      case 'URLRewrite': {
        const r = addURLRewrite(request, f, opts, field);
        if ('error' in r) return r;
        prefixRewrite ??= r.prefixRewrite;
        break;
      }
      case 'RequestRedirect':
        others.push(...redirectPlugins(f, opts, response));
        break;
      case 'ExtensionRef': {
        const ref = f.extensionRef ?? {};
        if (ref.group !== KONG_PLUGIN_GROUP || ref.kind !== 'KongPlugin') {
          return { reason: 'UnsupportedField', field: `${field}.extensionRef`, error: `plugin ${ref.group ?? ''}/${ref.kind ?? ''} unsupported` };
        }
        if (ref.name) pluginNames.push(ref.name);
        break;
      }
      default:
        return { reason: 'UnsupportedField', field: `${field}.type`, error: `httpFilter ${f.type ?? '(no type)'} unsupported` };
    }
  }
  const plugins = [...others];
  const req = transformerConfig(request);
  if (req) plugins.push({ name: 'request-transformer', config: req });
  const res = transformerConfig(response);
  if (res) plugins.push({ name: 'response-transformer', config: res });
  for (const p of plugins) p.tags = opts.tags;
  return { plugins, pluginNames, ...(prefixRewrite !== undefined ? { prefixRewrite } : {}) };
}

function emptyTransformer(): Transformer {
  return { replace: [], add: [], append: [], remove: [], uri: '' };
}

// `Name:value`, or just `Name` when the value is empty.
function headerLine(h: HTTPHeader): string {
  return h.value ? `${h.name ?? ''}:${h.value}` : (h.name ?? '');
}

function addHeaderModifier(t: Transformer, m: HTTPHeaderFilter | undefined): void {
  for (const h of asArray(m?.set)) {
    t.replace.push(headerLine(h));
    t.add.push(headerLine(h));
  }
  for (const h of asArray(m?.add)) t.append.push(headerLine(h));
  for (const name of asArray(m?.remove)) t.remove.push(name);
}

function addURLRewrite(t: Transformer, f: HTTPRouteFilter, opts: FilterOptions, field: string): { prefixRewrite?: string } | FilterError {
  const rw = f.urlRewrite ?? {};
  if (!rw.hostname && !rw.path) {
    return { reason: 'InvalidObject', field: `${field}.urlRewrite`, error: 'URLRewrite filter must have a hostname or a path' };
  }
  if (rw.hostname) {
    t.replace.push(`host:${rw.hostname}`);
    t.add.push(`host:${rw.hostname}`);
  }
  if (!rw.path) return {};
  switch (rw.path.type) {
    case 'ReplaceFullPath':
      if (rw.path.replaceFullPath === undefined || rw.path.replaceFullPath === null) {
        return { reason: 'InvalidObject', field: `${field}.urlRewrite.path.replaceFullPath`, error: 'URLRewrite ReplaceFullPath has no replaceFullPath' };
      }
      t.uri ||= rw.path.replaceFullPath;
      return {};
    case 'ReplacePrefixMatch': {
      const replacement = rw.path.replacePrefixMatch;
      const hasReplacement = replacement !== undefined && replacement !== null;
      // Traditional router: P is the match path only when a replacement is given (spec 03 §4.8).
      const p = normalizePrefix(opts.expressions || hasReplacement ? opts.matchPath : '');
      t.uri ||= hasReplacement ? prefixReplacementURI(p, replacement) : '/';
      return { prefixRewrite: p };
    }
    default:
      return { reason: 'UnsupportedField', field: `${field}.urlRewrite.path.type`, error: `URLRewrite path type ${rw.path.type ?? '(none)'} unsupported` };
  }
}

/** Spec 03 §4.8: `replace.uri` for ReplacePrefixMatch, from the normalized match path P and the replacement. */
export function prefixReplacementURI(p: string, replacePrefixMatch: string): string {
  const r = replacePrefixMatch.endsWith('/') ? replacePrefixMatch.slice(0, -1) : replacePrefixMatch;
  if (r === '') {
    return p === '/' ? '$(uri_captures[1] == nil and "/" or "/" .. uri_captures[1])' : '$(uri_captures[1] == nil and "/" or uri_captures[1])';
  }
  return p === '/' ? `${r}$(uri_captures[1] == nil and "" or "/" .. uri_captures[1])` : `${r}$(uri_captures[1])`;
}

// Spec 03 §4.8 RequestRedirect: legacy request-termination + Location header, or the redirect plugin.
function redirectPlugins(f: HTTPRouteFilter, opts: FilterOptions, response: Transformer): NestedPlugin[] {
  const rr = f.requestRedirect ?? {};
  const fullPath = rr.path?.type === 'ReplaceFullPath' && rr.path.replaceFullPath ? rr.path.replaceFullPath : undefined;
  const status = rr.statusCode ?? null;
  if (opts.redirectPlugin) {
    const path = fullPath ?? '/';
    const config: JsonObject = { status_code: status, location: location(rr, path), keep_incoming_path: fullPath === undefined };
    return [{ name: 'redirect', config }];
  }
  const path = fullPath ?? opts.matchPath;
  const loc = location(rr, path);
  response.add.push(loc ? `Location:${loc}` : 'Location');
  return [{ name: 'request-termination', config: { status_code: status } }];
}

function location(rr: NonNullable<HTTPRouteFilter['requestRedirect']>, path: string): string {
  if (!rr.hostname) return path;
  const host = typeof rr.port === 'number' ? `${rr.hostname}:${rr.port}` : rr.hostname;
  return `${rr.scheme || 'http'}://${cleanJoin(host, path)}`;
}

/** Go's path.Join: joined, cleaned, no trailing `/` (`example.com` + `/foo/` = `example.com/foo`). */
export function cleanJoin(a: string, b: string): string {
  const joined = posix.normalize([a, b].filter((s) => s !== '').join('/'));
  return joined.length > 1 && joined.endsWith('/') ? joined.slice(0, -1) : joined;
}

function transformerConfig(t: Transformer): JsonObject | undefined {
  const config: JsonObject = {};
  const replace: JsonObject = {};
  if (t.replace.length) replace.headers = t.replace;
  if (t.uri) replace.uri = t.uri;
  if (Object.keys(replace).length) config.replace = replace;
  if (t.add.length) config.add = { headers: t.add };
  if (t.append.length) config.append = { headers: t.append };
  if (t.remove.length) config.remove = { headers: t.remove };
  return Object.keys(config).length ? config : undefined;
}
