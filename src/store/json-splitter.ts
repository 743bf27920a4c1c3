// A JSON manifest file is one value: an object (often a `List` whose `items` hold the whole set) or an
import { keepShape } from '../runtime/keep-shape.js';
// array of objects. Parsing it whole needs the whole text and all the objects in memory at once; this
// splits it, as it arrives in pieces, into the top-level array's items or the top-level object's `items`
// elements, and JSON.parse reads each of them alone. The result is what JSON.parse of the whole text gives.

// States: where the splitter is in the top-level value.
const TOP = 0; // before the value
const ARR_FIRST = 1; // after `[`
const ARR_NEXT = 2; // after `,` in the array
const ARR_AFTER = 3; // after an item
const OBJ_FIRST = 4; // after `{`
const OBJ_NEXT = 5; // after `,` in the object
const OBJ_COLON = 6; // after a key
const OBJ_VALUE = 7; // after `:`
const OBJ_AFTER = 8; // after a member's value
const ITEMS_FIRST = 9; // after the `[` of the object's `items`
const ITEMS_NEXT = 10;
const ITEMS_AFTER = 11;
const DONE = 12; // after the value: only whitespace may follow
const VALUE = 13; // inside a value (see `valueKind`)
const FAILED = 14; // not JSON

// What a finished value is.
const AS_KEY = 0;
const AS_MEMBER = 1; // a member of the top-level object other than an `items` list
const AS_ITEM = 2; // an item of the top-level array
const AS_LIST_ITEM = 3; // an element of the top-level object's `items`

const STRING = 0;
const CONTAINER = 1;
const PRIMITIVE = 2;

/** Splits a JSON text arriving in pieces; `onValue` gets each top-level document (whole or one item). */
export class JsonSplitter {
  private state = TOP;
  private afterValue = TOP; // the state a finished value continues in
  private role = AS_KEY;
  private valueKind = STRING;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private valuePieces: string[] = []; // a value's text from earlier pieces
  private skeleton = ''; // the top-level object's text, with `[]` for its `items` list
  private key = ''; // the top-level object's member being read
  private listItems: unknown[] | undefined; // the elements of the top-level object's `items`
  private backslash = -1; // the next `\` at or after the scan position in the current piece; -1: none left

  /**
   * `onValue`: each parsed top-level item, or the top-level object (with its `items` filled in).
   * `onListItem`: each element of the top-level object's `items`, as soon as it is parsed.
   */
  constructor(
    private readonly onValue: (doc: unknown) => void,
    private readonly onListItem?: (item: unknown) => void,
  ) {}

  /** Reads the next piece; false once the text is known not to be JSON. */
  push(chunk: string): boolean {
    const n = chunk.length;
    let i = 0;
    let valueStart = 0;
    this.backslash = -2; // unknown yet
    while (i < n) {
      if (this.state === VALUE) {
        const end = this.scanValue(chunk, i);
        if (end < 0) {
          this.valuePieces.push(valueStart === 0 ? chunk : chunk.slice(valueStart));
          return true;
        }
        const last = chunk.slice(valueStart, end);
        const text = this.valuePieces.length === 0 ? last : this.valuePieces.join('') + last;
        this.valuePieces = [];
        if (!this.finishValue(text)) return false;
        i = end;
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) {
        i++;
        continue;
      }
      if (!this.structural(c)) {
        this.state = FAILED;
        return false;
      }
      if (this.state === VALUE) {
        valueStart = i;
        if (this.valueKind === PRIMITIVE) continue; // its first character is scanned as part of it
      }
      i++;
    }
    // A value whose first character ends the piece.
    if (this.state === VALUE) this.valuePieces.push(chunk.slice(valueStart));
    return this.state !== FAILED;
  }

  /** Ends the text; false when it was not JSON. */
  end(): boolean {
    if (this.state === VALUE && this.valueKind === PRIMITIVE) {
      const text = this.valuePieces.join('');
      this.valuePieces = [];
      if (!this.finishValue(text)) return false;
    }
    if (this.state !== DONE) {
      this.state = FAILED;
      return false;
    }
    return true;
  }

