/** Capitalised runs of words, and the names (with their titles) that they hold. */

import { isSpaceCode, startsUpper, upperAt } from "./chars";
import { NOT_NAMES, ORGANISATION_WORDS, TITLES } from "./lexicon";
import type { Range } from "./sentences";
import { type Token, tokenIndex, tokenize } from "./words";

/** A capitalised name in the text, with the titles written before it. */
export interface NameMention {
  start: number;
  end: number;
  /** The name without titles ("Imangali Tasmagambetov"), or the organisation ("CSTO Joint Staff"). */
  name: string;
  /** Lower-case name words, possessive "'s" removed. */
  words: string[];
  /** Lower-case title words written with it ("csto", "secretary", "general"). */
  titles: string[];
  kind: "person" | "organisation" | "unknown";
  /** Evidence that this is a person: a title, an appositive, a role as speaker. */
  strong: boolean;
  /** Written as a possessive ("Clinton’s team"): a modifier, not a subject. */
  possessive: boolean;
  /** Inside a quotation: somebody else's words, not the narrative. */
  quoted: boolean;
  /** Opens its sentence (after a connective or an introductory phrase): where subjects stand. */
  subject: boolean;
}

/** Adverbs in -ly that open sentences ("Unfortunately", "Clearly", "Accordingly"), never given names. */
const SENTENCE_ADVERB = /^\p{L}{3,}(?:ally|ately|edly|ingly|ously|ively|fully|ently|antly|early|ularly|ibly|ably)$/u;

/**
 * Whether a lower-case word is such an adverb. Every ending ends in "ly": testing that first spares
 * the pattern, which backtracks through the whole word at each of its endings, for nearly every word.
 */
export function isSentenceAdverb(lower: string): boolean {
  const n = lower.length;
  return n >= 5 && lower.charCodeAt(n - 1) === 0x79 && lower.charCodeAt(n - 2) === 0x6c && SENTENCE_ADVERB.test(lower);
}

/** Lower-case words inside names ("de", "van", "bin"). */
const NAME_PARTICLES = new Set([
  "de",
  "da",
  "di",
  "del",
  "della",
  "van",
  "von",
  "der",
  "den",
  "bin",
  "ibn",
  "al",
  "la",
  "le",
  "du",
  "dos",
]);

const isCapitalised = (token: Token): boolean => startsUpper(token.text);
const ACRONYM = /^(?:\p{Lu}\.){2,}$|^\p{Lu}[\p{Lu}\p{N}&-]{1,}$/u;
const isAcronym = (token: Token): boolean => token.text.length <= 8 && isCapitalised(token) && ACRONYM.test(token.text);

