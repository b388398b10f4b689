import { describe, expect, it } from "vitest";
import { authorOf, toClaimReview, UNNAMED_REVIEWER } from "../../lib/transfer/claimreview";
import type { ExportSet } from "../../lib/transfer/collect";
import { exportFileName } from "../../lib/transfer/filename";
import { mdText, toMarkdown } from "../../lib/transfer/markdown";
import { annotationRecord, pageRecord, sourceRecord } from "./samples";

const BORDER = "https://example.com/border";

const set: ExportSet = {
  pages: [
    pageRecord(BORDER, {
      title: "CSTO warns | *militants*",
      publishedTime: "2025-02-14T09:00:00Z",
      lastSeen: Date.UTC(2025, 2, 1),
    }),
  ],
  annotations: [
    annotationRecord({
      id: "q",
      pageKey: BORDER,
      kind: "quote",
      exact: "The situation on the border is tense",
      speaker: "Anatoly Sidorov",
      status: "supported",
    }),
    annotationRecord({
      id: "c",
      pageKey: BORDER,
      kind: "claim",
      exact: "the branch had grown",
      speaker: "Ministry of Defence",
    }),
    annotationRecord({
      id: "f",
      pageKey: BORDER,
      kind: "figure",
      exact: "about 6,500 militants",
      speaker: "Anatoly Sidorov",
      value: 6500,
      unit: "militants",
      qualifier: "approximately",
      status: "disputed",
      note: "See [this](javascript:alert(1)) and https://evil.example",
      updatedAt: Date.UTC(2025, 2, 1, 12, 30),
    }),
    annotationRecord({
      id: "h",
      pageKey: BORDER,
      kind: "highlight",
      exact: "# not a heading <b>bold</b>",
      status: "false",
    }),
  ],
  sources: [
    sourceRecord({ id: "s1", annotationId: "f", url: "https://un.example/report(2025)", title: "UN [report]" }),
    sourceRecord({ id: "s2", annotationId: "f", url: "", title: "Printed brief" }),
  ],
};

describe("Markdown export", () => {
  const markdown = toMarkdown(set);

  it("gives each page its title, link and date, each passage with its speaker, then its details", () => {
    expect(markdown).toContain("## CSTO warns \\| \\*militants\\*");
    expect(markdown).toContain("<https://example.com/border> · Published 2025-02-14, seen 2025-03-01");
    expect(markdown).toContain("### Quotes\n\n> The situation on the border is tense\n>\n> — Anatoly Sidorov");
    expect(markdown).toContain("### Claims\n\n> the branch had grown\n>\n> — Ministry of Defence");
    expect(markdown).toContain(
      [
        "### Figures",
        "",
        "> about 6,500 militants",
        ">",
        "> — Anatoly Sidorov",
        "",
        "- Status: disputed",
        "- Value: 6,500 · Unit: militants · Qualifier: approximately",
        "- Note: See \\[this\\](javascript:alert(1)) and <https://evil.example>",
        "- Sources:",
        "  - [UN \\[report\\]](https://un.example/report%282025%29)",
        "    - Address: <https://un.example/report(2025)>",
        "  - Printed brief",
      ].join("\n"),
    );
  });

  it("escapes page and reader text so nothing becomes a link with another target, a heading or HTML", () => {
    expect(markdown).toContain("> \\# not a heading \\<b>bold\\</b>");
    expect(markdown).not.toMatch(/(^|[^\\])\[this\]/);
    expect(mdText("`code` _em_ www.example.com")).toBe("\\`code\\` \\_em\\_ www.example.com");
  });
});

describe("ClaimReview export", () => {
  const reviews = toClaimReview(set) as { claimReviewed: string; reviewRating: object }[];

  it("reviews claims, quotes and figures that have a verdict, and nothing else", () => {
    expect(reviews.map((r) => r.claimReviewed)).toEqual([
      "The situation on the border is tense",
      "about 6,500 militants",
    ]);
  });

  it("writes the figure's review with its author, appearance, rating and sources", () => {
    const page = {
      "@type": "CreativeWork",
      url: BORDER,
      headline: "CSTO warns | *militants*",
      datePublished: "2025-02-14T09:00:00Z",
    };
    expect(reviews[1]).toEqual({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: "https://example.com/border#:~:text=about%206%2C500%20militants",
      author: { "@type": "Person", name: UNNAMED_REVIEWER },
      datePublished: "2025-03-01T12:30:00.000Z",
      claimReviewed: "about 6,500 militants",
      itemReviewed: {
        "@type": "Claim",
        author: { "@type": "Person", name: "Anatoly Sidorov" },
        datePublished: "2025-02-14T09:00:00Z",
        appearance: page,
        firstAppearance: page,
      },
      reviewRating: {
        "@type": "Rating",
        ratingValue: 2,
        bestRating: 4,
        worstRating: 1,
        name: "Disputed",
        alternateName: "Disputed",
      },
      citation: [{ "@type": "CreativeWork", url: "https://un.example/report(2025)", name: "UN [report]" }],
    });
    expect(reviews[0]?.reviewRating).toMatchObject({ ratingValue: 4, alternateName: "Supported" });
  });

  it("names the reviewer from the settings, and the page's author or site when the claim has no speaker", () => {
    const page = pageRecord(BORDER, { byline: null, siteName: "Border News" });
    const claim = annotationRecord({ pageKey: BORDER, kind: "claim", exact: "it grew", status: "false" });
    const [review] = toClaimReview({
      pages: [page],
      annotations: [claim],
      sources: [],
      reviewer: { name: "Fact Desk Agency", url: "https://factdesk.example" },
    }) as Record<string, Record<string, unknown>>[];
    expect(review?.author).toEqual({
      "@type": "Organization",
      name: "Fact Desk Agency",
      url: "https://factdesk.example",
    });
    expect(review?.itemReviewed?.author).toEqual({ "@type": "Organization", name: "Border News" });
    const [bylined] = toClaimReview({
      pages: [pageRecord(BORDER, { byline: "Jane Roe" })],
      annotations: [claim],
      sources: [],
    }) as Record<string, Record<string, unknown>>[];
    expect(bylined?.itemReviewed?.author).toEqual({ "@type": "Person", name: "Jane Roe" });
  });

  it("tells an organisation from a person by its name", () => {
    expect(authorOf("Ministry of Defence")["@type"]).toBe("Organization");
    expect(authorOf("Emomali Rahmon")["@type"]).toBe("Person");
  });
});

describe("file names", () => {
  const day = new Date(2025, 2, 2, 15);
  it.each([
    ["w3c", "all", "claimmark-all-2025-03-02.jsonld"],
    ["csv", "example.com/border", "claimmark-example-com-border-2025-03-02.csv"],
    ["md", "", "claimmark-all-2025-03-02.md"],
    ["claimreview", "Page: ../../etc", "claimmark-page-etc-2025-03-02-claimreview.jsonld"],
  ] as const)("names a %s export of %j", (kind, scope, name) => {
    expect(exportFileName(kind, scope, day)).toBe(name);
  });
});
