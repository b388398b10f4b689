import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseHTML } from "linkedom";
import { extractArticle } from "../../lib/extract/article";
import { random } from "./random";

/**
 * Article texts of any length for the scaling bench, all built from the example article's own
 * words: the article repeated, and the shapes a hostile page could send to make a step of the
 * detector or of re-anchoring superlinear (one endless block, endless sentences, quotation marks
 * everywhere, numbers everywhere, names everywhere, reporting cues everywhere).
 */

const EXAMPLE = resolve(import.meta.dirname, "../../tests/fixtures/csto-tajik-afghan-border.html");

/** A way to build a text of about `length` characters, named for the table. */
export interface TextShape {
  name: string;
  build: (length: number) => string;
}

/** The example article's text, as the extension extracts it (paragraphs joined by a blank line). */
export function exampleArticleText(): string {
  const html = readFileSync(EXAMPLE, "utf8");
  const { article } = extractArticle(parseHTML(html).document as unknown as Document, "https://example.com/csto");
  if (!article) throw new Error(`no article extracted from ${EXAMPLE}`);
  return article.text;
}

/** Figures of every kind, as articles write them. */
const FIGURES = [
  "about 6,500 militants",
  "$3.2 billion",
  "12%",
  "up to 4,000 fighters",
  "15 km",
  "January 2015",
  "more than 1.5 million tonnes",
  "3-1",
  "28 November",
  "€40m",
  "10:30 a.m.",
  "nearly half",
  "7.3 per cent",
  "2019",
  "hundreds",
];

/** A capitalised word of letters only, different for every `i` ("Zqa", "Zqb", …, "Zqba", …). */
function nameWord(i: number): string {
  let word = "";
  for (let n = i; ; n = Math.floor(n / 26) - 1) {
    word = String.fromCharCode(97 + (n % 26)) + word;
    if (n < 26) break;
  }
  return `Zq${word}`;
}

/** Pieces produced one after another, each followed by its separator, until the text is `length` long. */
function fill(length: number, separator: string | ((i: number) => string), next: (i: number) => string): string {
  let text = "";
  for (let i = 0; text.length < length; i++) {
    if (i > 0) text += typeof separator === "string" ? separator : separator(i);
    text += next(i);
  }
  return text;
}

/** Groups of `size` items joined by `inner`, the groups joined by `outer`: words into paragraphs. */
function grouped(items: string[], size: number, inner: string, outer: string): string {
  const groups: string[] = [];
  for (let i = 0; i < items.length; i += size) groups.push(items.slice(i, i + size).join(inner));
  return groups.join(outer);
}

