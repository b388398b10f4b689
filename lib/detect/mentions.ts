/** The names mentioned in a text, and what a surname, a pronoun or a title refers back to. */

import { isSpaceCode } from "./chars";
import { ORGANISATION_WORDS, TITLES } from "./lexicon";
import { blockRuns, type NameMention, parseName } from "./names";
import type { Range } from "./sentences";

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

/** Closing marks that may stand between a sentence's final stop and the space after it. */
const CLOSING_MARKS = "\"'”’»)";

/** Whether text[k] ends a sentence: a line break, or . ! ? : with closing marks and a space right after. */
function isBoundary(text: string, k: number): boolean {
  const code = text.charCodeAt(k);
  if (code === 0x0a) return true;
  if (code !== 0x2e && code !== 0x21 && code !== 0x3f && code !== 0x3a) return false;
  const limit = Math.min(k + 4, text.length);
  let j = k + 1;
  while (j < limit && CLOSING_MARKS.includes(text[j] as string)) j++;
  return j < limit && isSpaceCode(text.charCodeAt(j));
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
  if (/^[\p{Lu}][\p{Ll}]*,?$/u.test(prefix) || /^["“‘«]$/u.test(prefix)) return true;
  // After an introductory phrase: "On Monday night, Clinton …", "In a statement, the ministry …".
  return (
    prefix.endsWith(",") &&
    !prefix.slice(0, -1).includes(",") &&
    OPENING_WORD.test(`${prefix} `) &&
    prefix.split(/\s+/u).length <= 8
  );
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

/** Whether a mention is of a person or unknown (not an organisation) and contains all of `words`. */
function namesWith(m: NameMention, words: string[]): boolean {
  return m.kind !== "organisation" && words.every((w) => m.words.includes(w));
}

/** The names of a text, in order, with look-ups by surname and the genders their titles tell. */
interface MentionIndex {
  all: NameMention[];
  /** Mentions by their last word, for surname look-ups. */
  bySurname: Map<string, NameMention[]>;
  genders: Map<string, "m" | "f">;
}

/** Finds and parses every name of a text (outside or inside the quotations `quoted`). */
function indexMentions(text: string, blocks: Range[], quoted: Range[]): MentionIndex {
  const index: MentionIndex = { all: [], bySurname: new Map(), genders: new Map() };

  const sortedQuotes = [...quoted].sort((a, b) => a.start - b.start);
  let q = 0;
  for (const block of blocks) {
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
      const gender = mention.titles.some((t) => FEMALE_TITLES.has(t))
        ? "f"
        : mention.titles.some((t) => MALE_TITLES.has(t))
          ? "m"
          : null;
      if (gender) index.genders.set(mention.words[mention.words.length - 1] as string, gender);
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

  constructor(
    private readonly text: string,
    private readonly blocks: Range[],
    private readonly quoted: Range[],
  ) {}

  private get index(): MentionIndex {
    this.parsed ??= indexMentions(this.text, this.blocks, this.quoted);
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
  fullest(words: string[], at: number): string | null {
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
      if (namesWith(m, words) && (!best || m.words.length > best.words.length)) best = m;
    }
    for (let i = lo; !best && i < list.length && i < lo + 50; i++) {
      const m = list[i] as NameMention;
      if (namesWith(m, words) && m.words.length > words.length) best = m;
    }
    return best ? best.name : null;
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
      const titles = mention.titles.map((t) => ABBREVIATED_TITLES[t] ?? t);
      if (head.every((w) => titles.includes(w))) return this.fullest(mention.words, at) ?? mention.name;
    }
    return null;
  }

  /** Whether a name may stand for a pronoun of `gender` (null: either), as far as its titles tell. */
  private agreesInGender(name: string, gender: "m" | "f" | null): boolean {
    const known = this.index.genders.get(name.toLowerCase().split(/\s+/).pop() ?? "");
    return !gender || !known || known === gender;
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
    for (let i = this.before(at) - 1, seen = 0; i >= 0 && seen < 400; i--, seen++) {
      const mention = this.index.all[i] as NameMention;
      if (speaker && mention.start <= speaker.at) break;
      if (mention.quoted || mention.possessive || !mention.subject || mention.kind === "organisation") continue;
      const name = this.fullest(mention.words, at) ?? mention.name;
      const person = mention.kind === "person" || mention.strong || /\s/u.test(name);
      if (person && this.agreesInGender(name, gender)) return name;
    }
    return speaker?.name ?? null;
  }
}
