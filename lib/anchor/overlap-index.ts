/**
 * Ranges of a text by key, asked "does any range of this key overlap [start, end)?" in O(log n):
 * testing each detection against every re-found annotation made re-anchoring quadratic on long pages.
 */

/** A range of one key: end-exclusive offsets. */
export interface KeyedRange {
  key: string;
  start: number;
  end: number;
}

/** One key's ranges by start, with the furthest end among each prefix of them. */
interface Sorted {
  starts: number[];
  furthestEnds: number[];
}

/** Ranges grouped by key, sorted once, for overlap questions. */
export class OverlapIndex {
  private readonly byKey = new Map<string, Sorted>();

  constructor(ranges: readonly KeyedRange[]) {
    const grouped = new Map<string, KeyedRange[]>();
    for (const range of ranges) {
      const list = grouped.get(range.key);
      if (list) list.push(range);
      else grouped.set(range.key, [range]);
    }
    for (const [key, list] of grouped) {
      list.sort((a, b) => a.start - b.start);
      const furthestEnds: number[] = [];
      let furthest = Number.NEGATIVE_INFINITY;
      for (const range of list) {
        furthest = Math.max(furthest, range.end);
        furthestEnds.push(furthest);
      }
      this.byKey.set(key, { starts: list.map((range) => range.start), furthestEnds });
    }
  }

  /** Whether a range of `key` overlaps [start, end): starts before `end` and ends after `start`. */
  overlaps(key: string, start: number, end: number): boolean {
    const sorted = this.byKey.get(key);
    if (!sorted) return false;
    // The ranges starting before `end` are a prefix; one of them overlaps when the furthest end passes `start`.
    let lo = 0;
    let hi = sorted.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted.starts[mid] as number) < end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && (sorted.furthestEnds[lo - 1] as number) > start;
  }
}
