import { indexIn, isSpaceAt, lastIndexIn, startsDigit, startsLower, startsUpper, startsUpperOrDigit } from "./chars";
import { CALENDAR_WORD, type Lexicon, mayBeCue, NOT_NAMES, ORGANISATION_WORDS, TITLES, type VerbInfo } from "./lexicon";
import type { Mentions } from "./mentions";
import { capitalisedRuns, isSentenceAdverb, parseName } from "./names";
import type { Range } from "./sentences";
import { DOCUMENT_NOUNS, documentAuthor } from "./speaker-documents";
import { judgingVerbAt } from "./speaker-judging";
import { type Token, tokenize } from "./words";

/** A source as written: the noun phrase before or after a reporting verb, and its head segment. */
export interface SourcePhrase {
  start: number;
  end: number;
  /** The part that names the source: the name of "the head of X, General Y", or the whole phrase. */
  head: Range;
}

/** A reporting verb with what belongs to it ("further mentioned that", "told reporters"). */
export interface CueMatch {
  /** The verb token. */
  verb: Token;
  info: VerbInfo;
  /** The cue as reported: modifiers, verb, particle and complementiser. */
  start: number;
  end: number;
}

/** An attribution found for a quotation or claim, before its source is resolved to a name. */
export interface Attribution {
  source: SourcePhrase | null;
  cue: CueMatch | null;
  /** Set when the source is the speaker of an earlier attribution in the sentence ("..., adding that"). */
  sameAsPrevious?: boolean;
  /** The sentence's subject, for a participle or coordinated verb with no earlier attribution. */
  fallback?: SourcePhrase | null;
}

/** A resolved source. */
export interface Speaker {
  name: string | null;
  plural: boolean;
  person: boolean;
  /** How the source was written: a name, a pronoun, a description. */
  form: "name" | "pronoun" | "description" | "organisation";
  pronoun?: string;
}

const AUXILIARIES = new Set(
  "is are was were be been being am has have had will would can could should shall may might must do does did 's 're".split(
    " ",
  ),
);
const SUBORDINATORS = new Set(
  "that which who whom whose what how why when where while because if although though after before since until unless than whether whereas once".split(
    " ",
  ),
);
/** Words that cannot make up a source on their own, nor open one in lower case. */
const FUNCTION_WORDS = new Set(
  "to and but or nor of in on at for with by from as than so yet my your our me us him them it its not no".split(" "),
);
const TIME_NOUNS = new Set(
  "week month year weekend night morning afternoon evening monday tuesday wednesday thursday friday saturday sunday today yesterday".split(
    " ",
  ),
);
/** Words that open a time adverbial after a subject ("this week", "on Monday"). */
const TIME_OPENERS = new Set("this last next on earlier late".split(" "));
/** Coordinating conjunctions that may open what precedes a subject. */
const COORDINATORS = new Set("and but or nor".split(" "));
/** Relative pronouns that open a relative clause in a description. */
const RELATIVES = new Set("that who which whose".split(" "));
/** Conjunctions that join two sources into one ("Smith and Jones"), in the supported languages. */
const SOURCE_CONJUNCTIONS = new Set("and und et y e a".split(" "));
/** Definite articles before a name make it an institution's ("the Commission", "le Monde"). */
const DEFINITE_ARTICLES = new Set("the le la les el los las der die das o a os as".split(" "));
/** Adverbs that betray a clause rather than a source phrase ("it then", "he just"). */
const CLAUSE_ADVERBS = new Set("then so just really not never also".split(" "));
/** Whether a word ends in an English contraction ("didn't", "they're"), which betrays a clause rather than a noun phrase. */
const isContracted = (word: string): boolean =>
  word.endsWith("n't") ||
  word.endsWith("'re") ||
  word.endsWith("'m") ||
  word.endsWith("'ve") ||
  word.endsWith("'ll") ||
  word.endsWith("'d");

/** Verbs of saying as a headline in title case writes them, after a capitalised subject. */
export const HEADLINE_VERBS = new Set(["Says", "Said", "Warns", "Claims", "Tells", "Insists", "Admits", "Denies"]);

/** Plural nouns for people who inform ("sources", "insiders"), besides the plural role nouns. */
const SOURCE_PLURALS = new Set(
  "sources insiders officials people experts analysts observers critics witnesses investigators researchers residents".split(
    " ",
  ),
);

/** Whether a phrase is headed by a plural of people, maybe qualified ("Officials at the Harbor Office"). */
function isBarePluralHead(text: string, range: Range, lexicon: Lexicon): boolean {
  const tokens = tokenize(text, range.start, range.end);
  const stop = tokens.findIndex((t, k) => k > 0 && lexicon.prepositions.has(t.lower));
  const head = stop > 0 ? tokens.slice(0, stop) : tokens;
  const last = head[head.length - 1];
  if (!last || head.length > 4) return false;
  const lower = last.lower;
  return SOURCE_PLURALS.has(lower) || (lower.endsWith("s") && ROLE_NOUNS.has(lower.slice(0, -1)));
}

/** Whether lower-case words end in a plural of people ("show insiders", "senior officials"), with no verb among them. */
function isBarePluralSource(tokens: Token[]): boolean {
  const last = tokens[tokens.length - 1] as Token;
  if (!tokens.every((t) => /^\p{Ll}[\p{Ll}-]*$/u.test(t.text))) return false;
  return SOURCE_PLURALS.has(last.lower) || (last.lower.endsWith("s") && ROLE_NOUNS.has(last.lower.slice(0, -1)));
}

/** Nouns for a person's role, which a definite description uses to point back to someone named before. */
const ROLE_NOUNS = new Set(
  (
    "nominee candidate businessman businesswoman billionaire mogul lawmaker legislator politician congressman congresswoman senator " +
    "governor president minister chancellor premier mayor leader chairman chairwoman spokesman spokeswoman secretary ambassador general " +
    "lawyer attorney professor economist analyst expert scientist researcher doctor physician official adviser advisor aide strategist " +
    "consultant founder cofounder co-founder director editor writer author reporter journalist historian activist organizer pastor " +
    "priest member executive veteran resident student teacher mother father daughter son wife husband friend neighbor owner " +
    "manager partner commander officer judge prosecutor spokesperson representative delegate head chief"
  ).split(" "),
);

