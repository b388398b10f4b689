import type { Annotation, PageRecord, Source } from "../model";

/** One annotation read from a file, with its sources and what its page is called there. */
export interface ParsedItem {
  annotation: Annotation;
  sources: Source[];
  /** The page's address and title as the file gives them: enough for a page record the file lacks. */
  pageUrl: string;
  pageTitle: string;
}

/** A file read and checked: what can be written, and what was refused and why. */
export interface ParsedFile {
  format: "claimmark" | "hypothesis";
  pages: PageRecord[];
  items: ParsedItem[];
  refused: { item: string; reason: string }[];
}

/** Most annotations one file may hold. */
export const IMPORT_MAX_ANNOTATIONS = 200_000;
