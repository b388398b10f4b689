/**
 * The quotations and claims of each sentence, answering "which is the last one before this one
 * whose speaker is named by now?" while speakers are being resolved. Reading every earlier one of
 * the sentence for each question was quadratic in a sentence that runs on for the whole text.
 */

/** What the look-up needs of a candidate: its sentence, where it starts, and its speaker once resolved. */
export interface SentenceItem {
  sentence: object;
  start: number;
  speaker: { name: string | null } | null;
}

/** One sentence's items, by start, and (made on the first question) which of them are named. */
interface Sentence<T> {
  items: T[];
  named: LastMarked | null;
}

/** Items by sentence; each question and each naming costs O(log n). */
export class NamedBefore<T extends SentenceItem> {
  private readonly sentences = new Map<object, Sentence<T>>();
  private readonly position = new Map<T, number>();

  /** `items` in any order; within a sentence, equal starts keep their order in `items`. */
  constructor(items: readonly T[]) {
    for (const item of [...items].sort((a, b) => a.start - b.start)) {
      let sentence = this.sentences.get(item.sentence);
      if (!sentence) {
        sentence = { items: [], named: null };
        this.sentences.set(item.sentence, sentence);
      }
      this.position.set(item, sentence.items.push(item) - 1);
    }
  }

  /** The last item of `item`'s sentence that starts before it and has a named speaker now. */
  lastNamedBefore(item: T): T | undefined {
    const sentence = this.sentences.get(item.sentence);
    if (!sentence) return undefined;
    const { items } = sentence;
    if (!sentence.named) {
      sentence.named = new LastMarked(items.length);
      items.forEach((other, i) => {
        if (other.speaker?.name) sentence.named?.mark(i);
      });
    }
    // The items starting before `item` are a prefix of the sentence's.
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((items[mid] as T).start < item.start) lo = mid + 1;
      else hi = mid;
    }
    const last = sentence.named.lastBefore(lo);
    return last < 0 ? undefined : items[last];
  }

  /** Notes that `item`'s speaker has just been named. */
  noteNamed(item: T): void {
    const index = this.position.get(item);
    if (index !== undefined) this.sentences.get(item.sentence)?.named?.mark(index);
  }
}

/** Marked positions of a list, answering "the last marked one before `limit`": a Fenwick tree of maxima. */
class LastMarked {
  /** One more than the greatest marked position of each tree range, 0 for none. */
  private readonly tree: Int32Array;

  constructor(size: number) {
    this.tree = new Int32Array(size + 1);
  }

  /** Marks position `i`. */
  mark(i: number): void {
    for (let j = i + 1; j < this.tree.length; j += j & -j) if ((this.tree[j] as number) < i + 1) this.tree[j] = i + 1;
  }

  /** The greatest marked position below `limit`, or -1. */
  lastBefore(limit: number): number {
    let best = 0;
    for (let j = limit; j > 0; j -= j & -j) if ((this.tree[j] as number) > best) best = this.tree[j] as number;
    return best - 1;
  }
}