// Word shapes, compiled once here: a `\p{…}` pattern written inside a function is rebuilt on every call
// once esbuild has lowered it to `new RegExp`, as it does for an engine target (tsx; browser builds).
/** A past form ("claimed"). */
const PAST_FORM = /\p{L}{3,}ed$/u;
/** A verb form: past or participle ("quadrupled", "denouncing"). */
const VERB_FORM = /\p{L}{3,}(?:ed|ing)$/u;
/** A past or third-person form ("warned", "pushes"). */
const VERB_ENDING = /\p{L}{2,}(?:ed|es)$/u;
/** A third-person form ("says"). */
const THIRD_PERSON = /\p{L}{3,}s$/u;
/** An adverb in -ly ("repeatedly"). */
const LY_ADVERB = /^\p{Ll}{3,}ly$/u;
/** Party and state ("R-Ky."), an age ("45") or a state ("Md.") set off by commas at the end. */
const AFFILIATION = /,\s*(?:\p{Lu}-[\p{L}.]{1,12}|\p{N}{1,3}|\p{Lu}\p{Ll}{1,4}\.)\s*,?\s*$/u;
/** A hometown set off by commas at the end ("of Baltimore,"). */
const HOMETOWN = /,\s*of\s+\p{Lu}[\p{L}'’ -]{0,40},?\s*$/u;
/** An initial or short abbreviation at the end ("G.K", "Rep"). */
const ENDS_WITH_INITIAL = /(?:^|[\s.])\p{Lu}\p{Ll}{0,3}$/u;

/** Adverbs that can stand between a subject and its verb, never a subject themselves. */
const ADVERBS = new Set(
  "long never always ever since once first initially finally yet still also even overall now then here there only just later earlier again".split(
    " ",
  ),
);

/** Words that betray a clause rather than a lower-case noun phrase ("to change my"). */
const CLAUSE_WORDS = new Set("my your our me us him them it not so yet".split(" "));
const QUANTIFIER_SUBJECTS =
  /^(?:\p{N}+|some|many|most|several|few|both|all|each|one|two|three|four|five|another|other|no)$/u;

const lowerInitial = (token: Token): boolean => startsLower(token.text);
const capitalInitial = (token: Token): boolean => startsUpperOrDigit(token.text);

/** The reporting verb at token `i`, if it is one here (lower case; "point" only with "out"). */
export function verbAt(tokens: Token[], i: number, lexicon: Lexicon): VerbInfo | null {
  const token = tokens[i];
  // First letter, length and case rule out most words before the look-up, which runs on every word of the text.
  if (!token || !mayBeCue(lexicon, token.lower)) return null;
  // A headline capitalises its verb: "Lindsey Graham Says", "Obama Says African-American Museum Will …".
  if (!lowerInitial(token) && !(HEADLINE_VERBS.has(token.text) && i > 0 && capitalInitial(tokens[i - 1] as Token)))
    return null;
  const info = lexicon.verbs.get(token.lower);
  if (!info) return null;
  if (info.lemma === "point" && tokens[i + 1]?.lower !== "out") return null;
  // "as Rosenthal put it, “…”", "“…,” as a memo put it.": "put" says only in "put it" closing its clause.
  if (info.lemma === "put") {
    const it = tokens[i + 1];
    const next = tokens[i + 2];
    if (it?.lower !== "it" || (next && /^\p{L}/u.test(next.text) && next.start - it.end <= 1)) return null;
  }
  return info;
}

/** Whether a token can open a noun phrase that names a source. */
function opensPhrase(token: Token, lexicon: Lexicon): boolean {
  return (
    capitalInitial(token) ||
    lexicon.determiners.has(token.lower) ||
    lexicon.pronouns.has(token.lower) ||
    QUANTIFIER_SUBJECTS.test(token.lower)
  );
}

/**
 * Trims a stretch of text to the noun phrase it ends with: drops sentence connectives, an opening
 * adverbial ("By late 2019", "In February"), and anything up to a subordinator or auxiliary.
 */
function phraseAtEnd(text: string, start: number, end: number, lexicon: Lexicon, maxWords: number): Range | null {
  let tokens = tokenize(text, start, end);
  if (tokens.length === 0) return null;
  // Cut after the last subordinator, auxiliary or verb: what follows it is the subject.
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i] as Token;
    if (!lowerInitial(token)) continue;
    const next = tokens[i + 1];
    const verbLike =
      SUBORDINATORS.has(token.lower) ||
      AUXILIARIES.has(token.lower) ||
      lexicon.verbs.has(token.lower) ||
      (token.lower.endsWith("ed") &&
        PAST_FORM.test(token.lower) &&
        next !== undefined &&
        lexicon.pronouns.has(next.lower));
    // "the report", "a statement": a verb form right after a determiner is a noun, the head of the subject.
    const previous = tokens[i - 1];
    if (verbLike && previous && lexicon.determiners.has(previous.lower) && !SUBORDINATORS.has(token.lower)) continue;
    // "a 2019 report by the agency", "a report released last year": a form that is also a noun, before
    // "by", "of" or a participle, heads the subject too.
    if (
      verbLike &&
      lexicon.nounLike.has(token.lower) &&
      next &&
      (/^(?:by|of|from|on)$/u.test(next.lower) || (lowerInitial(next) && PAST_FORM.test(next.lower)))
    )
      continue;
    if (verbLike) {
      tokens = tokens.slice(i + 1);
      break;
    }
  }
  while (tokens.length > 0 && lexicon.connectives.has((tokens[0] as Token).lower) && tokens.length > 1)
    tokens = tokens.slice(1);
  // "When Clinton noted that …", "Though she called …": a subordinator opening the sentence before
  // its subject (a name, a pronoun, a determiner) is not part of it.
  if (
    tokens.length > 1 &&
    SUBORDINATORS.has((tokens[0] as Token).lower) &&
    capitalInitial(tokens[0] as Token) &&
    opensPhrase(tokens[1] as Token, lexicon)
  )
    tokens = tokens.slice(1);
  // "The senators all suggested", "They both said": a floating quantifier after the subject is not part of it.
  if (tokens.length > 1 && /^(?:all|both|each)$/u.test((tokens[tokens.length - 1] as Token).lower))
    tokens = tokens.slice(0, -1);
  const first = tokens[0];
  if (first && lexicon.prepositions.has(first.lower) && !lexicon.pronouns.has(first.lower)) {
    // An opening adverbial: the subject starts at the first phrase opener not right after the preposition.
    let k = 2;
    while (k < tokens.length && !opensPhrase(tokens[k] as Token, lexicon)) k++;
    tokens = tokens.slice(k);
  }
  while (
    tokens.length > 1 &&
    (COORDINATORS.has((tokens[0] as Token).lower) || lexicon.connectives.has((tokens[0] as Token).lower))
  )
    tokens = tokens.slice(1);
  // Lower-case words before a later opener are the tail of a clause ("inconclusive and Smith").
  if (tokens.length > 1 && !opensPhrase(tokens[0] as Token, lexicon)) {
    const opener = tokens.findIndex(
      (t, i) => i > 0 && (capitalInitial(t) || lexicon.determiners.has(t.lower) || lexicon.pronouns.has(t.lower)),
    );
    if (opener > 0 && tokens.slice(0, opener).some((t) => t.lower === "and" || t.lower === "but" || t.lower === "or"))
      tokens = tokens.slice(opener);
  }
  // "Trump this week", "the senator on Monday": a time adverbial after the subject is not part of it.
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (TIME_OPENERS.has(t.lower) && TIME_NOUNS.has(tokens[i + 1]?.lower ?? "") && i + 2 >= tokens.length) {
      tokens = tokens.slice(0, i);
      break;
    }
    if (
      TIME_NOUNS.has(t.lower) &&
      i === tokens.length - 1 &&
      startsUpper((tokens[i - 1] as Token).text) &&
      t.lower.endsWith("day")
    ) {
      tokens = tokens.slice(0, i);
      break;
    }
  }
  // "A few days ago in an interview he blasted …": a personal pronoun takes no modifiers, so one
  // ending the stretch is the subject on its own.
  const final = tokens[tokens.length - 1];
  if (final && tokens.length > 1 && lowerInitial(final) && lexicon.pronouns.has(final.lower)) tokens = [final];
  if (tokens.length === 0 || tokens.length > maxWords) return null;
  const firstToken = tokens[0] as Token;
  const lastToken = tokens[tokens.length - 1] as Token;
  if (!opensPhrase(firstToken, lexicon)) {
    // "officials", "police officers", "panel Chairman Rep. Jason Chaffetz"; not "to change my".
    if (tokens.some((t) => CLAUSE_WORDS.has(t.lower))) return null;
    // "advisers to Mr. Obama" is a phrase; "to change my" is not.
    if (
      tokens.some(
        (t, k) =>
          t.lower === "to" &&
          tokens[k + 1] &&
          lowerInitial(tokens[k + 1] as Token) &&
          !lexicon.determiners.has((tokens[k + 1] as Token).lower),
      )
    )
      return null;
    // "elected officials from both parties": a plural of people heads the phrase, whatever its length.
    if (
      tokens.length > 3 &&
      !capitalInitial(lastToken) &&
      !isBarePluralHead(text, { start: firstToken.start, end: lastToken.end }, lexicon)
    )
      return null;
  }
  if (tokens.every((t) => FUNCTION_WORDS.has(t.lower) || lexicon.connectives.has(t.lower))) return null;
  if (
    tokens.length === 1 &&
    lowerInitial(firstToken) &&
    (ADVERBS.has(firstToken.lower) || firstToken.lower.endsWith("ly"))
  )
    return null;
  return { start: firstToken.start, end: lastToken.end };
}

/** Whether a range is a capitalised name (with titles and initials), nothing else. */
function isNamePhrase(text: string, range: Range): boolean {
  const open = indexIn(text, "(", range.start, range.end);
  const end = open >= 0 ? open : range.end;
  const tokens = tokenize(text, range.start, end);
  if (tokens.length === 0 || tokens.length > 8) return false;
  const runs = capitalisedRuns(tokens, text);
  return runs.length === 1 && (runs[0] as Token[]).length === tokens.length;
}

/** A word for a person's role ("lawyer", "officials", "secretary"). */
const isRole = (w: string): boolean => ROLE_NOUNS.has(w) || TITLES.has(w) || ROLE_NOUNS.has(w.replace(/s$/u, ""));

