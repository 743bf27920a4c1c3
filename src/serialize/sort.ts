/**
 * A stable sort, descending by key (byte-wise on UTF-16 code units, as `<`). Most lists are short or
 * arrive already in order, in either direction: those cost one pass and no comparator calls. Returns
 * `items` itself when it is in order already.
 */
export function sortDesc<T>(items: readonly T[], key: (t: T) => string): readonly T[] {
  const n = items.length;
  if (n < 2) return items;
  let desc = true;
  let asc = true;
  let prev = key(items[0]);
  for (let i = 1; i < n && (desc || asc); i++) {
    const k = key(items[i]);
    if (prev < k) desc = false;
    if (!(prev < k)) asc = false; // strictly ascending only: reversing equal keys would not be stable
    prev = k;
  }
  if (desc) return items;
  if (asc) return [...items].reverse();
  return [...items].sort(byDesc(key));
}

/** Three-way comparison of strings by `<`. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
/** A comparator, descending by key. */
export function byDesc<T>(key: (t: T) => string): (a: T, b: T) => number {
  return (a, b) => cmp(key(b), key(a));
}
/** A comparator, ascending by key. */
export function byAsc<T>(key: (t: T) => string): (a: T, b: T) => number {
  return (a, b) => cmp(key(a), key(b));
}
