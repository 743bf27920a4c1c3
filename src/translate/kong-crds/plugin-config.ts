import yaml from 'js-yaml';
import type { JsonObject, JsonValue } from '../../kongstate/types.js';
import { secretValue } from '../../model/core.js';
import type { KongClusterPlugin, KongPlugin, SecretKeyRef } from '../../model/kong-crds.js';
import type { TranslateContext } from '../context.js';
import type { FailureReason } from '../failures.js';
import { jsonPatchAdd } from './json-patch.js';

/** A KongPlugin or KongClusterPlugin. */
export type PluginObject = KongPlugin | KongClusterPlugin;

/** Why a plugin's configuration could not be built; never holds a Secret value. */
export type PluginConfigError = { readonly reason: FailureReason; readonly field: string; readonly message: string };

/** True for a plain JSON object (not an array, not null). */
export function isJsonObject(v: unknown): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Spec 05 §2.2: `config`, then each `configPatches` item (an RFC 6902 add of a JSON value read from a Secret),
 * then `configFrom` (a Secret key holding JSON or YAML), which excludes a non-empty config.
 */
export function buildPluginConfig(ctx: TranslateContext, plugin: PluginObject): { config: JsonObject } | { error: PluginConfigError } {
  let doc: JsonValue = {};
  if (plugin.config !== undefined && plugin.config !== null) {
    if (!isJsonObject(plugin.config)) return { error: { reason: 'InvalidPlugin', field: 'config', message: 'config must be a JSON object' } };
    doc = plugin.config as JsonObject;
  }
  const patches = plugin.configPatches ?? [];
  for (let i = 0; i < patches.length; i++) {
    const field = `configPatches[${i}]`;
    const raw = readSecretKey(ctx, plugin, patches[i]?.valueFrom?.secretKeyRef, `${field}.valueFrom.secretKeyRef`);
    if ('error' in raw) return raw;
    let value: JsonValue;
    try {
      value = JSON.parse(raw.value) as JsonValue;
    } catch {
      // The parser's message quotes the input: say only where the bad value is.
      return { error: { reason: 'InvalidPlugin', field: `${field}.valueFrom`, message: `the value of ${raw.where} is not valid JSON` } };
    }
    const patched = jsonPatchAdd(doc, patches[i]?.path ?? '', value);
    if ('error' in patched) return { error: { reason: 'InvalidPlugin', field: `${field}.path`, message: `cannot apply patch: ${patched.error}` } };
    doc = patched.doc;
  }
  if (!isJsonObject(doc)) return { error: { reason: 'InvalidPlugin', field: 'configPatches', message: 'the patched configuration is not a JSON object' } };
  if (!plugin.configFrom) return { config: doc };

  if (Object.keys(doc).length > 0) {
    const ns = plugin.metadata.namespace ? `${plugin.metadata.namespace}/` : '';
    return { error: { reason: 'InvalidPlugin', field: 'configFrom', message: `${plugin.kind} '${ns}${plugin.metadata.name}' has both Config and ConfigFrom set` } };
  }
  const raw = readSecretKey(ctx, plugin, plugin.configFrom.secretKeyRef, 'configFrom.secretKeyRef');
  if ('error' in raw) return raw;
  const parsed = parseJsonOrYaml(raw.value);
  if (!isJsonObject(parsed)) {
    return { error: { reason: 'InvalidPlugin', field: 'configFrom', message: `the value of ${raw.where} is not a JSON or YAML object` } };
  }
  return { config: parsed };
}

function parseJsonOrYaml(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      return yaml.load(text, { schema: yaml.CORE_SCHEMA });
    } catch {
      return undefined;
    }
  }
}

// KongPlugin refs are in the plugin's namespace; KongClusterPlugin refs name their namespace (spec 05 §2.1).
function readSecretKey(
  ctx: TranslateContext,
  plugin: PluginObject,
  ref: SecretKeyRef | undefined,
  field: string,
): { value: string; where: string } | { error: PluginConfigError } {
  const namespace = plugin.kind === 'KongPlugin' ? plugin.metadata.namespace : ref?.namespace;
  if (!ref?.name || !ref.key || !namespace) {
    return { error: { reason: 'InvalidPlugin', field, message: 'secretKeyRef needs a name and a key (and a namespace for a KongClusterPlugin)' } };
  }
  const where = `key '${ref.key}' of secret '${namespace}/${ref.name}'`;
  const secret = ctx.snapshot.get('Secret', namespace, ref.name);
  if (!secret) return { error: { reason: 'SecretNotFound', field, message: `secret '${namespace}/${ref.name}' not found` } };
  const value = secretValue(secret, ref.key);
  if (value === undefined) return { error: { reason: 'InvalidSecret', field, message: `no key '${ref.key}' in secret '${namespace}/${ref.name}'` } };
  return { value, where };
}
