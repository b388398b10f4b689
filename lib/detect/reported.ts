import { indexIn, isSpaceCode, startsDigit, startsLower, startsUpper } from "./chars";
import { type Lexicon, mayBeCue, mayBeCueAt } from "./lexicon";
import { capitalisedRuns } from "./names";
import { asAside } from "./reported-aside";
import { nounClaimAt } from "./reported-nouns";
import type { Range } from "./sentences";
import {
  type Attribution,
  accordingToAt,
  type CueMatch,
  cueAround,
  HEADLINE_VERBS,
  isPlausibleSource,
  relativeAntecedent,
  type SourcePhrase,
  sentenceSubject,
  subjectAfter,
  subjectBefore,
  verbAt,
} from "./speakers";
import type { BlockRole } from "./types";
import { type Token, tokenIndex, tokenize } from "./words";

/** A reported clause with its attribution, before the source is resolved. */
export interface ReportedClause extends Range {
  attribution: Attribution;
}

/** Words that date or place a statement between its verb and its clause ("said Monday that"). */
const TIME_WORDS = new Set(
  (
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight tomorrow recently previously earlier later again also repeatedly publicly privately once now then last this next week month year night morning afternoon evening weekend " +
    // French: "a déclaré lundi que", "a estimé Paul Girard mardi soir".
    "lundi mardi mercredi jeudi vendredi samedi dimanche hier aujourd'hui soir matin"
  ).split(" "),
);
/** Words that make a time phrase only before a time noun: "this week", not "said this was wrong". */
const TIME_DETERMINERS = new Set(["this", "last", "next"]);
/** Nouns of time after "this", "last" or "next". */
const TIME_NOUNS = new Set(
  "week month year weekend night morning afternoon evening spring summer fall autumn winter monday tuesday wednesday thursday friday saturday sunday".split(
    " ",
  ),
);

/** Whether the word at `k` belongs to a time phrase ("Monday", "again", "this week"). */
function isTimeWordAt(tokens: Token[], k: number): boolean {
  const word = (tokens[k] as Token | undefined)?.lower ?? "";
  // "said late Thursday", "early this week": "late" and "early" only before a time word.
  if (TIME_DETERMINERS.has(word) || word === "late" || word === "early")
    return TIME_NOUNS.has(tokens[k + 1]?.lower ?? "") || (word !== "this" && isTimeWordAt(tokens, k + 1));
  return TIME_WORDS.has(word);
}

/** Object pronouns and plain hearers of "told": "told reporters he would". */
const HEARERS = new Set("him her them us me you reporters journalists lawmakers supporters voters".split(" "));
/** Subject pronouns that can open a bare reported clause. */
const CLAUSE_PRONOUNS = new Set("he she they it we i you there this that these those".split(" "));
/** Conjunctions after which a new clause with its own subject leaves the reported one. */
const CLAUSE_BREAKS = /^,\s+(?:but|while|whereas|as|although|though|even as)\s+(\S+)/u;

/** Quantities that open a new clause's subject (", as hundreds of fighters were killed"). */
const QUANTIFIERS =
  /^(?:\p{N}[\p{N},.]*|hundreds|thousands|dozens|millions|billions|scores|many|some|most|several|few|all|both|each|none|no)$/u;

// Patterns compiled once here: a `\p{…}` pattern written inside a function is rebuilt on every call
// once esbuild has lowered it to `new RegExp`, as it does for an engine target (tsx; browser builds).
/** A gerund or adverb in lower case ("saying", "publicly"). */
const GERUND_OR_ADVERB = /^\p{Ll}+(?:ing|ly)$/u;
/** A gerund of four letters or more ("Speaking"). */
const LONG_GERUND = /^\p{L}{3,}ing$/u;
/** ", as (Title) " right before a source: the attribution of an "as X said" aside. */
const AS_BEFORE_SOURCE = /,\s*as\s+(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}$/u;

/** ", but that …", ", and that …": a second "that" complement, and the word after it. */
const SECOND_COMPLEMENT = /^,\s+(?:and|but)\s+that\s+(\p{L}+)/u;
/** ", and when pressed …", ", but after asked …": a conjunction, a subordinator and a bare participle. */
const AND_WHEN_PARTICIPLE =
  /^,\s+(?:and|but)\s+(?:when|while|after|before|once|if)\s+(?:\p{Ll}+ed|asked|told|shown)\b/u;
/** ", but warned …": a past verb after "but". */
const BUT_PAST = /^,\s+but\s+\p{Ll}+ed\b/u;
/** ", (adverb) saying …": a participle after a comma. */
const TRAILING_PARTICIPLE = /^,\s+(?:\p{Ll}+ly\s+)?(\p{Ll}{3,}ing)\b/u;
/** A capitalised word ("Smith"), not an acronym. */
const CAPITALISED_WORD = /^\p{Lu}\p{Ll}/u;
/** A form of "be" (and an adverb) right before a verb: "is saying", "was also telling". */
const PROGRESSIVE = /\b(?:is|are|was|were|be|been|'s|'re|’s|’re)\s+(?:(?:also|still|now|again|not|\p{Ll}+ly)\s+)?$/u;

/** A form of "être" or "ser" right before a participle: a passive ("a été annoncé", "fue anunciado"). */
const PASSIVE_BEFORE =
  /(?:^|\s)(?:été|est|sont|était|étaient|sera|seront|fut|furent|être|fue|fueron|sido|foi|foram)\s+$/u;

const QUOTE_CHARS = '"“”„«»「」';
const isQuoteChar = (ch: string | undefined): boolean => ch !== undefined && QUOTE_CHARS.includes(ch);
/**
 * Whether a clause starting at `start` opens with a quotation mark, or right after one (an
 * unclosed quotation, which the quotation detector bounds by its paragraph: “this is fine.).
 */
function startsQuoted(text: string, start: number): boolean {
  if (isQuoteChar(text[start])) return true;
  let i = start - 1;
  while (i >= 0 && isSpaceCode(text.charCodeAt(i))) i--;
  return i >= 0 && OPENING_MARKS.test(text[i] as string);
}