  // A character between values. False when it cannot be there.
  private structural(c: number): boolean {
    switch (this.state) {
      case TOP:
        if (c === 91) this.state = ARR_FIRST;
        else if (c === 123) {
          this.state = OBJ_FIRST;
          this.skeleton = '{';
        } else return false;
        return true;
      case ARR_FIRST:
        if (c === 93) {
          this.state = DONE;
          return true;
        }
        return this.startValue(c, AS_ITEM, ARR_AFTER);
      case ARR_NEXT:
        return this.startValue(c, AS_ITEM, ARR_AFTER);
      case ARR_AFTER:
        if (c === 44) this.state = ARR_NEXT;
        else if (c === 93) this.state = DONE;
        else return false;
        return true;
      case OBJ_FIRST:
        if (c === 125) return this.closeObject();
        return c === 34 && this.startValue(c, AS_KEY, OBJ_COLON);
      case OBJ_NEXT:
        return c === 34 && this.startValue(c, AS_KEY, OBJ_COLON);
      case OBJ_COLON:
        if (c !== 58) return false;
        this.state = OBJ_VALUE;
        return true;
      case OBJ_VALUE:
        if (this.key === 'items') {
          // A later `items` member replaces an earlier one, as in JSON.parse.
          this.listItems = undefined;
          if (c === 91) {
            this.listItems = [];
            this.skeleton += '[]';
            this.state = ITEMS_FIRST;
            return true;
          }
        }
        return this.startValue(c, AS_MEMBER, OBJ_AFTER);
      case OBJ_AFTER:
        if (c === 44) {
          this.skeleton += ',';
          this.state = OBJ_NEXT;
          return true;
        }
        return c === 125 && this.closeObject();
      case ITEMS_FIRST:
        if (c === 93) {
          this.state = OBJ_AFTER;
          return true;
        }
        return this.startValue(c, AS_LIST_ITEM, ITEMS_AFTER);
      case ITEMS_NEXT:
        return this.startValue(c, AS_LIST_ITEM, ITEMS_AFTER);
      case ITEMS_AFTER:
        if (c === 44) this.state = ITEMS_NEXT;
        else if (c === 93) this.state = OBJ_AFTER;
        else return false;
        return true;
      default:
        return false; // DONE: nothing may follow
    }
  }

  private startValue(c: number, role: number, after: number): boolean {
    if (c === 44 || c === 93 || c === 125 || c === 58) return false; // `,` `]` `}` `:` cannot start a value
    this.role = role;
    this.afterValue = after;
    this.state = VALUE;
    this.depth = 0;
    this.escaped = false;
    if (c === 34) {
      this.valueKind = STRING;
      this.inString = true;
    } else if (c === 123 || c === 91) {
      this.valueKind = CONTAINER;
      this.inString = false;
      this.depth = 1;
    } else {
      this.valueKind = PRIMITIVE;
      this.inString = false;
    }
    return true;
  }

  private closeObject(): boolean {
    this.skeleton += '}';
    let doc: Record<string, unknown>;
    try {
      doc = JSON.parse(this.skeleton) as Record<string, unknown>;
    } catch {
      return false;
    }
    this.skeleton = '';
    if (this.listItems !== undefined) doc.items = this.listItems;
    this.listItems = undefined;
    this.state = DONE;
    this.onValue(doc);
    return true;
  }

  // Scans the value in progress from `start` (its opening character already counted); the index just past
  // its end, or -1 when it continues in the next piece. The hot loop of the reader: state kept in locals.
  private scanValue(chunk: string, start: number): number {
    const n = chunk.length;
    if (this.valueKind === PRIMITIVE) {
      for (let i = start; i < n; i++) {
        const c = chunk.charCodeAt(i);
        if (c === 44 || c === 93 || c === 125 || c === 32 || c === 10 || c === 13 || c === 9) return i;
      }
      return -1;
    }
    const stringOnly = this.valueKind === STRING;
    let depth = this.depth;
    let inString = this.inString;
    let escaped = this.escaped;
    let backslash = this.backslash;
    let i = start;
    let end = -1;
    while (i < n) {
      if (inString) {
        if (escaped) {
          escaped = false;
          i++;
          continue;
        }
        const q = chunk.indexOf('"', i);
        if (backslash !== -1 && backslash < i) backslash = chunk.indexOf('\\', i);
        if (backslash >= 0 && (q < 0 || backslash < q)) {
          // An escape: the character after the backslash is part of the string, whatever it is.
          escaped = true;
          i = backslash + 1;
          continue;
        }
        if (q < 0) break;
        inString = false;
        i = q + 1;
        if (stringOnly) {
          end = i;
          break;
        }
        continue;
      }
      const c = chunk.charCodeAt(i++);
      if (c === 34) inString = true;
      else if (c === 123 || c === 91) depth++;
      else if ((c === 125 || c === 93) && --depth === 0) {
        end = i;
        break;
      }
    }
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    this.backslash = backslash;
    return end;
  }

  private finishValue(text: string): boolean {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      this.state = FAILED;
      return false;
    }
    this.state = this.afterValue;
    switch (this.role) {
      case AS_KEY:
        this.key = value as string;
        this.skeleton += `${text}:`;
        break;
      case AS_MEMBER:
        this.skeleton += text;
        break;
      case AS_LIST_ITEM:
        this.onListItem?.(value);
        this.listItems?.push(value);
        break;
      default:
        this.onValue(value);
    }
    return true;
  }
}

// An idle instance for the life of the process: see keepShape.
keepShape(new JsonSplitter(() => {}));
