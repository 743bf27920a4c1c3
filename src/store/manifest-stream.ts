import { JsonSplitter } from './json-splitter.js';
import { ManifestError, addDocument, parseYamlDocument, shareParsed, type LoadedManifests, type ManifestSource } from './manifest-documents.js';
import { YamlDocumentSplitter } from './yaml-splitter.js';
import { keepShape } from '../runtime/keep-shape.js';

const JSON_SPACE = /^[ \t\n\r]*$/;
// What String.prototype.trimStart removes (a BOM included).
const FIRST_NON_SPACE = /\S/;

/**
 * Reads one file's manifests as its text arrives in pieces, parsing each document as soon as it is
 * complete, so that the whole text is never held: the objects are those the whole-text parser in
 * test/helpers/manifest-text.ts gives. A text starting with `{` or `[` is read as JSON; when it turns out not to be JSON (a YAML
 * flow mapping), `push`/`end` return false and the caller reads the text again with `yamlOnly`.
 */
export class ManifestStream {
  private head: string | undefined = ''; // leading whitespace, until the format is known
  private yaml: YamlDocumentSplitter | undefined;
  private json: JsonSplitter | undefined;
  private readonly mark: number;
  private jsonSource: ManifestSource | undefined; // one for all the items, as for a whole JSON document
  private deferred: ManifestError | undefined; // a JSON document's error: thrown once the text is known to be JSON

  constructor(
    private readonly file: string,
    private readonly out: LoadedManifests,
    yamlOnly = false,
  ) {
    this.mark = out.objects.length;
    if (yamlOnly) this.startYaml();
  }

  /** Reads the next piece of the text; false when the text is not JSON after all (read it again with yamlOnly). */
  push(chunk: string): boolean {
    if (this.yaml) {
      this.yaml.push(chunk);
      return true;
    }
    if (this.json) return this.pushJson(chunk);
    const head = `${this.head}${chunk}`;
    const first = FIRST_NON_SPACE.exec(head);
    if (!first) {
      this.head = head; // only whitespace so far
      return true;
    }
    this.head = undefined;
    const c = first[0];
    // JSON.parse accepts only these four spaces before the value (not a BOM).
    if ((c === '{' || c === '[') && JSON_SPACE.test(head.slice(0, first.index))) {
      this.json = new JsonSplitter(
        (doc) => this.addJson(doc),
        (item) => shareParsed(item, this.out),
      );
      return this.pushJson(head);
    }
    this.startYaml().push(head);
    return true;
  }

  /** Ends the text: parses what is left; false when the text is not JSON after all. */
  end(): boolean {
    if (this.json) {
      if (!this.json.end()) return this.notJson();
      if (this.deferred) throw this.deferred;
      return true;
    }
    const yaml = this.yaml ?? this.startYaml();
    if (this.head !== undefined) yaml.push(this.head);
    this.head = undefined;
    yaml.end();
    return true;
  }

  private startYaml(): YamlDocumentSplitter {
    this.yaml = new YamlDocumentSplitter((text, line) => parseYamlDocument(text, this.file, line, this.out));
    return this.yaml;
  }

  private pushJson(chunk: string): boolean {
    return this.json?.push(chunk) === true || this.notJson();
  }

  private notJson(): boolean {
    this.out.objects.length = this.mark;
    this.out.sources.length = this.mark;
    this.deferred = undefined;
    return false;
  }

  // A JSON file is one document, at line 1. Once one is wrong, the rest is still read, to know that the
  // text is JSON (which makes the error fatal) and not YAML (which is read again from the start).
  private addJson(doc: unknown): void {
    if (this.deferred) return;
    try {
      addDocument(doc, (this.jsonSource ??= { file: this.file, line: 1 }), this.out, true);
    } catch (err) {
      if (!(err instanceof ManifestError)) throw err;
      this.deferred = err;
    }
  }
}

// An idle instance for the life of the process: see keepShape.
keepShape(new ManifestStream('', { objects: [], sources: [] }));
