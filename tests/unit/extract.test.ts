import { describe, expect, it } from "vitest";
import { extractArticle } from "../../lib/extract/article";
import { articleText } from "../../lib/extract/article-text";
import { sha256Hex } from "../../lib/extract/hash";
import { fixture, parseDocument } from "./dom";

const URL_ = "http://127.0.0.1:8000/csto-tajik-afghan-border.html";

describe("extractArticle on the example article", () => {
  const doc = parseDocument(fixture("csto-tajik-afghan-border.html"));
  const before = doc.documentElement.outerHTML;
  const { report, article } = extractArticle(doc, URL_);

  it("finds the article and its metadata", () => {
    expect(report).toMatchObject({
      hasArticle: true,
      readerable: true,
      noArticleReason: null,
      title: "CSTO Secretary General announces adoption of Program for development of Tajik-Afghan border",
      siteName: "CentralasianLIGHT.org",
      publishedTime: "2024-11-25T09:00:00+05:00",
      lang: "en",
      canonicalUrl:
        "https://centralasianlight.org/news/csto-secretary-general-announces-adoption-of-program-for-development-of-tajik-afghan-border/",
    });
  });

  it("keeps the article's paragraphs and leaves the page furniture out", () => {
    const text = article?.text ?? "";
    expect(text.startsWith("The Collective Security Council")).toBe(true);
    expect(text).toContain("now reaching about 6,500 militants, with up to 4,000 concentrated");
    expect(text).toContain("‘Wilayah Khorasan’");
    expect(text).not.toContain("Most read");
    expect(text).not.toContain("Subscribe");
    expect(article?.blocks).toHaveLength(9);
    expect(report.textLength).toBe(text.length);
    expect(report.textHash).toBe(sha256Hex(text));
  });

  it("leaves the document exactly as it was", () => {
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe("extractArticle on pages without an article", () => {
  it("says a list of links is not an article", () => {
    const { report, article } = extractArticle(parseDocument(fixture("no-article.html")), "https://example.com/");
    expect(article).toBeNull();
    expect(report).toMatchObject({ hasArticle: false, noArticleReason: "not-readerable", title: "Links" });
    expect(report.textHash).toBeNull();
  });

  it("handles an empty document", () => {
    const { report } = extractArticle(parseDocument(""), "https://example.com/");
    expect(report.hasArticle).toBe(false);
  });

  const nested = (depth: number) =>
    `${"<div>".repeat(depth)}<p>${"Words in a paragraph, long enough to be read. ".repeat(20)}</p>${"</div>".repeat(depth)}`;

  it("refuses a hostile page nested thousands deep instead of freezing on it", () => {
    const html = `<html><head><title>${"T".repeat(50_000)}</title></head><body><script>alert(1)</script>${nested(5000)}</body></html>`;
    const { report } = extractArticle(parseDocument(html), "https://example.com/");
    expect(report).toMatchObject({ hasArticle: false, noArticleReason: "too-complex" });
    expect(report.title.length).toBeLessThanOrEqual(1000);
  });

  it("still reads an article nested deeper than any real page seen", () => {
    const html = `<html><head><title>Deep</title></head><body>${nested(60)}</body></html>`;
    expect(extractArticle(parseDocument(html), "https://example.com/").report.hasArticle).toBe(true);
  });

  it("ignores a canonical link that is not http(s)", () => {
    const html = `<html><head><link rel="canonical" href="javascript:alert(1)"></head><body></body></html>`;
    expect(extractArticle(parseDocument(html), "https://example.com/").report.canonicalUrl).toBeNull();
  });
});

describe("articleText", () => {
  it("separates blocks, flows inline elements and skips scripts", () => {
    const doc = parseDocument(
      "<div><h2>Head</h2><p>One <b>bold</b>\n  word.</p><script>x()</script><ul><li>A</li><li>B<br>C</li></ul></div>",
    );
    const { text, blocks } = articleText(doc.querySelector("div") as Element);
    expect(text).toBe("Head\n\nOne bold word.\n\nA\n\nB\n\nC");
    expect(blocks.map(({ start, end }) => text.slice(start, end))).toEqual(["Head", "One bold word.", "A", "B", "C"]);
  });

  it("keeps non-breaking spaces, which French typography puts inside quotation marks", () => {
    const doc = parseDocument("<p>«\u00a0Bonjour\u00a0», dit-il.</p>");
    expect(articleText(doc.querySelector("p") as Element).text).toBe("«\u00a0Bonjour\u00a0», dit-il.");
  });

  it.each([
    ["a heading", "<h3>Minister resigns</h3>", "heading"],
    ["a figure's caption", "<figure><img src=x><figcaption>Photo: Ana Ruiz</figcaption></figure>", "caption"],
    ["a credit by its class", '<p class="image-credit">Getty Images</p>', "caption"],
    ["a table cell", "<table><tr><td>42</td></tr></table>", "table-cell"],
    ["a paragraph in a block quote", "<blockquote><p>We will win.</p></blockquote>", "blockquote"],
    ["a pull quote in an aside", "<aside><blockquote>We will win.</blockquote></aside>", "aside"],
    ["a list item", "<ul><li>Two bridges were closed.</li></ul>", "list-item"],
    ["an author box by its class", '<div class="post-author"><p>Ana Ruiz covers courts.</p></div>', "byline"],
    ["a related-stories box", '<div class="related"><p>More on the budget</p></div>', "aside"],
    ["a related-stories list of links", '<ul class="related"><li><a href=/a>Another story</a></li></ul>', "links"],
    ["a paragraph that is a link", '<p><a href="/b">Read: the budget in five charts</a></p>', "links"],
    ["a paragraph with a link in it", '<p>The budget, <a href="/c">published</a> on Monday, grew.</p>', undefined],
    ["a class that says there is no caption", '<div class="item no_caption"><p>Text.</p></div>', undefined],
  ])("gives %s its role", (_, html, role) => {
    const doc = parseDocument(`<div>${html}</div>`);
    const { blocks } = articleText(doc.querySelector("div") as Element);
    expect(blocks.map((block) => block.role)).toEqual([role]);
  });

  it("does not take a whole article for an author box because its class names the author", () => {
    const long = "The council met on Monday and spoke about the budget. ".repeat(40);
    const doc = parseDocument(`<div><article class="post author-ana"><p>${long}</p></article></div>`);
    expect(articleText(doc.querySelector("div") as Element).blocks[0]?.role).toBeUndefined();
  });

  it("gives the same text with roles as without", () => {
    const doc = parseDocument(fixture("csto-tajik-afghan-border.html"));
    const { text, blocks } = articleText(doc.body);
    expect(blocks.map(({ start, end }) => start < end && end <= text.length)).not.toContain(false);
    expect(blocks.map(({ start, end }) => text.slice(start, end)).join("\n\n")).toBe(text);
  });
});