/** Length of a final apostrophe or "'s" (`/['’]s?$/u`), 0 when there is none. */
function possessiveLength(word: string): number {
  const n = word.length;
  const lastCode = word.charCodeAt(n - 1);
  if (lastCode === 0x27 || lastCode === 0x2019) return 1;
  if (lastCode !== 0x73 || n < 2) return 0;
  const code = word.charCodeAt(n - 2);
  return code === 0x27 || code === 0x2019 ? 2 : 0;
}
const bare = (word: string): string => {
  const cut = possessiveLength(word);
  return cut === 0 ? word : word.slice(0, -cut);
};
const isTitle = (token: Token): boolean => {
  const lower = bare(token.lower);
  return (
    TITLES.has(lower) || (lower.includes("-") && lower.split("-").every((part) => TITLES.has(part) || part === "in"))
  );
};
/** An all-capitals word with a bare final apostrophe ("SEALS’"): a plural, not a possessive. */
const CAPITALS_APOSTROPHE = /^\p{Lu}+['’]$/u;

/** The bare lower-case words of tokens [from, to). */
function bareWords(tokens: Token[], from: number, to: number): string[] {
  const words = new Array<string>(to - from);
  for (let i = from; i < to; i++) words[i - from] = bare((tokens[i] as Token).lower);
  return words;
}

/**
 * Splits a run of capitalised words into titles and the name proper, and says what it names.
 * `quoted` and `subject` are left false, for the caller that knows the context to set.
 */
export function parseName(run: Token[], text: string): NameMention | null {
  // The run is worked on as tokens [from, to), to spare the copies.
  let from = 0;
  let to = run.length;
  // "Whether Bartleby", "Finally Smith": a word capitalised only because it opens the sentence.
  while (
    from < to &&
    (NOT_NAMES.has((run[from] as Token).lower) || isSentenceAdverb((run[from] as Token).lower)) &&
    !isTitle(run[from] as Token)
  )
    from++;
  while (from < to && NAME_PARTICLES.has((run[to - 1] as Token).lower)) to--;
  if (from === to) return null;
  let of = -1;
  for (let i = from; i < to; i++) {
    const token = run[i] as Token;
    if (token.text === "I") return null;
    if (of < 0 && token.lower === "of") of = i;
  }
  // "Stephanie Rawlings of Baltimore": a person's name, then where they are from.
  if (of > from) {
    let personal = false;
    for (let i = from; i < of && !personal; i++) {
      const t = run[i] as Token;
      personal = !isTitle(t) && !isAcronym(t) && !ORGANISATION_WORDS.has(bare(t.lower));
    }
    if (personal && !isTitle(run[of - 1] as Token)) to = of;
  }
  const last = run[to - 1] as Token;
  const possessive = possessiveLength(last.text) > 0 && !CAPITALS_APOSTROPHE.test(last.text);
  const lastWord = bare(last.lower);
  const end = possessive ? last.end - possessiveLength(last.text) : last.end;
  // "Commission on Presidential Debates", "Council on Foreign Relations": words joined by "on" or
  // "for" to the words after them make the whole run an institution's name.
  // No person's name holds "for" or "on" either ("Americans for Prosperity", "Ready for Hillary").
  let institution = false;
  for (let i = from + 1; i < to - 1 && !institution; i++) institution = /^(?:on|for)$/u.test((run[i] as Token).lower);
  // "Ministry of Health", "University of Chicago": an institution's noun and "of" open an institution's
  // name, unless a title follows within it ("Bank of Norvia Governor Ana Lund" names a person).
  if (
    !institution &&
    to - from >= 3 &&
    ORGANISATION_WORDS.has(bare((run[from] as Token).lower)) &&
    !isTitle(run[from] as Token) &&
    (run[from + 1] as Token).lower === "of"
  ) {
    institution = true;
    for (let i = from + 2; i < to && institution; i++) institution = !isTitle(run[i] as Token);
  }
  if (institution || ORGANISATION_WORDS.has(lastWord) || (to - from === 1 && isAcronym(last))) {
    const start = (run[from] as Token).start;
    return {
      start,
      end,
      name: text.slice(start, end),
      words: bareWords(run, from, to),
      titles: [],
      kind: "organisation",
      strong: false,
      possessive,
      quoted: false,
      subject: false,
    };
  }
  // The name is what follows the last title or acronym: "CSTO Secretary General | Imangali Tasmagambetov".
  let cut = from;
  for (let i = from; i < to - 1; i++) {
    const token = run[i] as Token;
    if (isTitle(token) || isAcronym(token) || ORGANISATION_WORDS.has(bare(token.lower)) || token.lower === "of")
      cut = i + 1;
  }
  let onlyTitles = true;
  let personal = 0;
  for (let i = cut; i < to; i++) {
    const token = run[i] as Token;
    if (onlyTitles && !NOT_NAMES.has(token.lower) && !isTitle(token)) onlyTitles = false;
    if (!NAME_PARTICLES.has(token.lower)) personal++;
  }
  if (onlyTitles) return null;
  const titles = bareWords(run, from, cut);
  const strong = titles.some((t) => TITLES.has(t));
  const start = (run[cut] as Token).start;
  return {
    start,
    end,
    name: text.slice(start, end),
    words: bareWords(run, cut, to),
    titles,
    kind: strong || personal >= 2 ? "person" : "unknown",
    strong,
    possessive,
    quoted: false,
    subject: false,
  };
}

/** A capital letter ("H"): an initial. */
const INITIAL = /^\p{Lu}$/u;
/** A capital and up to three lower-case letters ("Jr", "Sen"): an abbreviation when it is a title's. */
const SHORT_WORD = /^\p{Lu}\p{Ll}{1,3}$/u;
/** Abbreviations written before or after names besides the titles ("Jr.", "St."). */
const NAME_ABBREVIATIONS = new Set(["jr", "sr", "st", "mt", "ft", "del", "messrs"]);

/** Whether a word before a full stop is an initial or an abbreviation ("H.", "Sen.", "Jr."), not a word ending a sentence ("Paul."). */
function isAbbreviation(word: Token): boolean {
  if (INITIAL.test(word.text)) return true;
  return SHORT_WORD.test(word.text) && (TITLES.has(word.lower) || NAME_ABBREVIATIONS.has(word.lower));
}

/**
 * Whether the gap between two words breaks a run of names: anything but spaces and full stops
 * (a comma, a bracket), or a sentence end after a word that is not an initial ("H." and "Jr." are).
 */
function breaksRun(text: string, previous: Token, token: Token): boolean {
  const from = previous.end;
  const to = token.start;
  if (to - from === 1 && text.charCodeAt(from) === 0x20) return false;
  let sentenceEnd = false;
  for (let k = from; k < to; k++) {
    const code = text.charCodeAt(k);
    if (code === 0x2e || code === 0x21 || code === 0x3f) {
      if (isSpaceCode(text.charCodeAt(k + 1))) sentenceEnd = true;
      if (code === 0x2e) continue;
      return true;
    }
    if (!isSpaceCode(code)) return true;
  }
  return sentenceEnd && !isAbbreviation(previous);
}

/** Whether a lower-case word joins the capitalised words around it into one name ("of", "van", "for" before a non-organisation word). */
function isParticle(token: Token, following: Token): boolean {
  return (
    NAME_PARTICLES.has(token.lower) ||
    token.lower === "of" ||
    ((token.lower === "on" || token.lower === "for") && !ORGANISATION_WORDS.has(following.lower))
  );
}

/** Runs of capitalised words (with name particles and initials between) in a range of text. */
export function capitalisedRuns(tokens: Token[], text: string): Token[][] {
  const runs: Token[][] = [];
  // A run is a stretch of consecutive tokens: tokens[from, i), or none when `from` is -1.
  let from = -1;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (from >= 0 && breaksRun(text, tokens[i - 1] as Token, token)) {
      runs.push(tokens.slice(from, i));
      from = -1;
    }
    if (isCapitalised(token)) {
      if (from < 0) from = i;
      continue;
    }
    if (from < 0) continue;
    // Reads stay within the array: a read past its end is many times slower in V8.
    const following = i + 1 < tokens.length ? tokens[i + 1] : undefined;
    // "Department of Justice", "Commission on Presidential Debates", "Center for American Progress".
    if (following && isCapitalised(following) && isParticle(token, following)) continue;
    runs.push(tokens.slice(from, i));
    from = -1;
  }
  if (from >= 0) runs.push(tokens.slice(from));
  return runs;
}

/**
 * The capitalised runs of a block, making only the words near capitals. Capitals more than two
 * words apart never share a run, and the words between them are in none, so each group of capitals
 * is worked on alone and gives the same runs as the whole block would.
 */
export function blockRuns(text: string, block: Range): Token[][] {
  const index = tokenIndex(text);
  const span = index.span(block.start, block.end);
  if (span === null) return capitalisedRuns(tokenize(text, block.start, block.end), text);
  const runs: Token[][] = [];
  let k = span.from;
  while (k < span.to) {
    if (!upperAt(text, index.startOf(k))) {
      k++;
      continue;
    }
    let last = k;
    for (let j = k + 1; j < span.to && j <= last + 2; j++) if (upperAt(text, index.startOf(j))) last = j;
    const group = new Array<Token>(last - k + 1);
    for (let g = k; g <= last; g++) group[g - k] = index.token(g);
    for (const run of capitalisedRuns(group, text)) runs.push(run);
    k = last + 1;
  }
  return runs;
}
