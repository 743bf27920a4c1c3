// The whole-text manifest parser the project had before files were read in chunks: the reference the
// chunked reading (src/store/load-manifests.ts loadManifestFile) is tested against. Test code only.
import { addDocument, parseYamlDocument, type LoadedManifests } from '../../src/store/manifest-documents.js';
import { DOC_SEPARATOR } from '../../src/store/yaml-splitter.js';

/**
 * Parses one file's whole text (multi-document YAML, or JSON) and appends its objects. The reference that
 * the chunked reading (loadManifestFile) is tested against.
 */
export function parseManifestText(text: string, file: string, out: LoadedManifests): void {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    // JSON is ~10x faster to parse than YAML; a JSON file is one document (an object, a List, or an array).
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      doc = undefined;
    }
    if (doc !== undefined) {
      addDocument(doc, { file, line: 1 }, out);
      return;
    }
  }
  // Walk the lines by index (no array of lines: sets of tens of thousands of documents are common).
  // A document is the text between separator lines; `line` counts lines from 0.
  let docStart = 0; // offset of the document's first line
  let docLine = 0; // its line number
  let pos = 0;
  let line = 0;
  for (;;) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl;
    if (text.charCodeAt(pos) === 45 && DOC_SEPARATOR.test(text.slice(pos, end))) {
      if (line > docLine) parseYamlDocument(text.slice(docStart, pos - 1), file, docLine, out);
      docStart = end + 1;
      docLine = line + 1;
    }
    if (nl < 0) break;
    pos = nl + 1;
    line++;
  }
  // The last document runs to the end of the text (a final separator line leaves none).
  if (line + 1 > docLine) parseYamlDocument(text.slice(docStart), file, docLine, out);
}
