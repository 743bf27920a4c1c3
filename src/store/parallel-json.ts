import { simpleYamlToJson } from './simple-yaml.js';

/**
 * A batch of YAML document texts as one JSON array text, one element per document: the object that
 * simple-yaml.ts reads, or null where js-yaml must read the document (the fast path only makes objects, so
 * null is never a document). Done on a worker thread or, while the workers are busy, on the main thread.
 */
export function batchToJson(texts: readonly string[]): string {
  const parts = texts.map((text) => {
    try {
      return simpleYamlToJson(text) ?? 'null';
    } catch {
      return 'null'; // read again by parseYamlDocument, which reports what went wrong
    }
  });
  return `[${parts.join(',')}]`;
}
