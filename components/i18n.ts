import type { ComponentChild } from "preact";
import { browser } from "wxt/browser";
import english from "../public/_locales/en/messages.json";

/**
 * The UI's words, from `public/_locales/<lang>/messages.json` (the browser's own i18n: the
 * browser picks the reader's language, falling back to English). Where there is no extension API
 * (unit tests, the CLI) the English file is read directly, so English stays the default.
 */

/** A message's name in the locale files. */
export type MessageKey = keyof typeof english;

/** One locale file: each message with its text and named placeholders ("$count$" → "$1"). */
export type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** What fills a message's placeholders, in order ($1, $2, …). */
export type Substitutions = string | number | readonly (string | number)[];

// A built extension always has the browser's i18n and its own copy of the files, so the English
// file is bundled only where there is none (unit tests, `wxt dev`): pages and the content script stay small.
const bundled: Messages = import.meta.env.PROD ? {} : english;
let fallback: Messages = bundled;
/** Whether the browser's i18n answers here; learnt on first use (a test's fake browser throws). */
let browserAnswers: boolean | null = null;

/** The browser's `getMessage`, or null where there is none. */
function fromBrowser(key: string, subs: string[]): string | null {
  if (browserAnswers === false) return null;
  try {
    // WXT types the names from the built locale files; these are checked against them by a test instead.
    const getMessage = browser.i18n.getMessage as (name: string, substitutions: string[]) => string;
    const text = getMessage(key, subs);
    browserAnswers = true;
    return text || null;
  } catch {
    browserAnswers = false;
    return null;
  }
}

/** `message` with its placeholders filled as the browser fills them (named, then $1…$9, "$$" for "$"). */
export function fillMessage(entry: Messages[string], subs: readonly string[]): string {
  const named = entry.placeholders ?? {};
  const positional = (text: string) => text.replace(/\$([1-9])/gu, (_, n: string) => subs[Number(n) - 1] ?? "");
  return entry.message
    .replace(/\$([a-z0-9_@]+)\$/giu, (whole, name: string) => {
      const placeholder = named[name.toLowerCase()];
      return placeholder ? positional(placeholder.content) : whole;
    })
    .replace(/\$\$/gu, "$");
}

/** The UI's text for `key`, its placeholders filled with `subs`. */
export function t(key: MessageKey, subs?: Substitutions): string {
  const list = subs === undefined ? [] : (Array.isArray(subs) ? subs : [subs]).map(String);
  const text = fromBrowser(key, list);
  if (text !== null) return text;
  const entry = fallback[key];
  return entry ? fillMessage(entry, list) : key;
}

/** `one` or `other` for `count` by the UI language's plural rules ("1 row", "0 ligne"), given the count. */
export function plural(count: number, one: MessageKey, other: MessageKey): string {
  const rule = formatters(uiLocale()).plurals.select(count);
  return t(rule === "one" ? one : other, formatNumber(count));
}

/** `count` written for the UI language ("6,500", "6 500"). */
export function formatNumber(count: number): string {
  return formatters(uiLocale()).numbers.format(count);
}

let made: { locale: string; plurals: Intl.PluralRules; numbers: Intl.NumberFormat } | null = null;

/** The UI language's plural rules and number format, made once: a list of a thousand rows asks for them often. */
function formatters(locale: string) {
  if (made?.locale !== locale)
    made = { locale, plurals: new Intl.PluralRules(locale), numbers: new Intl.NumberFormat(locale) };
  return made;
}

/**
 * The locale the UI's dates and numbers are written in: the browser's UI language when the
 * messages are in it ("en-GB" writes "28 November"), else the language the messages are in.
 */
export function uiLocale(): string {
  const messages = t("ui_language");
  let browserLanguage = "";
  try {
    browserLanguage = browser.i18n.getUILanguage();
  } catch {
    // no extension API: the messages' own language
  }
  const tag = browserLanguage.replace(/_/gu, "-");
  return tag.toLowerCase().split("-")[0] === messages ? tag : messages;
}

/** Sets the page's language and title from the messages (an HTML file cannot ask for them). */
export function localizeDocument(title: MessageKey): void {
  document.documentElement.lang = uiLocale();
  document.title = t(title);
}

/** For tests and the CLI: read `messages` (another locale's file) where there is no extension API. */
export function useFallbackMessages(messages: Messages = bundled): void {
  fallback = messages;
}

/** Private-use marks standing for elements inside a message while it is filled. */
const MARK = "\u{E000}";

/**
 * The message for `key` with elements in its placeholders (a `<time>`, a link): the text split
 * around them, ready to render.
 */
export function tNodes(key: MessageKey, nodes: readonly ComponentChild[]): ComponentChild[] {
  const text = t(
    key,
    nodes.map((_, i) => `${MARK}${i}${MARK}`),
  );
  return text.split(new RegExp(`${MARK}(\\d+)${MARK}`, "u")).map((part, i) => (i % 2 ? nodes[Number(part)] : part));
}
