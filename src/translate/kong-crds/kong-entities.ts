import type { KongState } from '../../kongstate/types.js';
import type { TranslateContext } from '../context.js';
import { translateCustomEntities } from './kongcustomentity.js';
import { translateConsumers } from './kongconsumer.js';
import { consumerGroupMemberships, translateConsumerGroups } from './kongconsumergroup.js';
import { translateAttachedPlugins, translateGlobalPlugins } from './kongplugin.js';
import { translateVaults } from './kongvault.js';
import { collectPluginRelations } from './plugin-attachment.js';

/**
 * Spec 01 §1 step 6, in KIC's order: consumers with credentials, vaults, consumer groups and memberships,
 * plugins (attached through konghq.com/plugins, then global), and custom entities behind their gate.
 * Reads the translated services and routes of `state` and fills its Kong-CRD lists.
 */
export function translateKongEntities(ctx: TranslateContext, state: KongState): void {
  state.consumers = translateConsumers(ctx);
  state.vaults = translateVaults(ctx);
  state.consumerGroups = translateConsumerGroups(ctx);
  state.consumerGroupConsumers = consumerGroupMemberships(ctx, state.consumers);
  const relations = collectPluginRelations(ctx, state);
  state.plugins = [...translateAttachedPlugins(ctx, relations), ...translateGlobalPlugins(ctx)];
  if (ctx.options.featureGates.KongCustomEntity) state.customEntities = translateCustomEntities(ctx, relations);
}
