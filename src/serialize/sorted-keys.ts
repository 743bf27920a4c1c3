// Sorting every mapping's keys was the YAML writer's largest cost. Objects built by the same code list the
// same keys in the same order (Object.keys), so the sorted order is worked out once per such key list,
// as the positions to take Object.values from (reading obj[key] for each key was the next largest cost).

const MAX_KEY_LISTS = 4096;
const MAX_LISTS_PER_FIRST_KEY = 16; // bounds the search among lists with the same first key

type KeyList = {
  readonly keys: readonly string[];
  readonly sorted: readonly string[];
  readonly order: readonly number[]; // sorted[i] is keys[order[i]]
};

/** Remembers the sorted order of the key lists it has seen (up to MAX_KEY_LISTS, then begins again). */
export class SortedKeys {
  private readonly lists = new Map<string, KeyList[]>(); // by first key
  private size = 0;

  /**
   * The keys of `obj` whose value is not undefined, sorted as Array.prototype.sort sorts them; their
   * values are appended to `values` in the same order. The array of keys may be shared with other
   * calls: not to be changed.
   */
  defined(obj: Readonly<Record<string, unknown>>, values: unknown[]): readonly string[] {
    const keys = Object.keys(obj);
    if (keys.length === 0) return keys;
    const list = this.listOf(keys);
    const all = Object.values(obj); // in the order of Object.keys
    let defined: string[] | undefined; // a copy, from the first key without a value on
    for (let i = 0; i < list.order.length; i++) {
      const v = all[list.order[i]];
      if (v !== undefined) {
        values.push(v);
        defined?.push(list.sorted[i]);
      } else defined ??= list.sorted.slice(0, i);
    }
    return defined ?? list.sorted;
  }

  private listOf(keys: string[]): KeyList {
    let lists = this.lists.get(keys[0]);
    if (lists === undefined) {
      if (this.size >= MAX_KEY_LISTS) this.clear();
      this.lists.set(keys[0], (lists = []));
    }
    for (const list of lists) if (sameKeys(list.keys, keys)) return list;
    const list = sortedList(keys);
    if (this.size < MAX_KEY_LISTS && lists.length < MAX_LISTS_PER_FIRST_KEY) {
      lists.push(list);
      this.size++;
    }
    return list;
  }

  private clear(): void {
    this.lists.clear();
    this.size = 0;
  }
}

function sortedList(keys: readonly string[]): KeyList {
  const sorted = [...keys].sort();
  const position = new Map(keys.map((k, i) => [k, i]));
  return { keys, sorted, order: sorted.map((k) => position.get(k) ?? -1) };
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
