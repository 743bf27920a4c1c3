import yaml from 'js-yaml';
import type { K8sObject } from '../model/meta.js';
import { loadSimpleYaml } from './simple-yaml.js';
import { detachStrings } from './detach.js';
import { LeafSharer } from './share-leaves.js';

/** An unreadable path or a document that is not a Kubernetes object: fatal for `translate` (exit 2). */
export class ManifestError extends Error {
  override readonly name = 'ManifestError';
}

/** Where a document came from, for messages. */
export type ManifestSource = { readonly file: string; readonly line: number };

/** Objects read from manifests, with where each came from. */
export type LoadedManifests = {
  readonly objects: K8sObject[];
  /** same length and order as objects */
  readonly sources: ManifestSource[];
};

/**
 * Parses one YAML document's text (the text between separator lines, which js-yaml may still split at
 * `---` markers followed by content) and appends its objects; `lineOffset` is its first line in the file (0-based).
 */
export function parseYamlDocument(text: string, file: string, lineOffset: number, out: LoadedManifests): void {
  let docs: unknown[];
  try {
    const simple = loadSimpleYaml(text);
    // CORE_SCHEMA: no implicit timestamps (creationTimestamp stays a string, as from the API). js-yaml's
    // strings are slices of `text`: copied so that the objects do not keep the file's text alive.
    docs = simple ?? detachStrings(yaml.loadAll(text, undefined, { schema: yaml.CORE_SCHEMA, filename: file }));
  } catch (err) {
    if (err instanceof yaml.YAMLException) {
      // An error at the end of the stream (an unclosed bracket) points past the text: name its last line.
      const lastLine = text.trimEnd().split('\n').length - 1;
      const line = lineOffset + Math.min(err.mark?.line ?? 0, Math.max(lastLine, 0)) + 1;
      throw new ManifestError(`${file}:${line}: invalid YAML: ${err.reason}`, { cause: err });
    }
    throw err;
  }
  const firstLine = firstContentLine(text) + lineOffset + 1;
  for (const doc of docs) addDocument(doc, { file, line: firstLine }, out);
}

// A line that is blank (white space as String.prototype.trim sees it) or a comment, from lastIndex on.
const BLANK_OR_COMMENT = /[^\S\n]*(?:#|\n|$)/y;

function firstContentLine(text: string): number {
  for (let pos = 0, i = 0; pos <= text.length; i++) {
    BLANK_OR_COMMENT.lastIndex = pos;
    if (!BLANK_OR_COMMENT.test(text)) return i;
    const nl = text.indexOf('\n', pos);
    if (nl < 0) break;
    pos = nl + 1;
  }
  return 0;
}

/**
 * Appends a parsed document: an object, a `List`/`*List` with items, or an array; null is skipped.
 * `itemsShared`: the elements of its `items` went through `shareParsed` already (as they were read).
 */
export function addDocument(doc: unknown, source: ManifestSource, out: LoadedManifests, itemsShared = false): void {
  add(doc, source, out, false, itemsShared);
}

/**
 * Shares, in place, the small values a parsed object repeats from earlier ones of the same load (see
 * share-leaves.ts): for a List's items as they are read, before the List is known to be one, so that
 * their copies die young instead of being held until the List ends.
 */
export function shareParsed(item: unknown, out: LoadedManifests): void {
  if (typeof item === 'object' && item !== null && !Array.isArray(item)) sharerOf(out).share(item as Record<string, unknown>);
}

// `shared`: the document went through shareParsed already.
function add(doc: unknown, source: ManifestSource, out: LoadedManifests, shared: boolean, itemsShared: boolean): void {
  if (doc === null || doc === undefined) return; // empty documents are ignored, as kubectl does
  if (Array.isArray(doc)) {
    for (const item of doc) add(item, source, out, shared, false);
    return;
  }
  if (typeof doc !== 'object') {
    throw new ManifestError(`${source.file}:${source.line}: document is not an object`);
  }
  const obj = doc as Record<string, unknown>;
  if (typeof obj.kind !== 'string' || obj.kind === '') {
    throw new ManifestError(`${source.file}:${source.line}: document has no kind`);
  }
  if (obj.kind === 'List' || (obj.kind.endsWith('List') && Array.isArray(obj.items))) {
    if (!Array.isArray(obj.items)) throw new ManifestError(`${source.file}:${source.line}: ${obj.kind} has no items list`);
    for (const item of obj.items) add(item, source, out, shared || itemsShared, false);
    return;
  }
  if (typeof obj.apiVersion !== 'string' || obj.apiVersion === '') {
    throw new ManifestError(`${source.file}:${source.line}: ${obj.kind} has no apiVersion`);
  }
  const metadata = obj.metadata as Record<string, unknown> | undefined;
  if (!metadata || typeof metadata !== 'object' || typeof metadata.name !== 'string' || metadata.name === '') {
    throw new ManifestError(`${source.file}:${source.line}: ${obj.kind} has no metadata.name`);
  }
  if (metadata.namespace !== undefined && typeof metadata.namespace !== 'string') {
    throw new ManifestError(`${source.file}:${source.line}: ${obj.kind} ${metadata.name}: metadata.namespace is not a string`);
  }
  const normalized = normalizeMetadata(obj);
  if (!shared) sharerOf(out).share(normalized);
  out.objects.push(normalized as K8sObject);
  out.sources.push(source);
}

// Values repeat across the files of one load as much as within one file.
const sharers = new WeakMap<LoadedManifests, LeafSharer>();

function sharerOf(out: LoadedManifests): LeafSharer {
  let sharer = sharers.get(out);
  if (!sharer) sharers.set(out, (sharer = new LeafSharer()));
  return sharer;
}

// Annotations and labels are string maps in Kubernetes; YAML may give `true` or `80` unquoted.
function normalizeMetadata(obj: Record<string, unknown>): Record<string, unknown> {
  const md = obj.metadata as Record<string, unknown>;
  const fix = (m: unknown): Record<string, string> | undefined => {
    if (!m || typeof m !== 'object') return undefined;
    const r: Record<string, string> = {};
    for (const [k, v] of Object.entries(m)) if (v !== null && v !== undefined) r[k] = typeof v === 'string' ? v : String(v);
    return r;
  };
  const needs = (m: unknown): boolean =>
    m !== undefined && (m === null || typeof m !== 'object' || Object.values(m).some((v) => typeof v !== 'string'));
  if (!needs(md.annotations) && !needs(md.labels) && (md.uid === undefined || typeof md.uid === 'string')) return obj;
  return {
    ...obj,
    metadata: {
      ...md,
      ...(md.annotations !== undefined ? { annotations: fix(md.annotations) } : {}),
      ...(md.labels !== undefined ? { labels: fix(md.labels) } : {}),
      ...(md.uid !== undefined ? { uid: String(md.uid) } : {}),
    },
  };
}
