import { indexIn, lastIndexIn, startsLower, startsUpper, startsUpperOrDigit } from "./chars";
import { isJudgingVerb } from "./speaker-judging";
import { type Token, tokenize } from "./words";

/** What a quotation is: somebody's words, a name or scare-quoted term, or neither (text inside a quote). */
export type QuotationRole = "quote" | "term" | "none";

/** What surrounds a quotation, as the classifier needs it. */
export interface QuotationContext {
  /** Up to four words before the opening mark, in order. */
  before: Token[];
  /** Up to two words after the closing mark, in order. */
  after: Token[];
  /** Text between the previous word and the opening mark ("the ", ", "). */
  gapBefore: string;
  /** Inside another quotation. */
  nested: boolean;
  /** A reporting verb with its speaker was found for it in its own sentence. */
  attributed: boolean;
  /** Opens its sentence or paragraph, as an utterance does. */
  standsAlone: boolean;
}

/** Words right before a quotation that say it is a name, title or term, not somebody's words. */
const NAMING_WORDS = new Set(
  (
    "so-called dubbed nicknamed titled entitled named branded labelled labeled termed coined " +
    "word words term terms phrase expression slogan hashtag label name nickname motto headline title caption brand " +
    "film movie book song album show series novel play poem article column essay documentary program programme podcast " +
    "opera musical painting exhibition magazine newspaper website blog app game operation project doctrine initiative " +
    "sogenannte sogenannten sogenannter sogenanntes genannt dénommé dénommée surnommé surnommée intitulé intitulée " +
    "llamado llamada denominado denominada titulado titulada chamado chamada intitulado intitulada takzvaný takzvaná takzvané tzv"
  ).split(" "),
);

/** Function words a title or name may keep in lower case ("Fox and Friends", "Wilayah al-Khorasan"). */
const NAME_FUNCTION_WORDS = new Set(
  "of the and in for on at to a an de la le du des del da dos das von van der den al el bin ibn et und".split(" "),
);

/** Whether the words look like a name or title: capitalised words, a few function words between. */
export function isNameLike(words: Token[]): boolean {
  if (words.length === 0 || words.length > 6) return false;
  if (!startsUpper((words[0] as Token).text)) return false;
  let capitals = 0;
  for (const word of words) {
    if (startsUpperOrDigit(word.text)) capitals++;
    else if (!NAME_FUNCTION_WORDS.has(word.lower) && !/^(?:al|el|ad|ar|as|an|at|az|ash)-/.test(word.lower))
      return false;
  }
  // Pronouns make a sentence, not a name: "Neither do I", "We Shall Overcome" is the rare exception.
  if (words.length > 1 && words.some((w) => /^(?:i|we|you|he|she|they|it)$/.test(w.lower))) return false;
  if (!startsUpperOrDigit((words[words.length - 1] as Token).text)) return false;
  return capitals >= 1;
}

/** Lower-case words a title in title case keeps ("Steps Down as Mozilla CEO", "Lessons from the Experience"). */
const TITLE_SMALL_WORDS = new Set(
  "with from by as into onto vs via over after under upon or nor but per than".split(" "),
);

/**
 * Whether the words are a title in title case, however long ("Alternatives to Amalgamation in
 * Australian Local Government: Lessons from the New Zealand Experience"): three capitalised words
 * at least, and no lower-case word but the small words titles keep.
 */
function isTitleCase(words: Token[]): boolean {
  if (words.length < 3 || !startsUpperOrDigit((words[0] as Token).text)) return false;
  let capitals = 0;
  for (const word of words) {
    if (startsUpper(word.text)) capitals++;
    else if (startsLower(word.text) && !NAME_FUNCTION_WORDS.has(word.lower) && !TITLE_SMALL_WORDS.has(word.lower))
      return false;
  }
  if (words.some((w) => /^(?:I|We|You|He|She|They)$/.test(w.text))) return false;
  return capitals >= 3;
}

