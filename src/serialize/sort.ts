// Sorting the output lists. Spec 01 §10 sorts them descending by a key, stably (equal keys keep the state's
// order), comparing UTF-16 code units as `<` does (Go's byte order for the ASCII names Kong uses).
//
// Array.prototype.sort with a comparator calls back into JavaScript per comparison and the key function
// twice per comparison (a megamorphic property load: state objects have many shapes). Here keys are read
// once, and comparisons are inline: short lists by insertion, long ones by merging the runs they already
// have (a state arrives mostly in order: ~12k services in ~800 ascending runs at 10k Ingresses). Measured
// (fastest of 25, busy machine): the 10k ingress set's services, upstreams, routes and targets 27 -> 18 ms;
// the 10k mixed set's 11k top-level plugins ~52 -> ~24 ms (their keys are concatenations, compared slower).

const INSERTION_MAX = 16;

/**
 * A stable sort, descending by key. Returns `items` itself when it is in order already; a list in strictly
 * ascending order (so with no equal keys to keep in order) is reversed.
 */
export function sortDesc<T>(items: readonly T[], key: (t: T) => string): readonly T[] {
  const n = items.length;
  if (n < 2) return items;
  if (n === 2) {
    // Most routes and targets come one or two to a list.
    const a = key(items[0]);
    const b = key(items[1]);
    return a < b ? [items[1], items[0]] : items;
  }
  const keys = new Array<string>(n);
  for (let i = 0; i < n; i++) keys[i] = key(items[i]);
  let desc = true;
  let asc = true;
  for (let i = 1; i < n && (desc || asc); i++) {
    if (keys[i - 1] < keys[i]) desc = false;
    else asc = false; // strictly ascending only: reversing equal keys would not be stable
  }
  if (desc) return items;
  if (asc) return [...items].reverse();
  const out = [...items];
  if (n <= INSERTION_MAX) insertionSort(out, keys);
  else mergeRuns(out, keys);
  return out;
}

// Descending and stable: an item moves left only past strictly smaller keys.
function insertionSort<T>(a: T[], keys: string[]): void {
  for (let i = 1; i < a.length; i++) {
    const x = a[i];
    const k = keys[i];
    let j = i - 1;
    for (; j >= 0 && keys[j] < k; j--) {
      a[j + 1] = a[j];
      keys[j + 1] = keys[j];
    }
    a[j + 1] = x;
    keys[j + 1] = k;
  }
}

// Natural merge sort: the list is cut into runs that are non-increasing, or strictly increasing and then
// reversed (stable: no equal keys), and neighbouring runs are merged pairwise until one is left. Merging
// takes from the left run on equal keys (stable). Sorts `a` (and `keys` alongside) in place.
function mergeRuns<T>(a: T[], keys: string[]): void {
  const n = a.length;
  let runs: number[] = [0];
  for (let i = 0; i < n; ) {
    let j = i + 1;
    if (j < n && keys[j - 1] < keys[j]) {
      while (j < n && keys[j - 1] < keys[j]) j++;
      reverse(a, keys, i, j);
    } else {
      while (j < n && !(keys[j - 1] < keys[j])) j++;
    }
    runs.push(j);
    i = j;
  }
  let from = a;
  let fromKeys = keys;
  let to = new Array<T>(n);
  let toKeys = new Array<string>(n);
  while (runs.length > 2) {
    const next = [0];
    for (let r = 0; r + 1 < runs.length; r += 2) {
      const end = r + 2 < runs.length ? runs[r + 2] : runs[r + 1];
      merge(from, fromKeys, to, toKeys, runs[r], runs[r + 1], end);
      next.push(end);
    }
    [from, to] = [to, from];
    [fromKeys, toKeys] = [toKeys, fromKeys];
    runs = next;
  }
  if (from !== a) for (let i = 0; i < n; i++) a[i] = from[i];
}

// Merges from[lo, mid) and from[mid, hi), both non-increasing, into to[lo, hi). Only where the two runs
// overlap are keys compared one by one: the left run's items above the right run's first key, and the
// right run's items below the left run's last key, are found by binary search and copied. (A mostly ordered
// state has runs that overlap little, or not at all.)
function merge<T>(from: T[], fromKeys: string[], to: T[], toKeys: string[], lo: number, mid: number, hi: number): void {
  let i = lo;
  let j = mid;
  let o = lo;
  if (j < hi && fromKeys[j - 1] < fromKeys[j]) {
    i = firstBelow(fromKeys, lo, mid - 1, fromKeys[mid]);
    for (; o < i; o++) {
      to[o] = from[o];
      toKeys[o] = fromKeys[o];
    }
    const rightEnd = firstNotAbove(fromKeys, mid + 1, hi, fromKeys[mid - 1]);
    while (i < mid && j < rightEnd) {
      if (fromKeys[i] < fromKeys[j]) {
        to[o] = from[j];
        toKeys[o++] = fromKeys[j++];
      } else {
        to[o] = from[i];
        toKeys[o++] = fromKeys[i++];
      }
    }
  }
  for (; i < mid; i++, o++) {
    to[o] = from[i];
    toKeys[o] = fromKeys[i];
  }
  for (; j < hi; j++, o++) {
    to[o] = from[j];
    toKeys[o] = fromKeys[j];
  }
}

// In keys[lo, last], non-increasing, with keys[last] < k: the first index whose key is below k.
function firstBelow(keys: readonly string[], lo: number, last: number, k: string): number {
  let a = lo;
  let b = last;
  while (a < b) {
    const m = (a + b) >>> 1;
    if (keys[m] < k) b = m;
    else a = m + 1;
  }
  return a;
}

// In keys[lo, hi), non-increasing: the first index whose key is not above k, or hi.
function firstNotAbove(keys: readonly string[], lo: number, hi: number, k: string): number {
  let a = lo;
  let b = hi;
  while (a < b) {
    const m = (a + b) >>> 1;
    if (k < keys[m]) a = m + 1;
    else b = m;
  }
  return a;
}

function reverse<T>(a: T[], keys: string[], lo: number, hi: number): void {
  for (let l = lo, r = hi - 1; l < r; l++, r--) {
    [a[l], a[r]] = [a[r], a[l]];
    [keys[l], keys[r]] = [keys[r], keys[l]];
  }
}

/** Three-way comparison of strings by `<`. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
/** A comparator, ascending by key. */
export function byAsc<T>(key: (t: T) => string): (a: T, b: T) => number {
  return (a, b) => cmp(key(a), key(b));
}
