/**
 * The innermost span holding each of many items, found in one sweep: testing every item against
 * every span made detection quadratic (a text of millions of characters has tens of thousands of
 * each, and a hostile page can send one).
 */

/** A span of the text: end-exclusive offsets. */
interface Span {
  start: number;
  end: number;
}

/**
 * For each item, the index in `spans` of the shortest span that contains it (`start <= item.start`
 * and `item.end <= end`), the first such span in `spans` among equally short ones; -1 when none does.
 * The same answer as testing every span in order, in O((spans + items) log spans).
 */
export function innermostContaining(spans: readonly Span[], items: readonly Span[]): number[] {
  const result = new Array<number>(items.length).fill(-1);
  if (spans.length === 0 || items.length === 0) return result;
  // Spans enter the sweep by start; items are asked about by start, once every span starting at or
  // before them has entered. A span that entered contains an item exactly when it ends at or after the item.
  const byStart = spans.map((_, i) => i).sort((a, b) => (spans[a] as Span).start - (spans[b] as Span).start || a - b);
  const itemOrder = items.map((_, i) => i).sort((a, b) => (items[a] as Span).start - (items[b] as Span).start);
  // The distinct span ends, descending: a prefix of them is every end at or after a given offset.
  const ends = Array.from(new Set(spans.map((span) => span.end))).sort((a, b) => b - a);
  const tree = new ShortestByEnd(ends.length);
  let next = 0;
  for (const item of itemOrder) {
    const { start, end } = items[item] as Span;
    while (next < byStart.length && (spans[byStart[next] as number] as Span).start <= start) {
      const index = byStart[next++] as number;
      const span = spans[index] as Span;
      tree.add(rankOf(ends, span.end), span.end - span.start, index);
    }
    result[item] = tree.shortest(countAtLeast(ends, end));
  }
  return result;
}

/** Position of `value` in a descending list that holds it. */
function rankOf(descending: readonly number[], value: number): number {
  return countAtLeast(descending, value) - 1;
}

/** How many values of a descending list are at least `value`. */
function countAtLeast(descending: readonly number[], value: number): number {
  let lo = 0;
  let hi = descending.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((descending[mid] as number) >= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Spans by the rank of their end (0 for the latest end), answering "the shortest span among the
 * first `count` ranks, the lowest index among equals": a Fenwick tree of minima, which only ever
 * receives spans, so a minimum never has to be taken back.
 */
class ShortestByEnd {
  private readonly lengths: Float64Array;
  private readonly indexes: Int32Array;

  constructor(size: number) {
    this.lengths = new Float64Array(size + 1).fill(Number.POSITIVE_INFINITY);
    this.indexes = new Int32Array(size + 1).fill(-1);
  }

  /** Enters the span `index`, of `length` characters, whose end has rank `rank`. */
  add(rank: number, length: number, index: number): void {
    for (let i = rank + 1; i < this.lengths.length; i += i & -i) {
      const held = this.lengths[i] as number;
      if (length < held || (length === held && index < (this.indexes[i] as number))) {
        this.lengths[i] = length;
        this.indexes[i] = index;
      }
    }
  }

  /** Index of the shortest span entered among ranks [0, count), the lowest among equals; -1 when none. */
  shortest(count: number): number {
    let length = Number.POSITIVE_INFINITY;
    let index = -1;
    for (let i = count; i > 0; i -= i & -i) {
      const held = this.lengths[i] as number;
      const at = this.indexes[i] as number;
      if (held < length || (held === length && at !== -1 && at < index)) {
        length = held;
        index = at;
      }
    }
    return index;
  }
}
