import type { KongConsumer } from '../../kongstate/types.js';
import type { KongConsumer as KongConsumerObject } from '../../model/kong-crds.js';
import { formatRef, refOf, type ObjectRef } from '../../model/object-ref.js';
import type { TranslateContext } from '../context.js';
import { objectTags } from '../tags.js';
import { forClass } from './class-filter.js';
import { addCredential, decodeCredential } from './credentials.js';

/** A credential registration for the uniqueness check (spec 05 §4.3). */
type Registration = { readonly consumer: number; readonly secret: ObjectRef; readonly type: string; readonly value: string };

/**
 * Spec 05 §4–§5: the KongConsumers of this class with their credentials. Consumers sharing a credential
 * key (or username, client_id) are removed entirely; the Secrets and consumers involved get failures.
 */
export function translateConsumers(ctx: TranslateContext): KongConsumer[] {
  const consumers: KongConsumer[] = [];
  const registrations: Registration[] = [];
  const claimed = new Map<string, ObjectRef>();
  for (const obj of forClass(ctx, ctx.snapshot.list('KongConsumer'))) {
    if (isDuplicate(ctx, obj, claimed)) continue;
    const consumer = translateConsumer(ctx, obj, consumers.length, registrations);
    if (consumer) consumers.push(consumer);
  }
  const removed = conflictingConsumers(ctx, consumers, registrations);
  return consumers.filter((_, i) => !removed.has(i));
}

// Kong requires unique usernames and custom_ids: the first consumer (namespace/name order) keeps them. The
// spec is silent here; a duplicate would make Kong reject the whole configuration.
function isDuplicate(ctx: TranslateContext, obj: KongConsumerObject, claimed: Map<string, ObjectRef>): boolean {
  const keys: [string, string][] = [];
  if (typeof obj.username === 'string' && obj.username) keys.push(['username', obj.username]);
  if (typeof obj.custom_id === 'string' && obj.custom_id) keys.push(['custom_id', obj.custom_id]);
  for (const [field, value] of keys) {
    const owner = claimed.get(`${field}\u0000${value}`);
    if (owner) {
      ctx.fail({ reason: 'ConflictingObject', objects: [refOf(obj), owner], field, message: `${field} "${value}" is already used by ${formatRef(owner)}; consumer skipped` });
      return true;
    }
  }
  for (const [field, value] of keys) claimed.set(`${field}\u0000${value}`, refOf(obj));
  return false;
}

function translateConsumer(ctx: TranslateContext, obj: KongConsumerObject, index: number, registrations: Registration[]): KongConsumer | undefined {
  const ref = refOf(obj);
  const username = typeof obj.username === 'string' ? obj.username : '';
  const customId = typeof obj.custom_id === 'string' ? obj.custom_id : '';
  if (!username && !customId) {
    ctx.fail({ reason: 'InvalidObject', objects: [ref], field: 'username', message: 'no username or custom_id specified' });
    return undefined;
  }
  const consumer: KongConsumer = { tags: objectTags(obj), meta: { source: ref } };
  if (username) consumer.username = username;
  if (customId) consumer.custom_id = customId;
  const ns = obj.metadata.namespace ?? '';
  (obj.credentials ?? []).forEach((name, i) => {
    const field = `credentials[${i}]`;
    const secret = ctx.snapshot.get('Secret', ns, String(name));
    if (!secret) {
      ctx.fail({ reason: 'SecretNotFound', objects: [ref], field, message: `credential "${name}" failure: Failed to fetch secret: Secret ${ns}/${name} not found` });
      return;
    }
    const decoded = decodeCredential(secret);
    for (const p of decoded.problems) ctx.fail({ reason: 'InvalidCredential', objects: [ref, refOf(secret)], field, message: `credential "${name}" failure: ${p}` });
    for (const e of decoded.errors) ctx.fail({ reason: 'InvalidCredential', objects: [ref, refOf(secret)], field, message: `credential "${name}" failure: ${e}` });
    if (!decoded.credential || !decoded.list) return;
    for (const key of decoded.ignoredKeys ?? []) {
      ctx.warn({ objects: [refOf(secret), ref], field: `data[${key}]`, message: `${decoded.type} credentials have no field ${key}: ignored` });
    }
    addCredential(consumer, decoded.list, decoded.credential);
    if (decoded.indexValue !== undefined) registrations.push({ consumer: index, secret: refOf(secret), type: decoded.type, value: decoded.indexValue });
  });
  ctx.configured(ref);
  return consumer;
}

// Spec 05 §4.3: every value registered more than once (per type) is a conflict; values are never printed.
function conflictingConsumers(ctx: TranslateContext, consumers: readonly KongConsumer[], registrations: readonly Registration[]): Set<number> {
  const byValue = new Map<string, Registration[]>();
  for (const r of registrations) {
    const k = `${r.type}\u0000${r.value}`;
    byValue.set(k, [...(byValue.get(k) ?? []), r]);
  }
  const removed = new Set<number>();
  for (const regs of byValue.values()) {
    if (regs.length < 2) continue;
    const secrets = [...new Set(regs.map((r) => formatRef(r.secret)))];
    for (const r of regs) {
      const others = secrets.filter((s) => s !== formatRef(r.secret));
      const with_ = others.length > 0 ? `with ${others.join(', ')}` : 'with itself (listed twice)';
      ctx.fail({ reason: 'ConflictingCredential', objects: [r.secret], message: `Secret has conflicting credential: its ${r.type} credential is not unique (shared ${with_})` });
      removed.add(r.consumer);
    }
  }
  for (const i of [...removed].sort((a, b) => a - b)) {
    ctx.fail({
      reason: 'ConflictingCredential',
      objects: [consumers[i].meta.source],
      field: 'credentials',
      message: 'Consumer has conflicting credentials: a credential shares its unique field with another credential; consumer skipped',
    });
  }
  return removed;
}
