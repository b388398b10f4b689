import { FLASH_HIGHLIGHT } from "./flash";
/**
 * Names under which Claimmark registers its highlights in `CSS.highlights`. The stylesheet
 * (`entrypoints/content/highlights.css`) styles exactly these names, and the tests check
 * both against this list, so the three can never drift apart.
 */

/** Annotation kinds that are painted (dates apart from other figures); terms are detected but never painted. */
export const PAINTED_KINDS = ["quote", "claim", "figure", "date", "highlight"] as const;
export type PaintedKind = (typeof PAINTED_KINDS)[number];

/** Statuses that draw an overlay on top of the kind; "unverified" is the default and draws none. */
export const STATUS_OVERLAYS = ["supported", "disputed", "false"] as const;
export type OverlayStatus = (typeof STATUS_OVERLAYS)[number];
export type PaintStatus = "unverified" | OverlayStatus;

export type PaintTheme = "light" | "dark";

/** The reader's colour scheme (Settings.colourScheme): Okabe–Ito tints, or saturated opaque colours. */
export type ColourScheme = "default" | "high-contrast";

/** Prefix of every highlight name, so our entries in the page's registry are recognisable. */
export const HIGHLIGHT_PREFIX = "claimmark-";

/**
 * Paint order, low to high. Kinds that are usually longer sit below kinds that are usually
 * nested inside them (a figure inside a quote stays visible); every status overlay sits above
 * every kind, and the stronger verdict above the weaker.
 */
const PRIORITY: Record<PaintedKind | OverlayStatus, number> = {
  quote: 1,
  claim: 2,
  highlight: 3,
  figure: 4,
  date: 4,
  supported: 10,
  disputed: 11,
  false: 12,
};

/**
 * The highlight name for a kind: "claimmark-quote", "claimmark-quote-dark" on dark pages, and
 * "claimmark-quote-hc" / "claimmark-quote-hc-dark" in the high-contrast scheme.
 */
export function kindHighlightName(
  kind: PaintedKind,
  theme: PaintTheme = "light",
  scheme: ColourScheme = "default",
): string {
  return `${HIGHLIGHT_PREFIX}${kind}${scheme === "high-contrast" ? "-hc" : ""}${theme === "dark" ? "-dark" : ""}`;
}

/** The overlay name for a status ("claimmark-disputed"), or null for "unverified". */
export function statusHighlightName(status: PaintStatus, theme: PaintTheme = "light"): string | null {
  if (status === "unverified") return null;
  return `${HIGHLIGHT_PREFIX}${status}${theme === "dark" ? "-dark" : ""}`;
}

/**
 * Every name Claimmark may register: light names first, then their dark variants, then the
 * high-contrast kinds (light, dark). Verdict overlays are lines, not tints, so they need no
 * high-contrast variant.
 */
export const HIGHLIGHT_NAMES: readonly string[] = [
  ...(["light", "dark"] as const).flatMap((theme) => [
    ...PAINTED_KINDS.map((kind) => kindHighlightName(kind, theme)),
    ...STATUS_OVERLAYS.map((status) => statusHighlightName(status, theme) as string),
  ]),
  ...(["light", "dark"] as const).flatMap((theme) =>
    PAINTED_KINDS.map((kind) => kindHighlightName(kind, theme, "high-contrast")),
  ),
  FLASH_HIGHLIGHT,
];

/** The `Highlight.priority` for a kind or status overlay (the same in both themes). */
export function highlightPriority(what: PaintedKind | OverlayStatus): number {
  return PRIORITY[what];
}

/** Whether a value is a kind the painter draws (guards against "term" and junk at run time). */
export function isPaintedKind(kind: unknown): kind is PaintedKind {
  return (PAINTED_KINDS as readonly unknown[]).includes(kind);
}
