import type { TranslationFailure } from '../translate/failures.js';
import { identityKey, refOfIdentity, type ObjectIdentity } from './object-identity.js';

/** An object named by a rejected entity's `k8s-*` tags (spec 06 §2.3 rule 4). */
export type BrokenObject = ObjectIdentity & {
  readonly version: string;
  /** `group/version`, or just `version` for the core group */
  readonly apiVersion: string;
};

/** One rejected part of an object: what KIC reports as "invalid <problem>: <message>" (spec 06 §2.3 rule 5). */
export type ResourceFailure = {
  readonly object: BrokenObject;
  /** e.g. `host`, `paths[2]`, `service:default.svc.80`, `[0]` */
  readonly problem: string;
  readonly message: string;
};

/** Why a flattened error names no object we can act on (spec 06 §2.3 rule 4). */
export type UnattributedReason = 'NoName' | 'NoNamespace' | 'NoKind' | 'NoUid';

/** A flattened error whose tags do not identify an object: logged, never guessed (spec 06 §2.3 rule 4). */
export type UnattributedError = {
  readonly entityType: string;
  readonly entityName: string;
  readonly entityId: string;
  readonly reason: UnattributedReason;
  readonly problems: readonly { readonly problem: string; readonly message: string }[];
};

/** An error item skipped by spec 06 §2.3 rule 3 (both `message` and `messages`, or an unknown `type`). */
export type IgnoredError = {
  /** `<entity_type>:<entity_name>` of the flattened error it belongs to */
  readonly entity: string;
  readonly index: number;
  readonly reason: string;
};

/** What Kong's 400 body for a rejected `/config` says, mapped back to Kubernetes objects. */
export type ParsedKongErrors = {
  readonly kind: 'parsed';
  /** Kong's top-level `message`; logged when no flattened error is given (spec 06 §2.3 rule 2) */
  readonly message: string;
  readonly failures: readonly ResourceFailure[];
  /** the distinct objects of `failures`, in first-seen order (spec 06 §2.3 rule 6) */
  readonly broken: readonly BrokenObject[];
  readonly unattributed: readonly UnattributedError[];
  readonly ignored: readonly IgnoredError[];
};

/** A body that is not Kong's error shape: no fallback is attempted for this update (spec 06 §2.3 rule 1). */
export type UnparseableKongErrors = {
  readonly kind: 'unparseable';
  /** where in the body, e.g. `flattened_errors[1].entity_tags[0]`; empty for the whole body */
  readonly path: string;
  readonly reason: string;
};

/** The outcome of parsing a rejection body: what it says, or why it could not be read. */
export type KongErrorsResult = ParsedKongErrors | UnparseableKongErrors;

const KONG_GROUP = 'configuration.konghq.com';

// Spec 06 §2.3 rule 4: the only kinds a namespace-less entry may name.
const CLUSTER_SCOPED: readonly { kind: string; group: string; version: string }[] = [
  { kind: 'KongClusterPlugin', group: KONG_GROUP, version: 'v1' },
  { kind: 'KongLicense', group: KONG_GROUP, version: 'v1' },
  { kind: 'KongVault', group: KONG_GROUP, version: 'v1alpha1' },
];

const TAG_PREFIXES = {
  name: 'k8s-name:',
  namespace: 'k8s-namespace:',
  kind: 'k8s-kind:',
  group: 'k8s-group:',
  version: 'k8s-version:',
  uid: 'k8s-uid:',
} as const;

/**
 * Parses the body of Kong's HTTP 400 for `POST /config?flatten_errors=1` (spec 06 §2). Takes the raw body
 * (string or bytes) or an already decoded JSON value. Never throws: a body of the wrong shape gives
 * `{kind: 'unparseable'}` saying where.
 */
