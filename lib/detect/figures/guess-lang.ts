/**
 * The language of an untagged page, guessed from its commonest function words, so that its number words,
 * months, scales and currencies are read ("tres agricultores", "noviembre de 1998", "10 millones de
 * dólares"). Only a clear majority counts: a page of English with a few French names stays English.
 */

import type { Lang } from "./lang";

// Function words frequent in one language and rare as words of the others.
const WORDS: Readonly<Record<Lang, readonly string[]>> = {
  en: ["the", "and", "of", "to", "was", "with", "that", "for", "from", "is"],
  fr: ["les", "des", "du", "est", "une", "avec", "dans", "pour", "qui", "sur", "aux", "cette"],
  es: ["el", "los", "las", "del", "una", "por", "con", "para", "según", "fue", "más", "como"],
  de: ["der", "die", "und", "das", "nicht", "mit", "ist", "ein", "eine", "für", "auf", "sich"],
  pt: ["os", "não", "uma", "com", "pelo", "pela", "ao", "foi", "são", "também"],
  cs: ["je", "se", "na", "že", "jsou", "který", "která", "také", "podle", "jako"],
};

const OWNER = new Map<string, Lang>();
for (const [lang, words] of Object.entries(WORDS) as [Lang, readonly string[]][]) {
  for (const w of words) if (!OWNER.has(w)) OWNER.set(w, lang);
}

const WORD = /\p{L}+/gu;

// The opening of the text is enough to tell, and keeps the guess cheap: it runs on every untagged page.
const SAMPLE = 6_000;
const MIN_HITS = 12;
/** English function words after which, with four times fewer of all others, a page is English. */
const ENGLISH_SETTLES = 40;

/** The page's language guessed from its first 6,000 characters (about a thousand words: enough for a clear majority), or null when English or unclear. */
export function guessLang(text: string): Lang | null {
  const counts = new Map<Lang, number>();
  WORD.lastIndex = 0;
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  let other = 0; // function words of every language but English
  for (let m = WORD.exec(sample); m !== null; m = WORD.exec(sample)) {
    const w = m[0];
    if (w.length > 7) continue;
    const lang = OWNER.get(w.toLowerCase());
    if (lang === undefined) continue;
    const n = (counts.get(lang) ?? 0) + 1;
    counts.set(lang, n);
    if (lang !== "en") other++;
    // Most untagged pages are English: once it leads this clearly, the rest of the sample cannot
    // give another language twice English's count, so stop reading.
    else if (n >= ENGLISH_SETTLES && other * 4 < n) return null;
  }
  let best: Lang = "en";
  let top = 0;
  for (const [lang, n] of counts) {
    if (n > top) {
      best = lang;
      top = n;
    }
  }
  const en = counts.get("en") ?? 0;
  if (best === "en" || top < MIN_HITS || top < 2 * en) return null;
  return best;
}
