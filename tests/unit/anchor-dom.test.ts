// @vitest-environment jsdom
import fc from "fast-check";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { indexDomText, indexDomTextSteps } from "../../lib/anchor/dom-text";
import { locateAll, locateQuote } from "../../lib/anchor/locate";
import { normalizeWhitespace } from "../../lib/anchor/normalize";
import { selectorsFor } from "../../lib/anchor/selectors";

/** The body of a page parsed from constant fixture HTML. */
function bodyOf(html: string): HTMLElement {
  return new JSDOM(`<!doctype html><html><head><title>Page title</title></head><body>${html}</body></html>`).window
    .document.body;
}

/** Text with all whitespace removed: a Range's text across blocks has no space where the index has one. */
const squash = (s: string): string => s.replace(/\s+/g, "");

/** The text of the range the index gives for the first occurrence of `quote` in its text. */
function rangeTextOf(root: Element, quote: string): string | undefined {
  const index = indexDomText(root);
  const start = index.text.indexOf(quote);
  expect(start, `index text lacks ${quote}: ${index.text}`).toBeGreaterThanOrEqual(0);
  return index.rangeAt(start, start + quote.length)?.toString();
}

/** The text a range shows: its text nodes' characters, leaving out those of scripts the range spans. */
function shownTextOf(range: Range | null): string | null {
  if (range === null) return null;
  const { startContainer, endContainer, startOffset, endOffset } = range;
  if (startContainer === endContainer) return (startContainer as Text).data.slice(startOffset, endOffset);
  const walker = (startContainer.ownerDocument as Document).createTreeWalker(range.commonAncestorContainer, 4);
  let shown = "";
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (!range.intersectsNode(node) || node.parentElement?.closest("script")) continue;
    const data = (node as Text).data;
    shown += data.slice(node === startContainer ? startOffset : 0, node === endContainer ? endOffset : data.length);
  }
  return shown;
}

