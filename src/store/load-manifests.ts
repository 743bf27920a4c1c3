import { closeSync, fstatSync, openSync, readFileSync, readdirSync, readSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { ManifestError, type LoadedManifests } from './manifest-documents.js';
import { ManifestStream } from './manifest-stream.js';

export { ManifestError, type LoadedManifests, type ManifestSource } from './manifest-documents.js';

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** Bytes read at a time: the text of a file is never held whole, only this much and the current document. */
export const READ_CHUNK_BYTES = 1 << 20;

/** Reads manifests the way `kubectl apply -f` does: files, directories (recursive) or `-` for stdin. */
export function loadManifests(paths: readonly string[], readStdin: () => string = () => readFileSync(0, 'utf8')): LoadedManifests {
  const out: LoadedManifests = { objects: [], sources: [] };
  for (const p of paths) {
    if (p === '-') parseManifestChunks([readStdin()], '<stdin>', out);
    else for (const file of expandPath(p)) loadManifestFile(file, out);
  }
  return out;
}

/**
 * Appends one file's objects, reading it `chunkBytes` at a time and parsing each document as it completes
 * (what `kic translate -f FILE` does). The objects and sources are those of parsing the whole text at once
 * (test/helpers/manifest-text.ts, the reference the tests hold this to).
 */
export function loadManifestFile(file: string, out: LoadedManifests, chunkBytes = READ_CHUNK_BYTES): void {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    throw new ManifestError(`cannot read ${file}: ${describeFsError(err)}`, { cause: err });
  }
  try {
    const buf = Buffer.allocUnsafe(chunkBytes);
    if (!fstatSync(fd).isFile()) {
      // A pipe (`-f <(...)`) cannot be read twice: its whole text is kept, as for stdin.
      const chunks: string[] = [];
      readChunks(fd, buf, file, (text) => chunks.push(text) > 0);
      parseManifestChunks(chunks, file, out);
      return;
    }
    // A text that starts like JSON but is not JSON (a YAML flow mapping) is read a second time, as YAML.
    const stream = new ManifestStream(file, out);
    if (readChunks(fd, buf, file, (text) => stream.push(text)) && stream.end()) return;
    const yamlStream = new ManifestStream(file, out, true);
    readChunks(fd, buf, file, (text) => yamlStream.push(text), 0);
    yamlStream.end();
  } finally {
    closeSync(fd);
  }
}

/** Parses a text given in pieces (stdin, tests) as loadManifestFile parses a file. */
export function parseManifestChunks(chunks: readonly string[], file: string, out: LoadedManifests): void {
  const feed = (stream: ManifestStream): boolean => chunks.every((c) => stream.push(c)) && stream.end();
  if (!feed(new ManifestStream(file, out))) feed(new ManifestStream(file, out, true));
}

// Reads the file's text in pieces (from `position`, or from where the last read ended) and passes them on
// until `onText` returns false; false then, true at the end of the file.
function readChunks(fd: number, buf: Buffer, file: string, onText: (text: string) => boolean, position: number | null = null): boolean {
  const decoder = new StringDecoder('utf8'); // keeps a character split between two reads for the next
  for (let pos = position; ; ) {
    let n: number;
    try {
      n = readSync(fd, buf, 0, buf.length, pos);
    } catch (err) {
      throw new ManifestError(`cannot read ${file}: ${describeFsError(err)}`, { cause: err });
    }
    if (n === 0) break;
    if (pos !== null) pos += n;
    if (!onText(decoder.write(n === buf.length ? buf : buf.subarray(0, n)))) return false;
  }
  const rest = decoder.end();
  return rest === '' || onText(rest);
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

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return err instanceof Error ? err.message : String(err);
}
