import type { KongState } from '../kongstate/types.js';
import { ChunkedSink, type TextSink } from './chunked-sink.js';
import { buildEntity, declarativeSections, isListSection, type ListSection, type Section, type SerializeOptions } from './sections.js';
import { YAMLPieces } from './yaml.js';

/** The texts `kic translate` and the bench write: `json` is pretty (2 spaces), as `-o json` prints. */
export type DeclarativeFormat = 'json-compact' | 'json' | 'yaml';

/**
 * Writes the declarative config of `state` to `sink` in pieces of about 64 KB: exactly the text of
 * renderJSON(toDeclarativeConfig(state, opts), pretty) or renderYAML(...), final line break included,
 * without the whole document or text ever existing at once (each top-level item is built, written and
 * dropped in turn). For a config hash: `writeDeclarative(state, opts, 'json-compact', (c) => hash.update(c))`.
 */
export function writeDeclarative(state: KongState, opts: SerializeOptions, format: DeclarativeFormat, sink: TextSink): void {
  const out = new ChunkedSink(sink);
  const sections = declarativeSections(state, opts);
  if (format === 'yaml') writeYAML(sections, out);
  else writeJSON(sections, format === 'json', out);
  out.flush();
}

// JSON.stringify per top-level item: the document's text is the items' texts joined, and each item
// object lives only while it is written. (A writer of JSON text straight from the state, without the item
// objects, measured no faster: JSON.stringify's native loop pays for building the objects.)
function writeJSON(sections: readonly Section[], pretty: boolean, out: ChunkedSink): void {
  const indent = pretty ? 2 : undefined;
  // Pretty items sit two levels deep: JSON.stringify escapes line breaks inside strings, so every one
  // left in its text is a line of the item's layout.
  const itemBreak = pretty ? '\n    ' : '';
  const key = (k: string): string => JSON.stringify(k) + (pretty ? ': ' : ':');
  out.write('{');
  sections.forEach((s, i) => {
    out.write((i > 0 ? ',' : '') + (pretty ? '\n  ' : '') + key(s.key));
    if (!isListSection(s)) return out.write(JSON.stringify(s.value, null, indent).replaceAll('\n', '\n  '));
    if (s.length === 0) return out.write('[]');
    out.write('[');
    for (let j = 0; j < s.length; j++) {
      const text = JSON.stringify(buildEntity(s.item(j)), null, indent);
      out.write((j > 0 ? ',' : '') + itemBreak + (pretty ? text.replaceAll('\n', itemBreak) : text));
    }
    out.write(pretty ? '\n  ]' : ']');
  });
  out.write(pretty && sections.length > 0 ? '\n}\n' : '}\n');
}

// renderYAMLFast writes top-level keys in plain sorted order (JSON keeps JavaScript's object key order).
function writeYAML(sections: readonly Section[], out: ChunkedSink): void {
  if (sections.length === 0) return out.write('{}\n');
  const pieces = new YAMLPieces();
  const sorted = [...sections].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  sorted.forEach((s, i) => {
    if (i > 0) out.write('\n');
    const key = isListSection(s) && s.length > 0 ? pieces.listKey(s.key) : undefined;
    if (!isListSection(s) || key === undefined) return out.write(pieces.pair(s.key, isListSection(s) ? items(s) : s.value));
    out.write(`${key}:`);
    for (let j = 0; j < s.length; j++) out.write(pieces.listItem(buildEntity(s.item(j))));
  });
  out.write('\n');
}

function items(s: ListSection): unknown[] {
  return Array.from({ length: s.length }, (_, i) => buildEntity(s.item(i)));
}
