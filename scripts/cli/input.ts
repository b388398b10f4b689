import { readFile } from "node:fs/promises";
import { basename, extname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseHTML } from "linkedom";
import type { DetectInput } from "../../lib/detect/types";
import { extractArticle } from "../../lib/extract/article";
import type { NoArticleReason, PageReport } from "../../lib/model";

/** Reads all of standard input as UTF-8. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Reads one input: a path, or "-" for standard input. Throws a message naming the file. */
export async function readInput(file: string): Promise<string> {
  if (file === "-") return readStdin();
  try {
    return await readFile(file, "utf8");
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
  const url = options.url ?? (file === "-" ? "https://example.invalid/stdin" : pathToFileURL(resolve(file)).href);
  if (!isHtml(file, content, options.mode))
    return { ok: true, input: { text: content, lang: options.lang }, url, report: null };
  const { document } = parseHTML(content);
  const { report, article } = extractArticle(document as unknown as Document, url);
  if (!article) return { ok: false, reason: report.noArticleReason ?? "empty" };
  return {
    ok: true,
    input: { text: article.text, blocks: article.blocks, lang: options.lang ?? report.lang },
    url,
    report,
  };
}

/** A short name for messages. */
export const label = (file: string): string => (file === "-" ? "standard input" : basename(file));