/** The shapes measured, from the example article's text. */
export function textShapes(article: string): TextShape[] {
  const paragraphs = article.split("\n\n");
  const words = article.split(/\s+/u).filter((word) => word.length > 0);
  const bare = words.map((word) => word.replace(/[^\p{L}\p{N}'-]/gu, "")).filter((word) => word.length > 0);
  const sentences = paragraphs.flatMap((paragraph) => paragraph.split(/(?<=[.!?]["”]?)\s+/u));
  /** The article's words cycled, `count` of them, starting at `offset` words in. */
  const wordsFrom = (count: number, offset = 0): string[] =>
    Array.from({ length: count }, (_, i) => words[(offset + i) % words.length] as string);
  /** The article's words without punctuation, in lower case, cycled, `count` of them, starting at `offset` words in. */
  const bareFrom = (count: number, offset = 0): string[] =>
    Array.from({ length: count }, (_, i) => (bare[(offset + i) % bare.length] as string).toLowerCase());
  /** Words of about `length` characters in total, each made by `make` from the article's next word. */
  const wordStream = (length: number, make: (word: string, i: number) => string): string[] => {
    const out: string[] = [];
    let size = 0;
    for (let i = 0; size < length; i++) {
      const word = make(words[i % words.length] as string, i);
      out.push(word);
      size += word.length + 1;
    }
    return out;
  };
  return [
    {
      name: "article repeated",
      build: (length) => fill(length, "\n\n", (i) => paragraphs[i % paragraphs.length] as string),
    },
    {
      name: "one block, no paragraph breaks",
      build: (length) => fill(length, " ", (i) => paragraphs[i % paragraphs.length] as string),
    },
    {
      name: "thousands of short paragraphs",
      build: (length) => fill(length, "\n\n", (i) => wordsFrom(3 + (i % 5), i * 7).join(" ")),
    },
    {
      name: "sentences as paragraphs",
      build: (length) => fill(length, "\n\n", (i) => sentences[i % sentences.length] as string),
    },
    {
      name: "balanced curly quotes, said",
      build: (length) => fill(length, " ", (i) => `“${wordsFrom(4 + (i % 6), i * 5).join(" ")},” Tasmagambetov said.`),
    },
    {
      name: "unbalanced quotes, one block",
      build: (length) => {
        const next = random(1);
        return wordStream(length, (word) => (next() < 0.2 ? `“${word}` : next() < 0.05 ? `${word}”` : word)).join(" ");
      },
    },
    {
      name: "nested quotes, one block",
      build: (length) =>
        fill(length, " ", (i) => {
          const [a, b, c, d] = [0, 1, 2, 3].map((k) => wordsFrom(3, i * 11 + k * 3).join(" "));
          return `“${a} ‘${b} “${c}” ${d}’ and,” Sidorov said, “${a}`;
        }),
    },
    {
      name: "mixed curly and straight quotes",
      build: (length) => {
        const marks = ['"', "'", "“", "”", "‘", "’", "«", "»", "„"];
        const next = random(2);
        const stream = wordStream(length, (word) => {
          const r = next();
          if (r < 0.15) return `${marks[Math.floor(next() * marks.length)]}${word}`;
          if (r < 0.3) return `${word}${marks[Math.floor(next() * marks.length)]}`;
          return word;
        });
        return grouped(stream, 400, " ", "\n\n");
      },
    },
    {
      name: "one nest of quotation marks, as deep as the text",
      build: (length) => {
        const depth = Math.floor((length - 1) / 4);
        return `${"“‘".repeat(depth)}x${"’”".repeat(depth)}`;
      },
    },
    {
      name: "unclosed marks, then guillemets",
      build: (length) => {
        const half = wordStream(length / 2, (word) => `“${word}`).join(" ");
        return `${half} ${wordStream(length / 2, (word) => `»${word}`).join(" ")}`;
      },
    },
    {
      name: "unattributed quotes, one endless sentence",
      build: (length) =>
        fill(length, " ", () => "“the border region remains quiet tonight” and Sidorov and the guards"),
    },
    {
      name: "quotes added by participles, one endless sentence",
      build: (length) =>
        `In the region ${fill(length, " ", (i) => `${bareFrom(3, i * 3).join(" ")} adding “${bareFrom(5, i * 5).join(" ")}”`)}`,
    },
    {
      name: "quotations closed before a full stop, one block",
      build: (length) =>
        fill(length, " ", (i) => `“${bareFrom(5, i * 5).join(" ")}”. ${bareFrom(4, i * 4).join(" ")}.`),
    },
    {
      name: "one capitalised run across sentences, with Said",
      build: (length) =>
        `${fill(length, " ", () => "Imangali Tasmagambetov Said Kunduz Badakhshan Takhar Remain Calm.")} Imangali Tasmagambetov`,
    },
    {
      name: "one capitalised run, then he said",
      build: (length) =>
        `${fill(length, " ", (i) => `Imangali ${nameWord(i)}`)} and “the border is closed for now,” he said.`,
    },
    {
      name: "one unclosed quotation as long as the text",
      build: (length) => `“${fill(length, " ", (i) => paragraphs[i % paragraphs.length] as string)}`,
    },
    {
      name: "numbers and units",
      build: (length) => fill(length, " ", (i) => `${wordsFrom(2, i * 3).join(" ")} ${FIGURES[i % FIGURES.length]}`),
    },
    {
      name: "quotes holding figures",
      build: (length) =>
        fill(
          length,
          (i) => (i % 8 === 7 ? "\n\n" : " "),
          (i) => {
            const figure = FIGURES[i % FIGURES.length] as string;
            return `“${wordsFrom(3, i * 4).join(" ")} ${figure} ${wordsFrom(3, i * 4 + 3).join(" ")},” Sidorov said.`;
          },
        ),
    },
    {
      name: "one endless sentence, no punctuation",
      build: (length) => fill(length, " ", (i) => bare[i % bare.length] as string),
    },
    {
      name: "capitalised words (names), one block",
      build: (length) =>
        fill(length, " ", (i) => {
          const word = bare[i % bare.length] as string;
          return word.charAt(0).toUpperCase() + word.slice(1);
        }),
    },
    {
      name: "said and according to, sentences in one block",
      build: (length) =>
        fill(length, " ", (i) => {
          const clause = wordsFrom(5, i * 5).join(" ");
          return i % 2 === 0 ? `Sidorov said that ${clause}.` : `According to Tasmagambetov, ${clause}, he said.`;
        }),
    },
    {
      name: "said and according to, one endless sentence",
      build: (length) =>
        fill(length, " ", (i) => {
          const clause = wordsFrom(5, i * 5).join(" ");
          return i % 2 === 0 ? `Sidorov said that ${clause}` : `according to Tasmagambetov, ${clause} he said`;
        }),
    },
  ];
}
