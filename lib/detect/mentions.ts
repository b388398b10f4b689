/** The names mentioned in a text, and what a surname, a pronoun or a title refers back to. */

import { isLetterAt, isSpaceCode, LETTER, NUMBER, startsUpper, unitClass, upperAt } from "./chars";
import { CALENDAR_WORD, FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, NOT_NAMES, ORGANISATION_WORDS, TITLES } from "./lexicon";
import { blockRuns, type NameMention, parseName } from "./names";
import type { Range } from "./sentences";
import { opensSentenceAt, WordEvidence } from "./word-evidence";
import { WordSets } from "./word-sets";

/** Nouns an appositive uses for an organisation rather than a person ("the nation's largest coal company"). */
const INSTITUTION_NOUNS = new Set(
  "company firm corporation group agency organization organisation network newspaper outlet maker producer manufacturer retailer bank fund union party nonprofit charity think tank publication website station broadcaster".split(
    " ",
  ),
);

/** Abbreviated titles and what they abbreviate, so that "Sen. Sanders" is "the senator". */
const ABBREVIATED_TITLES: Record<string, string> = {
  sen: "senator",
  rep: "representative",
  gov: "governor",
  gen: "general",
  lt: "lieutenant",
  col: "colonel",
  sgt: "sergeant",
  capt: "captain",
  maj: "major",
  adm: "admiral",
  pres: "president",
  atty: "attorney",
  prof: "professor",
  dr: "doctor",
  congressman: "representative",
  congresswoman: "representative",
};

const FEMALE_TITLES = new Set([
  "mrs",
  "ms",
  "miss",
  "madam",
  "madame",
  "mme",
  "mlle",
  "frau",
  "señora",
  "sra",
  "dona",
  "paní",
  "queen",
  "princess",
  "lady",
  "dame",
  "sister",
]);
const MALE_TITLES = new Set([
  "mr",
  "sir",
  "lord",
  "monsieur",
  "herr",
  "señor",
  "sr",
  "dom",
  "pan",
  "king",
  "prince",
  "father",
  "brother",
]);

/** Lower-case role nouns that, after a capitalised modifier, stand before a name ("Democratic nominee Hillary Clinton"). */
const ROLE_BEFORE_NAME = new Set(
  "nominee candidate official lawmaker activist spokesman spokeswoman spokesperson leader chairman chairwoman president senator governor mayor secretary minister director adviser advisor aide strategist".split(
    " ",
  ),
);

/** Words that make a title another office ("vice president", "deputy minister"). */
const RANK_MODIFIERS = new Set(["vice", "deputy", "assistant", "under", "lieutenant"]);

/** Closing marks that may stand between a sentence's final stop and the space after it. */
const CLOSING_MARKS = "\"'”’»)";

/** Abbreviated titles whose full stop ends no sentence ("Sen. Ana Ruiz", "Mrs. Lund"). */
const TITLE_ABBREVIATIONS = new Set([
  ...Object.keys(ABBREVIATED_TITLES),
  ..."mr mrs ms mx dr st sens reps hon supt insp det cmdr brig cpl pvt mme mlle sr sra messrs".split(" "),
]);

/**
 * Whether the full stop at `k` ends an abbreviated title ("Sen.", "Mrs.") or an initial ("J.",
 * "U.S."), which ends no sentence before a name. Reads back at most six letters.
 */
function endsAbbreviation(text: string, k: number): boolean {
  let j = k;
  while (j > 0 && k - j < 7 && isLetterAt(text, j - 1)) j--;
  if (j === k || k - j > 6 || !startsUpper(text[j] as string)) return false;
  if (k - j === 1) return true;
  return (j === 0 || !isLetterAt(text, j - 1)) && TITLE_ABBREVIATIONS.has(text.slice(j, k).toLowerCase());
}

/** Whether text[k] ends a sentence: a line break, or . ! ? : with closing marks and a space right after. */
function isBoundary(text: string, k: number): boolean {
  const code = text.charCodeAt(k);
  if (code === 0x0a) return true;
  if (code !== 0x2e && code !== 0x21 && code !== 0x3f && code !== 0x3a) return false;
  const limit = Math.min(k + 4, text.length);
  let j = k + 1;
  while (j < limit && CLOSING_MARKS.includes(text[j] as string)) j++;
  if (j >= limit || !isSpaceCode(text.charCodeAt(j))) return false;
  return code !== 0x2e || j > k + 1 || !endsAbbreviation(text, k);
}

const BOUNDARY_CANDIDATES = /[\n.!?:]/g;

