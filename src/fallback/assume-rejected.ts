import { emptyKongState } from '../kongstate/types.js';
import { knownKind } from '../model/kinds.js';
import type { K8sObject } from '../model/meta.js';
import { parseApiVersion } from '../model/meta.js';
import { formatRef, type ObjectRef } from '../model/object-ref.js';
import type { Snapshot } from '../store/snapshot.js';
import { translate, type TranslateResult } from '../translate/index.js';
import type { TranslateOptions } from '../translate/options.js';
import { excludeBroken, formatExcluded } from './exclude-broken.js';
import { parseKongErrors, type UnattributedReason } from './kong-errors.js';
import { formatIdentity, identityOf } from './object-identity.js';
import { planRecovery } from './recovery.js';

/** The fallback as `kic translate --assume-rejected` and the golden harness see it. */
export type AssumeRejectedResult = {
  readonly result: TranslateResult;
  /** one line per object left out, with the reason (the CLI prints `excluded: <line>`) */
  readonly excluded: string[];
  /** what else the user should know: objects not found, objects Kong's error could not name (`warning: <line>`) */
  readonly notes: string[];
};

// Offline there is no gateway to read a configuration back from: the last valid Kong state is empty (spec 06 §7.1).
const OFFLINE_SETTINGS = { fallbackConfiguration: true, useLastValidConfigForFallback: false } as const;

/**
 * Translates as if Kong had rejected the entities generated from `rejected` (spec 06 §7): Kong's 400 is
 * built as the golden harness's mock builds it, parsed like a real one, and the fallback is built from it.
 * When no rejected object can be named by Kong's error (no uid, no namespace), the empty last valid
 * configuration is what gets pushed (§7.2).
 */
export function translateWithFallback(
  snapshot: Snapshot,
  options: TranslateOptions,
  rejected: readonly ObjectRef[],
): AssumeRejectedResult {
  if (rejected.length === 0) return { result: translate(snapshot, options), excluded: [], notes: [] };
  const notes: string[] = [];
  const marked: K8sObject[] = [];
  for (const ref of rejected) {
    const kind = knownKind(ref.group, ref.kind);
    const obj = kind ? snapshot.get(kind, ref.namespace, ref.name) : undefined;
    if (obj) marked.push(obj);
    else notes.push(`--assume-rejected ${formatRef(ref)}: no such object in the input`);
  }

  const errors = parseKongErrors(mockKongRejection(marked));
  if (errors.kind === 'parsed') {
    for (const u of errors.unattributed) {
      notes.push(`${u.entityName}: Kong's error cannot name it (${UNATTRIBUTED_TEXT[u.reason]}), so it is not excluded (spec 06 §2.3)`);
    }
  }
  const plan = planRecovery(errors, OFFLINE_SETTINGS, true);
  if (plan.kind !== 'fallback') {
    notes.push(`no fallback: ${plan.why}; the last valid configuration, empty offline, is used instead (spec 06 §7.2)`);
    return { result: emptyResult(), excluded: [], notes };
  }
  const exclusion = excludeBroken(snapshot, plan.broken);
  if (!exclusion.ok) {
    notes.push(`no fallback: ${formatRef(exclusion.error.object)}: ${exclusion.error.message}; the last valid configuration, empty offline, is used instead (spec 06 §6.3)`);
    return { result: emptyResult(), excluded: [], notes };
  }
  for (const u of exclusion.unmatched) notes.push(`${formatIdentity(u)}: rejected by Kong but not in the input with uid ${u.uid}`);
  return { result: translate(exclusion.snapshot, options), excluded: exclusion.excluded.map(formatExcluded), notes };
}

const UNATTRIBUTED_TEXT: Readonly<Record<UnattributedReason, string>> = {
  NoName: 'no name',
  NoNamespace: 'no namespace',
  NoKind: 'no kind',
  NoUid: 'no metadata.uid',
};

/**
 * The body of the golden harness's mock Kong rejecting the first `/config` (spec 06 §7.1): one flattened
 * error per rejected object, tagged with its identity (empty values stay empty).
 */
export function mockKongRejection(objects: readonly K8sObject[]): string {
  const flattened = objects.map((obj) => {
    const id = identityOf(obj);
    const { version } = parseApiVersion(obj.apiVersion);
    return {
      entity_name: formatRef({ group: id.group, kind: id.kind, namespace: id.namespace || undefined, name: id.name }),
      entity_tags: [
        `k8s-name:${id.name}`, `k8s-namespace:${id.namespace}`, `k8s-kind:${id.kind}`,
        `k8s-group:${id.group}`, `k8s-version:${version}`, `k8s-uid:${id.uid}`,
      ],
      errors: [{ messages: ['broken object'] }],
    };
  });
  return JSON.stringify({
    code: 14,
    name: 'invalid declarative configuration',
    message: `declarative config is invalid: ${objects.length} rejected object(s)`,
    flattened_errors: flattened,
  });
}

function emptyResult(): TranslateResult {
  return { state: emptyKongState(), failures: [], warnings: [], configured: [] };
}
