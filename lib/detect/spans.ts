import { splitOnBlankLines } from "./blocks";
import { guessLang } from "./figures/guess-lang";
import type { Lang } from "./figures/lang";
import { type Lexicon, lexiconFor } from "./lexicon";
import { Mentions } from "./mentions";
import { NamedBefore } from "./named-before";
import { findQuotations, type Quotation } from "./quotes";
import { findReported, introducedBlocks, transcriptBlocks } from "./reported";
import { blockNamesSpeakers, holdsClaims } from "./roles";
import { type Range, splitSentences } from "./sentences";
import { type Attribution, attributeQuotation, isTitleDescription, resolveSource, type Speaker } from "./speakers";
import { classifyQuotation, type QuotationRole } from "./terms";
import type { BlockRole, DetectInput, SpanDetection } from "./types";
import { releaseTokens, tokenize } from "./words";

/** A quotation or claim found, waiting for its source to be resolved in text order. */
interface Candidate {
  kind: "quote" | "claim";
  start: number;
  end: number;
  attribution: Attribution | null;
  /** The sentence it sits in (for "…, adding that"), and its paragraph. */
  sentence: Range;
  block: number;
  /** Opens its paragraph: may continue the previous paragraph's speaker. */
  opensBlock: boolean;
  /** Is the whole paragraph. */
  wholeBlock: boolean;
  unclosed: boolean;
  speaker: Speaker | null;
  inherited: boolean;
}

/** A reported clause as a candidate claim of its sentence and paragraph. */
function claimCandidate(
  clause: { start: number; end: number; attribution: Attribution | null },
  sentence: Range,
  block: number,
): Candidate {
  const { start, end, attribution } = clause;
  return {
    kind: "claim",
    start,
    end,
    attribution,
    sentence,
    block,
    opensBlock: false,
    wholeBlock: false,
    unclosed: false,
    speaker: null,
    inherited: false,
  };
}

/** A stretch of the text whose words are one speaker's though no quotation mark says so: a block quote. */
export interface SpeakerRegion {
  start: number;
  end: number;
  speaker: string | null;
}

/** The paragraph blocks of a text and what each was on the page. */
interface Blocks {
  ranges: Range[];
  /** The role of each block; undefined for an ordinary paragraph or when unknown. */
  roles: (BlockRole | undefined)[];
}

/** Paragraph blocks as given, when they are sound; otherwise the text split on blank lines. */
function blocksOf(text: string, given: DetectInput["blocks"]): Blocks {
  if (Array.isArray(given) && given.length > 0) {
    let previous = 0;
    const sound = given.every((b) => {
      const ok =
        b !== null &&
        typeof b === "object" &&
        Number.isSafeInteger(b.start) &&
        Number.isSafeInteger(b.end) &&
        b.start >= previous &&
        b.start <= b.end &&
        b.end <= text.length;
      if (ok) previous = b.end;
      return ok;
    });
    if (sound)
      return {
        ranges: given.map((b) => ({ start: b.start, end: b.end })),
        roles: given.map((b) => (typeof b.role === "string" && b.role !== "paragraph" ? b.role : undefined)),
      };
  }
  const ranges = splitOnBlankLines(text);
  return { ranges, roles: ranges.map(() => undefined) };
}

/**
 * The sentences of each block, quotations protected. Quotations overlapping a block are kept in
 * a running list (blocks and quotations are in text order), so the work stays linear in the text.
 */
function sentencesOf(text: string, blocks: Range[], quotations: Range[]): Range[][] {
  const result: Range[][] = [];
  let active: Range[] = [];
  let next = 0;
  for (const block of blocks) {
    while (next < quotations.length && (quotations[next] as Range).start < block.end)
      active.push(quotations[next++] as Range);
    active = active.filter((r) => r.end > block.start);
    result.push(splitSentences(text, block, active));
  }
  return result;
}

/** The range in a sorted list that contains `at`, or null. */
function containing(ranges: Range[], at: number): Range | null {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid] as Range;
    if (at < r.start) hi = mid - 1;
    else if (at >= r.end) lo = mid + 1;
    else return r;
  }
  return null;
}

/** The marks-included range of a quotation. */
const marked = (q: Quotation): Range => ({ start: q.open, end: q.close + q.closeLength });

