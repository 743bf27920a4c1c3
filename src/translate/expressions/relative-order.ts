/** One split match of a Gateway API route, with what orders it among matches of equal base priority. */
export type SplitMatchOrder = {
  readonly base: number;
  /** metadata.creationTimestamp of the route object ('' when absent) */
  readonly created: string;
  readonly namespace: string;
  readonly name: string;
  readonly ruleIndex: number;
  readonly matchIndex: number;
  /** position of the split hostname in spec.hostnames (0 when none) */
  readonly hostIndex: number;
};

/**
 * Spec 04 §3.6 and §4.4: the final priorities. Matches with a unique base get base + max; equal bases are
 * sorted (older first, then namespace, name, rule, match; full ties put the later hostname first) and the
 * i-th gets base + max(maxOrder - i, 0). Returns the priorities in the order of `items`.
 */
export function withRelativeOrder(items: readonly SplitMatchOrder[], maxOrder: number): number[] {
  const byBase = new Map<number, number[]>();
  items.forEach((it, i) => {
    const list = byBase.get(it.base);
    if (list) list.push(i);
    else byBase.set(it.base, [i]);
  });
  const out = new Array<number>(items.length);
  for (const [base, indexes] of byBase) {
    indexes.sort((a, b) => compareOrder(items[a], items[b]));
    indexes.forEach((idx, i) => {
      out[idx] = base + Math.max(maxOrder - i, 0);
    });
  }
  return out;
}

function compareOrder(a: SplitMatchOrder, b: SplitMatchOrder): number {
  const ta = timestamp(a.created);
  const tb = timestamp(b.created);
  if (ta !== tb) return ta < tb ? -1 : 1;
  return (
    cmp(a.namespace, b.namespace) ||
    cmp(a.name, b.name) ||
    a.ruleIndex - b.ruleIndex ||
    a.matchIndex - b.matchIndex ||
    // KIC's stable insertion sort answers "less" on full ties, which leaves later hostnames first.
    b.hostIndex - a.hostIndex
  );
}

// An absent timestamp is Go's zero time: older than any real one.
function timestamp(s: string): number {
  if (!s) return Number.NEGATIVE_INFINITY;
  const t = Date.parse(s);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
