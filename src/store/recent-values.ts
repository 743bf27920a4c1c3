// Hash-consing for the small values that repeat from object to object in a large cluster (an
// EndpointSlice's `conditions` and `ports`, a Service's ports, an Ingress backend's port...): JSON.parse
// gives every occurrence objects and strings of its own (only strings of up to 10 characters are shared),
// ~40-60 bytes per small object. A place in the documents keeps its last few distinct values; an equal
// value found there is replaced by the kept one. Kept values are frozen, so that no reader can change
// what many objects share.
//
// No key is built: values are compared directly (same own keys in the same order, members `Object.is`
// equal), which is cheaper than a structural key and exact (`-0` is not `0`, `1` is not `'1'`).

/** How many distinct values a place keeps: enough for the few shapes that repeat, few enough to scan. */
const KEPT = 8;
/** Larger values are not shared (and not frozen): scanning them would cost more than they save. */
const MAX_MEMBERS = 8;

/** One place's recent distinct objects or arrays. */
export class RecentValues {
  private readonly kept: object[] = [];
  private readonly keys: string[][] = []; // kept[i]'s own keys (none for arrays)
  private next = 0;
  private last = 0; // where the last equal value was found: values come in runs

  /**
   * An equal value seen before (frozen), or `value` itself, frozen from now on. `value` is returned
   * unchanged, unfrozen, when it is not a small plain object or array of primitives and frozen (shared) values.
   */
  share<T>(value: T): T {
    if (typeof value !== 'object' || value === null) return value;
    const isArray = Array.isArray(value);
    if (Object.getPrototypeOf(value) !== (isArray ? Array.prototype : Object.prototype)) return value;
    // Equal to a kept value: nothing else to check (kept values passed the checks below).
    const n = this.kept.length;
    for (let j = 0; j < n; j++) {
      const i = (this.last + j) % n;
      const k = this.kept[i];
      if (isArray ? Array.isArray(k) && sameArray(value as unknown[], k as unknown[]) : sameObject(value as object, k, this.keys[i])) {
        this.last = i;
        return k as T;
      }
    }
    if (Object.isFrozen(value)) return value; // shared elsewhere already (or frozen by its maker)
    const keys = isArray ? undefined : Object.keys(value);
    if ((keys ?? (value as unknown[])).length > MAX_MEMBERS || !shareable(value as object, keys)) return value;
    Object.freeze(value);
    this.kept[this.next] = value as object;
    this.keys[this.next] = keys ?? [];
    this.next = (this.next + 1) % KEPT;
    return value;
  }
}

/**
 * Whether two plain objects read the same and may be one shared (frozen) object: the same own keys in the
 * same order, `Object.is` equal members that are primitives or frozen values.
 */
export function sameLeafObject(a: object, b: object): boolean {
  if (Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const keys = Object.keys(b);
  return keys.length <= MAX_MEMBERS && sameObject(a, b, keys) && shareable(b, keys);
}

/** One place's recent distinct strings: an equal string is replaced by the kept one. */
export class RecentStrings {
  private readonly kept: string[] = [];
  private next = 0;

  share(value: string): string {
    for (let i = 0; i < this.kept.length; i++) if (this.kept[i] === value) return this.kept[i];
    this.kept[this.next] = value;
    this.next = (this.next + 1) % KEPT;
    return value;
  }
}

// Members are primitives or frozen values (shared ones): a frozen value then holds nothing that can change.
function shareable(value: object, keys: readonly string[] | undefined): boolean {
  const v = value as Record<string, unknown>;
  const n = keys ? keys.length : (value as unknown[]).length;
  for (let i = 0; i < n; i++) {
    const m = keys ? v[keys[i]] : (value as unknown[])[i];
    if (typeof m === 'object' && m !== null && !Object.isFrozen(m)) return false;
  }
  return true;
}

function sameArray(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

// Same own keys in the same order, `Object.is` equal values. `for...in` (no key array made): a plain
// object has no enumerable inherited keys.
function sameObject(a: object, b: object, bKeys: readonly string[]): boolean {
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let i = 0;
  for (const k in x) {
    if (k !== bKeys[i++] || !Object.is(x[k], y[k])) return false;
  }
  return i === bKeys.length;
}
