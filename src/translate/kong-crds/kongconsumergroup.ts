import type { KongConsumer, KongConsumerGroup, KongConsumerGroupConsumer } from '../../kongstate/types.js';
import { refOf } from '../../model/object-ref.js';
import type { TranslateContext } from '../context.js';
import { objectTags } from '../tags.js';
import { forClass } from './class-filter.js';

/** Spec 05 §6.1: every KongConsumerGroup of this class; `spec.name` and `spec.tags` are ignored. */
export function translateConsumerGroups(ctx: TranslateContext): KongConsumerGroup[] {
  return forClass(ctx, ctx.snapshot.list('KongConsumerGroup')).map((g) => {
    ctx.configured(refOf(g));
    return { name: g.metadata.name, tags: objectTags(g), meta: { source: refOf(g) } };
  });
}

/**
 * Spec 05 §6.3: the memberships of the translated consumers. Groups are looked up in the consumer's
 * namespace without the class filter; a missing group fails on the consumer and that membership is skipped.
 */
export function consumerGroupMemberships(ctx: TranslateContext, consumers: readonly KongConsumer[]): KongConsumerGroupConsumer[] {
  const out: KongConsumerGroupConsumer[] = [];
  for (const c of consumers) {
    const obj = ctx.snapshot.get('KongConsumer', c.meta.source.namespace, c.meta.source.name);
    const ns = c.meta.source.namespace ?? '';
    (obj?.consumerGroups ?? []).forEach((name, i) => {
      const group = ctx.snapshot.get('KongConsumerGroup', ns, String(name));
      if (!group) {
        ctx.fail({
          reason: 'ObjectNotFound',
          objects: [c.meta.source],
          field: `consumerGroups[${i}]`,
          message: `nonexistent consumer group: KongConsumerGroup ${ns}/${name} not found`,
        });
        return;
      }
      // The consumer is named by username, else by id; a consumer with neither (custom_id only) cannot be named.
      const consumer = c.username ?? c.id;
      if (!consumer) {
        ctx.warn({
          objects: [c.meta.source],
          field: `consumerGroups[${i}]`,
          message: `consumer has no username (nor id), so its membership in ${name} cannot be expressed: skipped`,
        });
        return;
      }
      out.push({ consumer_group: group.metadata.name, consumer });
    });
  }
  return out;
}
