import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import yaml from 'js-yaml';
import type { K8sObject } from '../model/meta.js';
import { loadSimpleYaml } from './simple-yaml.js';

/** An unreadable path or a document that is not a Kubernetes object: fatal for `translate` (exit 2). */
export class ManifestError extends Error {
  override readonly name = 'ManifestError';
}

/** Where a document came from, for messages. */
export type ManifestSource = { readonly file: string; readonly line: number };

export type LoadedManifests = {
  readonly objects: K8sObject[];
  /** same length and order as objects */
  readonly sources: ManifestSource[];
};

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
// kubectl splits multi-document YAML on lines that are exactly `---` (optionally followed by a comment/space).
const DOC_SEPARATOR = /^---[ \t]*(?:#.*)?\r?$/; // \r: files with CRLF line ends

/** Reads manifests the way `kubectl apply -f` does: files, directories (recursive) or `-` for stdin. */
export function loadManifests(paths: readonly string[], readStdin: () => string = () => readFileSync(0, 'utf8')): LoadedManifests {
  const out: LoadedManifests = { objects: [], sources: [] };
  for (const p of paths) {
    if (p === '-') parseManifestText(readStdin(), '<stdin>', out);
    else for (const file of expandPath(p)) parseManifestText(readText(file), file, out);
  }
  return out;
}

function expandPath(path: string): string[] {
  let st;
  try {
    st = statSync(path);
  } catch (err) {
    throw new ManifestError(`cannot read ${path}: ${describeFsError(err)}`, { cause: err });
  }
  if (!st.isDirectory()) return [path];
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (MANIFEST_EXTENSIONS.has(extname(entry.name).toLowerCase())) files.push(full);
    }
  };
  walk(path);
  return files;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new ManifestError(`cannot read ${file}: ${describeFsError(err)}`, { cause: err });
  }
}

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return err instanceof Error ? err.message : String(err);
}

/** Parses one file's text (multi-document YAML, or JSON) and appends its objects. Exported for tests. */
export function parseManifestText(text: string, file: string, out: LoadedManifests): void {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    // JSON is ~10x faster to parse than YAML; a JSON file is one document (an object, a List, or an array).
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      doc = undefined;
    }
    if (doc !== undefined) {
      addDocument(doc, { file, line: 1 }, out);
      return;
    }
  }
  // Walk the lines by index (no array of lines: sets of tens of thousands of documents are common).
  // A document is the text between separator lines; `line` counts lines from 0.
  let docStart = 0; // offset of the document's first line
  let docLine = 0; // its line number
  let pos = 0;
  let line = 0;
  for (;;) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl;
    if (text.charCodeAt(pos) === 45 && DOC_SEPARATOR.test(text.slice(pos, end))) {
      if (line > docLine) parseYamlDocument(text.slice(docStart, pos - 1), file, docLine, out);
      docStart = end + 1;
      docLine = line + 1;
    }
    if (nl < 0) break;
    pos = nl + 1;
    line++;
  }
  // The last document runs to the end of the text (a final separator line leaves none).
  if (line + 1 > docLine) parseYamlDocument(text.slice(docStart), file, docLine, out);
}

function parseYamlDocument(text: string, file: string, lineOffset: number, out: LoadedManifests): void {
  let docs: unknown[];
  try {
    // CORE_SCHEMA: no implicit timestamps (creationTimestamp stays a string, as from the API).
    docs = loadSimpleYaml(text) ?? yaml.loadAll(text, undefined, { schema: yaml.CORE_SCHEMA, filename: file });
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

function firstContentLine(text: string): number {
  for (let pos = 0, i = 0; pos <= text.length; i++) {
    const nl = text.indexOf('\n', pos);
    const l = text.slice(pos, nl < 0 ? text.length : nl);
    if (l.trim() !== '' && !l.trimStart().startsWith('#')) return i;
    if (nl < 0) break;
    pos = nl + 1;
  }
  return 0;
}

function addDocument(doc: unknown, source: ManifestSource, out: LoadedManifests): void {
  if (doc === null || doc === undefined) return; // empty documents are ignored, as kubectl does
  if (Array.isArray(doc)) {
    for (const item of doc) addDocument(item, source, out);
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
    for (const item of obj.items) addDocument(item, source, out);
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
  out.objects.push(normalizeMetadata(obj) as K8sObject);
  out.sources.push(source);
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
