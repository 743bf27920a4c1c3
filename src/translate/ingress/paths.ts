import { flat } from '../compact.js';

/** Normalized Ingress path with its type (spec 02 §2 step 1). */
export type IngressPathSpec = { readonly path: string; readonly pathType: 'Exact' | 'Prefix' | 'ImplementationSpecific' };

export const DEFAULT_REGEX_PREFIX = '/~';
export const REGEX_PREFIX_ANNOTATION = 'konghq.com/regex-prefix';

/** Collapses runs of `/`, maps "" to "/", and a missing or unknown pathType to ImplementationSpecific. */
export function normalizePath(path: string | undefined, pathType: string | undefined): IngressPathSpec {
  const raw = path ?? '';
  const p = (raw.includes('//') ? raw.replace(/\/{2,}/g, '/') : raw) || '/';
  const t = pathType === 'Exact' || pathType === 'Prefix' ? pathType : 'ImplementationSpecific';
  return { path: p, pathType: t };
}

/**
 * normalizePath of an Ingress path. A path that is already normal (most are) serves as its own spec: no
 * object per path.
 */
export function pathSpecOf(p: { readonly path?: string; readonly pathType?: string }): IngressPathSpec {
  const { path, pathType } = p;
  if (path && !path.includes('//') && (pathType === 'Exact' || pathType === 'Prefix' || pathType === 'ImplementationSpecific')) {
    return p as IngressPathSpec;
  }
  return normalizePath(path, pathType);
}

/** Trims a character from the left. */
export function trimLeft(s: string, ch: string): string {
  let i = 0;
  while (i < s.length && s[i] === ch) i++;
  return s.slice(i);
}

/** Trims a character from both ends. */
export function trimBoth(s: string, ch: string): string {
  let j = s.length;
  while (j > 0 && s[j - 1] === ch) j--;
  return trimLeft(s.slice(0, j), ch);
}

/** Spec 02 §4.1: the Kong paths of one Ingress path, before the regex-prefix step. */
export function kongPathsFor(p: IngressPathSpec): string[] {
  switch (p.pathType) {
    case 'Exact':
      return [flat(`~/${trimLeft(p.path, '/')}$`)];
    case 'Prefix': {
      const b = trimBoth(p.path, '/');
      return b === '' ? ['/'] : [flat(`/${b}/`), flat(`~/${b}$`)];
    }
    default:
      return [p.path];
  }
}

const LEGACY_PLAIN_PATH = /^[a-zA-Z0-9.\-_~/%]*$/;

/** Spec 02 §4.3: the regex marker becomes `~`; optionally, legacy detection marks paths with regex characters. */
export function applyRegexPrefix(path: string, marker: string, legacyRegexDetection: boolean): string {
  if (marker !== '' && path.startsWith(marker)) return `~${path.slice(marker.length)}`;
  if (legacyRegexDetection && !path.startsWith('~') && !LEGACY_PLAIN_PATH.test(path)) return `~${path}`;
  return path;
}
