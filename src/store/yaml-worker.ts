// The worker thread of parallel-yaml.ts: turns batches of YAML document texts into JSON with the fast path
// of simple-yaml.ts (null where js-yaml must read the document: the main thread does that, so that
// js-yaml's results and errors are exactly those of the in-thread path).
import { parentPort, workerData } from 'node:worker_threads';

/** What the main thread sends: a batch of document texts. */
export type WorkerRequest = { readonly docs: readonly string[] };
/**
 * What the worker sends back, in the order of the requests: a JSON array with one element per document
 * (null where js-yaml must read it; the fast path only makes objects). One flat string, not one per
 * document: a message of many strings (ropes, too) costs the worker more to send than to make.
 */
export type WorkerReply = { readonly json: string } | { readonly error: string };

type WorkerSetup = { readonly port: import('node:worker_threads').MessagePort; readonly signal: Int32Array };

// The main thread blocks in Atomics.wait on `signal` (it cannot take events while loading synchronously):
// each reply is posted first, then counted and notified.
function reply(setup: WorkerSetup, msg: WorkerReply): void {
  setup.port.postMessage(msg);
  Atomics.add(setup.signal, 0, 1);
  Atomics.notify(setup.signal, 0);
}

const setup = workerData as WorkerSetup | undefined;
if (parentPort && setup) {
  // Imported here, not statically: a module that fails to load becomes an error reply, not a silent exit.
  import('./parallel-json.js').then(
    ({ batchToJson }) => setup.port.on('message', (req: WorkerRequest) => reply(setup, { json: batchToJson(req.docs) })),
    (err: unknown) => reply(setup, { error: String(err) }),
  );
}