/**
 * The last sentence boundary before a position in one block, for positions asked in text order:
 * the block is searched once, forward, instead of scanned back from every name.
 */
class BoundaryCursor {
  /** The block's own text, so that searches never run past it. */
  private readonly body: string;
  /** The next possible boundary not yet looked at (the block's end when none is left). */
  private next: number;
  private last = -1;

  constructor(
    private readonly text: string,
    private readonly block: Range,
  ) {
    this.body = text.slice(block.start, block.end);
    this.next = this.candidateFrom(block.start);
  }

  /** The first . ! ? : or line break at or after `from`, or the block's end. */
  private candidateFrom(from: number): number {
    BOUNDARY_CANDIDATES.lastIndex = from - this.block.start;
    // `test` rather than `exec`, which allocates a match: the one-character match ends at lastIndex.
    return BOUNDARY_CANDIDATES.test(this.body) ? BOUNDARY_CANDIDATES.lastIndex - 1 + this.block.start : this.block.end;
  }

  /** The offset of the last boundary in [block start, at), or -1. */
  before(at: number): number {
    if (at <= this.last) {
      // Out of order: look back from `at` itself.
      for (let k = at - 1; k >= this.block.start; k--) if (isBoundary(this.text, k)) return k;
      return -1;
    }
    while (this.next < at) {
      if (isBoundary(this.text, this.next)) this.last = this.next;
      this.next = this.candidateFrom(this.next + 1);
    }
    return this.last;
  }
}

// Patterns compiled once here: a `\p{…}` pattern written inside a function is rebuilt on every call
// once esbuild has lowered it to `new RegExp`, as it does for an engine target (tsx; browser builds).
/** A capitalised word and a space ("On Monday"). */
const OPENING_WORD = /^(?:\p{Lu}\p{Ll}*\s)/u;
/** ", the …", ", a …", ", 45,": an appositive after a name. */
const APPOSITIVE = /^,\s+(?:(?:a|an|the)\s+[\p{Ll}\p{Lu}]|\p{N}{1,3},)/u;

/** A word of a role written before a name ("presidential", "nominee"), and a capitalised one. */
const ROLE_WORD = /^[\p{L}-]+$/u;
const CAPITALISED_WORD = /^\p{Lu}\p{Ll}+$/u;
/** A pronoun or a past form, which make the words before a title a clause ("he met Senator …"). */
const CLAUSE_WORD = /^(?:he|she|they|we|i|it|you|who|which|that|and|or|but)$|^\p{Ll}+ed$/iu;
/** A capitalised word or abbreviation of a title phrase ("Air", "U.S."). */
const CAPITALISED_TITLE_WORD = /^\p{Lu}[\p{L}.-]*$/u;

