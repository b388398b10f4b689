import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toClaimReview } from "../../lib/transfer/claimreview";
import type { ExportSet } from "../../lib/transfer/collect";
import { renderExport } from "../../lib/transfer/render";
import { annotationRecord, pageRecord } from "./samples";
import { exportSet } from "./transfer-arbitraries";

type Json = Record<string, unknown>;

const text = (value: unknown) => typeof value === "string" && value.trim() !== "";
const number = (value: unknown) => typeof value === "number" && Number.isFinite(value);
const webUrl = (value: unknown) => typeof value === "string" && /^https?:\/\//u.test(value);
const date = (value: unknown) =>
  typeof value === "string" && /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/u.test(value);
const agent = (value: unknown) =>
  typeof value === "object" &&
  value !== null &&
  ["Person", "Organization"].includes((value as Json)["@type"] as string) &&
  text((value as Json).name);
const work = (value: unknown) =>
  webUrl(value) || (typeof value === "object" && value !== null && webUrl((value as Json).url));

/**
 * Google's ClaimReview guidance (developers.google.com/search/docs/appearance/structured-data/factcheck):
 * every property it requires or recommends, on which object, and what its value must be.
 */
const REQUIREMENTS: [string, "required" | "recommended", (review: Json) => unknown, (value: unknown) => boolean][] = [
  ["ClaimReview.claimReviewed", "required", (r) => r.claimReviewed, text],
  ["ClaimReview.reviewRating", "required", (r) => r.reviewRating, (v) => typeof v === "object" && v !== null],
  ["ClaimReview.url", "required", (r) => r.url, webUrl],
  ["ClaimReview.author", "recommended", (r) => r.author, agent],
  ["ClaimReview.datePublished", "recommended", (r) => r.datePublished, date],
  ["ClaimReview.itemReviewed", "recommended", (r) => r.itemReviewed, (v) => (v as Json)?.["@type"] === "Claim"],
  ["Claim.author", "recommended", (r) => (r.itemReviewed as Json)?.author, agent],
  ["Claim.appearance", "recommended", (r) => (r.itemReviewed as Json)?.appearance, work],
  ["Claim.firstAppearance", "recommended", (r) => (r.itemReviewed as Json)?.firstAppearance, work],
  ["Rating.alternateName", "required", (r) => (r.reviewRating as Json)?.alternateName, text],
  ["Rating.name", "recommended", (r) => (r.reviewRating as Json)?.name, text],
  ["Rating.ratingValue", "recommended", (r) => (r.reviewRating as Json)?.ratingValue, number],
  ["Rating.bestRating", "recommended", (r) => (r.reviewRating as Json)?.bestRating, number],
  ["Rating.worstRating", "recommended", (r) => (r.reviewRating as Json)?.worstRating, number],
];

/** The Claim a review is of, or an empty object. */
const claimOf = (review: Json | undefined): Json => (review?.itemReviewed ?? {}) as Json;

/** Asserts every requirement on one exported review, and that its rating lies on its own scale. */
function expectMeetsGuidance(review: Json): void {
  for (const [name, , read, valid] of REQUIREMENTS) expect(valid(read(review)), name).toBe(true);
  const rating = review.reviewRating as { ratingValue: number; bestRating: number; worstRating: number };
  expect(rating.worstRating).toBeLessThanOrEqual(rating.ratingValue);
  expect(rating.ratingValue).toBeLessThanOrEqual(rating.bestRating);
}

describe("ClaimReview export meets Google's guidance", () => {
  it("fills every required and recommended property of every review, whatever the data (property)", () => {
    fc.assert(
      fc.property(exportSet(6, 2), (set: ExportSet) => {
        // Through the file as written: what a reader pastes into a page.
        const reviews = JSON.parse(renderExport("claimreview", set)) as Json[];
        for (const review of reviews) expectMeetsGuidance(review);
      }),
      { numRuns: 200 },
    );
  });

  it("fills them for a claim with no speaker, no byline and no known page", () => {
    const orphan = annotationRecord({ pageKey: "https://news.example/x", kind: "claim", status: "false" });
    const [review] = toClaimReview({ pages: [], annotations: [orphan], sources: [] }) as Json[];
    expectMeetsGuidance(review as Json);
    expect(claimOf(review).author).toEqual({ "@type": "Organization", name: "news.example" });
  });

  it("gives the claim the date the page was published, when the page gave a real one", () => {
    const claim = annotationRecord({ pageKey: "https://news.example/x", kind: "claim", status: "supported" });
    const dated = pageRecord("https://news.example/x", { publishedTime: "2025-02-14T09:00:00Z" });
    const [review] = toClaimReview({ pages: [dated], annotations: [claim], sources: [] }) as Json[];
    expect(claimOf(review).datePublished).toBe("2025-02-14T09:00:00Z");
    const vague = pageRecord("https://news.example/x", { publishedTime: "yesterday" });
    const [undated] = toClaimReview({ pages: [vague], annotations: [claim], sources: [] }) as Json[];
    expect(claimOf(undated).datePublished).toBeUndefined();
  });

  it("reviews the whole sentence the passage comes from", () => {
    const claim = annotationRecord({
      pageKey: "https://news.example/x",
      kind: "figure",
      status: "disputed",
      exact: "about 6,500 militants",
      selectors: [
        {
          type: "TextQuoteSelector",
          exact: "about 6,500 militants",
          prefix: "tense. Officials said there were ",
          suffix: " in the north. Others disagree",
        },
      ],
    });
    const [review] = toClaimReview({ pages: [], annotations: [claim], sources: [] }) as Json[];
    expect(review?.claimReviewed).toBe("Officials said there were about 6,500 militants in the north.");
  });
});
