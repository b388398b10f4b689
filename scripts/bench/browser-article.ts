import type { BenchQuote } from "./browser-inpage";
import { random } from "./random";

/**
 * A large article for the anchoring and painting bench, generated: news-like sentences about
 * invented people, bodies and places, with varied numbers so that quotes are mostly unique and
 * the rest is told apart by context, as in real articles. No real article text is used.
 */

/** The generated page, the stored quotes taken from it, and the page again with some quotes edited. */
export interface SyntheticArticle {
  html: string;
  /** The page's `document.body.textContent`: title and paragraphs joined by newlines. */
  text: string;
  paragraphs: number;
  quotes: BenchQuote[];
  /** The page with one word changed inside every tenth quote. */
  editedHtml: string;
  edited: number;
  /** Where each quote starts in the edited page's text (edits before it move it). */
  editedStarts: number[];
}

const CONTEXT = 32;
const MIN_QUOTE = 20;
const MAX_QUOTE = 200;

const FIRST = ["Amara", "Tomasz", "Ingrid", "Kofi", "Lucía", "Hiroshi", "Mireille", "Dmitri", "Aisha", "Pieter"];
const LAST = ["Okafor", "Lindqvist", "Moreau", "Haddad", "Castillo", "Novak", "Tanaka", "Brennan", "Osei", "Varga"];
const ROLES = [
  "the finance minister",
  "a spokesperson for the regional council",
  "the chief economist at the Meridian Bank",
  "the mayor of Port Aldren",
  "a senior official at the transport ministry",
  "the director of the Coastal Water Authority",
  "an analyst at Eastbridge University",
];
const BODIES = [
  "the Northern Grain Cooperative",
  "Harbor City Transit",
  "the National Statistics Office",
  "Meridian Health Trust",
  "the Federal Audit Court",
  "Summit Energy",
  "the regional council",
];
const PLACES = ["Port Aldren", "Kessling", "the river delta", "Valmont", "the northern provinces", "Old Harbor"];
const NOUNS = ["households", "jobs", "schools", "hospital beds", "tonnes of grain", "new homes", "buses", "inspectors"];
const VERBS = ["added", "lost", "cut", "approved", "built", "inspected", "funded", "delayed"];
const WHEN = ["last year", "in March", "since 2019", "over the past decade", "in the first quarter", "this week"];
const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const MOODS = ["disappointing", "overdue", "unavoidable", "rushed", "encouraging", "confusing"];
/** Words that replace a quote's word in the edited page. */
const REPLACEMENTS = ["several", "broad", "minor", "urgent", "local", "formal", "joint", "final", "modest"];

/** Sentences of a news report, each drawn with fresh names and numbers. */
function sentenceMaker(next: () => number) {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const count = () => String(Math.floor(next() * 9000) + 12);
  const share = () => (next() * 40 + 1).toFixed(1);
  const money = () => `${(next() * 900 + 10).toFixed(1)} million euros`;
  const person = () => `${pick(FIRST)} ${pick(LAST)}`;
  const templates: (() => string)[] = [
    () =>
      `${person()}, ${pick(ROLES)}, said on ${pick(DAYS)} that ${pick(BODIES)} had ${pick(VERBS)} ${count()} ${pick(NOUNS)} in ${pick(PLACES)} ${pick(WHEN)}.`,
    () =>
      `According to ${pick(BODIES)}, the number of ${pick(NOUNS)} in ${pick(PLACES)} rose by ${share()} percent ${pick(WHEN)}.`,
    () =>
      `“We expected ${count()} ${pick(NOUNS)}, and we got fewer than half of that,” said ${person()}, ${pick(ROLES)}.`,
    () => `The budget, worth ${money()}, was ${pick(VERBS)} by ${pick(BODIES)} after ${count()} days of talks.`,
    () =>
      `Officials in ${pick(PLACES)} estimated that about ${count()} ${pick(NOUNS)} would be affected, up from ${count()} ${pick(WHEN)}.`,
    () =>
      `Critics, including ${person()} of ${pick(BODIES)}, argued that the plan would cost ${money()} and leave ${count()} ${pick(NOUNS)} without support.`,
    () =>
      `In ${pick(PLACES)}, residents called the changes ${pick(MOODS)} and said ${pick(BODIES)} had not explained them.`,
    () =>
      `${person()} told reporters that ${pick(BODIES)} would publish its review of the ${count()} cases within ${share()} weeks.`,
  ];
  return () => pick(templates)();
}