/** Whether a range is a short description ("the chief executive of X", "a lawyer at Y", "head of Z"). */
function isDescription(text: string, range: Range, lexicon: Lexicon): boolean {
  const tokens = tokenize(text, range.start, range.end);
  if (tokens.length === 0 || tokens.length > 12) return false;
  if (tokens.some((t) => lowerInitial(t) && (AUXILIARIES.has(t.lower) || SUBORDINATORS.has(t.lower)))) return false;
  const first = tokens[0] as Token;
  // A person's description names a role: "the head of X", "a lawyer at Y" — not "the museum".
  if (!tokens.some((t) => isRole(t.lower))) return false;
  // "Acme's chief executive": a possessive opens a description too.
  const possessive = tokens.length > 1 && /['’]s$/u.test(first.text);
  return possessive || lexicon.determiners.has(first.lower) || ROLE_NOUNS.has(first.lower) || TITLES.has(first.lower);
}

/** Punctuation that ends a segment of a subject, besides the comma: ; : brackets, quotation marks, dashes. */
const SEGMENT_BREAKS = new Set(Array.from(';:()[]{}"“”„«»「」—–', (ch) => ch.charCodeAt(0)));

/** ", many of whom", ", some of which": a share of the people or things before the comma. */
const PARTITIVE_RELATIVE =
  /,\s*(?:many|some|most|all|several|both|each|none|few|one|two|three|half|dozens|hundreds)\s+of\s+(?:whom|which)\s*$/u;
/** A relative "who" with no comma before it ("economists who argue"). */
const BARE_WHO = /[^\s,]\s+who\s*$/u;
/** Pronouns that name no one in particular. */
const INDEFINITE_PRONOUN = /^(?:any|every|no|some)(?:body|one)$|^(?:those|anyone else)$/iu;

/** Whether the words in [start, end) are only conjunctions and subordinators ("And", "But when"). */
function onlyLinkWords(text: string, start: number, end: number, lexicon: Lexicon): boolean {
  for (const token of tokenize(text, start, end))
    if (!lexicon.connectives.has(token.lower) && !SUBORDINATORS.has(token.lower)) return false;
  return true;
}

/** Where the previous comma-separated segment starts, scanning back from `end` but not past `lo`. */
function segmentStart(text: string, lo: number, end: number): { start: number; comma: boolean } {
  for (let i = end - 1; i >= lo; i--) {
    const code = text.charCodeAt(i);
    if (code === 0x2c) return { start: i + 1, comma: true };
    // A short parenthesis belongs to the segment: "Rep. Gregory W. Meeks (D-N.Y.)".
    if (code === 0x29) {
      const open = lastIndexIn(text, "(", Math.max(lo, i - 29), i + 1);
      if (open >= 0 && !text.slice(open, i).includes(",")) {
        i = open;
        continue;
      }
    }
    if (SEGMENT_BREAKS.has(code) || (code === 0x2d && isSpaceAt(text, i - 1) && isSpaceAt(text, i + 1)))
      return { start: i + 1, comma: false };
  }
  return { start: lo, comma: false };
}

/**
 * "some economists who argue that …": the noun phrase right before a relative "who" with no comma,
 * as the source of the verb after it, or null. Only where something precedes the phrase (a verb,
 * a preposition): opening the sentence it is a subject whose own verb comes after the claim
 * ("People who said so were fined"). Indefinite pronouns ("anybody who complains") are no one.
 */
export function relativeAntecedent(text: string, lo: number, end: number, lexicon: Lexicon): SourcePhrase | null {
  let stop = end;
  while (stop > lo && isSpaceAt(text, stop - 1)) stop--;
  const bare = BARE_WHO.exec(text.slice(Math.max(lo, stop - 8), stop));
  if (!bare) return null;
  const before = stop - bare[0].length + 1;
  const segment = segmentStart(text, Math.max(lo, before - 400), before);
  const phrase = phraseAtEnd(text, segment.start, before, lexicon, 6);
  const opener = trimmed(text, segment.start, before);
  if (!phrase || !opener || phrase.start <= opener.start || onlyLinkWords(text, opener.start, phrase.start, lexicon))
    return null;
  if (INDEFINITE_PRONOUN.test(text.slice(phrase.start, phrase.end))) return null;
  return { start: phrase.start, end: phrase.end, head: phrase };
}

/**
 * The subject that ends right before `end` (a reporting verb), within [lo, end): a noun phrase,
 * possibly with an appositive on either side ("the head of the CSTO Joint Staff, Colonel-General
 * Anatoly Sidorov,"). Null when the words before the verb are not a subject.
 */
export function subjectBefore(text: string, lo: number, end: number, lexicon: Lexicon): SourcePhrase | null {
  let stop = end;
  while (stop > lo && isSpaceAt(text, stop - 1)) stop--;
  const floor = Math.max(lo, stop - 400);
  // A comma or bracket right before the verb closes an appositive or a parenthesis ("Chaffetz (R-Utah) said").
  if (text[stop - 1] === ")") {
    const open = lastIndexIn(text, "(", Math.max(floor, stop - 59), stop);
    if (open >= 0) stop = open;
  }
  // Party and state ("R-Ky.") or an age ("45") set off by commas after a name are not the subject.
  // So is a state after a town ("of Baltimore, Md.,").
  for (let k = 0; k < 3; k++) {
    const affiliation =
      AFFILIATION.exec(text.slice(Math.max(floor, stop - 20), stop)) ??
      HOMETOWN.exec(text.slice(Math.max(floor, stop - 60), stop));
    if (!affiliation) break;
    stop -= affiliation[0].length;
  }
  // "…, Stevie Wonder, who joked": a relative pronoun stands for the name before it.
  // "…, many of whom say": a share of the people before the comma speaks for them.
  const relative =
    /,\s*(?:who|which)\s*$/u.exec(text.slice(Math.max(floor, stop - 12), stop)) ??
    PARTITIVE_RELATIVE.exec(text.slice(Math.max(floor, stop - 40), stop));
  if (relative) {
    const end = stop - relative[0].length;
    const segment = segmentStart(text, floor, end);
    const tokens = tokenize(text, segment.start, end);
    const runs = capitalisedRuns(tokens, text);
    const run = runs[runs.length - 1];
    const lastToken = tokens[tokens.length - 1];
    if (run && lastToken && run[run.length - 1] === lastToken) {
      const range = { start: (run[0] as Token).start, end: lastToken.end };
      return { start: range.start, end: range.end, head: range };
    }
    const phrase = phraseAtEnd(text, segment.start, end, lexicon, 8);
    return phrase ? { start: phrase.start, end: phrase.end, head: phrase } : null;
  }
  let commaClosed = false;
  if (text[stop - 1] === ",") {
    stop--;
    commaClosed = true;
  }
  while (stop > floor && isSpaceAt(text, stop - 1)) stop--;
  if (stop <= floor) return null;
  const last = segmentStart(text, floor, stop);
  if (commaClosed) return setOffSubject(text, floor, last, stop, lexicon);
  const head = phraseAtEnd(text, last.start, stop, lexicon, 12);
  if (!head) return null;
  if (!last.comma) return { start: head.start, end: head.end, head };
  // "the head of the CSTO Joint Staff, Colonel-General Anatoly Sidorov stated": a description before the name.
  const previous = segmentStart(text, floor, last.start - 1);
  const before = phraseAtEnd(text, previous.start, last.start - 1, lexicon, 12);
  const wholeSegment = before !== null && trimmed(text, previous.start, last.start - 1)?.start === before.start;
  if (
    before &&
    wholeSegment &&
    isNamePhrase(text, head) &&
    !isNamePhrase(text, before) &&
    isDescription(text, before, lexicon)
  ) {
    return { start: before.start, end: head.end, head };
  }
  // "Michael Mulgrew, president of the union[, which …] said": the name before its description.
  const segmentIsName =
    before !== null &&
    trimmed(text, previous.start, last.start - 1)?.start === before.start &&
    (tokenize(text, before.start, before.end).length > 1 || previous.comma);
  if (
    before &&
    segmentIsName &&
    isNamePhrase(text, before) &&
    !isNamePhrase(text, head) &&
    looseDescription(text, head, lexicon)
  ) {
    return { start: before.start, end: head.end, head: before };
  }
  return { start: head.start, end: head.end, head };
}

/**
 * A subject set off by commas before its verb: "Name, description, said", "description, Name,
 * said", with a relative clause allowed in the description ("the agency that oversees it").
 */
function setOffSubject(
  text: string,
  floor: number,
  segment: { start: number; comma: boolean },
  stop: number,
  lexicon: Lexicon,
): SourcePhrase | null {
  let last = segment;
  let end = stop;
  let range = trimmed(text, last.start, end);
  let relative = false;
  // ", who represents the department," between the name and the verb.
  if (range && /^(?:who|which|whose)\b/u.test(text.slice(range.start, range.start + 6)) && last.comma) {
    // The subject is what precedes the relative clause, with its own appositives: "Donna Rawlings, 59, of Ashton, Md., who …".
    const before = subjectBefore(text, floor, last.start - 1, lexicon);
    if (before) return before;
    end = last.start - 1;
    last = segmentStart(text, floor, end);
    range = trimmed(text, last.start, end);
    relative = true;
  }
  if (!range) return null;
  if (isNamePhrase(text, range)) {
    const name = relative ? phraseAtEnd(text, last.start, end, lexicon, 8) : null;
    if (name && isNamePhrase(text, name)) return { start: name.start, end: name.end, head: name };
    if (!last.comma) return null; // "Smith, said" without anything before: not a set-off subject.
    const previous = segmentStart(text, floor, last.start - 1);
    const before = phraseAtEnd(text, previous.start, last.start - 1, lexicon, 12);
    if (before && isDescription(text, before, lexicon)) return { start: before.start, end: range.end, head: range };
    // "Senator Dianne Feinstein, Democrat of California, said": the first name is the person.
    if (before && isNamePhrase(text, before)) return { start: before.start, end: range.end, head: before };
    return null;
  }
  if (!last.comma || !looseDescription(text, range, lexicon)) return null;
  // Up to three descriptions may follow the name: "Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said".
  let previous = segmentStart(text, floor, last.start - 1);
  let previousEnd = last.start - 1;
  for (let k = 0; k < 3; k++) {
    const name = phraseAtEnd(text, previous.start, previousEnd, lexicon, 12);
    if (name && isNamePhrase(text, name)) return { start: name.start, end: range.end, head: name };
    const between = trimmed(text, previous.start, previousEnd);
    // "Officials at the Harbor Office, a division of the Port Authority, said": a described source
    // opening the sentence, its apposition after it.
    if (
      k === 0 &&
      name &&
      between &&
      !previous.comma &&
      previous.start === floor &&
      name.start === between.start &&
      isBarePluralHead(text, name, lexicon)
    )
      return { start: name.start, end: range.end, head: name };
    if (!previous.comma || !between || !looseDescription(text, between, lexicon)) return null;
    previousEnd = previous.start - 1;
    previous = segmentStart(text, floor, previousEnd);
  }
  return null;
}

/** A range without the spaces around it, or null when empty. */
function trimmed(text: string, start: number, end: number): Range | null {
  let s = start;
  let e = end;
  while (s < e && isSpaceAt(text, s)) s++;
  while (e > s && isSpaceAt(text, e - 1)) e--;
  return e > s ? { start: s, end: e } : null;
}

/** A description that may carry a relative clause: "the agency that oversees the EB-5 program". */
function looseDescription(text: string, range: Range, lexicon: Lexicon): boolean {
  const tokens = tokenize(text, range.start, range.end);
  if (tokens.length === 0 || tokens.length > 24) return false;
  const first = tokens[0] as Token;
  if (PERSONAL_PRONOUNS.has(withoutClitic(first.lower)) || lexicon.pronouns.has(first.lower)) return false;
  // "Pyongyang's only ally": a possessive opens a description too.
  const possessive = /['’]s$/u.test(first.text) && tokens.length > 1;
  if (
    !possessive &&
    !lexicon.determiners.has(first.lower) &&
    !(lowerInitial(first) && !lexicon.prepositions.has(first.lower)) &&
    !TITLES.has(first.lower)
  )
    return false;
  const relative = tokens.findIndex((t) => RELATIVES.has(t.lower));
  const core = relative > 0 ? tokens.slice(0, relative) : tokens;
  return !core.some((t) => lowerInitial(t) && (AUXILIARIES.has(t.lower) || SUBORDINATORS.has(t.lower)));
}

/** Time words that may stand between an inverted verb and its source, in the supported languages. */
const TIME_BEFORE_SOURCE = new Set(
  (
    "on monday tuesday wednesday thursday friday saturday sunday today yesterday tonight " +
    "lundi mardi mercredi jeudi vendredi samedi dimanche hier aujourd'hui aujourd’hui soir matin " +
    "lunes martes miércoles jueves viernes sábado domingo ayer hoy " +
    "segunda terça quarta quinta sexta sábado domingo ontem hoje"
  ).split(" "),
);

/** The source right after an inverted reporting verb ("said Kevin Barrett, a lawyer at ..."), up to a comma. */
export function subjectAfter(text: string, from: number, hi: number, lexicon: Lexicon): SourcePhrase | null {
  const limit = Math.min(hi, from + 200);
  let end = from;
  while (end < limit && !/[,;:.!?()[\]"“”«»—–]/u.test(text[end] as string)) end++;
  // "Rep. G.K. Butterfield": a full stop inside a name does not end it.
  while (end < limit && text[end] === "." && ENDS_WITH_INITIAL.test(text.slice(Math.max(from, end - 5), end))) {
    end++;
    while (end < limit && !/[,;:.!?()[\]"“”«»—–]/u.test(text[end] as string)) end++;
  }
  let tokens = tokenize(text, from, end);
  // "a déclaré jeudi le ministre", "said on Monday the minister": a time word before the source is not part of it.
  let skip = 0;
  while (skip < tokens.length - 1 && skip < 3 && TIME_BEFORE_SOURCE.has((tokens[skip] as Token).lower)) skip++;
  if (skip > 0) tokens = tokens.slice(skip);
  if (tokens.length === 0) return null;
  // "according to show insiders", "said officials": a bare plural of people in a role; "says president
  // David Weisbrot", "said chief inspector Ana Reis": lower-case titles before a name.
  const titled = tokens.findIndex((t) => !(lowerInitial(t) && (TITLES.has(t.lower) || isRole(t.lower))));
  const titlesBeforeName = titled > 0 && titled < tokens.length && capitalInitial(tokens[titled] as Token);
  if (
    !opensPhrase(tokens[0] as Token, lexicon) &&
    !titlesBeforeName &&
    !(tokens.length <= 4 && isBarePluralSource(tokens))
  )
    return null;
  // "said Smith in a statement": the source ends before a preposition that follows a name.
  const cut = tokens.findIndex(
    (t, i) => i > 0 && lowerInitial(t) && (lexicon.prepositions.has(t.lower) || lexicon.verbs.has(t.lower)),
  );
  if (cut > 0 && capitalInitial(tokens[cut - 1] as Token)) tokens = tokens.slice(0, cut);
  // "according to a student programmer who has published it": the relative clause describes the source.
  const relative = tokens.findIndex((t, i) => i > 1 && (t.lower === "who" || t.lower === "whose"));
  if (relative > 0) tokens = tokens.slice(0, relative);
  if (tokens.length > 10) return null;
  const range = { start: (tokens[0] as Token).start, end: (tokens[tokens.length - 1] as Token).end };
  return { start: range.start, end: range.end, head: range };
}

/** Extends a verb token to its cue: modifiers before it ("further", "has"), "out", and a complementiser after. */
export function cueAround(text: string, tokens: Token[], i: number, info: VerbInfo, lexicon: Lexicon): CueMatch {
  const verb = tokens[i] as Token;
  let first = i;
  while (first > 0) {
    const previous = tokens[first - 1] as Token;
    const gap = text.slice(previous.end, (tokens[first] as Token).start);
    if (!/^\s+$/u.test(gap) || !lowerInitial(previous)) break;
    const timed =
      TIME_NOUNS.has(previous.lower) && first >= 2 && /^(?:this|last|just)$/u.test((tokens[first - 2] as Token).lower);
    if (timed) {
      first -= 2;
      continue;
    }
    if (
      !lexicon.verbModifiers.has(previous.lower) &&
      !ADVERBS.has(previous.lower) &&
      !(previous.text.endsWith("ly") && LY_ADVERB.test(previous.text))
    )
      break;
    // "the daily wrote", "the weekly reported": after a determiner, a word in -ly is the subject's noun.
    const beforePrevious = tokens[first - 2];
    if (beforePrevious && lexicon.determiners.has(beforePrevious.lower) && previous.text.endsWith("ly")) break;
    first--;
  }
  let last = i;
  if (info.lemma === "point" && tokens[i + 1]?.lower === "out") last = i + 1;
  if (info.lemma === "put" && tokens[i + 1]?.lower === "it") last = i + 1;
  const next = tokens[last + 1];
  if (
    next &&
    lexicon.complementisers.has(next.lower) &&
    /^[\s,]*$/u.test(text.slice((tokens[last] as Token).end, next.start))
  )
    last++;
  return { verb, info, start: (tokens[first] as Token).start, end: (tokens[last] as Token).end };
}

/**
 * The subject of a sentence's main clause, for participles and colons that introduce words
 * ("Trump attacked Clinton, saying …"; "Obama is rolling out a message: …"): the noun phrase
 * that opens the first segment not introduced by a preposition or subordinator.
 */
export function sentenceSubject(text: string, sentence: Range, end: number, lexicon: Lexicon): SourcePhrase | null {
  let from = sentence.start;
  // "“…,” Chaffetz said, adding …": the main clause starts after an opening quotation.
  if (/["“„«]/u.test(text[from] ?? "")) {
    const close = text.slice(from + 1, Math.min(end, from + 2000)).search(/["”“»]/u);
    if (close >= 0) from = from + 2 + close;
  }
  const reach = Math.min(end, from + 600);
  const tokens = tokenize(text, from, reach);
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] as Token;
    const introductory =
      lexicon.prepositions.has(token.lower) ||
      SUBORDINATORS.has(token.lower) ||
      lexicon.connectives.has(token.lower) ||
      participlePhrase(tokens, i, lexicon);
    if (!introductory) break;
    // Skip the introductory phrase to its comma. A comma past the words read would skip them all,
    // which leaves no subject either: the search stops there, not at the end of an endless sentence.
    const comma = indexIn(text, ",", token.end, reach);
    if (comma < 0) return null;
    while (i < tokens.length && (tokens[i] as Token).start < comma) i++;
  }
  const first = tokens[i];
  if (!first || !opensPhrase(first, lexicon)) return null;
  let j = i;
  while (j < tokens.length && j < i + 8) {
    const token = tokens[j] as Token;
    if (j > i && lowerInitial(token) && !lexicon.determiners.has(token.lower)) {
      const verbLike =
        AUXILIARIES.has(token.lower) ||
        lexicon.verbs.has(token.lower) ||
        lexicon.verbModifiers.has(token.lower) ||
        ((token.lower.endsWith("ed") || token.lower.endsWith("es")) && VERB_ENDING.test(token.lower)) ||
        (token.lower.endsWith("s") &&
          THIRD_PERSON.test(token.lower) &&
          !token.lower.endsWith("ss") &&
          j === i + 1 &&
          capitalInitial(first)) ||
        // "Le gouvernement refuse la hausse": a word right before a determiner, after the subject's
        // noun, is its verb (a noun is followed by a preposition first: "le chef de la …").
        (j > i + 1 && beforeDeterminer(tokens, j, lexicon)) ||
        // "Mr. Schultz generally supported …": an adverb in -ly right after a name stands before its verb.
        (LY_ADVERB.test(token.text) &&
          capitalInitial(tokens[j - 1] as Token) &&
          !lexicon.determiners.has((tokens[j - 1] as Token).lower));
      if (verbLike) break;
    }
    if (j > i && /[,;:()]/u.test(text.slice((tokens[j - 1] as Token).end, token.start))) break;
    j++;
  }
  if (j === i || j >= tokens.length) return null;
  const range = { start: first.start, end: (tokens[j - 1] as Token).end };
  return { start: range.start, end: range.end, head: range };
}

/** Whether the word at `j` is followed at once by a determiner, and is no function word itself. */
function beforeDeterminer(tokens: Token[], j: number, lexicon: Lexicon): boolean {
  const token = tokens[j] as Token;
  const next = tokens[j + 1];
  if (!next || next.start - token.end !== 1 || !lexicon.determiners.has(next.lower)) return false;
  // Short words are mostly prepositions of languages whose list is not loaded ("de la", "da", "del").
  return (
    token.lower.length > 3 &&
    !lexicon.prepositions.has(token.lower) &&
    !lexicon.determiners.has(token.lower) &&
    !lexicon.connectives.has(token.lower) &&
    !FUNCTION_WORDS.has(token.lower) &&
    !COORDINATORS.has(token.lower) &&
    !SOURCE_CONJUNCTIONS.has(token.lower)
  );
}

/** A participle opening an introductory phrase: "Chastened by the analyses, …", "Speaking to students, …". */
function participlePhrase(tokens: Token[], i: number, lexicon: Lexicon): boolean {
  const token = tokens[i] as Token;
  const next = tokens[i + 1];
  return (
    INTRODUCTORY_PARTICIPLE.test(token.text) &&
    next !== undefined &&
    (lexicon.prepositions.has(next.lower) || lexicon.determiners.has(next.lower))
  );
}

const INTRODUCTORY_PARTICIPLE = /^\p{Lu}\p{Ll}{3,}(?:ed|ing)$/u;

/** A pronoun without its contracted verb ("he's" → "he", "they're" → "they"). */
const withoutClitic = (word: string): string => (word.includes("'") ? word.replace(/'(?:s|re|ve|ll|d|m)$/u, "") : word);

/**
 * The subject pronoun a word stands for: itself, the pronoun of an inverted French verb ("a-t-elle",
 * "dit-il"), or a stressed or object form after "according to" ("selon lui", "according to them").
 */
function subjectPronoun(word: string, lexicon: Lexicon): string | null {
  const bare = withoutClitic(word);
  if (lexicon.pronouns.has(bare)) return bare;
  const inverted = INVERTED_PRONOUN.exec(word)?.[1];
  if (inverted && lexicon.pronouns.has(inverted)) return inverted;
  const stressed = STRESSED_PRONOUNS[word];
  return stressed && lexicon.pronouns.has(stressed) ? stressed : null;
}

/** A French verb inverted with its subject pronoun: "a-t-elle", "dit-il", "ont-ils". */
const INVERTED_PRONOUN = /^\p{L}+-(?:t-)?(il|elle|ils|elles|on)$/u;
/** The verb of a French inversion: "dit" of "dit-il", "affirme" of "affirme-t-elle". */
const INVERTED_VERB = /^(\p{L}+)-(?:t-)?(?:il|elle|ils|elles|on)$/u;
/** Stressed and object pronouns, by the subject pronoun they stand for. */
const STRESSED_PRONOUNS: Record<string, string> = { lui: "il", eux: "ils", him: "he", her: "she", them: "they" };

/** A noun phrase's words and how it refers: pronoun, name, organisation or description. */
export function resolveSource(text: string, source: SourcePhrase, mentions: Mentions, lexicon: Lexicon): Speaker {
  const head = source.head;
  const tokens = tokenize(text, head.start, head.end);
  // "the ministry's statement that …": a possessor is named without its "'s".
  const phrase = text
    .slice(head.start, head.end)
    .trim()
    .replace(/['’]s$/u, "");
  const first = tokens[0];
  if (!first) return { name: null, plural: false, person: false, form: "description" };
  // "“…,” it said": the organisation last in focus (only a quotation's attribution lets "it" through).
  if (tokens.length === 1 && first.text === "it")
    return { name: mentions.resolveIt(head.start), plural: false, person: false, form: "pronoun", pronoun: "it" };
  const pronoun = tokens.length === 1 ? subjectPronoun(first.lower, lexicon) : null;
  if (pronoun) {
    const plural = lexicon.pronouns.get(pronoun) === "plural";
    return {
      name: mentions.resolvePronoun(pronoun, plural, head.start),
      plural,
      person: !plural,
      form: "pronoun",
      pronoun,
    };
  }
  const lastToken = tokens[tokens.length - 1] as Token;
  // "Officials said", "Meanwhile say": one word capitalised only because it opens the sentence, and
  // written in lower case elsewhere, is a common word: a description of people, or no source at all.
  if (tokens.length === 1 && capitalInitial(first) && mentions.isCommonWordAt(first.lower, first.start)) {
    const people = isRole(first.lower) || SOURCE_PLURALS.has(first.lower) || ORGANISATION_WORDS.has(first.lower);
    if (!people && !/\p{L}{3,}s$/u.test(first.lower))
      return { name: null, plural: false, person: false, form: "description" };
    const plural = first.lower.endsWith("s") && !first.lower.endsWith("ss");
    return { name: phrase, plural, person: !plural, form: "description" };
  }
  const coordinated = tokens.some((t) => SOURCE_CONJUNCTIONS.has(t.lower) && lowerInitial(t));
  if (capitalInitial(lastToken) && !coordinated) {
    const runs = capitalisedRuns(tokens, text);
    const run = runs[runs.length - 1];
    const parsed = run ? parseName(run, text) : null;
    // "the Commission on Presidential Debates", "The Post": a name after "the" is an institution's.
    const runStart = run?.[0];
    const article = runStart ? tokens.indexOf(runStart) - 1 : -1;
    const definite = article >= 0 && DEFINITE_ARTICLES.has((tokens[article] as Token).lower);
    if (definite && runStart && !TITLES.has(runStart.lower))
      return { name: phrase, plural: false, person: false, form: "organisation" };
    if (parsed && parsed.kind !== "organisation" && !startsDigit(parsed.name)) {
      const name = mentions.fullest(parsed.words, head.start) ?? parsed.name;
      return { name, plural: false, person: true, form: "name" };
    }
    if (parsed) return { name: phrase, plural: false, person: false, form: "organisation" };
  }
  // A description: "the secretary general" is the person with that title; "a source" stays as written.
  const words = tokens.map((t) => t.lower);
  if (/^(?:the|this|that)$/.test(first.lower) && tokens.length <= 6) {
    if (words.some((w) => TITLES.has(w))) {
      const titled = mentions.titled(words.slice(1), head.start);
      if (titled) return { name: titled, plural: false, person: true, form: "name" };
    }
    // "the report says", "said the ruling": a document speaks for the author it was given when brought in.
    if (tokens.length <= 3 && DOCUMENT_NOUNS.has(lastToken.lower)) {
      const author = documentAuthor(text, lastToken.lower, head.start, mentions);
      if (author) return { name: author, plural: false, person: false, form: "organisation" };
    }
    // "the commission", "the court": an institution's head noun points back to its full name.
    if (tokens.length === 2 && ORGANISATION_WORDS.has(lastToken.lower)) {
      const named = mentions.institution(lastToken.lower, head.start);
      if (named) return { name: named, plural: false, person: false, form: "organisation" };
    }
    // "the New York businessman", "the Vermont senator": a definite role points back to the person in focus.
    // "the ad’s narrator", "the company’s spokesman" are described by their own words, not someone in focus.
    const possessive = tokens.some((t) => /['’]s?$/u.test(text.slice(t.start, t.end + 1).trim()) && t !== lastToken);
    if (!possessive && (ROLE_NOUNS.has(lastToken.lower) || TITLES.has(lastToken.lower))) {
      const focus = mentions.resolvePronoun("they", false, head.start);
      if (focus) return { name: focus, plural: false, person: true, form: "name" };
    }
  }
  const plural =
    coordinated ||
    (lastToken.lower.endsWith("s") &&
      !lastToken.lower.endsWith("ss") &&
      !lastToken.lower.endsWith("'s") &&
      !lastToken.lower.endsWith("’s") &&
      !ORGANISATION_WORDS.has(lastToken.lower));
  return { name: phrase, plural, person: !plural, form: "description" };
}

/** A definite article opening a description, in the supported languages ("the", "le", "l’"). */
const DEFINITE_OPENING = /^(?:the|le|la|les|l['’]|el|los|las|der|die|das|o|a|os|as)\s*/iu;

/** Whether a speaker's name is a definite description by a title ("the minister", "le ministre des Affaires étrangères"). */
export function isTitleDescription(name: string): boolean {
  const opening = DEFINITE_OPENING.exec(name);
  if (!opening) return false;
  for (const word of name.slice(opening[0].length).toLowerCase().split(/\s+/u))
    if (TITLES.has(word) || FOREIGN_TITLES.has(word)) return true;
  return false;
}

/** Titles of the other supported languages that a description uses ("le ministre", "el presidente"). */
const FOREIGN_TITLES = new Set(
  "ministre président présidente porte-parole maire député sénateur ministro presidente portavoz alcalde diputado senador minister präsident sprecher bürgermeister prefeito".split(
    " ",
  ),
);

/** Whether a source phrase may be a speaker at all ("it", "there" and bare numbers may not). */
export function isPlausibleSource(text: string, source: SourcePhrase, lexicon: Lexicon): boolean {
  const tokens = tokenize(text, source.head.start, source.head.end);
  if (tokens.length === 0) return false;
  // "it said" is no one; French "il a déclaré" is someone, though "il" is impersonal too ("il faut").
  const only = withoutClitic((tokens[0] as Token).lower);
  if (tokens.length === 1 && lexicon.expletives.has(only) && !lexicon.pronouns.has(only)) return false;
  if (tokens.every((t) => startsDigit(t.text))) return false;
  if (tokens.length === 1 && lexicon.determiners.has((tokens[0] as Token).lower)) return false;
  // French "a" of "a déclaré", English "has": an auxiliary is no one.
  if (tokens.length === 1 && lexicon.verbModifiers.has((tokens[0] as Token).lower)) return false;
  // "Editor’s note:", "Contrary to his claims": a possessive or determiner cannot end a source.
  const last = tokens[tokens.length - 1] as Token;
  const possessive =
    /['’]s?$/u.test(text.slice(last.start, last.end + 1).trim()) &&
    /['’]/u.test(text.slice(last.end - 2, last.end + 1));
  if (
    possessive &&
    !lexicon.pronouns.has(withoutClitic(last.lower)) &&
    !lexicon.expletives.has(withoutClitic(last.lower))
  )
    return false;
  if (tokens.length > 1 && (lexicon.determiners.has(last.lower) || lexicon.prepositions.has(last.lower))) return false;
  // "Possible", "Finally", "Clearly": a word capitalised only because it opens the sentence.
  if (tokens.length === 1)
    return (
      lexicon.pronouns.has(withoutClitic(last.lower)) ||
      !capitalInitial(last) ||
      !(NOT_NAMES.has(last.lower) || isSentenceAdverb(last.lower))
    );
  // A clause, not a noun phrase: a personal pronoun, a contracted verb, or a verb form followed
  // by its complement ("its market capitalization quadrupled in", "It’s denouncing what it").
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const next = tokens[i + 1];
    if (PERSONAL_PRONOUNS.has(withoutClitic(token.lower)) && !pronounInPhrase(tokens, i, lexicon)) return false;
    if (lowerInitial(token) && AUXILIARIES.has(token.lower)) return false;
    if (isContracted(token.lower)) return false;
    // "it's", "that's" are clauses; "the ad's narrator", "the company's spokesman" are noun phrases.
    const genitive = i > 0 && lexicon.determiners.has((tokens[i - 1] as Token).lower);
    if (
      token.lower.endsWith("'s") &&
      ((lowerInitial(token) && !genitive) || lexicon.expletives.has(withoutClitic(token.lower)))
    )
      return false;
    if (lowerInitial(token) && CLAUSE_ADVERBS.has(token.lower)) return false;
    if (
      next &&
      lowerInitial(token) &&
      (token.lower.endsWith("ed") || token.lower.endsWith("ing")) &&
      VERB_FORM.test(token.lower) &&
      (lexicon.prepositions.has(next.lower) || lexicon.determiners.has(next.lower) || SUBORDINATORS.has(next.lower))
    )
      return false;
  }
  return true;
}

/** Object pronouns, which a preposition may take inside a noun phrase ("those close to him"). */
const OBJECT_PRONOUNS = new Set("me us you him her them".split(" "));

/**
 * Whether a personal pronoun at `i` belongs to a noun phrase rather than betraying a clause: the
 * object of a preposition ("those close to him", "people around her"), or the subject of a short
 * relative clause ending the phrase ("the experts I interviewed", "the officials we spoke to").
 */
function pronounInPhrase(tokens: Token[], i: number, lexicon: Lexicon): boolean {
  const token = tokens[i] as Token;
  const previous = tokens[i - 1];
  if (!previous || i < 1) return false;
  if (OBJECT_PRONOUNS.has(token.lower) && (previous.lower === "to" || lexicon.prepositions.has(previous.lower)))
    return i === tokens.length - 1;
  const next = tokens[i + 1];
  const rest = tokens.length - i - 1;
  return (
    i >= 2 &&
    /^(?:i|we|you|they)$/u.test(token.lower) &&
    lowerInitial(previous) &&
    previous.lower.endsWith("s") &&
    next !== undefined &&
    PAST_FORM.test(next.lower) &&
    rest <= 2 &&
    tokens.slice(0, i).some((t) => lexicon.determiners.has(t.lower) || QUANTIFIER_SUBJECTS.test(t.lower))
  );
}

/** Pronouns that stand for a person or thing, not determiners ("his" and "its" are fine in a phrase). */
const PERSONAL_PRONOUNS = new Set("i me we us you he him she they them it".split(" "));

/** "according to X" (and its equivalents) starting at token `i`: the number of words it takes, or 0. */
export function accordingToAt(tokens: Token[], i: number, lexicon: Lexicon): number {
  const first = tokens[i]?.lower;
  for (const phrase of lexicon.accordingTo) {
    if (phrase[0] !== first) continue;
    let k = 1;
    while (k < phrase.length && tokens[i + k]?.lower === phrase[k]) k++;
    if (k === phrase.length) return phrase.length;
  }
  return 0;
}

/** Words a quotation may have to be judged a short characterisation ("“gross negligence”"). */
const SHORT_QUOTATION_WORDS = 6;

/** Whether a quotation holds at most `SHORT_QUOTATION_WORDS` words (its spaces counted, never more than that). */
function isShort(text: string, quote: { open: number; close: number }): boolean {
  if (quote.close - quote.open > 80) return false;
  let spaces = 0;
  for (let k = quote.open + 1; k < quote.close; k++)
    if (text.charCodeAt(k) === 0x20 && ++spaces >= SHORT_QUOTATION_WORDS) return false;
  return true;
}

/**
 * Finds who a quotation is attributed to within its sentence: after it ("…,” X said; said X;
 * — X), or before it ("X said:", "X told a newspaper that “…”", "according to X, “…”").
 */
export function attributeQuotation(
  text: string,
  quote: { open: number; close: number; closeLength: number },
  before: Range,
  after: Range,
  sentence: Range,
  lexicon: Lexicon,
): Attribution | null {
  const found =
    attributionAfter(text, quote, after, lexicon) ?? attributionBefore(text, before, lexicon, isShort(text, quote));
  if (found?.sameAsPrevious) {
    // The subject may follow an opening participle: "After saying …, she was …".
    const subject = sentenceSubject(text, sentence, sentence.end, lexicon);
    return { ...found, fallback: subject && isPlausibleSource(text, subject, lexicon) ? subject : null };
  }
  if (!found && /:\s*$/u.test(text.slice(Math.max(before.start, before.end - 4), before.end))) {
    // "Obama is rolling out a new message: “…”": a colon hands the floor to the sentence's subject.
    const subject = colonSubject(text, sentence, before.end, lexicon);
    if (subject) return { source: subject, cue: null };
  }
  return found;
}

/**
 * The subject a colon hands the floor to. "Consultada sobre esto, una fuente lo resumió así:": a
 * capitalised word and lower-case words set off by a comma are an introductory phrase (a participle
 * of a language whose participles we do not know), and the subject follows the comma.
 */
function colonSubject(text: string, sentence: Range, end: number, lexicon: Lexicon): SourcePhrase | null {
  const subject = sentenceSubject(text, sentence, end, lexicon);
  if (!subject) return null;
  const plausible = isPlausibleSource(text, subject, lexicon) ? subject : null;
  const comma = indexIn(text, ",", subject.end, Math.min(end, subject.end + 120));
  if (comma < 0) return plausible;
  const tokens = tokenize(text, subject.start, comma);
  const [first, second] = tokens;
  const introductory =
    first !== undefined &&
    second !== undefined &&
    capitalInitial(first) &&
    !lexicon.determiners.has(first.lower) &&
    !lexicon.pronouns.has(first.lower) &&
    !lexicon.determiners.has(second.lower) &&
    tokens.slice(1).every((t) => lowerInitial(t) && !AUXILIARIES.has(t.lower));
  if (!introductory) return plausible;
  const after = sentenceSubject(text, { start: comma + 1, end: sentence.end }, end, lexicon);
  return after && isPlausibleSource(text, after, lexicon) ? withoutClitics(text, after, lexicon) : plausible;
}

/** Object pronouns that stand before a Romance verb ("nos la resumió", "nous l'a dit"). */
const CLITICS = new Set("me te se nos os lo la le los las les nous vous lui leur lhe lhes".split(" "));

/**
 * A subject without the verb's object pronouns and what follows them: "una fuente de los servicios"
 * of "una fuente de los servicios nos la resumió", whose verb no lexicon of ours knows.
 */
function withoutClitics(text: string, phrase: SourcePhrase, lexicon: Lexicon): SourcePhrase {
  const tokens = tokenize(text, phrase.start, phrase.end);
  for (let i = 2; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const previous = tokens[i - 1] as Token;
    if (
      !CLITICS.has(token.text) ||
      lexicon.prepositions.has(previous.lower) ||
      /^(?:de|du|des|do|da)$/u.test(previous.lower)
    )
      continue;
    const range = { start: phrase.start, end: previous.end };
    return { start: range.start, end: range.end, head: range };
  }
  return phrase;
}

function attributionAfter(
  text: string,
  quote: { close: number; closeLength: number },
  after: Range,
  lexicon: Lexicon,
): Attribution | null {
  let from = quote.close + quote.closeLength;
  while (from < after.end && /[\s,]/u.test(text[from] as string)) from++;
  if (from >= after.end) return null;
  // "― Sonya Herridge": a dash and a name close the paragraph.
  if (/[―—–-]/u.test(text[from] as string)) {
    let start = from + 1;
    while (start < after.end && isSpaceAt(text, start)) start++;
    const rest = text.slice(start, Math.min(after.end, start + 120)).replace(/[\s.]+$/u, "");
    const range = { start, end: start + rest.length };
    if (rest.length > 0 && start + rest.length >= after.end - 2 && isNamePhrase(text, range)) {
      return { source: { ...range, head: range }, cue: null };
    }
    return null;
  }
  const tokens = tokenize(text, from, Math.min(after.end, from + 600));
  const first = tokens[0];
  if (!first) return null;
  const according = accordingToAt(tokens, 0, lexicon);
  if (according > 0) {
    const start = (tokens[according] as Token | undefined)?.start;
    if (start === undefined) return null;
    const source = subjectAfter(text, start, after.end, lexicon);
    if (!source) return null;
    const cue = {
      verb: first,
      info: { lemma: "according to", bare: false, claims: true, hearer: false },
      start: first.start,
      end: (tokens[according - 1] as Token).end,
    };
    return { source, cue };
  }
  // "« … », dit-elle": a French verb inverted with its subject pronoun, in one word.
  const withPronoun = INVERTED_VERB.exec(first.text)?.[1];
  const invertedVerb = withPronoun ? lexicon.verbs.get(withPronoun.toLowerCase()) : undefined;
  if (withPronoun && invertedVerb) {
    const verbEnd = first.start + withPronoun.length;
    const pronounStart = first.start + first.text.lastIndexOf("-") + 1;
    const verb = { text: withPronoun, lower: withPronoun.toLowerCase(), start: first.start, end: verbEnd };
    const head = { start: pronounStart, end: first.end };
    return { source: { ...head, head }, cue: { verb, info: invertedVerb, start: first.start, end: verbEnd } };
  }
  // Inverted: "said Caddell", "added the senator".
  let k = 0;
  while (k < tokens.length && lexicon.verbModifiers.has((tokens[k] as Token).lower) && k < 2) k++;
  const inverted = verbAt(tokens, k, lexicon);
  if (inverted && !lexicon.nounLike.has((tokens[k] as Token).lower)) {
    const cue = cueAround(text, tokens, k, inverted, lexicon);
    const source = subjectAfter(text, cue.end, after.end, lexicon);
    if (source && isPlausibleSource(text, source, lexicon)) return { source, cue };
  }
  // "X said", "X, a Y at Z, said", "the ad's narrator says": the first verb whose subject starts here.
  for (let i = 1; i < tokens.length && i < 30; i++) {
    const info = verbAt(tokens, i, lexicon);
    if (!info) continue;
    const pronounIt = i === 1 && first.text === "it" ? { start: first.start, end: first.end } : null;
    const source = pronounIt
      ? { ...pronounIt, head: pronounIt }
      : subjectBefore(text, from, (tokens[i] as Token).start, lexicon);
    if (!source) continue;
    const cue = cueAround(text, tokens, i, info, lexicon);
    const gap = text.slice(from, source.start);
    // "“…,” it said in a statement": right after a quotation, "it" is the organisation that said it.
    const it = text.slice(source.head.start, source.head.end) === "it" && /^[\s,]*$/u.test(gap);
    if (!it && !isPlausibleSource(text, source, lexicon)) continue;
    // Either the source follows the quotation, or a phrase completing the quoted clause and a
    // comma come between ("“…” for criminal behavior, she said.") and the verb ends the sentence.
    const tail = text.slice(cue.end, after.end);
    // "“…,” as a Homeland Security memo put it.": "as" may stand before the source.
    const asGap = /^[\s,]*as\s+(?:(?:a|an|the)\s+)?$/iu.test(gap) && info.lemma === "put";
    if (!asGap && !/^[\s,]*$/u.test(gap) && !(/,\s*$/u.test(gap) && !/[,;:]/u.test(tail.replace(/,\s*$/u, ""))))
      continue;
    return { source, cue };
  }
  return null;
}

/** Words that open a clause whose subject follows them: "as the report states", "… and Smith said". */
const CLAUSE_OPENERS = new Set(["as", "and", "but", "comme", "como", "y", "et", "mais", "pero"]);

/**
 * The subject of the cue at token `i`, ending at `cueStart`: the phrase before it, else, when that is
 * no source ("Acme shipped a display and Ana Ruiz", "As the report"), the phrase after the last
 * clause opener within the eight words before the cue.
 */
function subjectAfterOpener(
  text: string,
  tokens: Token[],
  i: number,
  lo: number,
  cueStart: number,
  lexicon: Lexicon,
): SourcePhrase | null {
  const source = subjectBefore(text, lo, cueStart, lexicon);
  if (source && isPlausibleSource(text, source, lexicon)) return source;
  for (let j = i - 1; j >= 0 && j >= i - 8; j--) {
    const token = tokens[j] as Token;
    if (token.end > cueStart || !CLAUSE_OPENERS.has(token.lower)) continue;
    // The subject must fill the clause: "and Ana Ruiz said", not "and Ora's site -- told".
    if (/[,;:()[\]—–]|\s-+\s/u.test(text.slice(token.end, cueStart))) return null;
    const retry = subjectBefore(text, token.end, cueStart, lexicon);
    const whole = retry !== null && retry.start === (tokens[j + 1] as Token | undefined)?.start;
    return whole && retry && isPlausibleSource(text, retry, lexicon) ? retry : null;
  }
  return null;
}

/** What shows a word that is also a noun to be the verb: "that", a colon or comma, the quotation, an object pronoun. */
const NOUN_VERB_COMPLEMENT = /^\s*(?:that\b|[:,]|$|(?:them|him|her|it|us|me)\s*$)/u;

/**
 * The attribution of the last verb before a quotation that `verbOf` accepts, with its subject: "X
 * said", ", adding", "footage of X asking"; null when none has a subject.
 */
function lastVerbAttribution(
  text: string,
  tokens: Token[],
  lo: number,
  before: Range,
  lexicon: Lexicon,
  verbOf: (i: number) => VerbInfo | null,
): Attribution | null {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const info = verbOf(i);
    if (!info) continue;
    const token = tokens[i] as Token;
    const cue = cueAround(text, tokens, i, info, lexicon);
    // ", adding that", "going on to say", "and said": the verb shares the sentence's subject.
    const previous = text.slice(Math.max(lo, cue.start - 6), cue.start);
    const auxiliary =
      tokens[i - 1] !== undefined &&
      AUXILIARIES.has(withoutClitic((tokens[i - 1] as Token).lower).replace(/^.*'/u, "'"));
    const progressive = auxiliary || /['’](?:s|re|m)$/u.test(tokens[i - 1]?.lower ?? "");
    const participle = /ing$/.test(token.lower) && !progressive;
    if (participle) {
      // "footage of Hillary Clinton asking, “…”": a name right before the participle is its subject.
      let k = tokens.findIndex((t) => t.start >= cue.start);
      while (
        k > 0 &&
        capitalInitial(tokens[k - 1] as Token) &&
        /^[\s.]*$/u.test(text.slice((tokens[k - 1] as Token).end, (tokens[k] as Token).start))
      )
        k--;
      const before = tokens[k - 1];
      if (
        k < i &&
        before &&
        lowerInitial(before) &&
        /^\s+$/u.test(text.slice(before.end, (tokens[k] as Token).start))
      ) {
        const range = { start: (tokens[k] as Token).start, end: (tokens[i - 1] as Token).end };
        const lastWord = (tokens[i - 1] as Token).lower;
        if (range.end <= cue.start && isNamePhrase(text, range) && !CALENDAR_WORD.test(lastWord))
          return { source: { ...range, head: range }, cue };
      }
    }
    if (participle || /(?:^|\s)(?:to|and|but)\s+$/u.test(previous)) return { source: null, cue, sameAsPrevious: true };
    // "Though the agency did not say so, it referenced “…”": "it" right before the verb is the
    // organisation in focus, as after a quotation.
    const previousToken = tokens[i - 1];
    const it =
      previousToken?.text === "it" &&
      cue.start === token.start &&
      /^\s+$/u.test(text.slice(previousToken.end, token.start))
        ? { start: previousToken.start, end: previousToken.end }
        : null;
    const source = it ? { ...it, head: it } : subjectAfterOpener(text, tokens, i, lo, cue.start, lexicon);
    if (!source) continue;
    // A verb that is also a noun ("reports", "states") needs a subject right before it and a clear
    // complement: "that", a colon or comma, the quotation, or an object pronoun ("call them “…”");
    // after a pronoun it can only be the verb ("what they call “…”").
    const afterPronoun = previousToken !== undefined && (it !== null || lexicon.pronouns.has(previousToken.lower));
    if (
      lexicon.nounLike.has(token.lower) &&
      !afterPronoun &&
      !NOUN_VERB_COMPLEMENT.test(text.slice(token.end, before.end))
    )
      continue;
    return { source, cue };
  }
  return null;
}

function attributionBefore(text: string, before: Range, lexicon: Lexicon, short = false): Attribution | null {
  const lo = Math.max(before.start, before.end - 1500);
  const tokens = tokenize(text, lo, before.end);
  if (tokens.length === 0) return null;
  // "According to X, “…”"
  for (let i = 0; i < tokens.length; i++) {
    const n = accordingToAt(tokens, i, lexicon);
    if (n === 0 || i + n >= tokens.length) continue;
    const source = subjectAfter(text, (tokens[i + n] as Token).start, before.end, lexicon);
    if (source) {
      const first = tokens[i] as Token;
      const cue = {
        verb: first,
        info: { lemma: "according to", bare: false, claims: true, hearer: false },
        start: first.start,
        end: (tokens[i + n - 1] as Token).end,
      };
      return { source, cue };
    }
  }
  // The last reporting verb before the quotation, with its subject; for a short quotation, the last
  // verb judging someone ("accused the minister of “gross negligence”"), when no verb of saying is found.
  // A judging verb that shares another's subject ("took to Twitter to accuse") is left to the sentence's subject.
  const found =
    lastVerbAttribution(text, tokens, lo, before, lexicon, (i) => verbAt(tokens, i, lexicon)) ??
    (short ? lastVerbAttribution(text, tokens, lo, before, lexicon, (i) => judgingVerbAt(tokens, i)) : null);
  if (found && !(found.sameAsPrevious && found.cue && !lexicon.verbs.has(found.cue.verb.lower))) return found;
  // "WALLACE: …" or "Trump: …": a name and a colon open the sentence.
  const colon = /^\s*([^:]{1,60}):\s*$/u.exec(text.slice(before.start, before.end));
  if (colon) {
    const start = before.start + (colon[0].length - colon[0].trimStart().length);
    const range = { start, end: start + (colon[1] as string).trim().length };
    if (isNamePhrase(text, range)) return { source: { ...range, head: range }, cue: null };
  }
  return null;
}
