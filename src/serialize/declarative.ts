import type { JsonObject, JsonValue, KongState } from '../kongstate/types.js';
import type { OutputValue } from './items.js';
import { declarativeSections, isListSection, type SerializeOptions } from './sections.js';
import { renderYAMLFast } from './yaml.js';

export type { SerializeOptions } from './sections.js';
export { sortKeys } from './entity.js';

/** The declarative configuration document Kong's `/config` endpoint takes. */
export type DeclarativeConfig = { readonly _format_version: '3.0' } & { readonly [key: string]: JsonValue };

/**
 * Spec 01 §10–§11: defaults, sorting and pruning, giving the document with keys sorted at every level.
 * The whole document at once: for large states, writeDeclarative (write-declarative.ts) streams the same text.
 */
export function toDeclarativeConfig(state: KongState, opts: SerializeOptions): DeclarativeConfig {
  const doc: Record<string, JsonValue> = {};
  for (const s of declarativeSections(state, opts)) {
    if (!isListSection(s)) doc[s.key] = s.value;
    else {
      const items: JsonValue[] = new Array(s.length);
      for (let i = 0; i < s.length; i++) items[i] = withoutAbsent(s.item(i));
      doc[s.key] = items;
    }
  }
  return doc as DeclarativeConfig;
}

// Output items mark absent keys with undefined (items.ts); a document handed out has no such keys, so that
// `'key' in item` and deep equality see what the text has. Copies; not on the streaming path.
function withoutAbsent(v: OutputValue): JsonValue {
  if (Array.isArray(v)) return v.map(withoutAbsent);
  if (v === null || typeof v !== 'object') return v as JsonValue;
  const out: JsonObject = {};
  const obj = v as Record<string, OutputValue>;
  for (const k of Object.keys(obj)) if (obj[k] !== undefined) out[k] = withoutAbsent(obj[k]);
  return out;
}

/** JSON text of the document (keys already sorted). */
export function renderJSON(doc: DeclarativeConfig, pretty = true): string {
  return JSON.stringify(doc, null, pretty ? 2 : undefined) + '\n';
}

/** YAML text of the document, keys sorted, long strings never folded (what js-yaml's dump gives, faster). */
export function renderYAML(doc: DeclarativeConfig): string {
  return renderYAMLFast(doc);
}
