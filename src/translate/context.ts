import type { Snapshot } from '../store/snapshot.js';
import { refKey, type ObjectRef } from '../model/object-ref.js';
import { RefSet } from '../model/ref-set.js';
import type { TranslationFailure, TranslationWarning } from './failures.js';
import type { TranslateOptions } from './options.js';

/** One per translate() call: the inputs plus the failures and warnings recorded on the way. */
export type TranslateContext = {
  readonly snapshot: Snapshot;
  readonly options: TranslateOptions;
  fail(failure: TranslationFailure): void;
  warn(warning: TranslationWarning): void;
  /** marks an object as having produced configuration (for status reporting) */
  configured(ref: ObjectRef): void;
  /** true when the router flavor is expressions */
  readonly expressions: boolean;
};

export type ContextRecords = {
  readonly failures: TranslationFailure[];
  readonly warnings: TranslationWarning[];
  readonly configured: RefSet;
};

/** Makes a context and the records it fills. */
export function createContext(snapshot: Snapshot, options: TranslateOptions): { ctx: TranslateContext; records: ContextRecords } {
  const records: ContextRecords = { failures: [], warnings: [], configured: new RefSet() };
  const seen = new Set<string>();
  let lastConfigured: ObjectRef | undefined;
  const ctx: TranslateContext = {
    snapshot,
    options,
    expressions: options.routerFlavor === 'expressions',
    fail(f) {
      // The same problem found by two stages (e.g. services and upstreams both resolve a port) is reported once.
      const key = `${f.reason}|${f.objects.map(refKey).join(',')}|${f.field ?? ''}|${f.message}`;
      if (seen.has(key)) return;
      seen.add(key);
      records.failures.push(f);
    },
    warn(w) {
      const key = `W|${w.objects.map(refKey).join(',')}|${w.field ?? ''}|${w.message}`;
      if (seen.has(key)) return;
      seen.add(key);
      records.warnings.push(w);
    },
    configured(ref) {
      // The routes of one object pass the same reference: skip the lookup for a repeat.
      if (ref === lastConfigured) return;
      lastConfigured = ref;
      records.configured.add(ref);
    },
  };
  return { ctx, records };
}
