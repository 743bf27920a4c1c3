// Helpers for the streaming-writer tests: the streamed text, and the text the old path gave.
import yaml from 'js-yaml';
import type { KongState } from '../../src/kongstate/types.js';
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