const page = (title: string, paragraphs: string[]): string =>
  // No whitespace outside the paragraphs, one newline between blocks: `textContent` is the text itself.
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body><article><h1>${title}</h1>\n${paragraphs.map((p) => `<p>${p}</p>`).join("\n")}</article></body></html>`;

const flat = (text: string): string => text.replace(/\n/g, " ");

/** One quote of 20–200 characters, on word boundaries within one paragraph, starting at or after `from`. */
function quoteAt(text: string, from: number, to: number, next: () => number): BenchQuote | null {
  for (let attempt = 0; attempt < 50; attempt++) {
    let start = from + Math.floor(next() * (to - from));
    while (start < text.length && text[start - 1] !== " " && text[start - 1] !== "\n") start++;
    const paragraphEnd = text.indexOf("\n", start);
    const limit = Math.min(
      paragraphEnd === -1 ? text.length : paragraphEnd,
      start + MIN_QUOTE + Math.floor(next() * (MAX_QUOTE - MIN_QUOTE)),
    );
    let end = limit;
    while (end > start && end < text.length && text[end] !== " " && text[end] !== "\n") end--;
    if (end - start < MIN_QUOTE || end > to + MAX_QUOTE) continue;
    return {
      exact: text.slice(start, end),
      prefix: flat(text.slice(Math.max(0, start - CONTEXT), start)),
      suffix: flat(text.slice(end, end + CONTEXT)),
      start,
    };
  }
  return null;
}

/** Changes one inner word (three letters or more) of every tenth quote; returns the edited text and how many. */
function editQuotes(
  text: string,
  quotes: BenchQuote[],
  next: () => number,
): { text: string; edited: number; starts: number[] } {
  const edits: { at: number; length: number; word: string }[] = [];
  quotes.forEach((quote, i) => {
    if (i % 10 !== 5) return;
    const words = [...quote.exact.matchAll(/\p{L}{3,}/gu)].filter(
      (m) => (m.index ?? 0) > 0 && (m.index ?? 0) + m[0].length < quote.exact.length,
    );
    const word = words[Math.floor(next() * words.length)];
    if (!word) return;
    const replacement = REPLACEMENTS.filter((candidate) => candidate !== word[0])[Math.floor(next() * 8)] as string;
    edits.push({ at: quote.start + (word.index ?? 0), length: word[0].length, word: replacement });
  });
  // Every edit lies inside a quote, after its first character: it moves the quotes after it only.
  const starts = quotes.map(
    (quote) =>
      quote.start +
      edits.filter((edit) => edit.at < quote.start).reduce((shift, edit) => shift + edit.word.length - edit.length, 0),
  );
  let edited = text;
  for (const edit of [...edits].reverse()) {
    edited = edited.slice(0, edit.at) + edit.word + edited.slice(edit.at + edit.length);
  }
  return { text: edited, edited: edits.length, starts };
}

/**
 * Generates an article of at least `chars` characters of text and picks `count` quotes from it,
 * one in each equal stretch of the text, with 32 characters of context each side.
 */
export function syntheticArticle(chars = 1_000_000, count = 1000, seed = 20_251_128): SyntheticArticle {
  const next = random(seed);
  const sentence = sentenceMaker(next);
  const title = "Regional budget talks stall as the cost of services keeps rising";
  const paragraphs: string[] = [];
  let length = title.length;
  while (length < chars) {
    const paragraph = Array.from({ length: 3 + Math.floor(next() * 4) }, sentence).join(" ");
    paragraphs.push(paragraph);
    length += paragraph.length + 1;
  }
  const text = [title, ...paragraphs].join("\n");

  const stride = Math.floor(text.length / count);
  const quotes: BenchQuote[] = [];
  for (let i = 0; i < count; i++) {
    const quote = quoteAt(text, i * stride + 1, (i + 1) * stride - MAX_QUOTE, next);
    if (!quote) throw new Error(`could not pick quote ${i} of the synthetic article`);
    quotes.push(quote);
  }
  const edit = editQuotes(text, quotes, next);
  const [editedTitle = title, ...editedParagraphs] = edit.text.split("\n");
  return {
    html: page(title, paragraphs),
    text,
    paragraphs: paragraphs.length,
    quotes,
    editedHtml: page(editedTitle, editedParagraphs),
    edited: edit.edited,
    editedStarts: edit.starts,
  };
}
