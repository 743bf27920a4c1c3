import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { addParsedDocument, parseYamlDocument, type LoadedManifests } from './manifest-documents.js';
import { batchToJson } from './parallel-json.js';
import type { WorkerReply, WorkerRequest } from './yaml-worker.js';

// Loading a large YAML file is mostly turning each document into JSON text (simple-yaml.ts). Batches of
// documents go to worker threads while this thread reads and splits the file and JSON.parses the texts that
// come back, in document order; while the workers have enough in hand, this thread converts batches itself
// (so it never idles, and a busy machine is no slower than reading in one thread). Loading stays
// synchronous: this thread blocks in Atomics.wait when it must have a reply, and takes it with
// receiveMessageOnPort. Whatever goes wrong with the workers, the documents are read in this thread
// instead, so the result is always the in-thread one.

/** How loadManifestFile reads a large YAML file. */
export type ParallelYamlOptions = {
  /** Files at least this large (bytes) use workers; smaller ones are read in this thread. */
  readonly minBytes?: number;
  /** Worker threads (0: none). */
  readonly workers?: number;
  /** Characters of document text sent per message. */
  readonly batchChars?: number;
  /** Batches a worker may have in hand; further batches are converted in this thread. */
  readonly batchesPerWorker?: number;
  /** Batches converted but not yet appended (waiting for an older one) before this thread waits: bounds the memory. */
  readonly maxPending?: number;
  /** A worker silent this long is given up on, and the documents are read in this thread. */
  readonly replyTimeoutMs?: number;
  /** Counts batches by where they were converted (tests, measurements). */
  readonly counts?: ParallelYamlCounts;
};

/** Batches converted by a worker, and in this thread. */
export type ParallelYamlCounts = { worker: number; here: number };

/** Below this size, starting a worker costs more than it saves. */
export const PARALLEL_YAML_MIN_BYTES = 4 << 20;

const DEFAULTS: Required<Omit<ParallelYamlOptions, 'counts'>> = {
  minBytes: PARALLEL_YAML_MIN_BYTES,
  workers: 1,
  batchChars: 256 << 10,
  batchesPerWorker: 2,
  maxPending: 16,
  replyTimeoutMs: 10_000,
};

type Link = { readonly worker: Worker; readonly port: MessagePort; readonly signal: Int32Array; inFlight: number };
// A batch is sent to a worker (`link`) or converted here (`json`, batchToJson's array text).
type Batch = { readonly texts: string[]; readonly lines: number[]; link?: Link; json?: string };

/** Whether loadManifestFile should use ParallelYamlDocuments for a file of this size. */
export function useParallelYaml(size: number, options: ParallelYamlOptions = {}): boolean {
  const o = { ...DEFAULTS, ...options };
  return o.workers > 0 && size >= o.minBytes && workerUrl() !== undefined;
}

/**
 * Takes a file's YAML documents in order (`add`, the YamlDocumentSplitter callback) and appends their objects
 * to `out` as parseYamlDocument does, in the same order, with the same first error; `finish` at the end of
 * the file, `close` always.
 */
export class ParallelYamlDocuments {
  private readonly o: Required<Omit<ParallelYamlOptions, 'counts'>> & ParallelYamlOptions;
  private links: Link[] | undefined; // started with the first batch
  private failed = false; // the workers were given up on: everything left is read in this thread
  private readonly pending: Batch[] = []; // posted, in document order
  private batch: Batch = { texts: [], lines: [] };
  private batchChars = 0;

  constructor(
    private readonly file: string,
    private readonly out: LoadedManifests,
    options: ParallelYamlOptions = {},
  ) {
    this.o = { ...DEFAULTS, ...options };
  }

  /** One document's text and its first line (0-based), as YamlDocumentSplitter gives them. */
  readonly add = (text: string, line: number): void => {
    this.batch.texts.push(text);
    this.batch.lines.push(line);
    this.batchChars += text.length;
    if (this.batchChars >= this.o.batchChars) this.post();
  };

  /** The end of the file: every document left is appended (or the first error thrown). */
  finish(): void {
    this.post();
    while (this.pending.length > 0) {
      this.settle(this.pending[0], true);
      this.pending.shift();
    }
  }

  /** Stops the workers (after finish, or after an error). */
  close(): void {
    for (const l of this.links ?? []) void l.worker.terminate();
    this.links = [];
  }

