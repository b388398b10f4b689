import { isWebUrl } from "../edit/validate";
import { type Annotation, type AnnotationStatus, type PageRecord, type Source, sourcesByAnnotation } from "../model";
import { claimSentence } from "./claim-sentence";
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

/** Who publishes the reviews: the reader or organisation named in the settings. */
export interface Reviewer {
  name: string;
  /** Their site, an http(s) address, or "" for none. */
  url: string;
}

/**
 * The author of a review when the settings name nobody: plainly a placeholder, so a reader who
 * publishes the file sees what to fill in.
 */
export const UNNAMED_REVIEWER = "Unnamed reviewer (exported by Claimmark)";

/** The review's author: the reader's reviewer from the settings, as a Person or an Organization by its name. */
function reviewAuthor(reviewer: Reviewer | null | undefined): Record<string, string> {
  const name = reviewer?.name.trim();
  if (!name) return { "@type": "Person", name: UNNAMED_REVIEWER };
  const author: Record<string, string> = { ...authorOf(name) };
  if (reviewer && isWebUrl(reviewer.url)) author.url = reviewer.url;
  return author;
}

/**
 * Who made the claim: its speaker; with none, the page's author (its byline), else the publication
 * (its site name, or its host): an unattributed claim in an article is the article's own.
 */
function claimAuthor(annotation: Annotation, page: PageRecord | undefined, pageUrl: string): object {
  if (annotation.speaker?.trim()) return authorOf(annotation.speaker.trim());
  if (page?.byline?.trim()) return { "@type": "Person", name: page.byline.trim() };
  const site = page?.siteName?.trim() || hostOf(pageUrl);
  return { "@type": "Organization", name: site };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname || url;
  } catch {
    return url;
  }
}

/** A page's publication time when it is an ISO 8601 date or date-time, as schema.org's Date and DateTime are; else null. */
function publishedOf(page: PageRecord | undefined): string | null {
  const time = page?.publishedTime?.trim() ?? "";
  return /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/u.test(time) ? time : null;
}

/** The page, as schema.org's CreativeWork where the claim appears. */
function pageWork(page: PageRecord | undefined, pageUrl: string): Record<string, unknown> {
  const work: Record<string, unknown> = { "@type": "CreativeWork", url: pageUrl, headline: page?.title ?? "" };
  const published = publishedOf(page);
  if (published) work.datePublished = published;
  if (page?.siteName) work.publisher = { "@type": "Organization", name: page.siteName };
  return work;
}

function review(
  annotation: Annotation,
  page: PageRecord | undefined,
  sources: Source[],
  reviewer: Reviewer | null | undefined,
): object | null {
  if (annotation.status === "unverified") return null;
  // A passage of nothing but spaces states no claim to review.
  const claimed = claimSentence(annotation);
  if (!claimed) return null;
  const rating = RATING_SCALE[annotation.status];
  const pageUrl = page?.url ?? annotation.pageKey;
  // Claimmark knows of no earlier place than the page the reader found the claim in.
  const claim: Record<string, unknown> = {
    "@type": "Claim",
    author: claimAuthor(annotation, page, pageUrl),
    appearance: pageWork(page, pageUrl),
    firstAppearance: pageWork(page, pageUrl),
  };
  const published = publishedOf(page);
  if (published) claim.datePublished = published;
  const reviewed: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: passageUrl(pageUrl, annotation.exact),
    author: reviewAuthor(reviewer),
    datePublished: isoDate(annotation.updatedAt),
    claimReviewed: claimed,
    itemReviewed: claim,
    reviewRating: {
      "@type": "Rating",
      ratingValue: rating.value,
      bestRating: 4,
      worstRating: 1,
      name: rating.words,
      alternateName: rating.words,
    },
  };
  const cited = sources.filter((source) => isWebUrl(source.url)).map(citation);
  if (cited.length) reviewed.citation = cited;
  return reviewed;
}

/** Schema.org ClaimReview JSON-LD: one per claim, quote or figure with a status other than unverified (and some text). */
export function toClaimReview(set: ExportSet): object[] {
  const pages = new Map(set.pages.map((page) => [page.key, page]));
  const sources = sourcesByAnnotation(set.sources);
  const reviews: object[] = [];
  for (const annotation of set.annotations) {
    if (annotation.kind !== "claim" && annotation.kind !== "quote" && annotation.kind !== "figure") continue;
    const made = review(annotation, pages.get(annotation.pageKey), sources.get(annotation.id) ?? [], set.reviewer);
    if (made) reviews.push(made);
  }
  return reviews;
}
