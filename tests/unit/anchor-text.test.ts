import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { errorBudget, locateFuzzy, MIN_QUOTE_SIMILARITY } from "../../lib/anchor/fuzzy";
import { locateAll, locateQuote, type QuoteTarget } from "../../lib/anchor/locate";
import { isWhitespaceCode, normalizeWhitespace } from "../../lib/anchor/normalize";
import { SearchBudget } from "../../lib/anchor/search-budget";
import { selectorsFor } from "../../lib/anchor/selectors";
import { locateAtPosition, locateExact } from "../../lib/anchor/text-quote";

/** The target a stored annotation of text[start, end) would give: its selectors and its start as the hint. */
function targetAt(text: string, start: number, end: number, hint: number | undefined = start): QuoteTarget {
  const [quote] = selectorsFor(text, start, end);
  return { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, hint };
}

/** The target of the first occurrence of `quote` in `text`. */
function targetOf(text: string, quote: string, hint?: number): QuoteTarget {
  const start = text.indexOf(quote);
  if (start === -1) throw new Error(`fixture lacks ${quote}`);
  return targetAt(text, start, start + quote.length, hint ?? start);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const ARTICLE = [
  "The council met on Tuesday evening to debate the budget for the coming year.",
  "“We cannot afford another cut,” said the mayor, who has led the city since 2019.",
  "The opposition leader said the plan would cost 4.2 million euros over five years.",
  "“We cannot afford another cut,” said the treasurer later, repeating the mayor's words.",
  "In the end the council voted to approve the budget by 23 votes to 12.",
].join("\n\n");

describe("normalizeWhitespace", () => {
  it.each([
    ["one\n\ntwo", "one two"],
    ["a \t\r\n b", "a b"],
    ["no\u00a0break", "no break"],
    ["  padded  ", " padded "],
    ["ideographic\u3000space\u2028line", "ideographic space line"],
    ["", ""],
    ["nothing to do", "nothing to do"],
  ])("%j becomes %j", (input, output) => {
    expect(normalizeWhitespace(input)).toBe(output);
  });

  it("treats as whitespace exactly the characters the DOM index collapses", () => {
    for (let code = 0; code <= 0xffff; code++)
      expect(isWhitespaceCode(code), `U+${code.toString(16)}`).toBe(/\s/.test(String.fromCharCode(code)));
  });
});

describe("locateQuote: exact", () => {
  it("tells a repeated quote apart by its prefix and suffix", () => {
    const second = ARTICLE.lastIndexOf("“We cannot afford another cut,”");
    const target = targetAt(ARTICLE, second, second + "“We cannot afford another cut,”".length, undefined);
    expect(locateQuote(ARTICLE, target)).toMatchObject({ start: second, state: "exact" });
    const first = ARTICLE.indexOf("“We cannot afford another cut,”");
    const firstTarget = targetAt(ARTICLE, first, first + "“We cannot afford another cut,”".length, second);
    // Context outweighs a hint that points at the other copy.
    expect(locateQuote(ARTICLE, firstTarget)?.start).toBe(first);
  });

  it("tells copies with identical context apart by the hint", () => {
    const text = "Share this. Read more. Share this. Read more. Share this. Read more. Share this.";
    const starts = [12, 35, 58];
    for (const start of starts) {
      const target = { exact: "Read more.", prefix: "Share this. ", suffix: " Share this.", hint: start + 3 };
      expect(locateQuote(text, target)?.start).toBe(start);
    }
  });

  it("finds a quote that opens or closes the text, where a context is empty", () => {
    const opening = targetOf(ARTICLE, "The council met");
    expect(opening.prefix).toBe("");
    expect(locateQuote(ARTICLE, opening)).toMatchObject({ start: 0, end: 15, state: "exact" });
    const closing = targetOf(ARTICLE, "by 23 votes to 12.");
    expect(closing.suffix).toBe("");
    expect(locateQuote(ARTICLE, closing)).toMatchObject({ end: ARTICLE.length, state: "exact" });
  });

  it("finds the quote after text was added before it, and scores a perfect match 1", () => {
    const target = targetOf(ARTICLE, "would cost 4.2 million euros");
    const edited = `Updated: a correction was added at the top of this story.\n\n${ARTICLE}`;
    const match = locateQuote(edited, target);
    expect(match && edited.slice(match.start, match.end)).toBe("would cost 4.2 million euros");
    expect(locateQuote(ARTICLE, target)?.score).toBe(1);
  });

  it("finds a quote far from a wrong hint by searching beyond the window", () => {
    const filler = "Lorem ipsum dolor sit amet. ".repeat(2000);
    const text = `${filler}The minister resigned on Friday.${filler}`;
    const match = locateQuote(text, { exact: "minister resigned", prefix: "The ", suffix: " on Friday.", hint: 0 });
    expect(match?.start).toBe(filler.length + 4);
  });

  it("leaves a short phrase whose context is gone as an orphan rather than pinning it to another copy", () => {
    const target = {
      exact: "said the",
      prefix: "a sentence that was deleted, ",
      suffix: " spokesperson, who",
      hint: 3,
    };
    expect(locateQuote(ARTICLE, target)).toBeNull();
  });

  it("takes a long quote where it is even when its context changed", () => {
    const target = {
      exact: "voted to approve the budget",
      prefix: "After a long night, the council ",
      suffix: " unanimously.",
    };
    const match = locateQuote(ARTICLE, target);
    expect(match && ARTICLE.slice(match.start, match.end)).toBe("voted to approve the budget");
  });
});

describe("locateQuote: position", () => {
  const text = "Yes. No. Yes. No. Yes. No. Yes.";

  it("takes a repeated short quote at its stored position when every copy's context changed", () => {
    const target = { exact: "No.", prefix: "(an earlier wording) ", suffix: " (a later wording)", hint: 14 };
    expect(locateExact(text, target)).toBeNull();
    expect(locateQuote(text, target)).toMatchObject({ start: 14, end: 17, state: "exact" });
  });

  it("does not take the stored position when the quote is no longer there", () => {
    const target = { exact: "No.", prefix: "(an earlier wording) ", suffix: " (a later wording)", hint: 10 };
    expect(locateAtPosition(text, target, 10)).toBeNull();
    expect(locateQuote(text, target)).toBeNull();
  });

  it("tolerates a small shift only when asked to", () => {
    const target = { exact: "No.", prefix: "", suffix: "", hint: 12 };
    expect(locateAtPosition(text, target, 12)).toBeNull();
    expect(locateAtPosition(text, target, 12, 4)?.start).toBe(14);
  });
});

describe("locateQuote: fuzzy", () => {
  it("follows a quote whose one word was changed, returning the new wording's span", () => {
    const target = targetOf(ARTICLE, "the plan would cost 4.2 million euros over five years");
    const edited = ARTICLE.replace("would cost", "could cost");
    const match = locateQuote(edited, target);
    expect(match?.state).toBe("fuzzy");
    expect(match && edited.slice(match.start, match.end)).toBe("the plan could cost 4.2 million euros over five years");
    expect(match?.score).toBeLessThan(1);
    expect(match?.score).toBeGreaterThan(0.9);
  });

  it("follows a changed word in a quote far from its hint", () => {
    const filler = "Lorem ipsum dolor sit amet. ".repeat(2000);
    const target = targetOf(ARTICLE, "voted to approve the budget by 23 votes");
    const edited = filler + ARTICLE.replace("approve", "adopt");
    const match = locateQuote(edited, target);
    expect(match && edited.slice(match.start, match.end)).toBe("voted to adopt the budget by 23 votes");
  });

  it("prefers the edited copy whose context agrees over a similar sentence elsewhere", () => {
    const text = "Sales rose by 10 percent last year. Costs fell. Profits rose by 12 percent last year, it said.";
    const target = { exact: "Profits rose by 15 percent last year", prefix: "Costs fell. ", suffix: ", it said." };
    const match = locateQuote(text, target);
    expect(match && text.slice(match.start, match.end)).toBe("Profits rose by 12 percent last year");
  });

  it("orphans a quote whose paragraph was removed", () => {
    const removed = "“We cannot afford another cut,” said the mayor, who has led the city since 2019.";
    const target = targetOf(ARTICLE, "said the mayor, who has led the city since 2019");
    const edited = ARTICLE.replace(`${removed}\n\n`, "");
    expect(edited).not.toContain("led the city");
    expect(locateQuote(edited, target)).toBeNull();
  });

  it("rejects a rewrite beyond the similarity threshold", () => {
    const target = targetOf(ARTICLE, "The opposition leader said the plan would cost");
    const edited = ARTICLE.replace(
      "The opposition leader said the plan would cost",
      "Critics argued that this scheme might cost",
    );
    expect(locateFuzzy(edited, target)).toBeNull();
  });

  it("allows the errors a quote that passes the threshold can have, and no more", () => {
    expect(errorBudget(3)).toBe(0);
    expect(errorBudget(40)).toBe(10);
    expect(errorBudget(100_000)).toBe(256);
    expect(1 - errorBudget(40) / 40).toBeGreaterThanOrEqual(MIN_QUOTE_SIMILARITY);
  });

  it("never cuts an emoji or other surrogate pair in half", () => {
    const text = "Fans wrote “we love 🍕 and 🌭 here” under the post 😀 today.";
    const target = { exact: "we love 🍕 and 🍔 here", prefix: "Fans wrote “", suffix: "” under the post" };
    const match = locateQuote(text, target);
    expect(match?.state).toBe("fuzzy");
    const found = match ? text.slice(match.start, match.end) : "";
    expect(found).toContain("🌭");
    expect(found).not.toMatch(LONE_SURROGATE);
    const tail = locateQuote(text, { exact: "the post 😃", prefix: "here” under ", suffix: " today." });
    expect(tail && text.slice(tail.start, tail.end)).not.toMatch(LONE_SURROGATE);
  });
});

describe("locateQuote: edge inputs", () => {
  it.each<[string, string, QuoteTarget]>([
    ["an empty quote", "some text", { exact: "", prefix: "", suffix: "" }],
    ["an empty text", "", { exact: "quote", prefix: "", suffix: "" }],
    ["a quote longer than the text", "short", { exact: "a much longer quote", prefix: "", suffix: "" }],
  ])("gives null for %s", (_name, text, target) => {
    expect(locateQuote(text, target)).toBeNull();
    expect(locateAll(text, [target])).toEqual([null]);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, -50, 1e12, 3.7])("ignores or clamps a hint of %s", (hint) => {
    const match = locateQuote(ARTICLE, { ...targetOf(ARTICLE, "4.2 million euros"), hint });
    expect(match && ARTICLE.slice(match.start, match.end)).toBe("4.2 million euros");
  });

  it("finds accented and astral-plane text", () => {
    const text = "Zoë a dit : « Ça coûte 5 € » 👍🏽 puis « 𝒳 » est parti.";
    for (const quote of ["« Ça coûte 5 € »", "👍🏽", "𝒳"]) {
      const match = locateQuote(text, targetOf(text, quote));
      expect(match && text.slice(match.start, match.end)).toBe(quote);
    }
  });

  it("finds a quote in a megabyte of text, and a quote of a hundred kilobytes", () => {
    const filler = "All work and no play makes a dull story. ".repeat(12_500);
    const huge = Array.from({ length: 15_000 }, (_, i) => `item ${i}`).join(", ");
    const text = `${filler}The needle is here.${filler}${huge}.`;
    expect(locateQuote(text, { exact: "needle", prefix: "The ", suffix: " is here." })?.start).toBe(filler.length + 4);
    const match = locateQuote(text, { exact: huge, prefix: "is here.", suffix: ".", hint: 0 });
    expect(match).toMatchObject({ start: text.length - huge.length - 1, state: "exact" });
  });
});

describe("locateAll", () => {
  const paragraphs = Array.from(
    { length: 40 },
    (_, i) => `Paragraph ${i} opens with its own words. “We will vote,” she said. It closes.`,
  );
  const article = `Budget vote expected next week\n\n${paragraphs.join("\n\n")}`;
  const page = normalizeWhitespace(`${"Home News World Politics Business ".repeat(200)}\n${article}\nFooter links`);
  const said = (i: number) => article.indexOf("she said", article.indexOf(`Paragraph ${i} `));

  it("tells identical-context copies apart by the shift learned from the anchors before them", () => {
    const targets = [30, 3, 17].map((i) => {
      const start = said(i);
      const [quote] = selectorsFor(article, start, start + "she said".length);
      return { exact: quote.exact, prefix: normalizeWhitespace(quote.prefix), suffix: quote.suffix, hint: start };
    });
    targets.push({ ...targetOf(article, "Budget vote expected next week"), hint: 0 });
    const results = locateAll(page, targets);
    const paragraphOf = (start: number | undefined) => {
      const at = page.lastIndexOf("Paragraph ", start);
      return Number(page.slice(at + 10, page.indexOf(" ", at + 10)));
    };
    expect(results.map((m) => m && page.slice(m.start, m.end))).toEqual([
      "she said",
      "she said",
      "she said",
      "Budget vote expected next week",
    ]);
    expect(results.slice(0, 3).map((m) => paragraphOf(m?.start))).toEqual([30, 3, 17]);
  });

  it("returns results in input order, with orphans and fuzzy matches in their places", () => {
    const edited = page.replace("Paragraph 12 opens with its own words.", "Paragraph 12 opens with its new words.");
    const targets: QuoteTarget[] = [
      targetOf(article, "Paragraph 20 opens"),
      { exact: "a sentence nobody wrote in this article", prefix: "", suffix: "", hint: 500 },
      targetOf(article, "Paragraph 12 opens with its own words."),
      targetOf(article, "Paragraph 5 opens"),
      { exact: "Footer links", prefix: "", suffix: "" },
    ];
    const results = locateAll(edited, targets);
    expect(results.map((m) => m?.state ?? null)).toEqual(["exact", null, "fuzzy", "exact", "exact"]);
    expect(results.map((m) => m && edited.slice(m.start, m.end))).toEqual([
      "Paragraph 20 opens",
      null,
      "Paragraph 12 opens with its new words.",
      "Paragraph 5 opens",
      "Footer links",
    ]);
  });

  it("gives the same answers as locateQuote when hints are exact", () => {
    const targets = [3, 9, 27].map((i) => targetOf(article, `Paragraph ${i} opens`));
    expect(locateAll(article, targets)).toEqual(targets.map((t) => locateQuote(article, t)));
  });
});

describe("properties", () => {
  const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
  const anyString = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.string({ unit: anyUnit, maxLength: 60 }),
    fc.string({ unit: fc.constantFrom("a", "b", " ", "\n", "é", "😀"), maxLength: 80 }),
  );
  const anyHint = fc.option(fc.oneof(fc.integer({ min: -100, max: 200 }), fc.double()), { nil: undefined });
  const anyTarget = fc.record({ exact: anyString, prefix: anyString, suffix: anyString, hint: anyHint });

  it("never throws, and a match lies inside the text", () => {
    fc.assert(
      fc.property(anyString, anyTarget, (text, target) => {
        const matches = [locateQuote(text, target), ...locateAll(text, [target, target])];
        for (const match of matches) {
          if (match === null) continue;
          expect(match.start).toBeGreaterThanOrEqual(0);
          expect(match.end).toBeLessThanOrEqual(text.length);
          expect(match.start).toBeLessThan(match.end);
          expect(match.score).toBeGreaterThan(0);
          expect(match.score).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("finds a quote that is in the text, with its selectors, verbatim", () => {
    const textAndSpan = anyString
      .filter((text) => text.length > 0)
      .chain((text) =>
        fc
          .tuple(fc.nat(text.length - 1), fc.integer({ min: 1, max: 40 }))
          .map(([start, length]) => ({ text, start, end: Math.min(text.length, start + length) })),
      );
    fc.assert(
      fc.property(textAndSpan, anyHint, ({ text, start, end }, hint) => {
        const target = targetAt(text, start, end, hint);
        const match = locateQuote(text, target);
        expect(match).not.toBeNull();
        expect(match && text.slice(match.start, match.end)).toBe(target.exact);
        expect(match?.state).toBe("exact");
      }),
      { numRuns: 300 },
    );
  });

  it("finds a quote that is at its hint, whatever its context says", () => {
    fc.assert(
      fc.property(anyString, fc.nat(), fc.nat(), anyString, anyString, (text, a, b, prefix, suffix) => {
        fc.pre(text.length > 0);
        const start = a % text.length;
        const end = start + 1 + (b % (text.length - start));
        const target = { exact: text.slice(start, end), prefix, suffix, hint: start };
        const match = locateQuote(text, target);
        expect(match && text.slice(match.start, match.end)).toBe(target.exact);
      }),
      { numRuns: 300 },
    );
  });
});

describe("locating quotes read from this very page", () => {
  const page = "Share this story. Posted September 14, 2016 by the desk. Read more below.";
  // The hint is off by more than the position step's slack: only the quote's uniqueness can place it.
  const target = { exact: "September 14, 2016", prefix: "Buy now\n\n", suffix: "\n\nIn a statement", hint: 60 };

  it("takes a short quote's only occurrence, though its context was dropped by the extraction", () => {
    expect(locateAll(page, [target], { acceptUnique: true })[0]).toMatchObject({ start: 25, state: "exact" });
  });

  it("does not pin a short quote to a copy whose context disagrees when re-finding old quotes", () => {
    expect(locateAll(page, [target])[0]).toBeNull();
  });

  it("does not take a short quote whose context disagrees when it occurs more than once", () => {
    const twice = `${page} Updated September 14, 2016.`;
    expect(locateAll(twice, [target], { acceptUnique: true })[0]).toBeNull();
  });
});

describe("locateAll after a quote found far away", () => {
  it("keeps the shift it learned, so the next quote is looked for in its own place", () => {
    const repeated = "The committee will meet again next spring to decide.";
    const sections = Array.from(
      { length: 400 },
      (_, i) => `Section ${i} opens with its own words. “We will vote,” she said. It closes.`,
    );
    // The sentence sits at both ends of a long article and once in the middle, where an edit removed it.
    const article = [
      `Headline of the day. ${repeated}`,
      ...sections.slice(0, 200),
      repeated,
      ...sections.slice(200),
      repeated,
    ].join(" ");
    const page = `${"Home News World Politics ".repeat(120)}${article.replace(` ${repeated} Section 200`, " Section 200")}`;
    const middle = article.indexOf(repeated, 100);
    const said = article.indexOf("she said", article.indexOf("Section 201 "));
    const target = (start: number, length: number): QuoteTarget => ({
      exact: article.slice(start, start + length),
      prefix: article.slice(start - 32, start),
      suffix: article.slice(start + length, start + length + 32),
      hint: start,
    });
    const results = locateAll(page, [target(0, 20), target(middle, repeated.length), target(said, 8)]);
    const sectionOf = (at: number) => page.slice(page.lastIndexOf("Section ", at), page.lastIndexOf(" opens", at));
    expect(results[2] && sectionOf(results[2].start)).toBe("Section 201");
  });
});

describe("searches of the whole text, within a budget", () => {
  const text = `${"Lorem ipsum dolor sit amet. ".repeat(1000)}The treaty was signed in Astana on Monday.`;
  const target = { exact: "signed in Astana", prefix: "The treaty was ", suffix: " on Monday.", hint: 0 };
  /** A budget with nothing left. */
  const spent = (): SearchBudget => {
    const budget = new SearchBudget(text.length);
    while (budget.spend(text.length));
    return budget;
  };

  it("finds a quote far from its hint while the budget lasts", () => {
    expect(locateExact(text, target, 0, false, new SearchBudget(text.length))?.start).toBe(text.indexOf("signed"));
    expect(
      locateFuzzy(text, { ...target, exact: "signed in Astana," }, 0, new SearchBudget(text.length)),
    ).not.toBeNull();
  });

  it("looks only near the hint once the budget is spent", () => {
    expect(locateExact(text, target, 0, false, spent())).toBeNull();
    expect(locateFuzzy(text, { ...target, exact: "signed in Astana," }, 0, spent())).toBeNull();
  });

  it("does not call a quote unique from what the search near its hint saw", () => {
    const page = `${text}${" Lorem ipsum dolor sit amet.".repeat(1000)} Once signed in Astana it holds.`;
    const near = { ...target, prefix: "nothing like this", suffix: "at all", hint: page.indexOf("Once") };
    expect(locateExact(page, near, near.hint, true, spent())).toBeNull();
  });
});
