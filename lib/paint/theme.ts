import type { PaintTheme } from "./names";

/**
 * Whether a page is dark, so highlights can switch to tints that stay readable on it. The
 * answer comes from the background the article text actually sits on: `body`, then `html`,
 * composited over the canvas the browser paints behind a transparent page.
 */

type Rgba = [number, number, number, number];

/** Below this relative luminance black text contrasts less than white text does (WCAG). */
const DARK_BELOW = 0.179;

/** Light or dark, from the computed backgrounds of `body` and `html`; read once per paint pass. */
export function pageTheme(doc: Document): PaintTheme {
  return relativeLuminance(pageBackground(doc)) < DARK_BELOW ? "dark" : "light";
}

/** The opaque colour behind the page's text: body over html over the canvas. */
export function pageBackground(doc: Document): [number, number, number] {
  const view = doc.defaultView;
  const layers: Rgba[] = [];
  // Walk up while transparent: a translucent body lets html (or the canvas) show through.
  for (const element of [doc.body, doc.documentElement]) {
    if (!element || !view) continue;
    const colour = parseColour(view.getComputedStyle(element).backgroundColor);
    if (!colour || colour[3] === 0) continue;
    layers.push(colour);
    if (colour[3] >= 1) break;
  }
  let result = canvasColour(doc);
  for (const [r, g, b, a] of layers.reverse()) {
    result = [r * a + result[0] * (1 - a), g * a + result[1] * (1 - a), b * a + result[2] * (1 - a)];
  }
  return result;
}

/** WCAG relative luminance of an sRGB colour (0 black … 1 white). */
export function relativeLuminance([r, g, b]: readonly [number, number, number]): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/**
 * Parses the colour forms `getComputedStyle` returns for backgrounds: `rgb()`/`rgba()` (comma
 * or space syntax), `color(srgb …)`, `transparent`. Anything else yields null and is skipped.
 */
export function parseColour(value: string): Rgba | null {
  const text = value.trim().toLowerCase();
  if (text === "transparent") return [0, 0, 0, 0];
  const rgb = /^rgba?\(([^)]*)\)$/.exec(text);
  if (rgb?.[1] !== undefined) {
    const parts = rgb[1].split(/[\s,/]+/).filter(Boolean);
    if (parts.length < 3) return null;
    const [r, g, b] = parts.slice(0, 3).map((p) => (p.endsWith("%") ? (Number.parseFloat(p) * 255) / 100 : Number(p)));
    return finite([r, g, b, alpha(parts[3])]);
  }
  const srgb = /^color\(srgb\s+([^)]*)\)$/.exec(text);
  if (srgb?.[1] !== undefined) {
    const parts = srgb[1].split(/[\s/]+/).filter(Boolean);
    if (parts.length < 3) return null;
    const [r, g, b] = parts.slice(0, 3).map((p) => Number(p) * 255);
    return finite([r, g, b, alpha(parts[3])]);
  }
  return null;
}

function alpha(part: string | undefined): number {
  if (part === undefined) return 1;
  return part.endsWith("%") ? Number.parseFloat(part) / 100 : Number(part);
}

function finite(colour: (number | undefined)[]): Rgba | null {
  return colour.every((c) => typeof c === "number" && Number.isFinite(c)) ? (colour as Rgba) : null;
}

/** What the browser paints behind a transparent page: dark only when the page opts into a dark scheme. */
function canvasColour(doc: Document): [number, number, number] {
  const view = doc.defaultView;
  const root = doc.documentElement;
  if (!view || !root) return [255, 255, 255];
  const scheme = view.getComputedStyle(root).colorScheme ?? "";
  const offersDark = /\bdark\b/.test(scheme);
  const offersLight = /\blight\b/.test(scheme);
  if (!offersDark) return [255, 255, 255];
  const prefersDark = offersLight ? (view.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false) : true;
  // Chromium's dark canvas; close enough to decide between two palettes.
  return prefersDark ? [18, 18, 18] : [255, 255, 255];
}
