import { createHighlightApiPainter, findHighlightApi } from "./highlight-api";
import type { ColourScheme, PaintedKind } from "./names";
import { createWrapPainter } from "./wrap";

/** One annotation to paint: what it is, how far it got, and where it sits in the live page. */
export interface Paintable {
  id: string;
  kind: PaintedKind;
  status: "unverified" | "supported" | "disputed" | "false";
  range: Range;
}

/** Paints annotations into a page and finds them again under the pointer. */
export interface Painter {
  readonly mode: "highlight-api" | "wrap";
  /** Replaces everything painted with these items. */
  paint(items: Paintable[]): void;
  /** Adds items without clearing. */
  add(items: Paintable[]): void;
  /** Removes one annotation's highlight. */
  remove(id: string): void;
  /** Ranges painted for an id. */
  rangesOf(id: string): Range[];
  /** The id of the painted annotation under a viewport point, innermost/shortest first, or null. */
  hitTest(x: number, y: number): string | null;
  /** Number of ranges painted. */
  readonly size: number;
  /** Removes everything and restores the page (wrap mode unwraps). */
  clear(): void;
  /** Makes one annotation's highlight flash for a moment, so the reader's eye finds it. */
  flash(id: string): void;
  /** The reader's colour scheme, for what is painted from now on. */
  setScheme(scheme: ColourScheme): void;
}

/**
 * A painter for a document: the CSS Custom Highlight API when the browser has it (the page's
 * DOM is never touched), otherwise (or with `forceWrap`) `<claimmark-mark>` wrappers that
 * `clear()` removes again.
 */
export function createPainter(doc: Document, options: { forceWrap?: boolean } = {}): Painter {
  const api = options.forceWrap ? null : findHighlightApi(doc);
  return api ? createHighlightApiPainter(doc, api) : createWrapPainter(doc);
}
