import { NOT_NAMES, ORGANISATION_WORDS, TITLES } from "./lexicon";
import { type Range, type Token, tokenize } from "./sentences";

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

const isCapitalised = (token: Token): boolean => /^\p{Lu}/u.test(token.text);
const isAcronym = (token: Token): boolean =>
  /^(?:\p{Lu}\.){2,}$|^\p{Lu}[\p{Lu}\p{N}&-]{1,}$/u.test(token.text) && token.text.length <= 8;
const bare = (word: string): string => word.replace(/['’]s?$/u, "");
const isTitle = (token: Token): boolean => {
  const lower = bare(token.lower);
  return (
    TITLES.has(lower) || (lower.includes("-") && lower.split("-").every((part) => TITLES.has(part) || part === "in"))
  );
};

/** Splits a run of capitalised words into titles and the name proper, and says what it names. */
export function parseName(run: Token[], text: string): Omit<NameMention, "quoted" | "subject"> | null {
  let tokens = run;
  while (tokens.length > 0 && NOT_NAMES.has((tokens[0] as Token).lower) && !isTitle(tokens[0] as Token))
    tokens = tokens.slice(1);
  while (tokens.length > 0 && NAME_PARTICLES.has((tokens[tokens.length - 1] as Token).lower))
    tokens = tokens.slice(0, -1);
  if (tokens.length === 0 || tokens.some((t) => t.text === "I")) return null;
  // "Stephanie Rawlings of Baltimore": a person's name, then where they are from.
  const of = tokens.findIndex((t) => t.lower === "of");
  if (of > 0) {
    const before = tokens.slice(0, of);
    const personal = before.filter((t) => !isTitle(t) && !isAcronym(t) && !ORGANISATION_WORDS.has(bare(t.lower)));
    if (personal.length > 0 && !isTitle(before[before.length - 1] as Token)) tokens = before;
  }
  const last = tokens[tokens.length - 1] as Token;
  const possessive = /['’]s?$/u.test(last.text) && !/^\p{Lu}+['’]$/u.test(last.text);
  const lastWord = bare(last.lower);
  const span = (from: Token[]) => {
    const first = from[0] as Token;
    const end = possessive ? first.start + text.slice(first.start, last.end).replace(/['’]s?$/u, "").length : last.end;
    return { start: first.start, end, name: text.slice(first.start, end) };
  };
  if (ORGANISATION_WORDS.has(lastWord) || (tokens.length === 1 && isAcronym(last))) {
    return {
      ...span(tokens),
      words: tokens.map((t) => bare(t.lower)),
      titles: [],
      kind: "organisation",
      strong: false,
      possessive,
    };
  }
  // The name is what follows the last title or acronym: "CSTO Secretary General | Imangali Tasmagambetov".
  let cut = 0;
  for (let i = 0; i < tokens.length - 1; i++) {
    const token = tokens[i] as Token;
    if (isTitle(token) || isAcronym(token) || ORGANISATION_WORDS.has(bare(token.lower)) || token.lower === "of")
      cut = i + 1;
  }
  const titles = tokens.slice(0, cut).map((t) => bare(t.lower));
  const name = tokens.slice(cut);
  if (name.length === 0 || name.every((t) => NOT_NAMES.has(t.lower) || isTitle(t))) return null;
  const personal = name.filter((t) => !NAME_PARTICLES.has(t.lower));
  return {
    ...span(name),
    words: name.map((t) => bare(t.lower)),
    titles,
    kind: titles.some((t) => TITLES.has(t)) || personal.length >= 2 ? "person" : "unknown",
    strong: titles.some((t) => TITLES.has(t)),
    possessive,
  };
}

/** Runs of capitalised words (with name particles and initials between) in a range of text. */
export function capitalisedRuns(tokens: Token[], text: string): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  const flush = () => {
    if (run.length > 0) runs.push(run);
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const previous = run[run.length - 1];
    // A comma, bracket or sentence end between two words breaks the run; "H." and "Jr." do not.
    if (previous && !/^[\s.]*$/u.test(text.slice(previous.end, token.start).replace(/^\.(?=\s)/u, ""))) flush();
    if (
      previous &&
      /[.!?]\s/u.test(text.slice(previous.end, token.start + 1)) &&
      !/^(?:\p{Lu}|\p{Lu}\p{Ll}{1,3})$/u.test(previous.text)
    )
      flush();
    const capital = isCapitalised(token);
    const following = tokens[i + 1];
    // "Department of Justice", "Commission on Presidential Debates", "Center for American Progress".
    const particle =
      NAME_PARTICLES.has(token.lower) ||
      token.lower === "of" ||
      ((token.lower === "on" || token.lower === "for") &&
        following !== undefined &&
        !ORGANISATION_WORDS.has(following.lower));
    if (capital) run.push(token);
    else if (particle && run.length > 0 && following && isCapitalised(following)) run.push(token);
    else flush();
  }
  flush();
  return runs;
}

/** Whether a name at `at` opens its sentence, possibly after a connective or an introductory phrase and comma. */
function opensSentence(text: string, block: Range, at: number): boolean {
  let i = at - 1;
  const floor = Math.max(block.start, at - 300);
  const boundary = (k: number) =>
    text[k] === "\n" || (/[.!?:]/u.test(text[k] as string) && /^["'”’»)]*\s/u.test(text.slice(k + 1, k + 4)));
  while (i >= floor && !boundary(i)) i--;
  const prefix = text
    .slice(Math.max(i + 1, floor), at)
    .replace(/^["'”’»)]+/u, "")
    .trim();
  if (prefix === "" || /^[\p{Lu}][\p{Ll}]*,?$/u.test(prefix) || /^["“‘«]$/u.test(prefix)) return true;
  // After an introductory phrase: "On Monday night, Clinton …", "In a statement, the ministry …".
  return (
    /,$/u.test(prefix) &&
    !prefix.slice(0, -1).includes(",") &&
    /^(?:\p{Lu}\p{Ll}*\s)/u.test(`${prefix} `) &&
    prefix.split(/\s+/u).length <= 8
  );
}

/**
 * Every name mentioned in the text, in order, and the resolution of short references to the
 * fullest earlier name: a surname to the full name, "he" to the person last in focus,
 * "the secretary general" to the person with that title.
 */
export class Mentions {
  readonly all: NameMention[] = [];
  /** Mentions by their last word, for surname look-ups. */
  private readonly bySurname = new Map<string, NameMention[]>();
  /** Speakers found so far, in text order: the persons in focus for "he" and "she". */
  private readonly speakers: { at: number; name: string; plural: boolean; person: boolean }[] = [];
  private readonly genders = new Map<string, "m" | "f">();

  constructor(text: string, blocks: Range[], quoted: Range[]) {
    const sortedQuotes = [...quoted].sort((a, b) => a.start - b.start);
    let q = 0;
    for (const block of blocks) {
      const tokens = tokenize(text, block.start, block.end);
      for (const run of capitalisedRuns(tokens, text)) {
        const parsed = parseName(run, text);
        if (!parsed) continue;
        while (q < sortedQuotes.length && (sortedQuotes[q] as Range).end <= parsed.start) q++;
        const inQuote = q < sortedQuotes.length && (sortedQuotes[q] as Range).start <= parsed.start;
        const after = text.slice(parsed.end, parsed.end + 80);
        // "Marc Morial, the chief executive of ..." and "John Smith, 45," introduce a person;
        // "Peabody Energy, the nation's largest coal company," an organisation.
        const appositive = /^,\s+(?:(?:a|an|the)\s+[\p{Ll}\p{Lu}]|\p{N}{1,3},)/u.test(after);
        const description = /^,\s+([^,.;]*)/u.exec(after)?.[1] ?? "";
        const head =
          (description.toLowerCase().split(/\s+(?:of|in|at|for|that|which|who|based)\s+/u)[0] ?? "")
            .split(/\s+/u)
            .pop() ?? "";
        const mention: NameMention = { ...parsed, quoted: inQuote, subject: opensSentence(text, block, parsed.start) };
        if (appositive && (ORGANISATION_WORDS.has(head) || INSTITUTION_NOUNS.has(head))) mention.kind = "organisation";
        else if (appositive && mention.kind !== "organisation") {
          mention.strong = true;
          mention.kind = "person";
        }
        this.all.push(mention);
        const surname = mention.words[mention.words.length - 1] as string;
        const list = this.bySurname.get(surname);
        if (list) list.push(mention);
        else this.bySurname.set(surname, [mention]);
        const gender = mention.titles.some((t) => FEMALE_TITLES.has(t))
          ? "f"
          : mention.titles.some((t) => MALE_TITLES.has(t))
            ? "m"
            : null;
        if (gender) this.genders.set(mention.words[mention.words.length - 1] as string, gender);
      }
    }
  }

  /** Index of the first mention at or after `at` (mentions are in text order). */
  private before(at: number): number {
    let lo = 0;
    let hi = this.all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.all[mid] as NameMention).start < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The fullest name whose words end with `words` (a surname, or a full name), preferring earlier mentions. */
  fullest(words: string[], at: number): string | null {
    if (words.length === 0) return null;
    const surname = words[words.length - 1] as string;
    const list = this.bySurname.get(surname) ?? [];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as NameMention).start < at) lo = mid + 1;
      else hi = mid;
    }
    const fits = (m: NameMention) => m.kind !== "organisation" && words.every((w) => m.words.includes(w));
    let best: NameMention | null = null;
    for (let i = lo - 1; i >= 0 && i >= lo - 200; i--) {
      const m = list[i] as NameMention;
      if (fits(m) && (!best || m.words.length > best.words.length)) best = m;
    }
    for (let i = lo; !best && i < list.length && i < lo + 50; i++) {
      const m = list[i] as NameMention;
      if (fits(m) && m.words.length > words.length) best = m;
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
      const mention = this.all[i] as NameMention;
      if (mention.kind === "organisation") continue;
      const titles = mention.titles.map((t) => ABBREVIATED_TITLES[t] ?? t);
      if (head.every((w) => titles.includes(w))) return this.fullest(mention.words, at) ?? mention.name;
    }
    return null;
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
    const fits = (name: string) => {
      const known = this.genders.get(name.toLowerCase().split(/\s+/).pop() ?? "");
      return !gender || !known || known === gender;
    };
    let speaker: { at: number; name: string } | null = null;
    for (let i = this.speakers.length - 1, seen = 0; i >= 0 && seen < 400; i--, seen++) {
      const s = this.speakers[i] as { at: number; name: string; plural: boolean; person: boolean };
      if (s.at >= at) continue;
      const agrees = plural ? s.plural || !s.person : s.person && !s.plural;
      if (agrees && fits(s.name)) {
        speaker = s;
        break;
      }
    }
    if (plural) return speaker?.name ?? null;
    for (let i = this.before(at) - 1, seen = 0; i >= 0 && seen < 400; i--, seen++) {
      const mention = this.all[i] as NameMention;
      if (speaker && mention.start <= speaker.at) break;
      if (mention.quoted || mention.possessive || !mention.subject || mention.kind === "organisation") continue;
      const name = this.fullest(mention.words, at) ?? mention.name;
      const person = mention.kind === "person" || mention.strong || /\s/u.test(name);
      if (person && fits(name)) return name;
    }
    return speaker?.name ?? null;
  }
}