export function parseKongErrors(body: unknown): KongErrorsResult {
  let value: unknown = body;
  if (value instanceof Uint8Array) value = new TextDecoder().decode(value);
  if (typeof value === 'string') {
    if (value.trim() === '') return emptyResult('');
    try {
      value = JSON.parse(value) as unknown;
    } catch (err) {
      return unparseable('', `not JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (value === undefined || value === null) return emptyResult('');
  if (!isRecord(value)) return unparseable('', `expected a JSON object, got ${describe(value)}`);

  const top = checkFields(value, '', { message: 'string', name: 'string', code: 'number', flattened_errors: 'array' });
  if (top) return top;
  const entries = (value.flattened_errors ?? []) as unknown[];
  const out = { failures: [] as ResourceFailure[], unattributed: [] as UnattributedError[], ignored: [] as IgnoredError[] };
  for (const [i, entry] of entries.entries()) {
    const bad = parseEntry(entry, `flattened_errors[${i}]`, out);
    if (bad) return bad;
  }
  return {
    kind: 'parsed',
    message: typeof value.message === 'string' ? value.message : '',
    failures: out.failures,
    broken: distinctObjects(out.failures),
    unattributed: out.unattributed,
    ignored: out.ignored,
  };
}

type Collected = { failures: ResourceFailure[]; unattributed: UnattributedError[]; ignored: IgnoredError[] };

function parseEntry(entry: unknown, path: string, out: Collected): UnparseableKongErrors | undefined {
  if (entry === null) return undefined; // a null array item decodes to an empty entry: nothing to report
  if (!isRecord(entry)) return unparseable(path, `expected an object, got ${describe(entry)}`);
  const bad = checkFields(entry, path, { entity_type: 'string', entity_name: 'string', entity_id: 'string', entity_tags: 'array', errors: 'array' });
  if (bad) return bad;
  const tags = (entry.entity_tags ?? []) as unknown[];
  for (const [i, t] of tags.entries()) {
    if (typeof t !== 'string') return unparseable(`${path}.entity_tags[${i}]`, `expected a string, got ${describe(t)}`);
  }
  const entityType = str(entry.entity_type);
  const entityName = str(entry.entity_name);
  const problems: { problem: string; message: string }[] = [];
  const byKey = new Map<string, string>();
  const errors = (entry.errors ?? []) as unknown[];
  for (const [i, e] of errors.entries()) {
    const epath = `${path}.errors[${i}]`;
    if (e === null) continue;
    if (!isRecord(e)) return unparseable(epath, `expected an object, got ${describe(e)}`);
    const badErr = checkFields(e, epath, { type: 'string', field: 'string', message: 'string', messages: 'array' });
    if (badErr) return badErr;
    const messages = (e.messages ?? []) as unknown[];
    for (const [j, m] of messages.entries()) {
      if (typeof m !== 'string') return unparseable(`${epath}.messages[${j}]`, `expected a string, got ${describe(m)}`);
    }
    const skipped = addProblems(entityType, entityName, str(e.type), str(e.field), str(e.message), messages as string[], byKey);
    if (skipped) out.ignored.push({ entity: `${entityType}:${entityName}`, index: i, reason: skipped });
  }
  for (const [problem, message] of byKey) problems.push({ problem, message });

  const identity = identityFromTags(tags as string[]);
  if ('reason' in identity) {
    out.unattributed.push({ entityType, entityName, entityId: str(entry.entity_id), reason: identity.reason, problems });
    return undefined;
  }
  for (const p of problems) out.failures.push({ object: identity, problem: p.problem, message: p.message });
  return undefined;
}

// Spec 06 §2.3 rule 3. Returns why the item was skipped, if it was.
function addProblems(
  entityType: string, entityName: string, type: string, field: string, message: string,
  messages: readonly string[], byKey: Map<string, string>,
): string | undefined {
  if (message !== '' && messages.length > 0) return 'has both message and messages';
  if (message !== '') {
    if (type === 'field') byKey.set(field, message);
    else if (type === 'entity') byKey.set(`${entityType}:${entityName}`, message);
    else return `unknown error type "${type}"`;
    return undefined;
  }
  for (const [i, m] of messages.entries()) if (m !== '') byKey.set(`${field}[${i}]`, m);
  return undefined;
}

// Spec 06 §2.3 rule 4: later duplicates overwrite earlier ones; the checks run in KIC's order.
function identityFromTags(tags: readonly string[]): BrokenObject | { reason: UnattributedReason } {
  const v = { name: '', namespace: '', kind: '', group: '', version: '', uid: '' };
  for (const tag of tags) {
    for (const [key, prefix] of Object.entries(TAG_PREFIXES) as [keyof typeof v, string][]) {
      if (tag.startsWith(prefix)) v[key] = tag.slice(prefix.length);
    }
  }
  if (v.name === '') return { reason: 'NoName' };
  if (v.namespace === '' && !CLUSTER_SCOPED.some((c) => c.kind === v.kind && c.group === v.group && c.version === v.version)) {
    return { reason: 'NoNamespace' };
  }
  if (v.kind === '') return { reason: 'NoKind' };
  if (v.uid === '') return { reason: 'NoUid' };
  const apiVersion = v.group === '' ? v.version : `${v.group}/${v.version}`;
  return { uid: v.uid, group: v.group, kind: v.kind, namespace: v.namespace, name: v.name, version: v.version, apiVersion };
}

function distinctObjects(failures: readonly ResourceFailure[]): BrokenObject[] {
  const seen = new Set<string>();
  const out: BrokenObject[] = [];
  for (const f of failures) {
    const key = identityKey(f.object);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f.object);
  }
  return out;
}

/** The line KIC reports for one resource failure (spec 06 §2.3 rule 5). */
export function formatResourceFailure(f: ResourceFailure): string {
  return `invalid ${f.problem}: ${f.message}`;
}

/** Kong's rejections as translation failures on the causing objects, for logs and Warning Events. */
export function toTranslationFailures(failures: readonly ResourceFailure[]): TranslationFailure[] {
  return failures.map((f) => ({ reason: 'RejectedByKong', objects: [refOfIdentity(f.object)], message: formatResourceFailure(f) }));
}

type FieldType = 'string' | 'number' | 'array';

// Known keys must have the JSON type Kong sends (null counts as absent); unknown keys are ignored.
function checkFields(obj: Readonly<Record<string, unknown>>, path: string, fields: Readonly<Record<string, FieldType>>): UnparseableKongErrors | undefined {
  for (const [key, type] of Object.entries(fields)) {
    const v = obj[key];
    if (v === undefined || v === null) continue;
    const ok = type === 'array' ? Array.isArray(v) : typeof v === type;
    if (!ok) return unparseable(path ? `${path}.${key}` : key, `expected ${type === 'array' ? 'an array' : `a ${type}`}, got ${describe(v)}`);
  }
  return undefined;
}

function emptyResult(message: string): ParsedKongErrors {
  return { kind: 'parsed', message, failures: [], broken: [], unattributed: [], ignored: [] };
}

function unparseable(path: string, reason: string): UnparseableKongErrors {
  return { kind: 'unparseable', path, reason };
}

function isRecord(v: unknown): v is Readonly<Record<string, unknown>> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}
