import { isWebUrl } from "../edit/validate";
import { type Annotation, type AnnotationStatus, type PageRecord, type Source, sourcesByAnnotation } from "../model";
import type { ExportSet } from "./collect";
import { isoDate } from "./dates";

/** The rating scale: 1 (false) to 4 (supported); 3 is unused, unverified is not rated at all. */
export const RATING_SCALE: Record<Exclude<AnnotationStatus, "unverified">, { value: number; words: string }> = {
  false: { value: 1, words: "False" },
  disputed: { value: 2, words: "Disputed" },
  supported: { value: 4, words: "Supported" },
};

// Words that make a speaker an organisation rather than a person.
const ORGANISATION =
  /\b(ministry|ministries|department|agency|office|committee|council|government|police|army|forces|service|bank|fund|organi[sz]ation|association|union|institute|university|company|corporation|inc|ltd|group|party|commission|court|parliament|congress|senate|embassy|administration|bureau|authority|staff|command|nato|un|eu|csto|who)\b/iu;

/** A speaker as schema.org wants an author: an Organization when the name says so, else a Person. */
export function authorOf(speaker: string): { "@type": "Person" | "Organization"; name: string } {
  return { "@type": ORGANISATION.test(speaker) ? "Organization" : "Person", name: speaker };
}

/** A link to the passage itself (a text fragment), so a reader lands on the claim. */
export function passageUrl(pageUrl: string, exact: string): string {
  // encodeURIComponent throws on a lone surrogate, which any page can put in its text.
  const encode = (part: string) => encodeURIComponent(part.toWellFormed()).replace(/-/gu, "%2D");
  const words = exact.trim().split(/\s+/u);
  const directive =
    words.length > 10
      ? `${encode(words.slice(0, 4).join(" "))},${encode(words.slice(-4).join(" "))}`
      : encode(words.join(" "));
  return `${pageUrl.replace(/#.*$/su, "")}#:~:text=${directive}`;
}

const citation = (source: Source) => ({ "@type": "CreativeWork", url: source.url, name: source.title || source.url });

function review(annotation: Annotation, page: PageRecord | undefined, sources: Source[]): object | null {
  if (annotation.status === "unverified") return null;
  const rating = RATING_SCALE[annotation.status];
  const pageUrl = page?.url ?? annotation.pageKey;
  const appearance: Record<string, unknown> = { "@type": "CreativeWork", url: pageUrl, headline: page?.title ?? "" };
  if (page?.publishedTime) appearance.datePublished = page.publishedTime;
  const claim: Record<string, unknown> = { "@type": "Claim", appearance };
  if (annotation.speaker) claim.author = authorOf(annotation.speaker);
  const reviewed: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: passageUrl(pageUrl, annotation.exact),
    datePublished: isoDate(annotation.updatedAt),
    claimReviewed: annotation.exact,
    itemReviewed: claim,
    reviewRating: {
      "@type": "Rating",
      ratingValue: rating.value,
      bestRating: 4,
      worstRating: 1,
      alternateName: rating.words,
    },
  };
  const cited = sources.filter((source) => isWebUrl(source.url)).map(citation);
  if (cited.length) reviewed.citation = cited;
  return reviewed;
}

/** Schema.org ClaimReview JSON-LD: one per claim, quote or figure with a status other than unverified. */
export function toClaimReview(set: ExportSet): object[] {
  const pages = new Map(set.pages.map((page) => [page.key, page]));
  const sources = sourcesByAnnotation(set.sources);
  const reviews: object[] = [];
  for (const annotation of set.annotations) {
    if (annotation.kind !== "claim" && annotation.kind !== "quote" && annotation.kind !== "figure") continue;
    const made = review(annotation, pages.get(annotation.pageKey), sources.get(annotation.id) ?? []);
    if (made) reviews.push(made);
  }
  return reviews;
}
