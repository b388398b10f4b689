/**
 * What the rest of a text tells about a capitalised word at the start of a sentence, where the
 * capital says nothing: written in lower case elsewhere ("officials", "meanwhile", "clearly"), it
 * is a common word; capitalised inside a sentence elsewhere, it is a name.
 */

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

const isLetter = (ch: string | undefined): boolean => ch !== undefined && /\p{L}/u.test(ch);

/** What a text says of a word: written in lower case, capitalised inside a sentence. */
interface Facts {
  lower: boolean;
  capitalisedInside: boolean;
}

/** Answers about the words of one text, each worked out once. */
export class WordEvidence {
  private readonly facts = new Map<string, Facts>();

  constructor(private readonly text: string) {}

  /** Whether a capitalised word is a common word: in lower case elsewhere, never capitalised inside a sentence. */
  isCommon(word: string): boolean {
    const facts = this.factsOf(word);
    return facts?.lower === true && !facts.capitalisedInside;
  }

  /** Whether a capitalised word is capitalised inside a sentence somewhere (true when unknown). */
  isCapitalisedInside(word: string): boolean {
    return this.factsOf(word)?.capitalisedInside ?? true;
  }

  private factsOf(word: string): Facts | null {
    const lower = word.toLowerCase();
    const known = this.facts.get(lower);
    if (known) return known;
    if (this.facts.size >= MAX_WORDS || lower.length < 2) return null;
    const capitalised = lower.charAt(0).toUpperCase() + lower.slice(1);
    const facts: Facts = {
      lower: this.occurs(lower, () => true),
      capitalisedInside: this.occurs(capitalised, (at) => !opensSentenceAt(this.text, at)),
    };
    this.facts.set(lower, facts);
    return facts;
  }

  /** Whether `form` occurs as a whole word somewhere that `where` accepts. */
  private occurs(form: string, where: (at: number) => boolean): boolean {
    for (let at = this.text.indexOf(form); at >= 0; at = this.text.indexOf(form, at + 1)) {
      if (isLetter(this.text[at - 1]) || isLetter(this.text[at + form.length])) continue;
      if (where(at)) return true;
    }
    return false;
  }
}