/** Classifies a quotation from the words around it. */
function roleOf(
  text: string,
  q: Quotation,
  block: Range,
  sentence: Range | null,
  attribution: Attribution | null,
): QuotationRole {
  const before = tokenize(text, Math.max(block.start, q.open - 80), q.open).slice(-4);
  const afterEnd = q.close + q.closeLength;
  const after = tokenize(text, afterEnd, Math.min(block.end, afterEnd + 40)).slice(0, 2);
  const last = before[before.length - 1];
  const gapBefore = last ? text.slice(last.end, q.open) : "";
  const standsAlone =
    !sentence || /^[\s(]*$/u.test(text.slice(Math.max(sentence.start, q.open - 200), q.open)) || q.open === block.start;
  return classifyQuotation(text, q.start, q.end, {
    before,
    after,
    gapBefore,
    nested: q.depth > 0,
    attributed: attribution !== null && (attribution.source !== null || attribution.cue !== null),
    standsAlone,
  });
}

/** Finds the quotations, terms and reported claims of every paragraph. */
function detectAll(
  input: DetectInput,
  guessed: Lang | null | undefined,
): { spans: SpanDetection[]; regions: SpeakerRegion[] } {
  const text = typeof input?.text === "string" ? input.text : "";
  if (text.length === 0) return { spans: [], regions: [] };
  // An untagged page in Spanish or French needs its own cues ("según", "a déclaré") and pronouns.
  const lang = typeof input.lang === "string" ? input.lang : guessed === undefined ? guessLang(text) : guessed;
  const lexicon: Lexicon = lexiconFor(lang);
  const { ranges: blocks, roles } = blocksOf(text, input.blocks);
  const quotations = findQuotations(text, blocks, lang);
  const outer = quotations.filter((q) => q.depth === 0).sort((a, b) => a.open - b.open);
  const outerMarked = outer.map(marked);
  // Headings, captions, credits and datelines name no one that "he" or "the minister" stands for.
  const named = blocks.map((block, b) => blockNamesSpeakers(text, block, roles[b]));
  const mentions = new Mentions(text, blocks, outerMarked, named);

  const sentencesByBlock = sentencesOf(text, blocks, outerMarked);
  const sentences: Range[] = [];
  for (const list of sentencesByBlock) for (const sentence of list) sentences.push(sentence);

  const detections: SpanDetection[] = [];
  const candidates: Candidate[] = [];

  // Quotations: attribution first, as it tells a partial quote from a scare quote.
  let blockIndex = 0;
  const previousInSentence: { sentence: Range | null; attribution: Attribution | null } = {
    sentence: null,
    attribution: null,
  };
  for (let n = 0; n < outer.length; n++) {
    const q = outer[n] as Quotation;
    while (blockIndex < blocks.length - 1 && (blocks[blockIndex] as Range).end <= q.open) blockIndex++;
    const block = blocks[blockIndex] as Range;
    const closeBlock = containing(blocks, Math.max(q.open, q.close - 1)) ?? block;
    const openSentence = containing(sentences, q.open);
    const closeSentence = containing(sentences, q.close) ?? containing(sentences, Math.max(q.open, q.close - 1));
    const previous = n > 0 ? (outer[n - 1] as Quotation) : null;
    const next = outer[n + 1];
    const beforeStart = Math.max(
      openSentence?.start ?? block.start,
      previous ? previous.close + previous.closeLength : block.start,
      block.start,
    );
    let sentenceEnd = closeSentence?.end ?? closeBlock.end;
    // “…?” Graham asked. — a question or exclamation ends the quotation, not the sentence.
    if (
      sentenceEnd <= q.close + q.closeLength + 1 &&
      /[?!]\s*$/u.test(text.slice(Math.max(q.start, q.end - 2), q.end))
    ) {
      sentenceEnd =
        containing(sentences, sentenceEnd + 1)?.end ?? containing(sentences, sentenceEnd + 2)?.end ?? sentenceEnd;
    }
    const afterEnd = Math.min(sentenceEnd, next ? next.open : closeBlock.end, closeBlock.end);
    let attribution = attributeQuotation(
      text,
      q,
      { start: beforeStart, end: q.open },
      { start: q.close + q.closeLength, end: afterEnd },
      openSentence ?? block,
      lexicon,
    );
    // "The Times reports:" closing the previous paragraph introduces a quotation that opens this one.
    const opensBlock = /^\s*$/u.test(text.slice(block.start, q.open));
    if (!attribution && opensBlock && blockIndex > 0) {
      const previousBlock = blocks[blockIndex - 1] as Range;
      if (/:\s*$/u.test(text.slice(Math.max(previousBlock.start, previousBlock.end - 3), previousBlock.end))) {
        const lastSentence = containing(sentences, previousBlock.end - 1);
        const colon = text.lastIndexOf(":", previousBlock.end);
        attribution = attributeQuotation(
          text,
          q,
          { start: Math.max(lastSentence?.start ?? previousBlock.start, previousBlock.start), end: colon + 1 },
          { start: q.close + q.closeLength, end: afterEnd },
          lastSentence ?? previousBlock,
          lexicon,
        );
      }
    }
    // “A” and “B”: later quotations of a sentence share the attribution of the first.
    if (!attribution && openSentence && previousInSentence.sentence === openSentence)
      attribution = previousInSentence.attribution;
    if (attribution && openSentence) {
      previousInSentence.sentence = openSentence;
      previousInSentence.attribution = attribution;
    }
    const role = roleOf(text, q, block, openSentence, attribution);
    if (role === "term") {
      detections.push(term(text, q));
      continue;
    }
    // A heading, a byline or a list of links quotes no one.
    if (role !== "quote" || !holdsClaims(roles[blockIndex])) continue;
    candidates.push({
      kind: "quote",
      start: q.start,
      end: q.end,
      attribution,
      sentence: openSentence ?? block,
      block: blockIndex,
      opensBlock,
      wholeBlock: opensBlock && /^[\s.,;:!?]*$/u.test(text.slice(q.close + q.closeLength, closeBlock.end)),
      unclosed: q.unclosed,
      speaker: null,
      inherited: false,
    });
  }
  for (const q of quotations) {
    if (q.depth === 0) continue;
    const block = containing(blocks, q.open);
    if (block && roleOf(text, q, block, containing(sentences, q.open), null) === "term") detections.push(term(text, q));
  }

  // Reported speech, sentence by sentence; quotations inside a sentence are protected.
  let qi = 0;
  for (let b = 0; b < blocks.length; b++) {
    if (!holdsClaims(roles[b])) continue;
    for (const sentence of sentencesByBlock[b] as Range[]) {
      while (qi < outerMarked.length && (outerMarked[qi] as Range).end <= sentence.start) qi++;
      const inSentence: Range[] = [];
      for (let k = qi; k < outerMarked.length && (outerMarked[k] as Range).start < sentence.end; k++)
        inSentence.push(outerMarked[k] as Range);
      for (const clause of findReported(text, sentence, inSentence, lexicon)) {
        candidates.push(claimCandidate(clause, sentence, b));
      }
    }
    // "The governor added:" closing a paragraph hands the floor to the next block, or to a list.
    const closing = (sentencesByBlock[b] as Range[])[(sentencesByBlock[b] as Range[]).length - 1];
    if (closing && b + 1 < blocks.length && holdsClaims(roles[b + 1])) {
      for (const { clause, block } of introducedBlocks(text, closing, blocks, roles, b + 1, lexicon)) {
        candidates.push(claimCandidate(clause, closing, block));
      }
    }
  }

  // "WALLACE: …", "PENCE: …": the blocks of a transcript are their speakers' words.
  for (const { clause, block } of transcriptBlocks(text, blocks, roles)) {
    candidates.push(claimCandidate(clause, blocks[block] as Range, block));
  }

  const captions = new Set<number>();
  roles.forEach((role, b) => {
    if (role === "caption") captions.add(b);
  });
  resolveSpeakers(text, candidates, mentions, lexicon, sentences, blocks, captions);
  const regions = blockQuoteRegions(text, blocks, roles, sentences, candidates, mentions, lexicon);

  // Each name is tested once: thousands of candidates may share a speaker, whose name can be a paragraph long.
  const names = new Map<string, boolean>();
  for (const c of candidates) {
    const name = c.speaker?.name && isSoundName(c.speaker.name, names) ? c.speaker.name : null;
    // A claim needs a source; one given only as an unresolved pronoun is still a claim.
    if (c.kind === "claim" && !name && c.speaker?.form !== "pronoun") continue;
    let confidence = c.kind === "quote" ? 0.55 : 0.6;
    if (name) {
      confidence = c.inherited ? 0.7 : c.speaker?.form === "pronoun" ? 0.8 : 0.9;
      if (c.kind === "claim") confidence -= 0.1;
    }
    if (c.unclosed) confidence *= 0.7;
    const cue = c.attribution?.cue ? text.slice(c.attribution.cue.start, c.attribution.cue.end) : null;
    detections.push({
      kind: c.kind,
      exact: text.slice(c.start, c.end),
      start: c.start,
      end: c.end,
      speaker: name,
      cue,
      confidence: Math.round(confidence * 100) / 100,
    });
  }
  return { spans: detections.sort((a, b) => a.start - b.start || b.end - a.end), regions };
}

/** The attribution of a block quote: "X wrote:" closing the block before, or "— X" right after it. */
function blockQuoteAttribution(
  text: string,
  blocks: Range[],
  first: number,
  last: number,
  sentences: Range[],
  lexicon: Lexicon,
): Attribution | null {
  const start = (blocks[first] as Range).start;
  const end = (blocks[last] as Range).end;
  const previous = blocks[first - 1];
  if (previous && /:\s*$/u.test(text.slice(Math.max(previous.start, previous.end - 3), previous.end))) {
    const sentence = containing(sentences, previous.end - 1) ?? previous;
    const colon = text.lastIndexOf(":", previous.end);
    const quote = { open: start, close: end, closeLength: 0 };
    const before = { start: Math.max(sentence.start, previous.start), end: colon + 1 };
    const found = attributeQuotation(text, quote, before, { start: end, end }, sentence, lexicon);
    if (found?.source) return found;
  }
  // "— Ana Duarte": a dash and a name, the quote's last line or the line after it.
  for (const b of [last, last + 1]) {
    const block = blocks[b];
    if (!block || block.end - block.start > 120 || (b === last && first === last)) continue;
    const quote = { open: start, close: block.start, closeLength: 0 };
    // "— Rui Mota, fisherman": the name ends at the comma before its description.
    const comma = text.indexOf(",", block.start);
    const line = { start: block.start, end: comma >= 0 && comma < block.end ? comma : block.end };
    const found = attributeQuotation(text, quote, { start, end: start }, line, line, lexicon);
    if (found?.source && !found.cue) return found;
  }
  return null;
}

/**
 * The speaker of each block quote (a run of blocks of role "blockquote"), for the figures and the
 * unattributed quotations inside it: its own attribution, else the one speaker its quotations name.
 */
function blockQuoteRegions(
  text: string,
  blocks: Range[],
  roles: (BlockRole | undefined)[],
  sentences: Range[],
  candidates: Candidate[],
  mentions: Mentions,
  lexicon: Lexicon,
): SpeakerRegion[] {
  const regions: SpeakerRegion[] = [];
  const byBlock = new Map<number, Candidate[]>();
  for (const c of candidates) {
    const list = byBlock.get(c.block);
    if (list) list.push(c);
    else byBlock.set(c.block, [c]);
  }
  for (let b = 0; b < blocks.length; b++) {
    if (roles[b] !== "blockquote") continue;
    let last = b;
    while (roles[last + 1] === "blockquote") last++;
    const inside: Candidate[] = [];
    for (let k = b; k <= last; k++) inside.push(...(byBlock.get(k) ?? []));
    const attribution = blockQuoteAttribution(text, blocks, b, last, sentences, lexicon);
    let speaker: Speaker | null = attribution?.source
      ? resolveSource(text, attribution.source, mentions, lexicon)
      : null;
    if (!speaker?.name) speaker = inside.find((c) => c.speaker?.name && !c.inherited)?.speaker ?? null;
    for (const c of inside) {
      if (c.speaker?.name || !speaker?.name) continue;
      c.speaker = speaker;
      c.inherited = true;
    }
    regions.push({
      start: (blocks[b] as Range).start,
      end: (blocks[last] as Range).end,
      speaker: speaker?.name ?? null,
    });
    b = last;
  }
  return regions;
}

/** A path, a query or a header line is no one's name ("GET /.well-known/webfinger?resource"); "a CNN/ORC poll" is. */
const NOT_A_NAME = /[?=]|\s\/|\/\./u;

/** Whether a speaker's name is no path, query or header line; `checked` remembers the names already tested. */
function isSoundName(name: string, checked: Map<string, boolean>): boolean {
  let sound = checked.get(name);
  if (sound === undefined) {
    sound = !NOT_A_NAME.test(name);
    checked.set(name, sound);
  }
  return sound;
}

/** A term detection for a quotation. */
function term(text: string, q: Quotation): SpanDetection {
  return {
    kind: "term",
    exact: text.slice(q.start, q.end),
    start: q.start,
    end: q.end,
    speaker: null,
    cue: null,
    confidence: 0.7,
  };
}

/** Where a candidate's source is written (or the candidate itself, when it has none). */
const sourceAt = (c: Candidate): number =>
  c.attribution?.source?.head.start ?? c.attribution?.fallback?.head.start ?? c.start;

/**
 * Resolves sources in text order, so that "he" and "the secretary general" find the person last
 * in focus, then lets an unattributed quotation continue the speaker of the quotation before it
 * (in its paragraph, or the previous one when it opens a paragraph).
 */
function resolveSpeakers(
  text: string,
  candidates: Candidate[],
  mentions: Mentions,
  lexicon: Lexicon,
  sentences: Range[],
  blocks: Range[],
  captions: ReadonlySet<number>,
): void {
  const ordered = [...candidates].sort((a, b) => sourceAt(a) - sourceAt(b));
  const named = new NamedBefore(candidates);
  for (const c of ordered) {
    const caption = captions.has(c.block);
    let source = c.attribution?.source;
    if (!source && c.attribution?.sameAsPrevious) {
      // ", adding that …" continues the attribution before it in the sentence, else the sentence's subject.
      const previous = named.lastNamedBefore(c);
      if (previous) {
        c.speaker = previous.speaker;
        named.noteNamed(c);
        continue;
      }
      source = c.attribution.fallback ?? undefined;
    }
    if (!source) continue;
    c.speaker = resolveSource(text, source, mentions, lexicon);
    // A caption names its own speaker or none: "he" there is someone in a picture, not in the story.
    if (caption) {
      if (c.speaker.form === "pronoun" || source.head.start < (blocks[c.block] as Range).start) c.speaker = null;
      continue;
    }
    if (c.speaker.name) {
      named.noteNamed(c);
      const person = c.speaker.form === "name" || (c.speaker.form === "pronoun" && !c.speaker.plural);
      mentions.noteSpeaker(c.speaker.name, source.head.start, c.speaker.plural, person);
    }
  }
  const byPosition = [...candidates].sort((a, b) => a.start - b.start);
  let lastQuote: Candidate | null = null;
  let lastAny: Candidate | null = null;
  for (const c of byPosition) {
    // A caption passes no speaker on, and takes none from the story around it.
    if (captions.has(c.block)) continue;
    if (!c.speaker && c.attribution?.sameAsPrevious && lastAny?.speaker && lastAny.block === c.block) {
      c.speaker = lastAny.speaker;
      c.inherited = true;
    }
    // "Japan branded North Korea an “outlaw nation”": a partial quotation without a cue is the words
    // of the name that opens its sentence, rather than of a speaker of the sentences before.
    if (c.kind === "quote" && !c.speaker && !c.attribution && c.sentence.start < c.start) {
      const subject = mentions.subjectOf(c.sentence.start, c.start);
      if (subject) c.speaker = { name: subject, plural: false, person: true, form: "name" };
    }
    if (c.kind === "quote" && !c.speaker && !c.attribution && lastQuote?.speaker) {
      const sameBlock = lastQuote.block === c.block;
      const nextBlock = c.opensBlock && lastQuote.block === c.block - 1 && lastAny === lastQuote;
      if (sameBlock || nextBlock) {
        c.speaker = lastQuote.speaker;
        c.inherited = true;
      }
    }
    // "Trump said he would win. “We will win big.”": a quotation after a claim in its paragraph.
    if (c.kind === "quote" && !c.speaker && !c.attribution && lastAny?.speaker?.name && lastAny.block === c.block) {
      c.speaker = lastAny.speaker;
      c.inherited = true;
    }
    if (c.kind === "quote" && !c.speaker && !c.attribution && c.wholeBlock) {
      // A paragraph that is only a quotation continues the person in focus.
      const focus = mentions.resolvePronoun("they", false, c.start);
      if (focus) {
        c.speaker = { name: focus, plural: false, person: true, form: "name" };
        c.inherited = true;
      }
    }
    // "Sen. Sanders identified exhaustion with bigotry as a reason. “The younger people are …”": a
    // quotation that is a sentence of its own, after a sentence about a named person, is theirs.
    if (
      c.kind === "quote" &&
      !c.speaker &&
      !c.attribution &&
      /^[\s"“‘'«]*$/u.test(text.slice(c.sentence.start, c.start))
    ) {
      const block = blocks[c.block];
      const previous = containing(sentences, c.sentence.start - 1) ?? containing(sentences, c.sentence.start - 2);
      if (block && previous && previous !== c.sentence && previous.start >= block.start) {
        const subject = mentions.subjectOf(previous.start, previous.end);
        if (subject) {
          c.speaker = { name: subject, plural: false, person: true, form: "name" };
          c.inherited = true;
        }
      }
    }
    if (c.kind === "quote") lastQuote = c;
    lastAny = c;
  }
  // "…, a déclaré le ministre des Affaires étrangères. « … », a ajouté Laurent Fabius.": a title that the
  // paragraph then names, as the one who "added", is that person; those who took its speaker follow.
  for (let k = 0; k < byPosition.length; k++) {
    const c = byPosition[k] as Candidate;
    const speaker = c.speaker;
    if (!speaker?.name || speaker.form !== "description" || c.inherited || captions.has(c.block)) continue;
    if (!isTitleDescription(speaker.name)) continue;
    let j = k + 1;
    while (j < byPosition.length && j < k + 10 && (byPosition[j] as Candidate).speaker === speaker) j++;
    const next = byPosition[j];
    if (!next || next.block !== c.block || next.inherited || next.speaker?.form !== "name") continue;
    if (ADDING.has(next.attribution?.cue?.info.lemma ?? "")) Object.assign(speaker, next.speaker);
  }
  // "…sans nouvelles « d’encore 200 » personnes. « … », a ajouté Laurent Fabius.": who "added" the
  // next words of the paragraph said the unattributed quotation before them.
  for (let k = byPosition.length - 2; k >= 0; k--) {
    const c = byPosition[k] as Candidate;
    const next = byPosition[k + 1] as Candidate;
    if (c.kind !== "quote" || c.speaker || c.attribution || captions.has(c.block)) continue;
    if (next.kind !== "quote" || next.block !== c.block || !next.speaker?.name || next.inherited) continue;
    if (!ADDING.has(next.attribution?.cue?.info.lemma ?? "")) continue;
    c.speaker = next.speaker;
    c.inherited = true;
  }
}

/** Cues that say the words before were the same speaker's ("he added", "a ajouté", "añadió"). */
const ADDING = new Set(["add", "ajouter", "añadir", "agregar", "acrescentar", "continue", "continuer"]);

/**
 * Finds direct quotes, reported claims and terms in an article text (DOM-free). Never throws:
 * a failure on a strange input yields no detections rather than an exception.
 */
export function detectSpans(input: DetectInput): SpanDetection[] {
  return detectSpansAndRegions(input).spans;
}

/**
 * `detectSpans`, with the block quotes and their speakers besides, so that a figure in a block
 * quote is its speaker's; `guessed` is an untagged text's guessed language, when the caller has it.
 * Never throws.
 */
export function detectSpansAndRegions(
  input: DetectInput,
  guessed?: Lang | null,
): { spans: SpanDetection[]; regions: SpeakerRegion[] } {
  try {
    return detectAll(input, guessed);
  } catch {
    return { spans: [], regions: [] };
  } finally {
    // The words are shared by the detectors of this text only: keep neither them nor the text.
    releaseTokens();
  }
}