const OPENING_MARKS = /["“„«]/u;
/** Spaces and the punctuation . ! ? … ; : , that a clause does not end with. */
const isTrailing = (code: number): boolean =>
  isSpaceCode(code) ||
  code === 0x2e ||
  code === 0x21 ||
  code === 0x3f ||
  code === 0x2026 ||
  code === 0x3b ||
  code === 0x3a ||
  code === 0x2c;

/** Whether a token can open a bare reported clause: anything but a preposition, a conjunction, an infinitive or a bare object. */
function opensClause(token: Token | undefined, lexicon: Lexicon): boolean {
  if (!token) return false;
  if (CLAUSE_PRONOUNS.has(token.lower) || lexicon.pronouns.has(token.lower) || lexicon.determiners.has(token.lower))
    return true;
  if (lexicon.prepositions.has(token.lower) || NOT_CLAUSE_OPENERS.has(token.lower)) return false;
  // "Everything Trump says is a lie": a clause needs a subject before its verb.
  if (AUXILIARY_WORDS.has(token.lower)) return false;
  if ((token.text.endsWith("ing") || token.text.endsWith("ly")) && GERUND_OR_ADVERB.test(token.text)) return false;
  return true;
}

/** Words that follow a verb of saying without opening a clause ("said goodbye", "told him to"). */
const NOT_CLAUSE_OPENERS = new Set(
  "to and or but nor so than nothing something anything goodbye hello yes no thanks sorry little much more less enough what how why whether if when where which who".split(
    " ",
  ),
);
/** Verbs that report a question or an explanation in a clause opening with "whether", "how" or "why". */
const WH_VERBS = new Set(["ask", "explain", "wonder"]);
/**
 * Verbs that report only a question: "asked whether …", "wondered if …". A reported question is
 * reported speech (LABELING.md: what a source said), so its clause is a claim with that source.
 */
const QUESTION_VERBS = new Set(["ask", "wonder"]);
/** Verbs of commitment, whose infinitive complement reports what was promised. */
const COMMISSIVES = new Set(["promise", "pledge", "vow"]);
/** Verbs before "to" that deny or defer the saying ("refused to say that", "wants to note that"). */
const NOT_REPORTING_BEFORE_TO =
  /^(?:refus|declin|fail|want|hope|plan|wish|need|not|never|unable|able|going|likely|expect|tri|dar|urg|ask|challeng|invit|encourag|allow|let|tempt)/u;
/** Whether a verb that denies or defers the saying governs the "to" at `to`: "dared the mayor to say". */
function deniedBeforeTo(tokens: Token[], to: number): boolean {
  for (let k = to - 1; k >= 0 && k >= to - 3; k--)
    if (NOT_REPORTING_BEFORE_TO.test((tokens[k] as Token).lower)) return true;
  return false;
}

/** Prepositions before a gerund of saying whose subject is the sentence's ("by saying", "after noting"). */
const GERUND_PREPOSITIONS = new Set("by after before from without while when besides despite".split(" "));
/** Auxiliaries and modals: right after "that", they make it a relative pronoun. */
const AUXILIARY_WORDS = new Set("is are was were has have had will would can could should may might must".split(" "));
/** Pronouns that open a clause as its subject. */
const SUBJECT_PRONOUNS = new Set("he she they we i it there".split(" "));

/** The offset where the reported clause after a cue starts, or null when none follows it. */
function complementStart(
  text: string,
  tokens: Token[],
  verbIndex: number,
  cue: CueMatch,
  lexicon: Lexicon,
): number | null {
  if (
    cue.end > cue.verb.end &&
    /\S/u.test(text.slice(cue.verb.end, cue.end)) &&
    !/^\s*out$/u.test(text.slice(cue.verb.end, cue.end))
  )
    return cue.end; // the cue took its complementiser: "stated that"
  let k = verbIndex + 1;
  if (cue.info.lemma === "point") k++;
  // "a déclaré qu'il …": the elided complementiser is one word with the clause's subject.
  const elided = elidedComplementiser(text, tokens[k], tokens[k - 1] as Token, lexicon);
  if (elided !== null) return elided;
  const after = tokens[k - 1] as Token;
  const rest = text.slice(after.end, after.end + 3);
  if (/^\s*:\s*/u.test(rest)) {
    const colon = text.indexOf(":", after.end);
    return colon + 1;
  }
  if (lexicon.commaBeforeClause && /^\s*,/u.test(rest) && cue.info.bare) {
    const next = tokens[k];
    if (next && opensClause(next, lexicon)) return next.start;
  }
  // "continues to insist, most recently in an interview, that …": a phrase set off by commas, then "that".
  if (/^\s*,/u.test(rest)) return setOffComplement(text, after.end, lexicon);
  if (/^\s*[.;!?)]/u.test(rest)) return null;
  // "pledged to push for an amendment", "promising to lift regulations": a commitment's infinitive is what was promised.
  // "vowed not to repeat it": the negation belongs to what was promised.
  const negated = tokens[k]?.lower === "not" && tokens[k + 1]?.lower === "to" ? 1 : 0;
  const infinitive = tokens[k + negated];
  const infinitiveVerb = tokens[k + negated + 1];
  if (
    COMMISSIVES.has(cue.info.lemma) &&
    infinitive?.lower === "to" &&
    /^\p{Ll}+$/u.test(infinitiveVerb?.text ?? "") &&
    !lexicon.determiners.has(infinitiveVerb?.lower ?? "")
  )
    return (tokens[k] as Token).start;
  // "asked whether the story would matter", "asked how Clinton could inspire": a reported question.
  if (WH_VERBS.has(cue.info.lemma) && infinitive && /^(?:whether|if|how|why)$/u.test(infinitive.lower))
    return infinitive.start;
  // "told MSNBC's “Morning Joe” on Friday that": a programme's title in quotation marks names the hearer.
  if (cue.info.hearer) {
    const titled = TITLED_HEARER.exec(text.slice(after.end, after.end + 160));
    if (titled) return after.end + titled[0].length;
  }
  // "said in an interview with X that", "told a newspaper that": a complementiser a few words on.
  const firstAfter = tokens[k];
  if (firstAfter && (lexicon.prepositions.has(firstAfter.lower) || isTimeWordAt(tokens, k) || cue.info.hearer)) {
    for (let j = k; j < tokens.length && j < k + 16; j++) {
      const token = tokens[j] as Token;
      const gap = text.slice((tokens[j - 1] as Token).end, token.start);
      if (/[.;:!?"“”«»()]/u.test(gap)) break;
      // "warned the shippers, but that …": a conjunction after a comma ends the phrase.
      if (gap.includes(",") && /^(?:and|but|or)$/u.test(token.lower)) break;
      // "the meeting that was held", "a boat that cruised": a relative pronoun, not the clause's complementiser.
      // "told reporters so many lies that": a result clause, not what was said.
      const following = tokens[j + 1];
      if (/^(?:so|such)$/u.test(token.lower)) break;
      // "said then, was that …": past a comma, a verb is the sentence's own, and the cue an aside in it.
      if (gap.includes(",") && (AUXILIARY_WORDS.has(token.lower) || MODALS.has(token.lower))) break;
      if (
        lexicon.complementisers.has(token.lower) &&
        !(following && (AUXILIARY_WORDS.has(following.lower) || PAST_ED.test(following.text)))
      )
        return token.end;
      const elidedAt = elidedComplementiser(text, token, tokens[j - 1] as Token, lexicon);
      if (elidedAt !== null) return elidedAt;
      // A capitalised "Post" or "Record" names a newspaper, not a verb that would end the phrase.
      if (lexicon.verbs.has(token.lower) && j > k && !startsUpper(token.text)) break;
    }
  }
  // A bare clause: "said Monday the plan had failed", "told reporters he would stay".
  for (let moved = true; moved && k < verbIndex + 6; ) {
    moved = false;
    while (k < tokens.length && isTimeWordAt(tokens, k) && k < verbIndex + 6) {
      k++;
      moved = true;
    }
    if (/^on$/.test(tokens[k]?.lower ?? "") && TIME_WORDS.has(tokens[k + 1]?.lower ?? "")) {
      k += 2;
      moved = true;
    }
  }
  if (cue.info.hearer) {
    const hearer = tokens[k];
    if (!hearer) return null;
    if (HEARERS.has(hearer.lower) || startsUpper(hearer.text)) {
      k++;
      while (k < tokens.length && startsUpper((tokens[k] as Token).text) && k < verbIndex + 6) k++;
    } else if (lexicon.determiners.has(hearer.lower)) {
      // "told the forum he was …": a described hearer, then a clause opening with a subject pronoun.
      for (let j = k + 1; j < tokens.length && j <= k + 3; j++) {
        const token = tokens[j] as Token;
        if (/[,;:.!?"“”]/u.test(text.slice((tokens[j - 1] as Token).end, token.start))) return null;
        if (SUBJECT_PRONOUNS.has(token.lower) && token.lower !== "it") return token.start;
        if (!/^\p{Ll}+$/u.test(token.text)) return null;
      }
      return null;
    } else return pluralHearerClause(text, tokens, k, lexicon);
    while (k < tokens.length && isTimeWordAt(tokens, k) && k < verbIndex + 9) k++;
    const next = tokens[k];
    if (!next || !(CLAUSE_PRONOUNS.has(next.lower) || lexicon.determiners.has(next.lower))) return null;
    return next.start;
  }
  let next = tokens[k];
  if (!next) return null;
  // "said about 20 people have …": an approximate number opens the clause.
  if (
    /^(?:about|around|nearly|almost|over|under|roughly)$/u.test(next.lower) &&
    startsDigit(tokens[k + 1]?.text ?? "") &&
    cue.info.bare
  )
    return next.start;
  // "said after the convention he would …": a short phrase, then a subject pronoun.
  if (lexicon.prepositions.has(next.lower)) {
    for (let j = k + 2; j < tokens.length && j <= k + 6; j++) {
      const token = tokens[j] as Token;
      if (/[,;:.!?"“”]/u.test(text.slice((tokens[j - 1] as Token).end, token.start))) break;
      if (SUBJECT_PRONOUNS.has(token.lower)) return token.start;
    }
    return null;
  }
  if (/[,;:]/u.test(text.slice((tokens[k - 1] as Token).end, next.start))) return null;
  // Any verb takes a clause that opens with a subject pronoun ("denied he had"); only verbs of
  // saying take one that opens with a noun phrase ("said the plan", "not "announced the plan").
  // "it" is a subject only before its verb ("announced it would"), not an object ("announced it Monday").
  const afterNext = tokens[k + 1];
  const itSubject = next.lower === "it" && afterNext !== undefined && AUXILIARY_WORDS.has(afterNext.lower);
  if ((SUBJECT_PRONOUNS.has(next.lower) && !/^(?:it|that|this)$/u.test(next.lower)) || itSubject) return next.start;
  next = tokens[k];
  if (!next) return null;
  // "noted clients are beginning to …", "announced the company would …": any verb of saying takes a
  // clause whose subject is followed at once by an auxiliary; without one, "noted the rule" is an object.
  // Forms that are also nouns ("state", "remarks") are left out: "Battleground state Florida is …".
  if (!cue.info.bare)
    return opensClause(next, lexicon) &&
      !NEGATIVE_SUBJECTS.has(next.lower) &&
      !lexicon.nounLike.has(cue.verb.lower) &&
      finiteVerbWithin(text, tokens, k + 1, 3)
      ? next.start
      : null;
  if (NEGATIVE_SUBJECTS.has(next.lower)) return finiteVerbWithin(text, tokens, k + 1, 4) ? next.start : null;
  if (!opensClause(next, lexicon)) return null;
  // "said this was …" opens a clause; "I say this because …" has "this" for an object.
  if (/^(?:this|these|those)$/u.test(next.lower) && !verbWithin(text, tokens, k + 1, 2)) return null;
  // "added the extra week": "add" also means to put in, so a noun phrase after it needs a verb of its own.
  if (cue.info.lemma === "add" && lexicon.determiners.has(next.lower) && !verbWithin(text, tokens, k + 1, 5))
    return null;
  // "wrote his book, …", "could add fuel to the tensions": a bare clause has a verb of its own
  // before its first break; a noun phrase with none is the verb's object.
  if (!CONTRACTED_VERB.test(next.lower) && !finiteVerbAhead(text, tokens, k + 1, 16, lexicon)) return null;
  return next.start;
}

/**
 * Where the clause starts after a phrase set off by commas between a verb and its complementiser
 * ("insisted, in an interview on Monday, that …"): a phrase of at most twelve words with no other
 * punctuation, then ", that". Null otherwise.
 */
function setOffComplement(text: string, from: number, lexicon: Lexicon): number | null {
  const comma = indexIn(text, ",", from, from + 4);
  if (comma < 0) return null;
  const words = tokenize(text, comma + 1, Math.min(text.length, comma + 120));
  for (let j = 0; j < words.length && j <= 12; j++) {
    const word = words[j] as Token;
    const gap = text.slice(j === 0 ? comma + 1 : (words[j - 1] as Token).end, word.start);
    if (j > 0 && /^\s*,\s*$/u.test(gap)) {
      const next = words[j + 1];
      return lexicon.complementisers.has(word.lower) && next && !AUXILIARY_WORDS.has(next.lower) ? word.end : null;
    }
    if (/[^\s]/u.test(gap)) return null;
  }
  return null;
}

/**
 * A hearer named with a short title in quotation marks, then "that": "MSNBC's “Morning Joe” on
 * Friday that". Up to six words before the title, up to four after it, no other punctuation.
 */
const TITLED_HEARER =
  /^\s+(?:[\p{L}\p{N}'’.&-]+\s+){0,5}["“][^"“”.!?]{1,40}["”](?:\s+[\p{L}\p{N}'’.-]+){0,4}?\s+that(?=\s)/u;

/** A past form in -ed ("failed"). */
const PAST_ED = /^\p{Ll}{2,}ed$/u;

/** Whether an auxiliary or a past form comes within `span` words from `from`, with no punctuation on the way. */
function verbWithin(text: string, tokens: Token[], from: number, span: number): boolean {
  for (let j = from; j < tokens.length && j < from + span; j++) {
    const token = tokens[j] as Token;
    if (/[,;:.!?"“”()]/u.test(text.slice((tokens[j - 1] as Token).end, token.start))) return false;
    if (AUXILIARY_WORDS.has(token.lower) || PAST_ED.test(token.text)) return true;
  }
  return false;
}

/** An elided complementiser and the word it is written with ("qu'il", "qu’elle"). */
const ELIDED = /^qu['’]\p{L}/u;

/**
 * Where the clause starts when `token`, right after `previous`, is an elided complementiser written
 * with the clause's first word ("qu'il partirait" → "il partirait"); null otherwise.
 */
function elidedComplementiser(
  text: string,
  token: Token | undefined,
  previous: Token,
  lexicon: Lexicon,
): number | null {
  if (!token || !lexicon.complementisers.has("qu") || !ELIDED.test(token.text)) return null;
  if (!/^\s+$/u.test(text.slice(previous.end, token.start))) return null;
  return token.start + 3;
}

/** A plain lower-case plural ("investigators", "state officials"). */
const LOWER_PLURAL = /^\p{Ll}{3,}s$/u;

/**
 * "told investigators he …", "told state officials the plant was …": a hearer named by a bare
 * plural, then a clause opening with a subject pronoun, or with a noun phrase and its auxiliary.
 * Returns where the clause starts, or null.
 */
function pluralHearerClause(text: string, tokens: Token[], k: number, lexicon: Lexicon): number | null {
  for (let j = k; j < tokens.length && j < k + 2; j++) {
    const word = tokens[j] as Token;
    if (!/^\p{Ll}+$/u.test(word.text) || lexicon.prepositions.has(word.lower) || NOT_CLAUSE_OPENERS.has(word.lower))
      return null;
    if (j > k && /[,;:.!?"“”«»()]/u.test(text.slice((tokens[j - 1] as Token).end, word.start))) return null;
    if (!LOWER_PLURAL.test(word.text)) continue;
    const next = tokens[j + 1];
    if (!next || /[,;:.!?"“”«»()]/u.test(text.slice(word.end, next.start))) return null;
    if (SUBJECT_PRONOUNS.has(next.lower) && next.lower !== "it") return next.start;
    if (lexicon.determiners.has(next.lower) && finiteVerbWithin(text, tokens, j + 2, 3)) return next.start;
    return null;
  }
  return null;
}

/**
 * A cue that took "that" as its complementiser when "that" is followed by a verb: "said that was
 * wrong" ("that" is the clause's subject: the cue gives it back) or "TV shows that aired" (a
 * relative pronoun after a noun: null, no cue at all).
 */
function demonstrativeThat(
  text: string,
  tokens: Token[],
  verb: number,
  cue: CueMatch,
  lexicon: Lexicon,
): CueMatch | null {
  let c = verb + 1;
  while (c < tokens.length && (tokens[c] as Token).end < cue.end) c++;
  const that = tokens[c];
  if (!that || that.end !== cue.end || that.lower !== "that") return cue;
  const next = tokens[c + 1];
  if (!next || !/^\s+$/u.test(text.slice(that.end, next.start))) return cue;
  const auxiliary = AUXILIARY_WORDS.has(next.lower);
  if (lexicon.nounLike.has(cue.verb.lower) && (auxiliary || PAST_ED.test(next.text))) return null;
  return auxiliary ? { ...cue, end: (tokens[c - 1] as Token).end } : cue;
}

/** The auxiliaries that may open an inverted cue: "…, a déclaré le ministre", "…, ont affirmé les syndicats". */
const INVERTING_AUXILIARY = /^(?:a|ont|avait|avaient)\s+$/u;

/** A source without the time words that close it ("Paul Girard lundi" → "Paul Girard"). */
function withoutTimeWords(text: string, source: SourcePhrase | null): SourcePhrase | null {
  if (!source) return null;
  const tokens = tokenize(text, source.start, source.end);
  let n = tokens.length;
  while (n > 1 && TIME_WORDS.has((tokens[n - 1] as Token).lower)) n--;
  if (n === tokens.length) return source;
  const range = { start: source.start, end: (tokens[n - 1] as Token).end };
  return { ...range, head: range };
}

/** ", and" or ", but" and the opening of a clause with its own subject. */
const AND_CLAUSE = /^,\s+(?:and|but)\s+(?=\S)/u;

/**
 * Where a claim resumes after an attribution set in its middle: "…, X said (in a statement), and
 * B" and "…, according to X, and B". The attribution may end with a short phrase opened by a
 * preposition or a time word; what follows the conjunction must open a clause. Returns the offset
 * where the rest of the claim starts (at the conjunction), or -1.
 */
function continuationAfter(text: string, from: number, to: number, lexicon: Lexicon): number {
  const tokens = tokenize(text, from, Math.min(to, from + 200));
  let k = 0;
  let at = from;
  const first = tokens[0];
  if (first && /^\s+$/u.test(text.slice(from, first.start))) {
    if (!lexicon.prepositions.has(first.lower) && !TIME_WORDS.has(first.lower)) return -1;
    // The phrase runs to the first comma, within eight words, with no other punctuation.
    for (; k < tokens.length && k < 8; k++) {
      const gap = text.slice((tokens[k] as Token).end, (tokens[k + 1] as Token | undefined)?.start ?? to);
      if (/^\s*,/u.test(gap)) break;
      if (/[^\s]/u.test(gap)) return -1;
    }
    if (k >= 8 || k >= tokens.length) return -1;
    at = (tokens[k] as Token).end;
    k++;
  }
  const match = AND_CLAUSE.exec(text.slice(at, Math.min(to, at + 12)));
  const conjunction = tokens[k];
  const opener = tokens[k + 1];
  if (!match || !conjunction || !opener) return -1;
  // The clause needs a subject of its own: "…, and called for calm", "…, and be willing to …" go on
  // with the attribution's subject or an order, not the claim.
  const subject =
    CLAUSE_PRONOUNS.has(opener.lower) ||
    lexicon.pronouns.has(opener.lower) ||
    lexicon.determiners.has(opener.lower) ||
    QUANTIFIERS.test(opener.lower) ||
    (startsUpper(opener.text) && !lexicon.prepositions.has(opener.lower));
  if (!subject) return -1;
  return conjunction.start;
}

/** Evidence verbs, which close a sentence as its source only at its very end: "…, the study found." */
const EVIDENCE_VERBS = new Set(["show", "find", "indicate"]);

/**
 * Whether a verb at the end of a clause takes an object of its own ("leaders found little unity",
 * "the videos show Scott leaving"), so that it cannot be the attribution of the words before it.
 * Time words, adverbs and a prepositional phrase may follow a closing attribution ("…, X said on
 * Monday"); a hearer may follow "told"; an evidence verb must end the sentence.
 */
function objectFollows(text: string, tokens: Token[], verb: number, cue: CueMatch, lexicon: Lexicon): boolean {
  let k = verb + 1;
  while (k < tokens.length && (tokens[k] as Token).start < cue.end) k++;
  const next = tokens[k];
  if (!next || /[,;:.!?()"“”«»—–]/u.test(text.slice(cue.end, next.start))) return false;
  if (EVIDENCE_VERBS.has(cue.info.lemma)) return true;
  // "…, X told reporters." closes a claim; "…, X told the crews to stay home" gives an order.
  if (cue.info.hearer) return toInfinitiveWithin(text, tokens, k, 5, lexicon);
  let j = k;
  while (j < tokens.length && j < k + 3 && (isTimeWordAt(tokens, j) || LY_ADVERB.test((tokens[j] as Token).text))) j++;
  const word = tokens[j];
  if (!word || /[,;:.!?()"“”«»—–]/u.test(text.slice((tokens[j - 1] as Token).end, word.start))) return false;
  return (
    !lexicon.prepositions.has(word.lower) &&
    !lexicon.connectives.has(word.lower) &&
    accordingToAt(tokens, j, lexicon) === 0
  );
}

/** Whether "to" and a verb come within `span` words from `from`, with no punctuation on the way. */
function toInfinitiveWithin(text: string, tokens: Token[], from: number, span: number, lexicon: Lexicon): boolean {
  for (let j = from; j < tokens.length && j < from + span; j++) {
    const token = tokens[j] as Token;
    if (j > from && /[,;:.!?"“”()]/u.test(text.slice((tokens[j - 1] as Token).end, token.start))) return false;
    const next = tokens[j + 1];
    if (token.lower === "to" && next && startsLower(next.text) && !lexicon.determiners.has(next.lower)) return true;
  }
  return false;
}

/** An adverb in -ly ("publicly"). */
const LY_ADVERB = /^\p{Ll}{3,}ly$/u;

/** Words that are objects ("said no", "said nothing") unless a verb follows them as its subject. */
const NEGATIVE_SUBJECTS = new Set(["no", "nothing", "nobody", "none"]);

/** Whether an auxiliary or modal comes within `span` words from `from`, with no punctuation on the way. */
function finiteVerbWithin(text: string, tokens: Token[], from: number, span: number): boolean {
  for (let j = from; j < tokens.length && j < from + span; j++) {
    const token = tokens[j] as Token;
    if (/[,;:.!?"“”()]/u.test(text.slice((tokens[j - 1] as Token).end, token.start))) return false;
    if (AUXILIARY_WORDS.has(token.lower)) return true;
  }
  return false;
}

/** Past forms of common irregular verbs, which no suffix betrays ("the company lost", "voters chose"). */
const IRREGULAR_PAST = new Set(
  (
    "went made took got came saw became began bought brought thought knew gave left lost won ran met held kept felt paid " +
    "sent spent built fell rose grew hit cut set let led fled sold told said found meant stood understood wrote chose " +
    "drove broke spoke stole wore threw flew shot fought caught taught sought struck hid fed dug sat lay bore beat"
  ).split(" "),
);
/** Modals and the forms of "do", finite wherever they stand. */
const MODALS = new Set("will would can could should shall may might must do does did".split(" "));

/** A pronoun or noun written with a contracted verb ("she'll", "they're", "he's"). */
const CONTRACTED_VERB = /^\p{L}+['’](?:ll|re|ve|d|m)$|^(?:he|she|it|that|there|who)['’]s$/u;
/** Words after a comma that open a clause or phrase of their own rather than going on with a subject. */
const AFTER_COMMA_BREAKS = new Set(
  "which who whom whose where when while and but or as because although though".split(" "),
);

/**
 * Whether a finite verb comes within `span` words from `from`: an auxiliary or modal, a contracted
 * verb, a past form, or a present form in -s right after a word that is not a determiner or
 * preposition ("the company owns", not "to the tensions"). An appositive set off by commas may
 * come first ("the plan, backed by X, has"); a comma before a pronoun, a relative word, a
 * conjunction or a participle ends the search ("his book, he said"), as do brackets and dashes.
 */
function finiteVerbAhead(text: string, tokens: Token[], from: number, span: number, lexicon: Lexicon): boolean {
  let appositive = false;
  for (let j = from; j < tokens.length && j < from + span; j++) {
    const token = tokens[j] as Token;
    const lower = token.lower;
    const gap = text.slice((tokens[j - 1] as Token).end, token.start);
    if (/[;:!?()—–]/u.test(gap)) return false;
    if (gap.includes(",")) {
      if (SUBJECT_PRONOUNS.has(lower) || AFTER_COMMA_BREAKS.has(lower) || lower.endsWith("ing")) return false;
      appositive = true;
    }
    // "his book, Mr. McKinley said …": past a comma, a verb of saying is another attribution's.
    if (appositive && verbAt(tokens, j, lexicon)) return false;
    if (AUXILIARY_WORDS.has(lower) || MODALS.has(lower) || IRREGULAR_PAST.has(lower) || lower.endsWith("n't"))
      return true;
    if (PAST_ED.test(token.text) || CONTRACTED_VERB.test(lower)) return true;
    const previous = (tokens[j - 1] as Token).lower;
    if (PRESENT_S.test(token.text) && !lexicon.determiners.has(previous) && !lexicon.prepositions.has(previous))
      return true;
  }
  return false;
}

/** Trims a clause's end: final punctuation goes, and a closing quotation mark only with it. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  for (;;) {
    while (e > start && isTrailing(text.charCodeAt(e - 1))) e--;
    // A trailing closing mark whose opening mark is not in the clause is not part of it.
    if (e > start && isQuoteChar(text[e - 1])) {
      if (!OPENING_MARKS.test(text.slice(start, e - 1))) {
        e--;
        continue;
      }
    }
    return e;
  }
}

/** "what Trump says his plan would do": the words reported are the "what", not a clause of their own. */
const FREE_RELATIVE = /\bwhat\s+$/iu;

/** Words that may stand between a new clause's subject and its verb of saying ("is promising", "also said"). */
const BEFORE_VERB = new Set("is are was were has have had also".split(" "));

/**
 * The index of the "and" or "but" that opens a second attribution ending at the verb at `verb`:
 * "… and warned against …", "… and Democrats accused …", "…, and Hillary Clinton is promising …"; or -1.
 * A named subject counts only after five words of claim, so "said Apple and Google announced" stays whole.
 */
function conjoinedAttribution(words: Token[], verb: number): number {
  let j = verb - 1;
  while (j > 0 && BEFORE_VERB.has((words[j] as Token).lower) && verb - j < 3) j--;
  let names = 0;
  while (
    j > 0 &&
    names < 4 &&
    (startsUpper((words[j] as Token).text) || (names === 0 && SUBJECT_PRONOUNS.has((words[j] as Token).lower)))
  ) {
    j--;
    names++;
  }
  // "… and the military said …": a described subject, a determiner and up to two plain words.
  if (names === 0 && j > 1 && j >= verb - 4) {
    let d = j;
    while (
      d > j - 2 &&
      d > 0 &&
      /^\p{Ll}+$/u.test((words[d] as Token).text) &&
      !DETERMINER_WORDS.has((words[d] as Token).lower)
    )
      d--;
    if (d < j && DETERMINER_WORDS.has((words[d] as Token).lower) && /^(?:and|but)$/u.test(words[d - 1]?.lower ?? ""))
      return d - 1 >= 3 ? d - 1 : -1;
  }
  if (j < 0 || !/^(?:and|but)$/u.test((words[j] as Token).lower)) return -1;
  if (j !== verb - 1 && names === 0) return -1;
  if (names > 0 && j < 5) return -1;
  return j;
}

/** Determiners that open a described subject after "and" ("and the military said"). */
const DETERMINER_WORDS = new Set(["the", "a", "an", "its", "his", "her", "their"]);

/** "federal and state law": a verb form that is also a noun ("state", "reports"), before a plain word, is a noun. */
function nounBeforeNoun(text: string, words: Token[], i: number, lexicon: Lexicon): boolean {
  const word = words[i] as Token;
  if (!lexicon.nounLike.has(word.lower) && word.lower !== "state") return false;
  const after = words[i + 1];
  return (
    after !== undefined &&
    /^\s+$/u.test(text.slice(word.end, after.start)) &&
    /^\p{Ll}+$/u.test(after.text) &&
    !lexicon.complementisers.has(after.lower) &&
    !SUBJECT_PRONOUNS.has(after.lower)
  );
}

/** Where an attribution tail (", the minister said", ", according to X") or a new clause cuts a clause. */
function clauseEnd(text: string, start: number, end: number, lexicon: Lexicon, quotes: Range[]): number {
  let e = end;
  // "… and warned against …": a second reporting verb coordinated with the first ends the clause.
  const words = tokenize(text, start, Math.min(e, start + 3000));
  for (let i = 1; i < words.length; i++) {
    const word = words[i] as Token;
    if (word.start >= e) break;
    const info = verbAt(words, i, lexicon);
    if (!info) continue;
    if (nounBeforeNoun(text, words, i, lexicon)) continue;
    const conjunction = conjoinedAttribution(words, i);
    if (conjunction < 0) continue;
    // "… and called it a common ailment": a verb that only quotes ends the claim when it follows "and" at once.
    if (!info.claims && conjunction !== i - 1) continue;
    if (quotes.some((q) => q.start <= word.start && word.start < q.end)) continue;
    let cut = (words[conjunction] as Token).start;
    while (cut > start && /[\s,—–]/u.test(text[cut - 1] as string)) cut--;
    e = cut;
    break;
  }
  // "…; they only learned on Friday …": a semicolon outside quotations opens the narrator's next clause.
  for (let semi = indexIn(text, ";", start, e); semi >= 0; semi = indexIn(text, ";", semi + 1, e)) {
    if (quotes.some((q) => q.start <= semi && semi < q.end)) continue;
    e = semi;
    break;
  }
  // "(Some economists argue that taxes should be low.)": a bracket closing one opened before the
  // claim ends it, with the aside it closes.
  const close = indexIn(text, ")", start, e);
  if (close >= 0 && indexIn(text, "(", start, close) < 0 && !quotes.some((q) => q.start <= close && close < q.end))
    e = close;
  // "… — and he noted that …": a dash and a conjunction open the narrator's next clause.
  const dash = /\s[—–]\s+(?:and|but)\s/u.exec(text.slice(start, e));
  if (dash && !quotes.some((q) => q.start <= start + dash.index && start + dash.index < q.end)) e = start + dash.index;
  for (let comma = indexIn(text, ",", start, e); comma >= 0; comma = indexIn(text, ",", comma + 1, e)) {
    // A comma inside a quotation counts only where the quotation ends right after it (“…,” though).
    if (quotes.some((q) => q.start <= comma && comma < q.end - 2)) continue;
    let rest = text.slice(comma, Math.min(e, comma + 60));
    rest = rest.replace(/^,\s*["”’»]/u, ",");
    // "…, but that they did not know …": a second complement of the same verb goes on with the claim.
    const second = SECOND_COMPLEMENT.exec(rest);
    if (second && !AUXILIARY_WORDS.has((second[1] as string).toLowerCase())) continue;
    // ", and when pressed on why …, she replied": a reduced time clause opens the narrator's next sentence part.
    if (BUT_PAST.test(rest) || AND_WHEN_PARTICIPLE.test(rest)) {
      e = comma;
      break;
    }
    // ", arguing that …", ", forcing them …": a participle after the clause is the narrator's.
    // ", and he urged …": a new clause with its own subject pronoun is the narrator's again.
    if (/^,\s+(?:and|but)\s+(?:he|she|they|we|I)\s/u.test(rest)) {
      e = comma;
      break;
    }
    // Only a verb of saying or citing: ", providing greater safety" still belongs to the claim.
    const participle = TRAILING_PARTICIPLE.exec(rest);
    if (participle && (lexicon.verbs.has(participle[1] as string) || participle[1] === "citing")) {
      e = comma;
      break;
    }
    const brk = CLAUSE_BREAKS.exec(rest);
    if (brk) {
      const word = (brk[1] as string).replace(/[^\p{L}\p{N}'’]/gu, "");
      const lower = word.toLowerCase();
      if (
        CLAUSE_PRONOUNS.has(lower) ||
        lexicon.pronouns.has(lower) ||
        (lexicon.determiners.has(lower) && lower !== "as") ||
        QUANTIFIERS.test(lower) ||
        CAPITALISED_WORD.test(word)
      ) {
        e = comma;
        break;
      }
    }
    let tail = tokenize(text, comma + 1, Math.min(e, comma + 200));
    // "…, which he said were at his side": a relative clause with an attribution of its own is
    // that source's claim, not the rest of this one.
    if (RELATIVE_AFTER_COMMA.test(rest) && attributedRelative(tail, lexicon)) {
      e = comma;
      break;
    }
    if (tail.length > 0 && accordingToAt(tail, 0, lexicon) > 0) {
      e = comma;
      break;
    }
    // ", X said." / ", said X." closing the sentence; ", and he urged …" opening another attribution.
    const conjunction = tail.length > 0 && /^(?:and|but)$/u.test((tail[0] as Token).lower);
    const from = conjunction ? (tail[0] as Token).end : comma + 1;
    if (conjunction) tail = tail.slice(1);
    for (let i = 0; i < tail.length && i < 14; i++) {
      const info = verbAt(tail, i, lexicon);
      if (!info) continue;
      const verb = tail[i] as Token;
      const inverted = i === 0 && !conjunction;
      const source = inverted
        ? subjectAfter(text, verb.end, e, lexicon)
        : subjectBefore(text, from, verb.start, lexicon);
      if (!source || !isPlausibleSource(text, source, lexicon)) break;
      if (!inverted && !/^[\s,]*$/u.test(text.slice(from, source.start))) break;
      if (!conjunction && !/^[^,;]*$/u.test(text.slice(verb.end, e)) && !inverted) break;
      // ", she insisted that the first lady go …" opens a reported clause of its own, not a tail.
      if (!inverted && !conjunction && /^\s*(?:that\b|\S+\s+that\b)/u.test(text.slice(verb.end, e))) break;
      e = comma;
      break;
    }
    if (e === comma) break;
  }
  return e;
}

/** ", which …", ", where …": a non-restrictive relative clause after a comma. */
const RELATIVE_AFTER_COMMA = /^,\s*(?:which|where)\b/u;

/**
 * Whether the relative clause opening `tail` ("which he said were …", "which, Tompkins said, is …")
 * has a verb of saying within its first five words, after its relative word and a short subject.
 */
function attributedRelative(tail: Token[], lexicon: Lexicon): boolean {
  for (let i = 2; i < tail.length && i < 6; i++) {
    const word = tail[i] as Token;
    if (AUXILIARY_WORDS.has(word.lower) && !/^(?:has|have|had)$/u.test(word.lower)) return false;
    if (verbAt(tail, i, lexicon)?.claims) return true;
  }
  return false;
}

/**
 * A source in lower case after "according to", which always introduces one ("according to exit
 * polls", "according to police"): up to five plain words that end at a comma or the sentence's end.
 */
function bareSourceAfter(text: string, tokens: Token[], from: number, lexicon: Lexicon): SourcePhrase | null {
  let k = from;
  while (k < tokens.length && k < from + 5 && /^\p{Ll}[\p{Ll}-]*$/u.test((tokens[k] as Token).text)) {
    const token = tokens[k] as Token;
    if (token.lower === "who" || token.lower === "whose") break;
    if (verbAt(tokens, k, lexicon) || lexicon.prepositions.has(token.lower)) return null;
    k++;
    if (/^\s*(?:,|[.!?]?\s*$)/u.test(text.slice(token.end, token.end + 3))) {
      if (lexicon.determiners.has(token.lower)) return null;
      const range = { start: (tokens[from] as Token).start, end: token.end };
      return { ...range, head: range };
    }
  }
  // "…, according to a computer programmer who has released the code.": a described source and its
  // relative clause close the sentence; the source is the description.
  const relative = tokens[k];
  if (
    relative &&
    /^(?:who|whose)$/u.test(relative.lower) &&
    k - from >= 2 &&
    lexicon.determiners.has((tokens[from] as Token).lower) &&
    /^\s+$/u.test(text.slice((tokens[k - 1] as Token).end, relative.start)) &&
    /^[^,;:"“”]*[.!?]?\s*$/u.test(
      text.slice(relative.end, Math.min(text.length, relative.end + 300)).split(/(?<=[.!?])\s/u)[0] ?? "",
    )
  ) {
    const range = { start: (tokens[from] as Token).start, end: (tokens[k - 1] as Token).end };
    return { ...range, head: range };
  }
  // "according to conservative talk radio host Rush Limbaugh,": plain words describing the name that ends the phrase.
  if (k === from) return null;
  const run = capitalisedRuns(tokens.slice(k, k + 4), text)[0];
  const last = run?.[run.length - 1];
  if (!run || run[0] !== tokens[k] || !last || !/^\s*,/u.test(text.slice(last.end, last.end + 3))) return null;
  const name = { start: (run[0] as Token).start, end: last.end };
  return { start: (tokens[from] as Token).start, end: last.end, head: name };
}

/** Share of a range covered by quotations. */
function quotedShare(range: Range, quotes: Range[]): number {
  let covered = 0;
  for (const q of quotes) {
    const s = Math.max(range.start, q.start);
    const e = Math.min(range.end, q.end);
    if (e > s) covered += e - s;
  }
  return covered / Math.max(1, range.end - range.start);
}

/** Whether the source phrase is preceded, within its sentence, by a comma (a tail attribution). */
function commaBefore(text: string, sentence: Range, position: number): number {
  let i = position - 1;
  while (i >= sentence.start && /\s/u.test(text[i] as string)) i--;
  return i >= sentence.start && text[i] === "," ? i : -1;
}

/** Words in a range. */
const wordCount = (text: string, range: Range): number => tokenize(text, range.start, range.end).length;

/**
 * Whether a position in `positions` lies in [start, end). (A helper, not a closure: a closure over
 * the loop's variables made the engine allocate a scope for every word of the sentence.)
 */
function anyWithin(positions: number[], start: number, end: number): boolean {
  for (const at of positions) if (at >= start && at < end) return true;
  return false;
}

/** Whether `at` lies inside one of the quotations. */
function isQuoted(quotes: Range[], at: number): boolean {
  for (const q of quotes) if (q.start <= at && at < q.end) return true;
  return false;
}

/**
 * "The agency released a report. It says the plan failed.": a sentence-initial "it" right before a
 * verb of saying in the active voice stands for the organisation or document named before (the
 * resolver finds it); "it said" anywhere else, and "it is said", stay no one's.
 */
function referringIt(text: string, sentence: Range, source: SourcePhrase, cue: CueMatch): boolean {
  if (text.slice(source.start, source.end) !== "It") return false;
  if (!/^[\s"“]*$/u.test(text.slice(sentence.start, source.start))) return false;
  const between = tokenize(text, source.end, cue.start);
  return between.length === 0 || (between.length === 1 && /^(?:also|further|then|now)$/u.test(between[0]?.lower ?? ""));
}

/** The "It" opening a sentence right before its verb of saying, as a source phrase (see `referringIt`), or null. */
function sentenceInitialIt(text: string, sentence: Range, cue: CueMatch): SourcePhrase | null {
  let s = sentence.start;
  while (s < cue.start && /[\s"“]/u.test(text[s] as string)) s++;
  if (text.slice(s, s + 3) !== "It ") return null;
  const range = { start: s, end: s + 2 };
  const source = { ...range, head: range };
  return referringIt(text, sentence, source, cue) ? source : null;
}

/** Copulas before a stance adjective ("is adamant", "remain convinced"). */
const COPULAS = new Set("is are was were remains remain remained".split(" "));

/**
 * A belief stated with a copula and a stance adjective: "The union is adamant (that) metadata
 * must be exempt", "Officials are convinced that …". The clause follows the adjective, with
 * "that" or as a bare clause whose subject has its own finite verb; the source is the copula's
 * subject. Null for "is concerned about …" and other complements.
 */
function stanceAt(
  text: string,
  tokens: Token[],
  i: number,
  lo: number,
  quotes: Range[],
  lexicon: Lexicon,
): { start: number; attribution: Attribution } | null {
  const adjective = tokens[i] as Token;
  if (!startsLower(adjective.text) || isQuoted(quotes, adjective.start)) return null;
  let c = i - 1;
  if (
    c >= 0 &&
    (LY_ADVERB.test((tokens[c] as Token).text) || /^(?:also|still|now|not)$/u.test((tokens[c] as Token).lower))
  )
    c--;
  const copula = tokens[c];
  if (!copula || !COPULAS.has(copula.lower) || (tokens[c + 1] as Token).lower === "not") return null;
  const next = tokens[i + 1];
  if (!next || !/^\s+$/u.test(text.slice(adjective.end, next.start))) return null;
  let start: number;
  if (lexicon.complementisers.has(next.lower) && !AUXILIARY_WORDS.has(tokens[i + 2]?.lower ?? "")) start = next.end;
  else if (
    opensClause(next, lexicon) &&
    !lexicon.prepositions.has(next.lower) &&
    next.lower !== "to" &&
    finiteVerbWithin(text, tokens, i + 2, 3)
  )
    start = next.start;
  else return null;
  const source = subjectBefore(text, lo, copula.start, lexicon);
  if (!source || !isPlausibleSource(text, source, lexicon)) return null;
  const cue: CueMatch = {
    verb: adjective,
    info: { lemma: adjective.lower, bare: false, claims: true, hearer: false },
    start: copula.start,
    end: next.lower === "that" ? next.end : adjective.end,
  };
  return { start, attribution: { source, cue } };
}

/** A relative word that leaves its clause without a subject or object: "which he said were …". */
const RELATIVE_BEFORE = /(?:^|[\s,])(?:which|that|who|whom|what)\s+$/iu;
/** A lower-case present form in -s that can be a finite verb ("exploits", "remains"). */
const PRESENT_S = /^\p{Ll}{3,}[^s]s$/u;

/** Whether a word is a plain lower-case noun, as before a zero relative ("the code he said …"). */
function isPlainNoun(token: Token | undefined, lexicon: Lexicon): boolean {
  return (
    token !== undefined &&
    /^\p{Ll}{3,}$/u.test(token.text) &&
    !lexicon.prepositions.has(token.lower) &&
    !lexicon.determiners.has(token.lower) &&
    !lexicon.connectives.has(token.lower) &&
    !lexicon.verbs.has(token.lower) &&
    !AUXILIARY_WORDS.has(token.lower) &&
    !NOT_CLAUSE_OPENERS.has(token.lower) &&
    !/(?:ed|ing|ly)$/u.test(token.lower)
  );
}

/** The finite verb right after a bare verb of saying ("said were", "says exploits"), or null. */
function finiteAfter(text: string, tokens: Token[], verb: number, cue: CueMatch, lexicon: Lexicon): Token | null {
  if (cue.end !== (tokens[verb] as Token).end || !cue.info.bare) return null;
  const next = tokens[verb + 1];
  if (!next || !/^\s+$/u.test(text.slice(cue.end, next.start))) return null;
  const finite = AUXILIARY_WORDS.has(next.lower) || PAST_ED.test(next.text) || PRESENT_S.test(next.text);
  return finite && !lexicon.nounLike.has(next.lower) ? next : null;
}

/**
 * "attack code he said exploits it": a subject pronoun right before the verb and right after a
 * plain noun is the subject of a zero relative clause, the pronoun alone. Null otherwise.
 */
function zeroRelativeSubject(
  text: string,
  tokens: Token[],
  verb: number,
  cue: CueMatch,
  lo: number,
  lexicon: Lexicon,
): SourcePhrase | null {
  if (cue.start !== (tokens[verb] as Token).start || verb < 2) return null;
  const pronoun = tokens[verb - 1] as Token;
  const noun = tokens[verb - 2] as Token;
  if (noun.start < lo || !SUBJECT_PRONOUNS.has(pronoun.lower) || pronoun.lower === "it") return null;
  if (!/^\s+$/u.test(text.slice(noun.end, pronoun.start)) || !isPlainNoun(noun, lexicon)) return null;
  if (!finiteAfter(text, tokens, verb, cue, lexicon)) return null;
  const range = { start: pronoun.start, end: pronoun.end };
  return { ...range, head: range };
}

/**
 * Where the reported predicate starts when a verb of saying stands in a relative clause: "the
 * donations, which he said were returned" (a relative word before the source: the claim opens
 * with it) or "code he said exploits the flaw" (a pronoun source right after a noun). The verb must
 * be followed at once by a finite verb, whose subject the relative word is. Null otherwise.
 */
function relativePredicate(
  text: string,
  tokens: Token[],
  verb: number,
  lo: number,
  source: SourcePhrase,
  cue: CueMatch,
  lexicon: Lexicon,
): { from: number; predicate: number } | null {
  const next = finiteAfter(text, tokens, verb, cue, lexicon);
  if (!next) return null;
  const before = RELATIVE_BEFORE.exec(text.slice(Math.max(lo, source.start - 12), source.start));
  if (before) {
    const from = source.start - before[0].length + before[0].search(/\p{L}/u);
    return { from, predicate: next.start };
  }
  // A zero relative: only a subject pronoun right after a plain noun.
  const sourceWords = tokenize(text, source.start, source.end);
  const pronoun = sourceWords.length === 1 && SUBJECT_PRONOUNS.has((sourceWords[0] as Token).lower);
  let at = verb;
  while (at > 0 && (tokens[at] as Token).start > source.start) at--;
  const noun = at > 0 ? tokens[at - 1] : undefined;
  if (!pronoun || !noun || !/^\s+$/u.test(text.slice(noun.end, source.start))) return null;
  return isPlainNoun(noun, lexicon) ? { from: next.start, predicate: next.start } : null;
}

/** A dateline opening a story: a place in capitals, maybe a state and an agency, then a dash. */
const DATELINE =
  /^\p{Lu}[\p{Lu}'’.-]{2,}(?:\s+\p{Lu}[\p{Lu}'’.-]+){0,3}(?:,\s*[\p{L}.]+(?:\s+[\p{L}.]+)?)?\s*(?:\([^)]{1,30}\)\s*)?[—–-]{1,2}\s+/u;

/** Adds a clause, trimmed, unless it is under three words, mostly quoted, or already found. */
function addClause(
  found: ReportedClause[],
  text: string,
  quotes: Range[],
  range: Range,
  attribution: Attribution,
): void {
  const e = trimEnd(text, range.start, range.end);
  let s = range.start;
  // "say that, in addition to Scott, he …": the comma after the complementiser is not the claim's.
  while (s < e && /[\s,]/u.test(text[s] as string)) s++;
  // "MOSCOW (AP) — The craft broke up, the agency said.": the dateline is the paper's, not the claim.
  const dateline = DATELINE.exec(text.slice(s, Math.min(e, s + 80)));
  if (dateline) s += dateline[0].length;
  const clause = { start: s, end: e };
  if (e <= s || wordCount(text, clause) < 3) return;
  // A clause that opens or closes with a quotation, or is mostly quoted, is a quotation; one with a
  // partial quote inside ('it was "resolutely opposed" to the test') stays a claim.
  const share = quotedShare(clause, quotes);
  if (share >= 0.8 || (share >= 0.5 && (isQuoteChar(text[s]) || isQuoteChar(text[e - 1])))) return;
  if (found.some((f) => f.start === clause.start && f.end === clause.end)) return;
  found.push({ ...clause, attribution });
}

/**
 * Whether text[start, end) has a word that may open a reported clause: a verb of saying in lower
 * case, or the first word of "according to". Most sentences have none, and are passed over
 * without making their words (the test reads the text itself for ASCII words).
 */
function mayReport(text: string, start: number, end: number, lexicon: Lexicon): boolean {
  const index = tokenIndex(text);
  const span = index.span(start, end);
  if (span === null) return true;
  for (let k = span.from; k < span.to; k++) {
    if (index.isAscii(k) && !mayBeCueAt(lexicon, text, index.startOf(k), index.endOf(k))) continue;
    const token = index.token(k);
    const info = startsLower(token.text) || HEADLINE_VERBS.has(token.text) ? lexicon.verbs.get(token.lower) : undefined;
    if (info?.claims || (info && QUESTION_VERBS.has(info.lemma)) || lexicon.stances.has(token.lower)) return true;
    if (lexicon.nounCues.has(token.lower)) return true;
    for (const phrase of lexicon.accordingTo) if (phrase[0] === token.lower) return true;
  }
  return false;
}

/**
 * Reported speech in one sentence: "X said (that) …", "X warned/announced/denied that …",
 * "…, X said", "according to X, …" and "…, according to X". `quotes` are the sentence's outer
 * quotations (marks included): verbs inside them are somebody's words, and a clause that is
 * mostly quoted is a quotation, not a claim.
 */
export function findReported(text: string, sentence: Range, quotes: Range[], lexicon: Lexicon): ReportedClause[] {
  const found: ReportedClause[] = [];
  const end = Math.min(sentence.end, sentence.start + 4000);
  if (!mayReport(text, sentence.start, end, lexicon)) return found;
  const tokens = tokenize(text, sentence.start, end);
  const usedVerbs: number[] = [];
  const sentenceEnd = trimEnd(text, sentence.start, end);

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    // Most words are no cue of any kind (a verb, "according to", a stance, a noun of saying), which
    // their shape tells before any look-up: every branch below needs one.
    if (!mayBeCue(lexicon, token.lower)) continue;
    const according = accordingToAt(tokens, i, lexicon);
    const info = according > 0 ? null : verbAt(tokens, i, lexicon);
    // "the ministry's statement that …", "warnings from his lawyer that …": a noun of saying and its source.
    if (according === 0 && lexicon.nounCues.has(token.lower) && !isQuoted(quotes, token.start)) {
      const noun = nounClaimAt(text, tokens, i, sentence, lexicon);
      if (noun) {
        const range = { start: noun.start, end: clauseEnd(text, noun.start, sentenceEnd, lexicon, quotes) };
        if (!startsQuoted(text, noun.start)) addClause(found, text, quotes, range, noun.attribution);
        usedVerbs.push(token.start);
        continue;
      }
    }
    if (according === 0 && !info && lexicon.stances.has(token.lower)) {
      const stance = stanceAt(text, tokens, i, sentence.start, quotes, lexicon);
      if (stance) {
        addClause(
          found,
          text,
          quotes,
          { start: stance.start, end: clauseEnd(text, stance.start, sentenceEnd, lexicon, quotes) },
          stance.attribution,
        );
        usedVerbs.push(token.start);
      }
      continue;
    }
    // "ask" and "wonder" report only a question: "asked whether …", "wondered how …".
    const asks =
      info !== null && QUESTION_VERBS.has(info.lemma) && /^(?:whether|if|how|why)$/u.test(tokens[i + 1]?.lower ?? "");
    if (according === 0 && !info?.claims && !asks) continue;
    if (isQuoted(quotes, token.start)) continue;
    if (according > 0) {
      const next = tokens[i + according];
      if (!next) continue;
      let source =
        subjectAfter(text, next.start, end, lexicon) ?? bareSourceAfter(text, tokens, i + according, lexicon);
      // "Laut Angela Weber steigen die Preise", "Podle Jana Nováka ceny porostou": without a comma,
      // the source is the name right after the phrase and the clause what follows it.
      let bareClause = -1;
      const run = capitalisedRuns(tokens.slice(i + according, i + according + 8), text)[0];
      const runEnd = run?.[run.length - 1];
      if (run && run[0] === next && runEnd) {
        const following = tokens[tokens.indexOf(runEnd) + 1];
        if (following && startsLower(following.text) && /^\s+$/u.test(text.slice(runEnd.end, following.start))) {
          const range = { start: next.start, end: runEnd.end };
          source = { ...range, head: range };
          bareClause = following.start;
        }
      }
      if (!source) continue;
      const cue: CueMatch = {
        verb: token,
        info: { lemma: "according to", bare: false, claims: true, hearer: false },
        start: token.start,
        end: (tokens[i + according - 1] as Token).end,
      };
      const comma = commaBefore(text, sentence, token.start);
      let after = source.end;
      while (after < end && /[\s)]/u.test(text[after] as string)) after++;
      if (comma >= 0) {
        // "Turnout rose, according to the board, and most polls stayed open.": the claim goes on after it.
        const more = isAdverbial(text, sentence.start, comma, lexicon)
          ? -1
          : continuationAfter(text, source.end, sentenceEnd, lexicon);
        const to = more >= 0 ? clauseEnd(text, more, sentenceEnd, lexicon, quotes) : comma;
        addClause(found, text, quotes, { start: sentence.start, end: to }, { source, cue });
      } else if (text[after] === ",") {
        addClause(
          found,
          text,
          quotes,
          { start: after + 1, end: clauseEnd(text, after + 1, sentenceEnd, lexicon, quotes) },
          { source, cue },
        );
      } else if (bareClause >= 0) {
        addClause(
          found,
          text,
          quotes,
          { start: bareClause, end: clauseEnd(text, bareClause, sentenceEnd, lexicon, quotes) },
          { source, cue },
        );
      }
      i += according;
      continue;
    }
    if (!info?.claims && !asks) continue;
    const previous = tokens[i - 1];
    // "forced him to admit that …", "continues to insist that …": an infinitive with "that" reports too;
    // "refused to say that" and other infinitives do not.
    const infinitive =
      previous?.lower === "to" &&
      !deniedBeforeTo(tokens, i - 1) &&
      /^\s*(?:that\b|,)/u.test(text.slice(token.end, token.end + 8));
    if (previous && (previous.lower === "not" || (previous.lower === "to" && !infinitive))) continue;
    const withThat = demonstrativeThat(text, tokens, i, cueAround(text, tokens, i, info, lexicon), lexicon);
    if (!withThat) continue;
    const cue = withThat;
    // "were mistakenly charged", "was told": a passive reports nothing of its subject's.
    if (!/ing$/u.test(token.lower) && /\b(?:is|are|was|were|be|been|being)\b/u.test(text.slice(cue.start, token.start)))
      continue;
    // "il a été annoncé que", "fue anunciado": a passive in the other languages, with "être", "ser".
    if (PASSIVE_BEFORE.test(text.slice(Math.max(sentence.start, cue.start - 12), cue.start))) continue;
    // "is saying" is a finite verb; "…, saying" a participle that shares the sentence's subject.
    const progressive = PROGRESSIVE.test(text.slice(Math.max(0, cue.start - 24), token.start));
    const participle = (/ing$/.test(token.lower) || info.participle === true) && !progressive;
    if (participle || infinitive) {
      // ", adding that …": the speaker is the sentence's.
      // The comma may close a quotation before it: "“… independent,” adding that …".
      const afterQuote = /,["”’']\s*$/u.test(text.slice(Math.max(sentence.start, cue.start - 4), cue.start));
      // "began by saying he would …", "despite admitting that …": a gerund after a preposition shares it too.
      let cueWord = i;
      while (cueWord > 0 && (tokens[cueWord] as Token).start > cue.start) cueWord--;
      const byGerund = token.lower.endsWith("ing") && GERUND_PREPOSITIONS.has(tokens[cueWord - 1]?.lower ?? "");
      if (commaBefore(text, sentence, cue.start) < 0 && !afterQuote && !byGerund && !infinitive) continue;
      const start = complementStart(text, tokens, i, cue, lexicon);
      if (start === null) continue;
      const subject = sentenceSubject(text, sentence, cue.start, lexicon);
      const attribution: Attribution = {
        source: null,
        cue,
        sameAsPrevious: true,
        fallback: subject && isPlausibleSource(text, subject, lexicon) ? subject : null,
      };
      addClause(found, text, quotes, { start, end: clauseEnd(text, start, sentenceEnd, lexicon, quotes) }, attribution);
      usedVerbs.push(token.start);
      continue;
    }
    let lo = sentence.start;
    for (const q of quotes) if (q.end <= cue.start && q.end > lo) lo = q.end;
    const coordinated =
      /^(?:and|but)$/u.test(tokens[i - 1]?.lower ?? "") ||
      /^(?:and|but)$/u.test(text.slice(Math.max(lo, cue.start - 5), cue.start).trim());
    if (coordinated) {
      // "Merrill says Machado promised … and said she would …": the verb shares the sentence's subject.
      const subject = sentenceSubject(text, sentence, cue.start, lexicon);
      const start = subject ? complementStart(text, tokens, i, cue, lexicon) : null;
      if (
        subject &&
        start !== null &&
        isPlausibleSource(text, subject, lexicon) &&
        !startsQuoted(text, start) &&
        !isQuoted(quotes, start)
      ) {
        addClause(
          found,
          text,
          quotes,
          { start, end: clauseEnd(text, start, sentenceEnd, lexicon, quotes) },
          { source: subject, cue },
        );
        usedVerbs.push(token.start);
      }
      continue;
    }
    // "As X noted, …", "A, as X noted, B", "…, as police have said": the rest of the sentence is the claim.
    const aside = asAside(text, tokens, i, cue, sentence, sentenceEnd, lexicon);
    if (aside) {
      const range =
        aside.place === "opening"
          ? { start: aside.after, end: clauseEnd(text, aside.after, sentenceEnd, lexicon, quotes) }
          : aside.place === "inside"
            ? { start: sentence.start, end: clauseEnd(text, aside.after, sentenceEnd, lexicon, quotes) }
            : { start: sentence.start, end: aside.open };
      if (!anyWithin(usedVerbs, sentence.start, aside.open) && !isAdverbial(text, range.start, range.end, lexicon))
        addClause(found, text, quotes, range, { source: aside.source, cue });
      usedVerbs.push(token.start);
      continue;
    }
    const source: SourcePhrase | null =
      zeroRelativeSubject(text, tokens, i, cue, lo, lexicon) ??
      subjectBefore(text, lo, cue.start, lexicon) ??
      relativeAntecedent(text, lo, cue.start, lexicon) ??
      sentenceInitialIt(text, sentence, cue);
    if (
      source &&
      (isPlausibleSource(text, source, lexicon) || referringIt(text, sentence, source, cue)) &&
      !FREE_RELATIVE.test(text.slice(Math.max(lo, source.start - 9), source.start))
    ) {
      if (lexicon.nounLike.has(token.lower) && !/^\s*(?:that\b|:)/u.test(text.slice(token.end, token.end + 8))) {
        // "Lynch notes they were …": a named or pronoun subject and a clause make it a verb.
        const next = tokens[i + 1];
        const named =
          /^[\p{Lu}]/u.test(text[source.head.start] ?? "") &&
          !lexicon.determiners.has(text.slice(source.head.start, source.head.end).toLowerCase());
        // "…, The Wall Street Journal reports.": a noun-like verb ending the sentence after its subject.
        const tail =
          commaBefore(text, sentence, source.start) >= 0 && /^[\s.!?"”’]*$/u.test(text.slice(token.end, sentence.end));
        const clause =
          next !== undefined &&
          (SUBJECT_PRONOUNS.has(next.lower) || lexicon.determiners.has(next.lower) || startsUpper(next.text));
        if (!tail && (!named || !clause)) continue;
      }
      const start = complementStart(text, tokens, i, cue, lexicon);
      if (start !== null && !startsQuoted(text, start) && !isQuoted(quotes, start)) {
        // "The smog had become so bad, Ms. Lopez noted, that …": an attribution set off by commas
        // interrupts one claim, which began before it.
        const interrupted = commaBefore(text, sentence, source.start);
        const from =
          interrupted >= 0 &&
          /^\s*,\s*that\b/u.test(text.slice(token.end, token.end + 12)) &&
          !anyWithin(usedVerbs, sentence.start, interrupted) &&
          !isAdverbial(text, sentence.start, interrupted, lexicon)
            ? sentence.start
            : interrupted >= 0 &&
                !anyWithin(usedVerbs, sentence.start, interrupted) &&
                isConditionClause(text, sentence.start, interrupted, lexicon)
              ? sentence.start
              : start;
        let to = clauseEnd(text, start, sentenceEnd, lexicon, quotes);
        // "The architect, who said he was stiffed, sued": the comma closing the relative clause ends the claim.
        // "The union, which argued that the rule was void, lost": so does the one closing "which".
        // "While his aides have suggested (that) X, Mr. Obama is …": a claim made in an opening
        // subordinate clause ends where the main clause begins (not at ", whose …" inside it).
        const relativeSource = /,\s*(?:who|which|\p{Ll}+\s+of\s+whom)\s*$/u.test(
          text.slice(Math.max(lo, cue.start - 24), cue.start),
        );
        const subordinate = from === start && opensSubordinate(text, tokens, cue.start);
        if (relativeSource || subordinate) {
          for (let comma = indexIn(text, ",", start, to); comma >= 0; comma = indexIn(text, ",", comma + 1, to)) {
            if (isQuoted(quotes, comma)) continue;
            if (subordinate && /^,\s*(?:who|whom|whose|which|where)\b/u.test(text.slice(comma, comma + 8))) continue;
            to = comma;
            break;
          }
        }
        addClause(found, text, quotes, { start: from, end: to }, { source, cue });
        usedVerbs.push(token.start);
        continue;
      }
      if (start !== null) continue;
      // "donations, which he said were returned", "code he said exploits the flaw": the verb of saying
      // sits inside a relative clause, and what it reports is the predicate that follows it.
      const predicate = relativePredicate(text, tokens, i, lo, source, cue, lexicon);
      if (predicate) {
        addClause(
          found,
          text,
          quotes,
          { start: predicate.from, end: clauseEnd(text, predicate.predicate, sentenceEnd, lexicon, quotes) },
          { source, cue },
        );
        usedVerbs.push(token.start);
        continue;
      }
      // "…, X said (in an interview)." and "…, as X has said." — the clause is what comes before the source.
      let comma = commaBefore(text, sentence, source.start);
      // "as X has said", "as Mr. X noted", "as Senator X put it": titles may stand between "as" and the name.
      const asBefore = AS_BEFORE_SOURCE.exec(text.slice(Math.max(sentence.start, source.start - 50), source.start));
      if (comma < 0 && asBefore) comma = source.start - asBefore[0].length + asBefore[0].indexOf(",");
      if (comma < 0) continue;
      // "…, a man who said and did the same things": a relative clause's verb closes no claim before it;
      // "…, Trump will insist on being Trump": nor does a modal's.
      if (/\bwho\b/u.test(text.slice(source.end, cue.start)) || MODAL_IN_CUE.test(text.slice(cue.start, token.start)))
        continue;
      // "Deeply divided, leaders found little unity": a verb with its own object reports nothing before it.
      if (objectFollows(text, tokens, i, cue, lexicon)) continue;
      const clauseStart = sentence.start;
      // "A, B are insisting that C, a source said.": a closing attribution takes the whole sentence even
      // when a claim is reported inside it, unless a claim already opens the sentence ("A, X said, Y reported.").
      if (
        anyWithin(usedVerbs, clauseStart, comma) &&
        (!/^[\s.!?"”’]*$/u.test(text.slice(cue.end, sentence.end)) ||
          EVIDENCE_VERBS.has(cue.info.lemma) ||
          opensWithClaim(text, found, clauseStart))
      )
        continue;
      // "The truth, the senator said then, was …", "The difference, he told me on Friday, is …": time
      // words, a hearer and a short phrase may close the aside.
      const restFrom = asideEnd(text, tokens, i, cue, lexicon);
      const rest = text.slice(restFrom, sentenceEnd);
      // "Asked about it, X said, “…”": the attribution introduces a direct quote, which the quote
      // detector reports; the words before it are not a claim.
      if (/^\s*[,:]\s*["“„«'‘]/u.test(rest)) continue;
      // "…, X said, and be willing to …": after a conjunction the claim goes on only with a subject of its own.
      const conjoined = /^\s*,\s*(?:and|but)\s/u.test(rest);
      const parenthetical =
        /^\s*,\s*\S/u.test(rest) &&
        (restFrom === cue.end || !AFTER_ASIDE_BREAKS.test(rest)) &&
        !tailIsAttribution(text, restFrom, sentenceEnd, lexicon) &&
        (!conjoined || continuationAfter(text, restFrom, sentenceEnd, lexicon) >= 0);
      if (parenthetical) {
        // "Back in Virginia, Mr. Clarke said, he decided …": the attribution interrupts the claim.
        const after = restFrom + (rest.indexOf(",") + 1);
        addClause(
          found,
          text,
          quotes,
          { start: clauseStart, end: clauseEnd(text, after, sentenceEnd, lexicon, quotes) },
          { source, cue },
        );
      } else if (!isAdverbial(text, clauseStart, comma, lexicon)) {
        // "Prices rose, the ministry said in a statement, and wages fell.": the claim goes on after it.
        const more = continuationAfter(text, cue.end, sentenceEnd, lexicon);
        const to = more >= 0 ? clauseEnd(text, more, sentenceEnd, lexicon, quotes) : comma;
        addClause(found, text, quotes, { start: clauseStart, end: to }, { source, cue });
      }
      usedVerbs.push(token.start);
      continue;
    }
    // Inverted: "…, said the minister."
    const comma = commaBefore(text, sentence, cue.start);
    // "…, a déclaré le ministre": an auxiliary may open the inverted cue.
    const auxiliaryOnly = cue.start === token.start || INVERTING_AUXILIARY.test(text.slice(cue.start, token.start));
    if (comma >= 0 && auxiliaryOnly && !lexicon.nounLike.has(token.lower)) {
      // "…, a déclaré jeudi le ministre": time words may come before the inverted subject too.
      let subjectFrom = i + 1;
      while (subjectFrom < tokens.length && subjectFrom < i + 4 && isTimeWordAt(tokens, subjectFrom)) subjectFrom++;
      const from = subjectFrom > i + 1 ? (tokens[subjectFrom - 1] as Token).end : cue.end;
      const inverted = withoutTimeWords(text, subjectAfter(text, from, end, lexicon));
      // "…, said Jeffrey Trimble, a senior official with the board." — an appositive may follow.
      const rest = inverted ? text.slice(inverted.end, sentenceEnd) : "";
      const appositive =
        /^\s*,\s*(?:a|an|the|who|one|head|chief|president|director|qui)\b/u.test(rest) ||
        lexicon.determiners.has(/^\s*,\s*(\p{L}+)/u.exec(rest)?.[1]?.toLowerCase() ?? "");
      if (inverted && isPlausibleSource(text, inverted, lexicon) && (!/,\s*\S/u.test(rest) || appositive)) {
        const clauseStart = sentence.start;
        if (anyWithin(usedVerbs, clauseStart, comma)) continue;
        if (isAdverbial(text, clauseStart, comma, lexicon)) continue;
        addClause(found, text, quotes, { start: clauseStart, end: comma }, { source: inverted, cue });
        usedVerbs.push(token.start);
      }
    }
  }
  return withoutNested(found);
}

/**
 * The clauses that no other clause of the sentence contains: "X noted that Y had said that Z" is
 * X's claim, Y's words a part of it, as a reader (and LABELING.md's one clause) takes it.
 */
function withoutNested(found: ReportedClause[]): ReportedClause[] {
  if (found.length < 2) return found;
  return found.filter(
    (c) => !found.some((f) => f !== c && f.start <= c.start && c.end <= f.end && f.end - f.start > c.end - c.start),
  );
}

/**
 * Whether the words before a comma are an introductory phrase rather than a clause ("In a
 * statement,", "Speaking to students,", "If they failed,"): a single phrase opened by a
 * preposition, a subordinator or a participle.
 */
function isAdverbial(text: string, start: number, end: number, lexicon: Lexicon): boolean {
  let tokens = tokenize(text, start, end);
  while (tokens.length > 0 && lexicon.connectives.has((tokens[0] as Token).lower)) {
    const first = tokens[0] as Token;
    const comma = /^\s*,/u.test(text.slice(first.end, first.end + 2));
    tokens = tokens.slice(1);
    if (comma) start = first.end + 1;
  }
  const first = tokens[0];
  if (!first) return true;
  if (text.slice(first.start, end).includes(",")) return false;
  return (
    lexicon.prepositions.has(first.lower) ||
    /^(?:if|when|whenever|while|although|though|because|since|unless|until|once|as|after|before)$/u.test(first.lower) ||
    // "Rising seas could affect …" is a clause: a participle phrase has no finite verb of its own.
    (LONG_GERUND.test(first.lower) && !tokens.some((token) => AUXILIARY_WORDS.has(token.lower))) ||
    tokens.length < 3
  );
}

/** What may follow an attribution's closing phrase without going on with the claim: ", as they …", ", adding …". */
const AFTER_ASIDE_BREAKS =
  /^\s*,\s*(?:as|while|because|after|before|when|though|although|which|who|even|\p{Ll}+ing)\b/u;

/**
 * Where the words that close an attribution end, before a comma: time words, a hearer ("told me
 * on Friday") or a short phrase opened by a preposition, at most five words with no punctuation.
 * The cue's end when no such words come before a comma.
 */
function asideEnd(text: string, tokens: Token[], verb: number, cue: CueMatch, lexicon: Lexicon): number {
  let end = cue.end;
  let k = verb + 1;
  while (k < tokens.length && (tokens[k] as Token).start < cue.end) k++;
  for (let n = 0; k < tokens.length && n < 5; k++, n++) {
    const token = tokens[k] as Token;
    if (!/^\s+$/u.test(text.slice(end, token.start))) break;
    const fits =
      isTimeWordAt(tokens, k) ||
      lexicon.prepositions.has(token.lower) ||
      (n > 0 && (startsUpper(token.text) || lexicon.determiners.has(token.lower) || startsDigit(token.text))) ||
      (cue.info.hearer && n === 0 && (HEARERS.has(token.lower) || startsUpper(token.text)));
    if (!fits) break;
    end = token.end;
  }
  return /^\s*,/u.test(text.slice(end, end + 3)) ? end : cue.end;
}

/** A modal before a verb of saying ("will insist", "could add"): a prediction, not an attribution. */
const MODAL_IN_CUE = /\b(?:will|would|can|could|may|might|must|should|shall)\b/u;

/** Subordinators that open a sentence with a clause of their own before its main clause. */
const SUBORDINATE_OPENERS = new Set(
  "while although though when whenever after before since because if once unless until whereas".split(" "),
);

/**
 * Whether the sentence opens with a subordinator whose clause holds the cue at `cueStart`: "While
 * his aides have suggested …, Mr. Obama is …" (no comma between the subordinator and the cue).
 */
function opensSubordinate(text: string, tokens: Token[], cueStart: number): boolean {
  const first = tokens[0];
  if (!first || !SUBORDINATE_OPENERS.has(first.lower) || first.start >= cueStart) return false;
  return indexIn(text, ",", first.end, cueStart) < 0;
}

/** Whether one of the claims found starts at the sentence's first word. */
function opensWithClaim(text: string, found: ReportedClause[], start: number): boolean {
  let first = start;
  while (first < text.length && /[\s"“]/u.test(text[first] as string)) first++;
  return found.some((f) => f.start <= first);
}

/** Subordinators whose clause sets the condition of what is said ("When she hires, she said she …"). */
const CONDITION_OPENERS = new Set("if when whenever though although because unless once until".split(" "));

/**
 * Whether the words before a comma are a subordinate clause that belongs to the claim after it:
 * "When she is looking to fill a position, she said she ensures …", "If elected, he said he would
 * …" — opened by a subordinator and holding a finite verb or a participle of its own, and no verb
 * of saying (that would be an attribution of its own: "When he said that, …").
 */
function isConditionClause(text: string, start: number, end: number, lexicon: Lexicon): boolean {
  const tokens = tokenize(text, start, end);
  const first = tokens[0];
  if (!first || !CONDITION_OPENERS.has(first.lower) || tokens.length < 2 || tokens.length > 25) return false;
  if (text.slice(first.end, end).includes(",")) return false;
  for (let k = 1; k < tokens.length; k++)
    if (verbAt(tokens, k, lexicon) || lexicon.stances.has((tokens[k] as Token).lower)) return false;
  // "If elected, …": a reduced clause. "When he bought the mine, …" tells when, in the past: not a condition.
  if (tokens.length === 2 && PAST_ED.test((tokens[1] as Token).text)) return true;
  if (
    tokens.some(
      (t, k) => k > 1 && (PAST_ED.test(t.text) || PAST_AUXILIARIES.has(t.lower) || IRREGULAR_PAST.has(t.lower)),
    )
  )
    return false;
  return tokens.some((t, k) => k > 0 && (AUXILIARY_WORDS.has(t.lower) || SUBJECT_PRONOUNS.has(t.lower)));
}

/** Auxiliaries of the past, which date the clause rather than set a condition. */
const PAST_AUXILIARIES = new Set("was were had did".split(" "));

/** Whether the text after a cue is only another attribution (", the channel reported") or setting. */
function tailIsAttribution(text: string, from: number, to: number, lexicon: Lexicon): boolean {
  const comma = indexIn(text, ",", from, to);
  if (comma < 0) return true;
  const tail = tokenize(text, comma + 1, to);
  for (let i = 0; i < tail.length && i < 14; i++) {
    if (!verbAt(tail, i, lexicon)) continue;
    const source = subjectBefore(text, comma + 1, (tail[i] as Token).start, lexicon);
    return source !== null && /^[\s,]*$/u.test(text.slice(comma + 1, source.start));
  }
  return accordingToAt(tail, 0, lexicon) > 0;
}

/** Roles of blocks that a colon never hands the floor to: furniture and headings. */
const NOT_INTRODUCED = new Set<BlockRole>(["heading", "caption", "byline", "links", "aside", "table-cell"]);

/**
 * The attribution that ends a sentence with a colon and hands the floor to the next block: "The
 * governor added:", "The report said in its summary:", "said the mayor:". Null when the sentence
 * has a clause of its own after the verb ("X said that the plan has three parts:").
 */
function colonAttribution(text: string, sentence: Range, colon: number, lexicon: Lexicon): Attribution | null {
  const tokens = tokenize(text, Math.max(sentence.start, colon - 400), colon);
  for (let i = tokens.length - 1; i >= 0 && i >= tokens.length - 8; i--) {
    const info = verbAt(tokens, i, lexicon);
    if (!info?.claims) continue;
    const cue = cueAround(text, tokens, i, info, lexicon);
    if (cue.end > cue.verb.end && !/^\s*out$/u.test(text.slice(cue.verb.end, cue.end))) return null;
    // Between the verb and the colon: nothing, a phrase ("in a statement", "on Monday") or a hearer.
    const next = tokens[i + 1];
    if (next && !lexicon.prepositions.has(next.lower) && !isTimeWordAt(tokens, i + 1) && !info.hearer) {
      const inverted = cue.start === (tokens[i] as Token).start ? subjectAfter(text, cue.end, colon, lexicon) : null;
      return inverted && isPlausibleSource(text, inverted, lexicon) ? { source: inverted, cue } : null;
    }
    const source = subjectBefore(text, sentence.start, cue.start, lexicon);
    return source && isPlausibleSource(text, source, lexicon) ? { source, cue } : null;
  }
  return null;
}

/**
 * Claims in the block that a sentence ending with a colon introduces: "The governor added:" and
 * then a paragraph of his words without quotation marks, or a list of points, one claim per item.
 * `sentence` is the last sentence of block `next - 1`. A block opening with a quotation mark is
 * left to the quotation detector.
 */
export function introducedBlocks(
  text: string,
  sentence: Range,
  blocks: readonly Range[],
  roles: readonly (BlockRole | undefined)[],
  next: number,
  lexicon: Lexicon,
): { clause: ReportedClause; block: number }[] {
  const end = trimColonEnd(text, sentence);
  if (end < 0) return [];
  const first = blocks[next];
  if (!first || NOT_INTRODUCED.has(roles[next] as BlockRole)) return [];
  const attribution = colonAttribution(text, sentence, end, lexicon);
  if (!attribution) return [];
  const found: { clause: ReportedClause; block: number }[] = [];
  // A list goes on over its items; a paragraph is one block.
  const last = roles[next] === "list-item" ? Math.min(blocks.length - 1, next + 11) : next;
  for (let b = next; b <= last; b++) {
    if (b > next && roles[b] !== "list-item") break;
    const block = blocks[b] as Range;
    let start = block.start;
    while (start < block.end && isSpaceCode(text.charCodeAt(start))) start++;
    if (start >= block.end || isQuoteChar(text[start]) || text[start] === "'" || text[start] === "‘") break;
    const clauses: ReportedClause[] = [];
    addClause(clauses, text, [], { start, end: block.end }, attribution);
    for (const clause of clauses) found.push({ clause, block: b });
  }
  return found;
}

/** The offset of the colon that ends a sentence (spaces after it allowed), or -1. */
function trimColonEnd(text: string, sentence: Range): number {
  let e = sentence.end;
  while (e > sentence.start && isSpaceCode(text.charCodeAt(e - 1))) e--;
  return e > sentence.start && text[e - 1] === ":" ? e - 1 : -1;
}

/** A speaker's label opening a block of a transcript: "WALLACE:", "SEN. HARRIS:", up to three words in capitals. */
const SPEAKER_LABEL = /^(\p{Lu}[\p{Lu}'’.-]+(?:\s+\p{Lu}[\p{Lu}'’.-]+){0,2}):\s+(?=\S*\p{Ll})/u;

/**
 * Transcripts: blocks that open with a speaker's label in capitals and a colon ("WALLACE: Let's
 * start …", "PENCE: Well, …") are that speaker's words, one claim per block. Only in a dialogue:
 * three or more labelled blocks in a row, under two labels or more, one of them repeated. A
 * dateline ("ISLAMABAD: …") or a furniture label ("UPDATE: …") makes no such run.
 */
export function transcriptBlocks(
  text: string,
  blocks: readonly Range[],
  roles: readonly (BlockRole | undefined)[],
): { clause: ReportedClause; block: number }[] {
  const found: { clause: ReportedClause; block: number }[] = [];
  let run: { block: number; label: Range; name: string; start: number }[] = [];
  const flush = () => {
    const names = new Set(run.map((r) => r.name));
    if (run.length >= 3 && names.size >= 2 && names.size < run.length) {
      for (const { block, label, start } of run) {
        const clauses: ReportedClause[] = [];
        addClause(
          clauses,
          text,
          [],
          { start, end: (blocks[block] as Range).end },
          { source: { ...label, head: label }, cue: null },
        );
        for (const clause of clauses) found.push({ clause, block });
      }
    }
    run = [];
  };
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b] as Range;
    let start = block.start;
    while (start < block.end && isSpaceCode(text.charCodeAt(start))) start++;
    const match = NOT_INTRODUCED.has(roles[b] as BlockRole)
      ? null
      : SPEAKER_LABEL.exec(text.slice(start, Math.min(block.end, start + 60)));
    if (!match) {
      flush();
      continue;
    }
    const name = match[1] as string;
    run.push({ block: b, label: { start, end: start + name.length }, name, start: start + match[0].length });
  }
  flush();
  return found;
}