  private post(): void {
    const batch = this.batch;
    if (batch.texts.length === 0) return;
    this.batch = { texts: [], lines: [] };
    this.batchChars = 0;
    const links = this.failed ? [] : (this.links ??= this.start());
    let link: Link | undefined;
    for (const l of links) if (l.inFlight < this.o.batchesPerWorker && (!link || l.inFlight < link.inFlight)) link = l;
    if (link) {
      batch.link = link;
      link.inFlight++;
      const req: WorkerRequest = { docs: batch.texts };
      link.port.postMessage(req);
    } else if (this.pending.length === 0) {
      if (this.o.counts) this.o.counts.here++;
      this.append(batch, undefined); // nothing older is waiting: read here, as in one thread
      return;
    } else {
      batch.json = batchToJson(batch.texts);
    }
    this.pending.push(batch);
    // Replies already there are taken now (their memory freed); with too many batches held, wait for the oldest.
    while (this.pending.length > 0 && this.settle(this.pending[0], this.pending.length > this.o.maxPending)) this.pending.shift();
  }

  private start(): Link[] {
    const url = workerUrl();
    if (!url) return [];
    const links: Link[] = [];
    for (let i = 0; i < this.o.workers; i++) {
      const { port1, port2 } = new MessageChannel();
      const signal = new Int32Array(new SharedArrayBuffer(4));
      const [entry, how] = workerEntry(url);
      // No flags of this process (`--input-type`, say, would stop it from starting): it needs none.
      const worker = new Worker(entry, { ...how, execArgv: [], workerData: { port: port2, signal }, transferList: [port2] });
      worker.unref(); // never keeps the process alive
      // A worker that fails is not an error of the load: its batches are read here once no reply comes.
      worker.on('error', () => {});
      links.push({ worker, port: port1, signal, inFlight: 0 });
    }
    return links;
  }

  // Appends the batch's objects once its reply is there (waiting for it when `wait`); false when not yet.
  private settle(batch: Batch, wait: boolean): boolean {
    let json = batch.json;
    if (batch.link && !this.failed) {
      const reply = this.receive(batch.link, wait);
      if (reply === undefined && !wait) return false;
      batch.link.inFlight--;
      if (reply === undefined || 'error' in reply) this.giveUp();
      else json = reply.json;
    }
    if (this.o.counts) this.o.counts[json === undefined || batch.json !== undefined ? 'here' : 'worker']++;
    this.append(batch, json);
    return true;
  }

  // Appends the batch's objects: from its JSON array text where there is one, else with parseYamlDocument.
  private append(batch: Batch, json: string | undefined): void {
    const docs: unknown = json === undefined ? undefined : JSON.parse(json);
    if (docs !== undefined && (!Array.isArray(docs) || docs.length !== batch.texts.length)) throw new Error('parallel-yaml: a reply does not match its batch');
    for (let i = 0; i < batch.texts.length; i++) {
      const doc: unknown = docs?.[i];
      if (doc === undefined || doc === null) parseYamlDocument(batch.texts[i], this.file, batch.lines[i], this.out);
      else addParsedDocument(doc, batch.texts[i], this.file, batch.lines[i], this.out);
    }
  }

  // The next reply from this worker (the one for its oldest batch); undefined when there is none yet and
  // `wait` is false, or none came in time.
  private receive(link: Link, wait: boolean): WorkerReply | undefined {
    const deadline = Date.now() + this.o.replyTimeoutMs;
    for (;;) {
      // Read the count before looking: a reply posted after the look changes it, so the wait returns at once.
      const seen = Atomics.load(link.signal, 0);
      const got = receiveMessageOnPort(link.port);
      if (got) return got.message as WorkerReply;
      const left = deadline - Date.now();
      if (!wait || left <= 0) return undefined;
      Atomics.wait(link.signal, 0, seen, left);
    }
  }

  private giveUp(): void {
    this.failed = true;
    this.close();
  }
}

// How to start the worker: its module (dist/), or, under tsx (tests), a script that registers tsx's hooks
// in the worker first (on Node 20 a worker does not get its parent's `--import tsx` hooks, and tsx's
// `--import` entry registers them only on the main thread) and then imports the .ts module.
function workerEntry(url: URL): [string | URL, { eval?: boolean }] {
  if (!url.pathname.endsWith('.ts')) return [url, {}];
  // tsx's ESM API (`tsx/esm/api`, found through its package.json: a require() resolve gives the CJS build).
  const pkgPath = createRequire(import.meta.url).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  const api = new URL(pkg.exports['./esm/api'].import.default, pathToFileURL(pkgPath)).href;
  return [`import(${JSON.stringify(api)}).then((t) => t.register()).then(() => import(${JSON.stringify(url.href)}))`, { eval: true }];
}

// The worker's module beside this one: yaml-worker.js in dist/, yaml-worker.ts under tsx (tests).
let cachedUrl: URL | null | undefined;
function workerUrl(): URL | undefined {
  if (cachedUrl === undefined) {
    const self = import.meta.url;
    const url = new URL(self.endsWith('.ts') ? './yaml-worker.ts' : './yaml-worker.js', self);
    cachedUrl = url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : null;
  }
  return cachedUrl ?? undefined;
}
