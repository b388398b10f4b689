/**
 * The page language as the figure rules need it: which mark is the decimal one, whether plain spaces
 * group thousands, and which language's words (number words, months, units, qualifiers) apply.
 */

export type Lang = "en" | "fr" | "es" | "de" | "pt" | "cs";

export interface LangProfile {
  lang: Lang;
  /** BCP 47 region subtag, upper case ("US", "IN"), or "" when none. */
  region: string;
  /** The decimal mark of the language; the other of "," and "." groups thousands. */
  decimal: "," | ".";
  /** Whether an ordinary space may group thousands ("6 500"); narrow and no-break spaces always may. */
  spaceGroups: boolean;
  /** Numeric dates put the month first (11/25/2024). */
  monthFirst: boolean;
  /** The page names no language we know the marks of: the numbers' own shapes decide them (see marks.ts). */
  untagged: boolean;
}

const WORD_LANGS: ReadonlySet<string> = new Set(["en", "fr", "es", "de", "pt", "cs"]);

// Languages whose words we do not know but whose digits use a decimal comma, so "6,5" reads right.
const COMMA_DECIMAL: ReadonlySet<string> = new Set([
  "it",
  "nl",
  "ru",
  "pl",
  "tr",
  "sv",
  "da",
  "nb",
  "nn",
  "no",
  "fi",
  "ro",
  "hu",
  "sk",
  "uk",
  "id",
  "el",
  "bg",
  "hr",
  "sl",
  "sr",
  "lt",
  "lv",
  "et",
  "ca",
  "gl",
  "eu",
  "be",
  "kk",
  "az",
  "vi",
]);

/** Reads a BCP 47 tag ("fr-FR", "pt_BR", null) into the profile the rules use; unknown means English. */
export function langProfile(tag: string | null | undefined): LangProfile {
  const parts = typeof tag === "string" ? tag.trim().split(/[-_]/) : [];
  const primary = (parts[0] ?? "").toLowerCase();
  const region = (parts.find((p, i) => i > 0 && /^[A-Za-z]{2}$/.test(p)) ?? "").toUpperCase();
  if (WORD_LANGS.has(primary)) {
    const lang = primary as Lang;
    if (lang === "en")
      return {
        lang,
        region,
        decimal: ".",
        spaceGroups: false,
        monthFirst: region === "" || region === "US",
        untagged: false,
      };
    return { lang, region, decimal: ",", spaceGroups: true, monthFirst: false, untagged: false };
  }
  if (COMMA_DECIMAL.has(primary))
    return { lang: "en", region, decimal: ",", spaceGroups: true, monthFirst: false, untagged: false };
  return { lang: "en", region, decimal: ".", spaceGroups: false, monthFirst: true, untagged: true };
}
