// Sorting every mapping's keys was the YAML writer's largest cost. Objects built by the same code list the
// same keys in the same order (Object.keys), so the sorted order is worked out once per such key list.

const MAX_KEY_LISTS = 4096;
const MAX_LISTS_PER_FIRST_KEY = 16; // bounds the search among lists with the same first key

type KeyList = { readonly keys: readonly string[]; readonly sorted: readonly string[] };

/** Remembers the sorted order of the key lists it has seen (up to MAX_KEY_LISTS, then begins again). */
export class SortedKeys {
  private readonly lists = new Map<string, KeyList[]>(); // by first key
  private size = 0;

  /**
   * The keys of `obj` whose value is not undefined, sorted as Array.prototype.sort sorts them. The array
   * may be shared with other calls: not to be changed.
   */
  defined(obj: Readonly<Record<string, unknown>>): readonly string[] {
    const keys = Object.keys(obj);
    if (keys.length === 0) return keys;
    const sorted = this.sortedOf(keys);
    let defined: string[] | undefined; // a copy, from the first key without a value on
    for (let i = 0; i < sorted.length; i++) {
      if (obj[sorted[i]] !== undefined) defined?.push(sorted[i]);
      else defined ??= sorted.slice(0, i);
    }
    return defined ?? sorted;
  }

  private sortedOf(keys: string[]): readonly string[] {
    let lists = this.lists.get(keys[0]);
    if (lists === undefined) {
      if (this.size >= MAX_KEY_LISTS) this.clear();
      this.lists.set(keys[0], (lists = []));
    }
    for (const list of lists) if (sameKeys(list.keys, keys)) return list.sorted;
    if (this.size >= MAX_KEY_LISTS || lists.length >= MAX_LISTS_PER_FIRST_KEY) return [...keys].sort();
    const sorted = [...keys].sort();
    lists.push({ keys, sorted });
    this.size++;
    return sorted;
  }

  private clear(): void {
    this.lists.clear();
    this.size = 0;
  }
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
