// Helpers for the streaming-writer tests: the streamed text, and the text the old path gave.
import assert from 'node:assert/strict';
import yaml from 'js-yaml';
import type { KongState } from '../../src/kongstate/types.js';
import { renderJSON, renderYAML, toDeclarativeConfig } from '../../src/serialize/declarative.js';
import { writeDeclarative, type DeclarativeFormat } from '../../src/serialize/write-declarative.js';
import { YAML_DUMP_OPTIONS } from '../../src/serialize/yaml.js';
import { referenceDeclarativeConfig, referenceJSON } from './reference-declarative.js';

export const FORMATS: readonly DeclarativeFormat[] = ['json-compact', 'json', 'yaml'];

/** writeDeclarative's chunks joined, and the chunks themselves. */
export function streamed(state: KongState, expressions: boolean, format: DeclarativeFormat): { text: string; chunks: string[] } {
  const chunks: string[] = [];
  writeDeclarative(state, { expressions }, format, (c) => chunks.push(c));
  return { text: chunks.join(''), chunks };
}

/** The old path's text: the frozen toDeclarativeConfig, then JSON.stringify, or js-yaml's dump (renderYAML's oracle). */
export function reference(state: KongState, expressions: boolean, format: DeclarativeFormat): string {
  const doc = referenceDeclarativeConfig(state, { expressions });
  if (format === 'yaml') return yaml.dump(doc, YAML_DUMP_OPTIONS);
  return referenceJSON(doc, format === 'json');
}

/** In every format, the streamed text and the rebuilt toDeclarativeConfig + renderJSON/renderYAML are the old path's text. */
export function assertSameEverywhere(state: KongState, expressions: boolean, label: string): void {
  for (const format of FORMATS) {
    const want = reference(state, expressions, format);
    assert.equal(streamed(state, expressions, format).text, want, `${label} ${format}: streamed`);
    const doc = toDeclarativeConfig(state, { expressions });
    const rendered = format === 'yaml' ? renderYAML(doc) : renderJSON(doc, format === 'json');
    assert.equal(rendered, want, `${label} ${format}: toDeclarativeConfig + render`);
  }
}