/** What may stand between an author's name and the document noun: "'s", up to two lower-case words. */
const AUTHOR_BEFORE = /^(?:['’]s?)?\s+(?:[\p{Ll}-]+\s+){0,2}$/u;
/** "by" or "from" (and "the") between a document noun and its author's name. */
const AUTHOR_AFTER = /^\s+(?:by|from)\s+(?:the\s+)?/u;

/** A description opened by an article ("the announcer", "a source"). */
const DESCRIPTION = /^(?:the|a|an|this|that)\s.*?([\p{L}-]+)$/iu;

/**
 * Whether a speaker's name is a description of someone rather than of an organisation ("the
 * announcer", not "the campaign" or "the nonpartisan commission"): "it" stands for none of them.
 */
function describesPerson(name: string): boolean {
  const head = DESCRIPTION.exec(name)?.[1]?.toLowerCase();
  return head !== undefined && !ORGANISATION_WORDS.has(head) && !INSTITUTION_NOUNS.has(head);
}

/** A determiner or pronoun right after a word: the word stands before the subject, not as it. */
const OPENS_CLAUSE =
  /^,?\s+(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your|i|we|you|he|she|they|it)\b/iu;

/** Closing quotation marks after an introductory phrase's comma ("On “Face the Nation,” Sen. …"). */
const TRAILING_CLOSERS = /[”"’']+$/u;
/** A comma that ends a phrase, not one inside a date ("July 6, 2015") or before a quoted title ("book, “Title,”"). */
const PHRASE_COMMA = /,(?!\s*[\p{N}"“'‘«])/u;

/** One capitalised word, with or without a comma ("However,", "Meanwhile"). */
const ONE_WORD = /^[\p{Lu}][\p{Ll}]*,?$/u;
/** An opening mark alone. */
const OPENING_MARK = /^["“‘«]$/u;

/** Whether a char code is one of TRAILING_CLOSERS' marks. */
const isTrailingCloser = (code: number): boolean =>
  code === 0x201d || code === 0x22 || code === 0x2019 || code === 0x27;

/**
 * Whether `prefix` ends in a comma once closing marks after it are dropped: the cheap test that
 * turns away nearly every prefix before the patterns of an introductory phrase are run.
 */
function endsInComma(prefix: string): boolean {
  let end = prefix.length;
  while (end > 0 && isTrailingCloser(prefix.charCodeAt(end - 1))) end--;
  return end > 0 && prefix.charCodeAt(end - 1) === 0x2c;
}

/** Whether what precedes a name in its sentence leaves it the subject: one capitalised word, a mark, an introductory phrase. */
function opensAfter(prefix: string): boolean {
  if (ONE_WORD.test(prefix) || OPENING_MARK.test(prefix)) return true;
  if (!endsInComma(prefix)) return false;
  // After an introductory phrase: "On Monday night, Clinton …", "In a statement, the ministry …".
  const phrase = prefix.endsWith(",") ? prefix : prefix.replace(TRAILING_CLOSERS, "");
  return (
    phrase.endsWith(",") &&
    !PHRASE_COMMA.test(phrase.slice(0, -1)) &&
    OPENING_WORD.test(`${phrase} `) &&
    phrase.split(/\s+/u).length <= 10
  );
}

/** The longest title or role word, with its full stop: a longer last word is neither. */
const LONGEST_TITLE = Math.max(...[...TITLES, ...ROLE_BEFORE_NAME].map((word) => word.length)) + 1;

/** Whether the last space-separated word of text[from, to), lower-cased and without a final full stop, is a title or a role. */
function endsInTitleOrRole(text: string, from: number, to: number): boolean {
  let start = to;
  while (start > from && text.charCodeAt(start - 1) !== 0x20) start--;
  // Lower-casing keeps a word's length but for a few letters ("İ" doubles): those fall back to the look-up.
  if (to - start > LONGEST_TITLE && isAsciiRange(text, start, to)) return false;
  const lastWord = text.slice(start, to).toLowerCase();
  const bare = lastWord.endsWith(".") ? lastWord.slice(0, -1) : lastWord;
  return TITLES.has(bare) || ROLE_BEFORE_NAME.has(bare);
}

/** Whether text[from, to) is all ASCII. */
function isAsciiRange(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) >= 0x80) return false;
  return true;
}

/** Whether a name at `at` opens its sentence, possibly after a connective or an introductory phrase and comma. */
function opensSentence(text: string, block: Range, at: number, boundaries: BoundaryCursor): boolean {
  const floor = Math.max(block.start, at - 300);
  // The sentence starts after the last boundary, looking back no further than `floor`.
  const boundary = boundaries.before(at);
  // What stands between the boundary and the name, without closing marks and spaces around it.
  let from = boundary >= floor ? boundary + 1 : floor;
  while (from < at && CLOSING_MARKS.includes(text[from] as string)) from++;
  while (from < at && isSpaceCode(text.charCodeAt(from))) from++;
  let to = at;
  while (to > from && isSpaceCode(text.charCodeAt(to - 1))) to--;
  if (to === from) return true;
  const prefix = text.slice(from, to);
  if (opensAfter(prefix)) return true;
  // Titles written before the name are part of the subject ("Secretary General Ban Ki-moon", "In a
  // statement, President Obama"); only a prefix ending in a title or a role needs the closer look.
  if (!endsInTitleOrRole(text, from, to)) return false;
  const words = prefix.split(/\s+/u);
  while (words.length > 0 && TITLES.has((words[words.length - 1] as string).toLowerCase().replace(/\.$/u, "")))
    words.pop();
  if (words.length === 0) return true;
  // "Retired U.S. Air Force Gen. Ana Ruiz": capitalised words before the title are part of it.
  if (words.length <= 6 && words.every((w) => CAPITALISED_TITLE_WORD.test(w))) return true;
  // "Democratic nominee Hillary Clinton", "Republican presidential candidate Donald Trump"; after an
  // introductory phrase too ("In a statement, presidential nominee Hillary Clinton", "…, party leader
  // Lena Ortiz"): the words after the last comma modify the role or title.
  const role = ROLE_BEFORE_NAME.has(words[words.length - 1] as string);
  let comma = words.length - 1;
  while (comma >= 0 && !(words[comma] as string).endsWith(",")) comma--;
  const modifiers = words.slice(comma + 1);
  if (
    (role || comma >= 0) &&
    modifiers.length <= 4 &&
    modifiers.every((w) => ROLE_WORD.test(w) && !CLAUSE_WORD.test(w)) &&
    (comma < 0 ? CAPITALISED_WORD.test(modifiers[0] as string) : opensAfter(words.slice(0, comma + 1).join(" ")))
  )
    return true;
  return opensAfter(words.join(" "));
}

/**
 * The head noun of an appositive after a name (", the nation's largest coal company" gives
 * "company"; ", 45," gives ""), or null when no appositive follows the comma at `comma`.
 */
function appositiveHead(text: string, comma: number): string | null {
  const after = text.slice(comma, comma + 80);
  if (!APPOSITIVE.test(after)) return null;
  const description = /^,\s+([^,.;]*)/u.exec(after)?.[1] ?? "";
  return (
    (description.toLowerCase().split(/\s+(?:of|in|at|for|that|which|who|based)\s+/u)[0] ?? "").split(/\s+/u).pop() ?? ""
  );
}

/** The gender a person's titles tell ("Mrs.": f), if any. */
function titleGender(titles: string[]): "m" | "f" | null {
  if (titles.some((t) => FEMALE_TITLES.has(t))) return "f";
  if (titles.some((t) => MALE_TITLES.has(t))) return "m";
  return null;
}

/** The gender a person's given name tells ("Brian Fallon": m), when the name has one and it is not ambiguous. */
function givenNameGender(words: string[]): "m" | "f" | null {
  // Given name, surname and at most a middle name: a longer run is more likely a headline's words.
  if (words.length < 2 || words.length > 3) return null;
  const given = words[0] as string;
  if (MALE_GIVEN_NAMES.has(given)) return "m";
  if (FEMALE_GIVEN_NAMES.has(given)) return "f";
  return null;
}

/** A mention's titles as the look-ups ask about them. */
interface TitleFacts {
  /** The titles, abbreviations spelled out ("sen" as "senator"). */
  spelled: Set<string>;
  /** The rank modifiers among them ("vice", "deputy"). */
  ranks: string[];
  /** The gender they tell, if any. */
  gender: "m" | "f" | null;
}

/** The names of a text, in order, with look-ups by surname and the genders their titles tell. */
interface MentionIndex {
  all: NameMention[];
  /** Mentions by their last word, for surname look-ups. */
  bySurname: Map<string, NameMention[]>;
  genders: Map<string, "m" | "f">;
  /** Genders that given names tell, by surname ("x": both, as for "Bill" and "Hillary Clinton"). */
  givenGenders: Map<string, "m" | "f" | "x">;
}

/** Punctuation after a word ("of,"). */
const TRAILING_PUNCTUATION = /[^\p{L}]+$/u;

/** Small words a headline in title case keeps in lower case. */
const HEADLINE_SMALL_WORDS = new Set(
  "a an the and or but nor of in on at to for by with from as into over vs via per than".split(" "),
);
/**
 * Whether a short block is a headline in title case ("Retired General Reveals Painful Experience"):
 * every word but the small ones capitalised. Its names are no one's that a later "he" stands for,
 * and its words ("General Reveals") are no one's name. Stops at the first lower-case word.
 */
function isTitleCaseLine(text: string, block: Range): boolean {
  if (block.end - block.start > 200) return false;
  let capitals = 0;
  let words = 0;
  let k = block.start;
  while (k < block.end) {
    while (k < block.end && isSpaceCode(text.charCodeAt(k))) k++;
    if (k >= block.end) break;
    let end = k;
    while (end < block.end && !isSpaceCode(text.charCodeAt(end))) end++;
    // An opening mark or bracket may stand before the word's first letter.
    const initial = (unitClass(text.charCodeAt(k)) & (LETTER | NUMBER)) !== 0 ? k : k + 1;
    const kind = unitClass(text.charCodeAt(initial));
    if (upperAt(text, initial) || kind & NUMBER) capitals++;
    else if (kind & LETTER && !HEADLINE_SMALL_WORDS.has(text.slice(initial, end).replace(TRAILING_PUNCTUATION, "")))
      return false;
    words++;
    k = end;
  }
  return words >= 4 && capitals >= 4;
}

/**
 * Finds and parses every name of a text (outside or inside the quotations `quoted`), except in the
 * blocks that `named` says name no speakers (headings, captions, credits).
 */
function indexMentions(text: string, blocks: Range[], quoted: Range[], named: readonly boolean[]): MentionIndex {
  const index: MentionIndex = { all: [], bySurname: new Map(), genders: new Map(), givenGenders: new Map() };

  const sortedQuotes = [...quoted].sort((a, b) => a.start - b.start);
  let q = 0;
  for (let b = 0; b < blocks.length; b++) {
    if (named[b] === false) continue;
    const block = blocks[b] as Range;
    if (isTitleCaseLine(text, block)) continue;
    const boundaries = new BoundaryCursor(text, block);
    for (const run of blockRuns(text, block)) {
      const mention = parseName(run, text);
      if (!mention) continue;
      while (q < sortedQuotes.length && (sortedQuotes[q] as Range).end <= mention.start) q++;
      mention.quoted = q < sortedQuotes.length && (sortedQuotes[q] as Range).start <= mention.start;
      mention.subject = opensSentence(text, block, mention.start, boundaries);
      // "Marc Morial, the chief executive of ..." and "John Smith, 45," introduce a person;
      // "Peabody Energy, the nation's largest coal company," an organisation.
      const appositive = text.charCodeAt(mention.end) === 0x2c ? appositiveHead(text, mention.end) : null;
      if (appositive !== null && (ORGANISATION_WORDS.has(appositive) || INSTITUTION_NOUNS.has(appositive)))
        mention.kind = "organisation";
      else if (appositive !== null && mention.kind !== "organisation") {
        mention.strong = true;
        mention.kind = "person";
      }
      index.all.push(mention);
      const surname = mention.words[mention.words.length - 1] as string;
      const list = index.bySurname.get(surname);
      if (list) list.push(mention);
      else index.bySurname.set(surname, [mention]);
      const gender = titleGender(mention.titles);
      const key = mention.words[mention.words.length - 1] as string;
      if (gender) index.genders.set(key, gender);
      // A given name tells the gender of its surname too, unless two people of both genders share it.
      const given = givenNameGender(mention.words);
      if (given) {
        const seen = index.givenGenders.get(key);
        index.givenGenders.set(key, seen === undefined || seen === given ? given : "x");
      }
    }
  }
  return index;
}

/**
 * Every name mentioned in the text, in order, and the resolution of short references to the
 * fullest earlier name: a surname to the full name, "he" to the person last in focus,
 * "the secretary general" to the person with that title.
 */
export class Mentions {
  /** The names, parsed on first need: many texts have no attribution to resolve. */
  private parsed: MentionIndex | null = null;
  /** Speakers found so far, in text order: the persons in focus for "he" and "she". */
  private readonly speakers: { at: number; name: string; plural: boolean; person: boolean }[] = [];
  /**
   * What the look-ups ask of a name again and again, worked out once: a name can be a capitalised
   * run as long as the text, and each reference to it would otherwise read it all again.
   */
  private readonly words = new WordSets();
  private readonly titleFacts = new Map<NameMention, TitleFacts>();
  private readonly nameGenders = new Map<string, "m" | "f" | undefined>();
  /** `subjectStops[i]`: the first mention from `i` on where `subjectOf` stops (made on first need). */
  private subjectStops: Int32Array | null = null;
  /** What the text tells of a capitalised word that opens a sentence: common word or name. */
  readonly evidence: WordEvidence;

  /** `named[i]` is false for a block whose names are no one's to quote (a heading, a caption). */
  constructor(
    private readonly text: string,
    private readonly blocks: Range[],
    private readonly quoted: Range[],
    private readonly named: readonly boolean[] = [],
  ) {
    this.evidence = new WordEvidence(text);
  }

  /**
   * Whether a one-word name that opens its sentence is a common word capitalised by its place
   * ("Meanwhile", "Officials", "Clearly"): the text writes it in lower case elsewhere and never
   * capitalises it inside a sentence.
   */
  isCommonWordAt(word: string, at: number): boolean {
    return opensSentenceAt(this.text, at) && this.evidence.isCommon(word);
  }

  /** Whether a mention is one word capitalised only by its place: a common word, or a word never capitalised inside a sentence. */
  private placeCapitalised(mention: NameMention, strict: boolean): boolean {
    if (mention.words.length > 1 || mention.titles.length > 0 || /^\p{Lu}{2,}$/u.test(mention.name)) return false;
    if (!opensSentenceAt(this.text, mention.start)) return false;
    const word = mention.words[0] as string;
    if (this.evidence.isCommon(word)) return true;
    // Strictly, a word never capitalised inside a sentence, and followed by the subject's determiner
    // or pronoun rather than a verb ("Clearly the clerk …", not "Norvia branded …"), is no name either.
    if (!strict || this.evidence.isCapitalisedInside(word)) return false;
    return OPENS_CLAUSE.test(this.text.slice(mention.end, mention.end + 8));
  }

  private get index(): MentionIndex {
    this.parsed ??= indexMentions(this.text, this.blocks, this.quoted, this.named);
    return this.parsed;
  }

  /** Index of the first mention at or after `at` (mentions are in text order). */
  private before(at: number): number {
    let lo = 0;
    let hi = this.index.all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.index.all[mid] as NameMention).start < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The fullest name whose words end with `words` (a surname, or a full name), preferring earlier mentions. */
  fullest(words: string[], at: number, gender: "m" | "f" | null = null): string | null {
    if (words.length === 0) return null;
    const surname = words[words.length - 1] as string;
    const list = this.index.bySurname.get(surname) ?? [];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as NameMention).start < at) lo = mid + 1;
      else hi = mid;
    }
    let best: NameMention | null = null;
    for (let i = lo - 1; i >= 0 && i >= lo - 200; i--) {
      const m = list[i] as NameMention;
      if (
        this.namesWith(m, words) &&
        (!best || m.words.length > best.words.length) &&
        this.agreesInGender(m.name, gender)
      )
        best = m;
    }
    for (let i = lo; !best && i < list.length && i < lo + 50; i++) {
      const m = list[i] as NameMention;
      if (this.namesWith(m, words) && m.words.length > words.length && this.agreesInGender(m.name, gender)) best = m;
    }
    return best ? best.name : null;
  }

  /** Whether a mention is of a person or unknown (not an organisation) and contains all of `words`. */
  private namesWith(m: NameMention, words: string[]): boolean {
    return m.kind !== "organisation" && this.words.allAmong(words, m.words);
  }

  /** A mention's titles, abbreviations spelled out, and the gender they tell. */
  private titlesOf(mention: NameMention): TitleFacts {
    let facts = this.titleFacts.get(mention);
    if (!facts) {
      const titles = mention.titles.map((t) => ABBREVIATED_TITLES[t] ?? t);
      facts = {
        spelled: new Set(titles),
        ranks: titles.filter((t) => RANK_MODIFIERS.has(t)),
        gender: titleGender(mention.titles),
      };
      this.titleFacts.set(mention, facts);
    }
    return facts;
  }

  /** The person whose titles include the head of a description ("the secretary general"), last mentioned before `at`. */
  titled(description: string[], at: number): string | null {
    const head = description
      .map((w) => ABBREVIATED_TITLES[w] ?? w)
      .filter((w) => TITLES.has(w) && !/^(?:former|acting|interim|then|late|top|senior|junior)$/.test(w));
    if (head.length === 0) return null;
    for (let i = this.before(at) - 1, seen = 0; i >= 0 && seen < 400; i--, seen++) {
      const mention = this.index.all[i] as NameMention;
      if (mention.kind === "organisation") continue;
      const titles = this.titlesOf(mention);
      // "the president" is not the vice president, nor "the minister" the deputy minister.
      if (titles.ranks.some((t) => !description.includes(t))) continue;
      if (head.every((w) => titles.spelled.has(w))) return this.fullest(mention.words, at) ?? mention.name;
    }
    return null;
  }

  /**
   * The name that opens the sentence [start, end) as its subject ("Japan branded North Korea an
   * “outlaw nation”"), when one does and is not a possessive modifier or inside a quotation.
   */
  subjectOf(start: number, end: number): string | null {
    // The mentions passed over are the same whatever the sentence: skipping them by table keeps a
    // sentence as long as the text from being read again for each of its quotations.
    this.subjectStops ??= this.findSubjectStops();
    const i = this.subjectStops[this.before(start)] as number;
    const mention = this.index.all[i];
    if (mention === undefined || mention.start >= end) return null;
    if (mention.quoted || mention.possessive) return null;
    // "Clearly the prisoner’s patience …": a cue-less subject needs more than a capital at the sentence
    // start, unless it is a plural of people ("Protesters chanted “…”").
    if (this.placeCapitalised(mention, true) && !/\p{L}{3,}[^s]s$/u.test(mention.name)) return null;
    // "A Government Accountability Office report found …": after an article, a name followed by a
    // noun (not a verb in -ed or -s) only modifies it; the subject is the name and its noun.
    const head = /^\s+(\p{Ll}{3,})\b/u.exec(this.text.slice(mention.end, mention.end + 30))?.[1];
    const article = /(?:^|\s)(?:a|an|the)\s+$/iu.test(
      this.text.slice(Math.max(start, mention.start - 5), mention.start),
    );
    if (article && head && !/(?:ed|s)$/u.test(head)) return `${mention.name} ${head}`;
    return this.fullest(mention.words, end) ?? mention.name;
  }

  /**
   * For each mention, the first from it on where `subjectOf` stops: a subject that is quoted, a
   * possessive, or a plausible subject. Names inside an introductory phrase ("In January, …", "In
   * an August speech, …") and implausible subjects are passed over.
   */
  private findSubjectStops(): Int32Array {
    const all = this.index.all;
    const stops = new Int32Array(all.length + 1);
    stops[all.length] = all.length;
    for (let i = all.length - 1; i >= 0; i--) {
      const mention = all[i] as NameMention;
      const stop = mention.subject && (mention.quoted || mention.possessive || this.mayBeSubject(mention));
      stops[i] = stop ? i : (stops[i + 1] as number);
    }
    return stops;
  }

  /**
   * Whether a name in subject position is a plausible subject: a verb or an appositive follows it,
   * not a colon ("Veto Power Impedes Peace:"), a dash (a dateline) or a capitalised word; and a
   * single word is no dateline ("WASHINGTON"), date, preposition or adjective ("Democratic", "Chinese").
   */
  private mayBeSubject(mention: NameMention): boolean {
    if (!/^(?:\s+\p{Ll}|,\s|\s+\()/u.test(this.text.slice(mention.end, mention.end + 3))) return false;
    if (mention.words.length > 1 || mention.titles.length > 0) return true;
    const word = mention.words[0] as string;
    // "Liberal nominee Clara Boyd": a modifier of the role before the name.
    const next = /^\s+(\p{Ll}+)/u.exec(this.text.slice(mention.end, mention.end + 30))?.[1];
    if (next && ROLE_BEFORE_NAME.has(next)) return false;
    if (/^\p{Lu}+$/u.test(mention.name) || NOT_NAMES.has(word) || /^(?:to|into|upon)$/u.test(word)) return false;
    if (CALENDAR_WORD.test(word)) return false;
    return !/(?:ic|ian|ean|can|ese|ish)$/u.test(word);
  }

  /**
   * The name written right before `end` ("the Lund Institute report", "Ana Ruiz's book": only a
   * possessive and up to two lower-case words between), or right after "by" or "from" at `start`
   * ("a report by the Lund Institute"), outside quotations: a document's author.
   */
  nameAround(start: number, end: number): { name: string; person: boolean } | null {
    const i = this.before(start);
    const previous = this.index.all[i - 1];
    if (previous && !previous.quoted && start - previous.end <= 40) {
      if (AUTHOR_BEFORE.test(this.text.slice(previous.end, start))) return this.fullestOf(previous, start);
    }
    const by = AUTHOR_AFTER.exec(this.text.slice(end, end + 20));
    if (!by) return null;
    const next = this.index.all[this.before(end + by[0].length)];
    return next && !next.quoted && next.start === end + by[0].length ? this.fullestOf(next, start) : null;
  }

  /** A mention's fullest name, for a person; an organisation's name as written. */
  private fullestOf(mention: NameMention, at: number): { name: string; person: boolean } {
    if (mention.kind === "organisation") return { name: mention.name, person: false };
    return { name: this.fullest(mention.words, at) ?? mention.name, person: mention.kind === "person" };
  }

  /**
   * The institution a definite description names by its head noun ("the commission" after "the
   * Commission on Presidential Debates"), last mentioned before `at`.
   */
  institution(head: string, at: number): string | null {
    for (let i = this.before(at) - 1, seen = 0; i >= 0 && seen < 200; i--, seen++) {
      const mention = this.index.all[i] as NameMention;
      if (mention.quoted || mention.words.length < 2) continue;
      if (this.words.has(mention.words, head)) return mention.name;
    }
    return null;
  }

  /** Whether a name may stand for a pronoun of `gender` (null: either), as far as its titles tell. */
  private agreesInGender(name: string, gender: "m" | "f" | null): boolean {
    if (!gender) return true;
    const known = this.knownGender(name);
    return !known || known === gender;
  }

  /** `genderOfName`, remembered. */
  private knownGender(name: string): "m" | "f" | undefined {
    return this.nameGenders.has(name) ? this.nameGenders.get(name) : this.genderOfName(name);
  }

  /** The gender a name tells, by its given name or what its surname is known by; remembered per name. */
  private genderOfName(name: string): "m" | "f" | undefined {
    // "Sens. Jeff Merkley": the given name follows the titles.
    const words = name.toLowerCase().split(/\s+/);
    while (words.length > 2 && TITLES.has((words[0] as string).replace(/\.$/u, ""))) words.shift();
    const surname = words[words.length - 1] ?? "";
    const fromSurname = this.index.givenGenders.get(surname);
    // A surname alone takes the gender of the given names written with it; a full name only its own.
    // "M. Durand": the French "Monsieur", abbreviated as an initial.
    const monsieur = words.length === 2 && words[0] === "m." ? "m" : null;
    const known =
      monsieur ??
      givenNameGender(words) ??
      this.index.genders.get(surname) ??
      (words.length > 1 || fromSurname === "x" ? undefined : fromSurname) ??
      (words.length === 1 ? this.givenNameAlone(surname) : null) ??
      undefined;
    this.nameGenders.set(name, known);
    return known;
  }

  /**
   * The gender of a given name written alone ("Melanie said"), when the text never writes it as
   * someone's surname ("Lindsey Graham" makes "Graham" a surname).
   */
  private givenNameAlone(word: string): "m" | "f" | null {
    const male = MALE_GIVEN_NAMES.has(word);
    if (!male && !FEMALE_GIVEN_NAMES.has(word)) return null;
    const list = this.index.bySurname.get(word) ?? [];
    for (let i = 0; i < list.length && i < 50; i++) if ((list[i] as NameMention).words.length > 1) return null;
    return male ? "m" : "f";
  }

  /**
   * The organisation "it" stands for in "“…,” it said": the latest organisation that spoke, or named
   * as the subject of a sentence ("The Food Agency warned …"), before `at`.
   */
  resolveIt(at: number): string | null {
    let speaker: { at: number; name: string } | null = null;
    for (let i = this.speakers.length - 1, seen = 0; i >= 0 && seen < 50; i--, seen++) {
      const s = this.speakers[i] as { at: number; name: string; plural: boolean; person: boolean };
      if (s.at < at && !s.person && !s.plural && !describesPerson(s.name)) {
        speaker = s;
        break;
      }
    }
    for (let i = this.before(at) - 1, seen = 0; i >= 0 && seen < 30; i--, seen++) {
      const mention = this.index.all[i] as NameMention;
      if (speaker && mention.start <= speaker.at) break;
      if (mention.kind === "organisation" && mention.subject && !mention.quoted && !mention.possessive)
        return mention.name;
    }
    return speaker?.name ?? null;
  }

  /** Records a speaker, so that later pronouns can refer to it. */
  noteSpeaker(name: string, at: number, plural: boolean, person: boolean): void {
    this.speakers.push({ at, name, plural, person });
  }

  /**
   * The source a pronoun stands for: the latest speaker or person in subject position before it
   * (outside quotations) that agrees in number and, when known, in gender. "He" and "she" stand
   * for named persons only; "they" for groups, organisations and descriptions.
   */
  resolvePronoun(pronoun: string, plural: boolean, at: number): string | null {
    const gender = /^(?:he|il|er|él|ele|on)$/.test(pronoun)
      ? "m"
      : /^(?:she|elle|ella|ela|ona)$/.test(pronoun)
        ? "f"
        : null;

    let speaker: { at: number; name: string } | null = null;
    for (let i = this.speakers.length - 1, seen = 0; i >= 0 && seen < 400; i--, seen++) {
      const s = this.speakers[i] as { at: number; name: string; plural: boolean; person: boolean };
      if (s.at >= at) continue;
      const agrees = plural ? s.plural || !s.person : s.person && !s.plural;
      if (agrees && this.agreesInGender(s.name, gender)) {
        speaker = s;
        break;
      }
    }
    if (plural) return speaker?.name ?? null;
    // "Paul Martin met Anne Rivers. She said …": a person named elsewhere than as subject, whose
    // title or given name tells the pronoun's gender, when no subject does.
    let gendered: string | null = null;
    for (let i = this.before(at) - 1, seen = 0; i >= 0 && seen < 400; i--, seen++) {
      const mention = this.index.all[i] as NameMention;
      if (speaker && mention.start <= speaker.at) break;
      if (mention.quoted || mention.kind === "organisation") continue;
      if (gender && !gendered && seen < 20 && !mention.subject) {
        const known = this.titlesOf(mention).gender ?? this.knownGender(mention.name);
        if (known === gender && !this.placeCapitalised(mention, false))
          gendered = this.fullest(mention.words, at, gender) ?? mention.name;
      }
      if (mention.possessive || !mention.subject) continue;
      if (this.placeCapitalised(mention, false)) continue;
      // "Mrs. Clinton" is no "he", whoever else bears the name.
      const titled = this.titlesOf(mention).gender;
      if (gender && titled && titled !== gender) continue;
      // "Clinton" after "Bill Clinton" and "Hillary Clinton": "she" is the one of her gender.
      const name = this.fullest(mention.words, at, gender) ?? mention.name;
      const person = mention.kind === "person" || mention.strong || /\s/u.test(name);
      if (person && this.agreesInGender(name, gender)) return name;
    }
    return speaker?.name ?? gendered;
  }
}
