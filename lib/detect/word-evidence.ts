/**
 * What the rest of a text tells about a capitalised word at the start of a sentence, where the
 * capital says nothing: written in lower case elsewhere ("officials", "meanwhile", "clearly"), it
 * is a common word; capitalised inside a sentence elsewhere, it is a name.
 */

import { isLetterAt } from "./chars";

/** Distinct words looked up per text: each look-up reads the text once, so this keeps the work linear. */
const MAX_WORDS = 64;

/** Characters after which a word opens a sentence (spaces and opening marks between them skipped). */
const OPENS_AFTER = new Set(Array.from(".!?:;…\n\r", (ch) => ch.charCodeAt(0)));
/** Spaces and opening marks that may stand between a sentence end and its first word. */
const SKIPPED = new Set(Array.from(" \t\u00a0\"'“‘«„([—–-", (ch) => ch.charCodeAt(0)));

/** Whether the word at `at` opens its sentence or paragraph, so that its capital says nothing. */
export function opensSentenceAt(text: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && SKIPPED.has(text.charCodeAt(k))) k--;
  return k < 0 || OPENS_AFTER.has(text.charCodeAt(k));
}

/** What a text says of a word: written in lower case, capitalised inside a sentence. */
interface Facts {
  /** The word's lower-case form, the key these facts are kept under. */
  form: string;
  lower: boolean;
  /** Worked out on first need: `isCommon` asks only about words found in lower case (names are not). */
  capitalisedInside: boolean | undefined;
}

/** Answers about the words of one text, each worked out once. */
export class WordEvidence {
  private readonly facts = new Map<string, Facts>();

  constructor(private readonly text: string) {}

  /** Whether a capitalised word is a common word: in lower case elsewhere, never capitalised inside a sentence. */
  isCommon(word: string): boolean {
    const facts = this.factsOf(word);
    return facts?.lower === true && !this.capitalisedInside(facts);
  }

  /** Whether a capitalised word is capitalised inside a sentence somewhere (true when unknown). */
  isCapitalisedInside(word: string): boolean {
    const facts = this.factsOf(word);
    return facts === null ? true : this.capitalisedInside(facts);
  }

  private factsOf(word: string): Facts | null {
    const lower = word.toLowerCase();
    const known = this.facts.get(lower);
    if (known) return known;
    if (this.facts.size >= MAX_WORDS || lower.length < 2) return null;
    const facts: Facts = { form: lower, lower: this.occurs(lower, () => true), capitalisedInside: undefined };
    this.facts.set(lower, facts);
    return facts;
  }

  /** Whether the word of `facts` is written capitalised inside a sentence somewhere, read once. */
  private capitalisedInside(facts: Facts): boolean {
    if (facts.capitalisedInside === undefined) {
      const capitalised = facts.form.charAt(0).toUpperCase() + facts.form.slice(1);
      facts.capitalisedInside = this.occurs(capitalised, (at) => !opensSentenceAt(this.text, at));
    }
    return facts.capitalisedInside;
  }

  /** Whether `form` occurs as a whole word somewhere that `where` accepts. */
  private occurs(form: string, where: (at: number) => boolean): boolean {
    for (let at = this.text.indexOf(form); at >= 0; at = this.text.indexOf(form, at + 1)) {
      // By char code: a pattern run on a one-character string at every hit was most of this search.
      if (isLetterAt(this.text, at - 1) || isLetterAt(this.text, at + form.length)) continue;
      if (where(at)) return true;
    }
    return false;
  }
}
