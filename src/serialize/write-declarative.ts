import type { KongState } from '../kongstate/types.js';
import { CHUNK_SIZE, ChunkedSink, type TextSink } from './chunked-sink.js';
import type { OutputItem } from './items.js';
import { declarativeSections, isListSection, type ListSection, type Section, type SerializeOptions } from './sections.js';
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

// The document's text is its items' texts joined. Items are built and stringified in batches (one
// JSON.stringify of an array of items, brackets cut off): one call per item measured ~15% slower than
// JSON.stringify of the whole document, a batch as fast. A batch is sized to give about half a chunk of
// text, from the items written so far, and lives only while it is written.
function writeJSON(sections: readonly Section[], pretty: boolean, out: ChunkedSink): void {
  const key = (k: string): string => JSON.stringify(k) + (pretty ? ': ' : ':');
  out.write('{');
  sections.forEach((s, i) => {
    out.write((i > 0 ? ',' : '') + (pretty ? '\n  ' : '') + key(s.key));
    if (!isListSection(s)) return out.write(pretty ? JSON.stringify(s.value, null, 2).replaceAll('\n', '\n  ') : JSON.stringify(s.value));
    if (s.length === 0) return out.write('[]');
    out.write('[');
    writeItems(s, pretty, out);
    out.write(pretty ? '\n  ]' : ']');
  });
  out.write(pretty && sections.length > 0 ? '\n}\n' : '}\n');
}

const BATCH_TEXT = CHUNK_SIZE >> 1;
const MAX_BATCH = 1024;

function writeItems(s: ListSection, pretty: boolean, out: ChunkedSink): void {
  let count = 16;
  let chars = 0;
  for (let from = 0; from < s.length; from += count) {
    if (from > 0) {
      count = Math.max(1, Math.min(MAX_BATCH, Math.round((BATCH_TEXT * from) / chars)));
      out.write(',');
    }
    const batch = new Array<OutputItem>(Math.min(count, s.length - from));
    for (let j = 0; j < batch.length; j++) batch[j] = s.item(from + j);
    let text = JSON.stringify(batch, null, pretty ? 2 : undefined);
    chars += text.length;
    // Pretty items sit two levels deep, the batch's items one: JSON.stringify escapes line breaks inside
    // strings, so every one left in the text is a line of the layout. The closing bracket is on a line
    // of its own.
    if (pretty) text = text.replaceAll('\n', '\n  ');
    out.write(text.slice(1, pretty ? -4 : -1));
  }
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
    for (let j = 0; j < s.length; j++) out.write(pieces.listItem(s.item(j)));
  });
  out.write('\n');
}

function items(s: ListSection): unknown[] {
  return Array.from({ length: s.length }, (_, i) => s.item(i));
}
