import { describe, expect, it } from "vitest";
import { selectorsFor } from "../../lib/anchor/selectors";
import { claimSentence } from "../../lib/transfer/claim-sentence";

/** The sentence of `exact` in `text` as an annotation made there stores it. */
function sentenceOf(text: string, exact: string): string {
  const start = text.indexOf(exact);
  return claimSentence({ exact, selectors: selectorsFor(text, start, start + exact.length) });
}

describe("the sentence a passage comes from", () => {
  it("cuts the stored context at the sentence boundaries around the passage", () => {
    const text = "The border is quiet. Officials said there were about 6,500 militants. Others disagree.";
    expect(sentenceOf(text, "about 6,500 militants")).toBe("Officials said there were about 6,500 militants.");
  });

  it("keeps a quote of several sentences whole, with its attribution", () => {
    const text = "Earlier. “The situation is tense. We are ready,” he said. Next one.";
    expect(sentenceOf(text, "The situation is tense. We are ready,")).toBe(
      "“The situation is tense. We are ready,” he said.",
    );
  });

  it("says with an ellipsis where the sentence runs on past the stored context, cutting at a word", () => {
    const text =
      "Sidorov said the branch of the organisation in the region had grown to about 6,500 militants over the last two years according to estimates";
    expect(sentenceOf(text, "about 6,500 militants")).toBe(
      "…in the region had grown to about 6,500 militants over the last two years…",
    );
  });

  it("stops at a paragraph's edge and at the article's start", () => {
    expect(sentenceOf("Heading\n\nAbout 6,500 militants crossed", "About 6,500 militants")).toBe(
      "About 6,500 militants crossed",
    );
    expect(sentenceOf("About 6,500 militants crossed.", "About 6,500")).toBe("About 6,500 militants crossed.");
  });

  it("is the passage itself without a quote selector", () => {
    expect(claimSentence({ exact: " about  6,500 ", selectors: [] })).toBe("about 6,500");
  });
});