describe("indexDomText: text", () => {
  it.each([
    ["paragraphs", "<p>para one</p><p>para two</p>", "para one para two"],
    ["list items and headings", "<h2>Title</h2><ul><li>one</li><li>two</li></ul>", "Title one two"],
    ["table cells", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b c"],
    ["a line break", "<p>line one<br>line two</p>", "line one line two"],
    ["inline markup", "<p>He said <em>“hello</em> world”</p>", "He said “hello world”"],
    ["inline markup inside a word", "<p>un<b>believ</b>able</p>", "unbelievable"],
    [
      "newlines and indentation in the source",
      "<p>\n  The   quick\n\tbrown fox\n</p>\n<p>jumps</p>",
      "The quick brown fox jumps",
    ],
    ["no-break spaces", "<p>5&nbsp;000&nbsp;&nbsp;euros</p>", "5 000 euros"],
    ["spaces on both sides of a tag", "<p>a <span> b </span> c</p>", "a b c"],
    [
      "scripts, styles and friends",
      "<p>shown</p><script>var x = 1;</script><style>p{}</style><noscript>no js</noscript><template><p>later</p></template><textarea>typed</textarea><select><option>pick</option></select><p>too</p>",
      "shown too",
    ],
    [
      "SVG titles and descriptions",
      "<p>chart <svg><title>tooltip</title><desc>about</desc><text>label</text></svg></p>",
      "chart label",
    ],
    ["hidden elements", "<p>seen</p><p hidden>unseen</p><div>also <span hidden>not</span>seen</div>", "seen also seen"],
    ["only whitespace", "<p>  </p>\n<div>\n</div>", ""],
  ])("normalises %s", (_name, html, text) => {
    expect(indexDomText(bodyOf(html)).text).toBe(text);
  });

  it("skips elements the caller names, such as Claimmark's own card", () => {
    const body = bodyOf('<p>Article text.</p><div id="claimmark-card"><p>Card: 3 quotes</p></div><p>More text.</p>');
    const index = indexDomText(body, { skip: (element) => element.id === "claimmark-card" });
    expect(index.text).toBe("Article text. More text.");
    expect(indexDomText(body).text).toContain("Card: 3 quotes");
  });

  it("indexes only the subtree it is given", () => {
    const body = bodyOf("<nav>Home News</nav><article><p>The story.</p></article>");
    expect(indexDomText(body.querySelector("article") as Element).text).toBe("The story.");
  });
});

describe("indexDomText: ranges", () => {
  it("maps a quote split across inline elements back to the page's characters", () => {
    const body = bodyOf("<p>He said <em>“hello</em> world” and left.</p>");
    const index = indexDomText(body);
    const start = index.text.indexOf("“hello world”");
    const range = index.rangeAt(start, start + "“hello world”".length);
    expect(range?.toString()).toBe("“hello world”");
    expect(range?.startContainer.parentNode?.nodeName).toBe("EM");
    expect(range?.endContainer.textContent).toBe(" world” and left.");
    expect(range?.endOffset).toBe(" world”".length);
  });

  it("ends a range right after its last character, not on the whitespace collapsed after it", () => {
    const body = bodyOf("<p>\n  The   quick\n\tbrown fox\n</p>\n<p>jumps</p>");
    expect(rangeTextOf(body, "The quick")).toBe("The   quick");
    expect(rangeTextOf(body, "quick brown")).toBe("quick\n\tbrown");
    expect(rangeTextOf(body, "fox")).toBe("fox");
    expect(rangeTextOf(body, "jumps")).toBe("jumps");
  });

  it("maps across paragraphs and line breaks", () => {
    const body = bodyOf("<p>para one</p><p>para two<br>line three</p>");
    expect(squash(rangeTextOf(body, "one para two line") ?? "")).toBe("oneparatwoline");
    expect(rangeTextOf(body, "line three")).toBe("line three");
  });

  it("keeps no-break spaces in the page's text of the range", () => {
    expect(rangeTextOf(bodyOf("<p>It cost 5&nbsp;000 euros.</p>"), "5 000 euros")).toBe("5\u00a0000 euros");
  });

  it("maps text after skipped and hidden elements to the right characters", () => {
    const body = bodyOf("<p>one <script>two</script>three <span hidden>four</span>five</p>");
    expect(indexDomText(body).text).toBe("one three five");
    expect(rangeTextOf(body, "three")).toBe("three");
    expect(rangeTextOf(body, "five")).toBe("five");
    // A DOM Range is contiguous: one across a skipped element holds it, which painting never shows.
    expect(rangeTextOf(body, "three five")).toBe("three fourfive");
  });

  it("maps astral-plane characters without splitting them", () => {
    expect(rangeTextOf(bodyOf("<p>Fans 😀 <b>cheered 👍🏽</b> loudly</p>"), "😀 cheered 👍🏽")).toBe("😀 cheered 👍🏽");
  });

  it.each([
    [-1, 2],
    [0, 999],
    [5, 4],
    [0.5, 3],
    [Number.NaN, 3],
  ])("gives null for the out-of-bounds span [%s, %s)", (start, end) => {
    expect(indexDomText(bodyOf("<p>short text</p>")).rangeAt(start, end)).toBeNull();
  });

  it("gives null for any span of an empty index, and collapsed ranges inside a text", () => {
    expect(indexDomText(bodyOf("<p> </p>")).rangeAt(0, 0)).toBeNull();
    const index = indexDomText(bodyOf("<p>ab</p><p>cd</p>"));
    expect(index.rangeAt(2, 2)?.collapsed).toBe(true);
    expect(index.rangeAt(5, 5)?.toString()).toBe("");
  });

  it("gives null instead of throwing when the page removed text it indexed", () => {
    const body = bodyOf("<p>a long paragraph of text</p>");
    const index = indexDomText(body);
    const node = body.querySelector("p")?.firstChild as Text;
    node.data = "a";
    expect(index.rangeAt(2, 10)).toBeNull();
  });

  it("maps every span of a random page to the same characters, modulo whitespace", () => {
    const document = new JSDOM("<!doctype html><body></body>").window.document;
    const words = ["alpha", "b", "“q”", "x😀y", "  ", " ", "\n\t", "\u00a0", "", "é"];
    const tags = ["p", "div", "em", "span", "b", "li", "br", "script", "h2"];
    type Tree = { tag: string; children: (Tree | string)[] } | string;
    const tree: fc.Memo<Tree> = fc.memo((depth) =>
      depth <= 1
        ? fc.constantFrom(...words)
        : fc.oneof(
            fc.constantFrom(...words),
            fc.record({ tag: fc.constantFrom(...tags), children: fc.array(tree(depth - 1), { maxLength: 4 }) }),
          ),
    );
    const build = (parent: Node, node: Tree): void => {
      if (typeof node === "string") {
        parent.appendChild(document.createTextNode(node));
        return;
      }
      const element = document.createElement(node.tag);
      if (node.tag !== "br") for (const child of node.children) build(element, child);
      parent.appendChild(element);
    };
    const visible = (node: Tree): string =>
      typeof node === "string"
        ? node
        : node.tag === "script" || node.tag === "br"
          ? ""
          : node.children.map(visible).join("");
    fc.assert(
      fc.property(fc.array(tree(4), { maxLength: 6 }), fc.nat(), fc.nat(), (nodes, a, b) => {
        const root = document.createElement("div");
        for (const node of nodes) build(root, node);
        const index = indexDomText(root);
        expect(squash(index.text)).toBe(squash(nodes.map(visible).join("")));
        expect(index.text).not.toMatch(/^\s|\s$|\s\s|[^\S ]/);
        if (index.text.length === 0) return;
        const start = a % index.text.length;
        const end = start + 1 + (b % (index.text.length - start));
        expect(squash(shownTextOf(index.rangeAt(start, end)) ?? "<null>")).toBe(squash(index.text.slice(start, end)));
      }),
      { numRuns: 300 },
    );
  });
});

describe("anchoring an article selector in the live page", () => {
  const page = `
    <header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/world">World</a></nav></header>
    <main>
      <article>
        <h1>Council approves budget</h1>
        <p>The council met on Tuesday
           evening to debate the budget.</p>
        <p><em>“We cannot afford another cut,”</em> said the mayor.</p>
        <p>The plan would cost 4.2&nbsp;million euros over five years, the treasurer said.</p>
        <aside><script>trackReader();</script></aside>
        <p>In the end the council voted to approve it.</p>
      </article>
    </main>
    <footer>© The Daily Example</footer>`;
  // As Readability gives it: paragraphs separated by a blank line, the no-break space kept.
  const article = [
    "Council approves budget",
    "The council met on Tuesday evening to debate the budget.",
    "“We cannot afford another cut,” said the mayor.",
    "The plan would cost 4.2\u00a0million euros over five years, the treasurer said.",
    "In the end the council voted to approve it.",
  ].join("\n\n");
  const quotes = [
    "budget.\n\n“We cannot afford",
    "“We cannot afford another cut,” said the mayor",
    "4.2\u00a0million euros",
    "voted to approve it.",
  ];
  const targets = quotes.map((quote) => {
    const start = article.indexOf(quote);
    const [selector] = selectorsFor(article, start, start + quote.length);
    return {
      exact: normalizeWhitespace(selector.exact),
      prefix: normalizeWhitespace(selector.prefix),
      suffix: normalizeWhitespace(selector.suffix),
      hint: start,
    };
  });

  it("finds every quote of the article text in the page, as a range holding the quote", () => {
    const body = bodyOf(page);
    const index = indexDomText(body);
    const matches = locateAll(index.text, targets);
    expect(matches.map((m) => m?.state)).toEqual(["exact", "exact", "exact", "exact"]);
    const texts = matches.map((m) => (m ? index.rangeAt(m.start, m.end)?.toString() : undefined));
    expect(texts.map((t) => squash(t ?? ""))).toEqual(quotes.map(squash));
    expect(texts[2]).toBe("4.2\u00a0million euros");
  });

  it("finds a quote the page reworded, fuzzily, as a range holding the new words", () => {
    const body = bodyOf(page.replace("voted to approve it.", "voted to adopt it."));
    const index = indexDomText(body);
    const match = locateQuote(index.text, targets[3] as (typeof targets)[number]);
    expect(match?.state).toBe("fuzzy");
    expect(match && index.rangeAt(match.start, match.end)?.toString()).toBe("voted to adopt it.");
  });
});

describe("MathML in the page", () => {
  it("leaves out a formula's TeX source, which the article text never has", () => {
    const body = bodyOf(
      '<p>The speed <math><semantics><mi>c</mi><annotation encoding="application/x-tex">{\\displaystyle c}</annotation></semantics></math> is constant.</p>',
    );
    expect(indexDomText(body).text).toBe("The speed c is constant.");
  });
});

describe("offsetAt", () => {
  it("maps a selection's ends back to the index text, across inline markup and blocks", () => {
    const body = bodyOf("<p>He said <em>“hello</em>   world” twice.</p>\n<p>Next  paragraph here.</p>");
    const index = indexDomText(body);
    const em = body.querySelector("em") as HTMLElement;
    const second = body.querySelectorAll("p")[1] as HTMLElement;
    const start = index.offsetAt(em.firstChild as Text, 1);
    const end = index.offsetAt(second.firstChild as Text, 4);
    expect(index.text.slice(start ?? 0, end ?? 0)).toBe("hello world” twice. Next");
  });

  it("maps points between elements and in skipped text to the nearest text", () => {
    const body = bodyOf("<p>One</p><script>var x = 1;</script><p>Two</p>");
    const index = indexDomText(body);
    const script = body.querySelector("script") as HTMLElement;
    expect(index.offsetAt(script.firstChild as Text, 3)).toBe(3);
    expect(index.offsetAt(body, 0)).toBe(0);
    expect(index.offsetAt(body, body.childNodes.length)).toBe(index.text.length);
  });

  it("round-trips with rangeAt", () => {
    const body = bodyOf("<p>Alpha <b>beta</b> gamma</p><p>delta epsilon</p>");
    const index = indexDomText(body);
    fc.assert(
      fc.property(fc.nat(index.text.length), fc.nat(index.text.length), (a, b) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        const range = index.rangeAt(start, end);
        if (!range || start === end) return;
        // A block boundary's space has no DOM point of its own: a range starting there starts at the next word.
        const from = index.offsetAt(range.startContainer, range.startOffset) ?? -1;
        const to = index.offsetAt(range.endContainer, range.endOffset) ?? -1;
        expect(index.text.slice(from, to).trim()).toBe(index.text.slice(start, end).trim());
      }),
    );
  });
});

describe("indexDomTextSteps", () => {
  it("pauses on a large page and builds the same index as indexDomText", () => {
    const body = bodyOf(Array.from({ length: 3000 }, (_, i) => `<p>Paragraph <b>${i}</b> of the story.</p>`).join(""));
    const steps = indexDomTextSteps(body);
    let pauses = 0;
    let result = steps.next();
    while (!result.done) {
      pauses++;
      result = steps.next();
    }
    expect(pauses).toBeGreaterThan(1);
    const whole = indexDomText(body);
    expect(result.value.text).toBe(whole.text);
    const at = whole.text.indexOf("Paragraph 2999");
    expect(result.value.rangeAt(at, at + 14)?.toString()).toBe("Paragraph 2999");
  });
});
