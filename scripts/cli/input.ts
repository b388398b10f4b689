import { readFile } from "node:fs/promises";
import { basename, extname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseHTML } from "linkedom";
import type { DetectInput } from "../../lib/detect/types";
import { extractArticle } from "../../lib/extract/article";
import type { NoArticleReason, PageReport } from "../../lib/model";
import { decodeText } from "./decode";

/** Reads all of standard input as UTF-8 text (see `decodeText`). */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return decodeText(Buffer.concat(chunks), "standard input");
}

/** Reads one input: a path, or "-" for standard input. Throws a message naming the file. */
export async function readInput(file: string): Promise<string> {
  if (file === "-") return readStdin();
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "is a directory"
          : code === "EACCES"
            ? "permission denied"
            : (error as Error).message;
    throw new Error(`cannot read ${file}: ${reason}`);
  }
  return decodeText(bytes, file);
}

/** Whether an input is a web page: by option, by extension, else by its first character. */
export function isHtml(file: string, content: string, mode: "auto" | "text" | "html"): boolean {
  if (mode !== "auto") return mode === "html";
  const ext = extname(file).toLowerCase();
  if (ext === ".html" || ext === ".htm" || ext === ".xhtml") return true;
  if (file !== "-" && ext) return false;
  return /^\s*</.test(content);
}

/** What detection reads for one input, or why there is nothing to read. */
export type Prepared =
  | { ok: true; input: DetectInput; url: string; report: PageReport | null }
  | { ok: false; reason: NoArticleReason };

/**
 * Turns an input into article text: a web page goes through the same extraction as the
 * extension (Readability on linkedom); a text is taken as it is.
 */
export function prepare(
  file: string,
  content: string,
  options: { mode: "auto" | "text" | "html"; url: string | null; lang: string | null },
): Prepared {
  let url = options.url ?? (file === "-" ? "https://example.invalid/stdin" : pathToFileURL(resolve(file)).href);
  if (!isHtml(file, content, options.mode))
    return { ok: true, input: { text: content, lang: options.lang }, url, report: null };
  const { document } = parseHTML(content);
  // A saved page's own address is its canonical link: a file: address is nobody's page, and the
  // extension's import refuses it.
  if (options.url === null && file !== "-") url = webAddressOf(document as unknown as Document) ?? url;
  const { report, article } = extractArticle(document as unknown as Document, url);
  if (!article) return { ok: false, reason: report.noArticleReason ?? "empty" };
  return {
    ok: true,
    input: { text: article.text, blocks: article.blocks, lang: options.lang ?? report.lang },
    url,
    report,
  };
}

/** The http(s) address a page's canonical link gives, or null. */
function webAddressOf(document: Document): string | null {
  const href = document.querySelector('link[rel~="canonical" i]')?.getAttribute("href");
  if (!href) return null;
  try {
    const url = new URL(href);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

/** Whether an address is one the extension stores pages under (and so can import). */
export const isWebAddress = (url: string): boolean => /^https?:\/\//i.test(url);

/** A short name for messages. */
export const label = (file: string): string => (file === "-" ? "standard input" : basename(file));
