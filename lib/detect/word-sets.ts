/**
 * "Are all of these words among those?", asked of the same lists of name words over and over. A
 * list is a name's words, and a name can be a capitalised run as long as the text; testing it with
 * `includes` word by word was quadratic in the run, and asked once for every reference to the name.
 */

/** Lists up to this long are searched as they are: a set costs more than it saves. */
const SMALL = 8;

/** Sets of word lists and answers about them, remembered by list (lists are not changed once made). */
export class WordSets {
  private readonly sets = new WeakMap<readonly string[], Set<string>>();
  private readonly answers = new WeakMap<readonly string[], WeakMap<readonly string[], boolean>>();

  /** Whether `word` is one of `words` (`words.includes(word)`). */
  has(words: readonly string[], word: string): boolean {
    return words.length <= SMALL ? words.includes(word) : this.setOf(words).has(word);
  }

  /** Whether every one of `words` is among `among` (`words.every((w) => among.includes(w))`). */
  allAmong(words: readonly string[], among: readonly string[]): boolean {
    if (words.length <= SMALL) return words.every((word) => this.has(among, word));
    let known = this.answers.get(words);
    const answer = known?.get(among);
    if (answer !== undefined) return answer;
    const needed = this.setOf(words);
    let result = needed.size <= among.length;
    for (const word of needed) {
      if (!result) break;
      result = this.has(among, word);
    }
    if (!known) {
      known = new WeakMap();
      this.answers.set(words, known);
    }
    known.set(among, result);
    return result;
  }

  /** The set of a list's words, made once per list. */
  private setOf(words: readonly string[]): Set<string> {
    let set = this.sets.get(words);
    if (!set) {
      set = new Set(words);
      this.sets.set(words, set);
    }
    return set;
  }
}
