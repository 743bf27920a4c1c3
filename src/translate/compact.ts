// Helpers that keep the Kong state small. At 50k Ingresses the state held ~250 MB; two V8 details made up a
// large part of it (measured with heap snapshots):
// - A string built from several pieces (a template literal like `${ns}.${name}.${port}`) is kept as a tree of
//   concatenation nodes, 32 bytes per piece on top of the characters: 240 bytes for a route name of seven
//   pieces against 72 flat.
// - An array grown by push() from [] reserves 17 slots: 152 bytes for a one-item list of paths or targets.
// Names with many pieces are now joined from a list (`[ns, name, port].join('.')`), which makes the flat
// string at once; flat() serves two-piece strings (tags, targets, paths).

/**
 * The same string, stored flat. V8 flattens a string that it searches, and a search for a character that
 * names never hold returns the (now flat) string itself; the concatenation nodes are freed at the next GC.
 * Measured: 500k route names kept in 74 bytes each instead of 240, built in less time (less to collect).
 * The returned string is the flattened concatenation node, which the next scavenge replaces by its flat
 * part; joining from a list (see above) skips both that node and the search.
 */
export function flat(s: string): string {
  return s.replace('\0', '\0');
}

/** A copy of the array with no spare capacity, for lists that are kept (the copied one dies young). */
export function exact<T>(items: T[]): T[] {
  return items.slice();
}

// Lists up to this long are copied to their exact size on each append; longer ones grow in place.
const MAX_EXACT_APPEND = 8;

/**
 * `list` with `item` appended, for lists that are kept and mostly stay short (a Kong service's routes): a
 * new list of exactly the right size while short, the same list grown by push once longer.
 */
export function appendKept<T>(list: T[], item: T): T[] {
  if (list.length >= MAX_EXACT_APPEND) {
    list.push(item);
    return list;
  }
  const out = new Array<T>(list.length + 1);
  for (let i = 0; i < list.length; i++) out[i] = list[i];
  out[list.length] = item;
  return out;
}

/**
 * A copy of a short list made by an array literal, a longer one by slice. V8 learns, per literal, that the
 * lists made there live long and allocates them in the old generation directly (allocation-site
 * pretenuring); lists made by builtins like slice and map start young and are copied twice before they get
 * there. For lists that are kept: targets, tag lists, a service's resolved Services.
 */
export function keptCopy<T>(items: readonly T[]): T[] {
  switch (items.length) {
    case 0: return [];
    case 1: return [items[0]];
    case 2: return [items[0], items[1]];
    case 3: return [items[0], items[1], items[2]];
    case 4: return [items[0], items[1], items[2], items[3]];
    case 5: return [items[0], items[1], items[2], items[3], items[4]];
    case 6: return [items[0], items[1], items[2], items[3], items[4], items[5]];
    default: return items.slice();
  }
}