/** A year in brackets and a full stop before a title in a reference ("Squires, Nick (May 2005). "). */
const CITATION_BEFORE = /\((?:[\p{L}. ]{0,20})?\d{4}[a-z]?\)[.,:]?\s*["“'‘«]?$/u;
/** What follows a title in a reference ("". The Daily Telegraph. Retrieved 3 May 2017."). */
const CITATION_AFTER = /\b(?:Retrieved|Archived|ISBN|ISSN|doi|pp?\.\s*\d|Vol\.|Accessed)\b/u;

/**
 * Whether a quotation is the title of a cited work in a reference list: a full stop or comma
 * right after its closing mark, with a bracketed year before it or "Retrieved", "ISBN", "doi" …
 * later in its line ("Worthy, T. (2006). "Miocene mammal reveals …". Proceedings of …").
 */
function inCitation(text: string, start: number, end: number): boolean {
  if (!/^["”'’»]{1,2}[.,]\s/u.test(text.slice(end, end + 4))) return false;
  // The line's start and end, looked for no further than the 300 characters read on either side: a
  // search to the text's ends, made for every quotation of a text without line breaks, was quadratic.
  const lineStart = Math.max(lastIndexIn(text, "\n", Math.max(0, start - 300), start + 1), start - 300);
  if (CITATION_BEFORE.test(text.slice(Math.max(0, lineStart), start))) return true;
  const lineEnd = indexIn(text, "\n", end, end + 300);
  return CITATION_AFTER.test(text.slice(end, lineEnd < 0 ? end + 300 : lineEnd));
}

/** Whether a naming word ("so-called", "the film", "known as") sits right before the quotation. */
function namedBefore(before: Token[]): boolean {
  const last = before[before.length - 1];
  const previous = before[before.length - 2];
  if (!last) return false;
  if (NAMING_WORDS.has(last.lower)) return true;
  if (last.lower === "as" && previous && /^(?:known|referred|branded|billed|styled)$/.test(previous.lower)) return true;
  if (
    last.lower === "called" &&
    previous &&
    /^(?:so|is|was|are|were|be|been|being|also|now|often|sometimes)$/.test(previous.lower)
  )
    return true;
  return (
    previous !== undefined && NAMING_WORDS.has(previous.lower) && /^(?:the|a|an|its|their|his|her)$/.test(last.lower)
  );
}

/** Pronouns that can be a subject judging someone. */
const SUBJECT_PRONOUNS = new Set("he she they we i".split(" "));
/** Words before "as" that make what follows a name ("known as", "referred to as"), not a judgement. */
const NAMING_BEFORE_AS = new Set("known referred billed styled such so described".split(" "));

/** Where the sentence holding `at` starts, looked for no further than `limit` characters back. */
function sentenceStartBefore(text: string, at: number, limit: number): number {
  const floor = Math.max(0, at - limit);
  for (let k = at - 1; k > floor; k--) {
    const code = text.charCodeAt(k);
    if (code === 0x0a) return k + 1;
    if ((code === 0x2e || code === 0x21 || code === 0x3f) && text.charCodeAt(k + 1) === 0x20) return k + 2;
  }
  return floor;
}

/**
 * Whether a short quotation is a named subject's judgement of someone in its own words: its
 * sentence has, before it, a capitalised subject or a personal pronoun, then a judging verb
 * ("accused X of", "called X") or "as"/"as a" right before the quotation ("admires X as a “…”").
 */
function judgedBySubject(text: string, open: number): boolean {
  const from = sentenceStartBefore(text, open, 200);
  const tokens = tokenize(text, from, open);
  const n = tokens.length;
  if (n < 3) return false;
  let verb = -1;
  for (let i = 1; i < n && verb < 0; i++) if (isJudgingVerb(tokens, i)) verb = i;
  if (verb < 0) {
    const last = tokens[n - 1] as Token;
    const as =
      last.lower === "as" ? n - 1 : /^(?:a|an)$/u.test(last.lower) && tokens[n - 2]?.lower === "as" ? n - 2 : -1;
    if (as < 2 || NAMING_BEFORE_AS.has((tokens[as - 1] as Token).lower) || (tokens[as - 1] as Token).lower === "to")
      return false;
    verb = as;
  }
  for (let i = 0; i < verb; i++) {
    const token = tokens[i] as Token;
    if (SUBJECT_PRONOUNS.has(token.lower) || (startsUpper(token.text) && !NAME_FUNCTION_WORDS.has(token.lower)))
      return true;
  }
  return false;
}

/** Closing marks, then a space and a lower-case word: "the “sex tape” reference", not "a “con artist” ― just as". */
const NOUN_AFTER_MARKS = /^["”’'»]{1,2}\s+\p{Ll}/u;

/** Whether a lower-case word follows the quotation's closing mark with nothing but a space between, as a noun it modifies would. */
function nounFollows(text: string, end: number): boolean {
  return NOUN_AFTER_MARKS.test(text.slice(end, end + 6));
}

/**
 * Tells somebody's words from a name, title or scare-quoted term. A quotation is a term when
 * a naming word precedes it (so-called, the film, dubbed), when it reads as a name (capitalised
 * words), or when it is a short lower-case phrase no speaker is given for; nested quotations are
 * never quotes of their own.
 */
export function classifyQuotation(text: string, start: number, end: number, context: QuotationContext): QuotationRole {
  const words = tokenize(text, start, Math.min(end, start + 400));
  if (words.length === 0) return "none";
  const inner = text.slice(start, Math.min(end, start + 400));
  const exclaims = /[!?]/.test(inner);
  const sentences = /[.!?…]\s+\S/u.test(inner) || /[;:]\s/.test(inner);
  const trailing = /[.,!?…]$/u.test(inner);
  const nameLike = isNameLike(words) && !exclaims && !sentences;
  if (namedBefore(context.before) && words.length <= 8 && !sentences) return "term";
  const modifier =
    context.before.length > 0 &&
    /^(?:the|a|an|its|their|his|her|this|that)$/.test((context.before[context.before.length - 1] as Token).lower) &&
    /^\s+$/u.test(context.gapBefore) &&
    context.after.length > 0 &&
    startsLower((context.after[0] as Token).text) &&
    nounFollows(text, end) &&
    !trailing &&
    words.length <= 4;
  if (context.nested) return nameLike || modifier ? "term" : "none";
  if (nameLike && !(context.attributed && context.standsAlone && trailing)) {
    // A single capitalised word standing alone with a full stop is an utterance ("Terrifying.").
    if (!(words.length === 1 && context.standsAlone && /[.!?…]$/u.test(inner))) return "term";
  }
  if (modifier && !context.attributed) return "term";
  if (
    !context.attributed &&
    !trailing &&
    !/[.!?…]\s+\S/u.test(inner) &&
    (isTitleCase(words) || inCitation(text, start, end))
  )
    return "term";
  const lower = startsLower((words[0] as Token).text);
  if (
    words.length <= 3 &&
    lower &&
    !context.attributed &&
    !context.standsAlone &&
    !exclaims &&
    !sentences &&
    !judgedBySubject(text, start - 1)
  )
    return "term";
  return "quote";
}
