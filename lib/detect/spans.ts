import { splitOnBlankLines } from "./blocks";
import { type Lexicon, lexiconFor } from "./lexicon";
import { Mentions } from "./mentions";
import { NamedBefore } from "./named-before";
import { findQuotations, type Quotation } from "./quotes";
import { findReported } from "./reported";
import { type Range, splitSentences } from "./sentences";
import { type Attribution, attributeQuotation, resolveSource, type Speaker } from "./speakers";
import { classifyQuotation, type QuotationRole } from "./terms";
import type { DetectInput, SpanDetection } from "./types";
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

/** Paragraph blocks as given, when they are sound; otherwise the text split on blank lines. */
function blocksOf(text: string, given: DetectInput["blocks"]): Range[] {
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
    if (sound) return given.map((b) => ({ start: b.start, end: b.end }));
  }
  return splitOnBlankLines(text);
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
function detectAll(input: DetectInput): SpanDetection[] {
  const text = typeof input?.text === "string" ? input.text : "";
  if (text.length === 0) return [];
  const lang = typeof input.lang === "string" ? input.lang : null;
  const lexicon: Lexicon = lexiconFor(lang);
  const blocks = blocksOf(text, input.blocks);
  const quotations = findQuotations(text, blocks, lang);
  const outer = quotations.filter((q) => q.depth === 0).sort((a, b) => a.open - b.open);
  const outerMarked = outer.map(marked);
  const mentions = new Mentions(text, blocks, outerMarked);

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
    if (role !== "quote") continue;
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
    for (const sentence of sentencesByBlock[b] as Range[]) {
      while (qi < outerMarked.length && (outerMarked[qi] as Range).end <= sentence.start) qi++;
      const inSentence: Range[] = [];
      for (let k = qi; k < outerMarked.length && (outerMarked[k] as Range).start < sentence.end; k++)
        inSentence.push(outerMarked[k] as Range);
      for (const clause of findReported(text, sentence, inSentence, lexicon)) {
        candidates.push({
          kind: "claim",
          start: clause.start,
          end: clause.end,
          attribution: clause.attribution,
          sentence,
          block: b,
          opensBlock: false,
          wholeBlock: false,
          unclosed: false,
          speaker: null,
          inherited: false,
        });
      }
    }
  }

  resolveSpeakers(text, candidates, mentions, lexicon, sentences, blocks);

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
  return detections.sort((a, b) => a.start - b.start || b.end - a.end);
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
): void {
  const ordered = [...candidates].sort((a, b) => sourceAt(a) - sourceAt(b));
  const named = new NamedBefore(candidates);
  for (const c of ordered) {
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
}

/**
 * Finds direct quotes, reported claims and terms in an article text (DOM-free). Never throws:
 * a failure on a strange input yields no detections rather than an exception.
 */
export function detectSpans(input: DetectInput): SpanDetection[] {
  try {
    return detectAll(input);
  } catch {
    return [];
  } finally {
    // The words are shared by the detectors of this text only: keep neither them nor the text.
    releaseTokens();
  }
}
