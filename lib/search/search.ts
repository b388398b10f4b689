import type { Annotation, Source } from "../model";
import { numberKey, numberMentions, numbersIn } from "./numbers";

/**
 * The one search of Claimmark, the same in the popup and the library: every word of the query
 * must occur in an annotation's text, quoted passage, speaker, note, tags or figure value, or in
 * its sources' title, address, publisher, note or quoted passage; case and accents aside. A
 * number matches however it is written ("6500" finds "6,500", "6.5k" and a figure of 6500); a
 * "quoted phrase" must occur as written.
 */

/** The fields of an annotation a search looks in. */
export type SearchedAnnotation = Pick<Annotation, "exact" | "speaker" | "note" | "tags" | "value" | "unit"> &
  Partial<Pick<Annotation, "cue" | "anchor">>;

/** The fields of a source a search looks in. */
export type SearchedSource = Pick<Source, "url" | "title" | "publisher" | "note" | "quote">;

/** A number in a query: its writing (also looked for as text) and the values it may stand for. */
interface NumberTerm {
  text: string;
  values: number[];
}

/** A parsed query: text that must occur, and numbers that must be written somewhere. */
export interface SearchQuery {
  words: string[];
  numbers: NumberTerm[];
}

/** What a search looks in, for one annotation: its folded text, and the numbers it holds (read on first need). */
export interface Haystack {
  text: string;
  numbers(): Set<number>;
}

/** Text as a search compares it: lower case, accents off, any space a plain space. */
export function fold(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").replace(/\s+/gu, " ").toLocaleLowerCase();
}

/** A phrase in straight or curly double quotes. */
const PHRASE = /["“”„«»]([^"“”„«»]*)["“”„«»]?/gu;

/** Reads a query; null when it asks for nothing. */
export function parseSearch(input: string): SearchQuery | null {
  const words: string[] = [];
  const phrases = input.replace(PHRASE, (_, phrase: string) => {
    const folded = fold(phrase).trim();
    if (folded) words.push(folded);
    return " ";
  });
  const numbers: NumberTerm[] = [];
  let rest = "";
  let at = 0;
  for (const mention of numberMentions(phrases)) {
    rest += `${phrases.slice(at, mention.index)} `;
    at = mention.index + mention.text.length;
    numbers.push({ text: fold(mention.text), values: mention.values });
  }
  rest += phrases.slice(at);
  words.push(...fold(rest).split(" ").filter(Boolean));
  return words.length > 0 || numbers.length > 0 ? { words, numbers } : null;
}

/** What a search looks in for an annotation and its sources. */
export function haystackOf(annotation: SearchedAnnotation, sources: readonly SearchedSource[] = []): Haystack {
  const parts: string[] = [annotation.exact, annotation.speaker ?? "", annotation.note, annotation.cue ?? ""];
  parts.push(...annotation.tags);
  if (annotation.anchor?.current) parts.push(annotation.anchor.current);
  if (annotation.value !== null && annotation.value !== undefined) parts.push(String(annotation.value));
  if (annotation.unit) parts.push(annotation.unit);
  for (const source of sources) parts.push(source.title, source.url, source.publisher, source.note, source.quote);
  const raw = parts.filter(Boolean).join("\n");
  let numbers: Set<number> | null = null;
  return {
    text: fold(raw),
    numbers() {
      if (!numbers) {
        numbers = numbersIn(raw);
        if (typeof annotation.value === "number") numbers.add(numberKey(annotation.value));
      }
      return numbers;
    },
  };
}

/** Whether an annotation's haystack holds every word and every number of the query. */
export function matchesSearch(query: SearchQuery, haystack: Haystack): boolean {
  for (const word of query.words) if (!haystack.text.includes(word)) return false;
  for (const term of query.numbers) {
    if (haystack.text.includes(term.text)) continue;
    const held = haystack.numbers();
    if (!term.values.some((value) => held.has(value))) return false;
  }
  return true;
}
