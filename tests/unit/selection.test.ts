import { describe, expect, it } from "vitest";
import { normalizeWithMap } from "../../lib/anchor/normalize";
import { selectionInArticle } from "../../lib/anchor/selection";

const ARTICLE = "The council met on Monday.\n\nIt said the ferry would carry\u00a0about 1,200 passengers a day.";
const PAGE = "Home News The council met on Monday. It said the ferry would carry about 1,200 passengers a day. Share";

describe("normalizeWithMap", () => {
  it("collapses whitespace and maps every character back", () => {
    const { text, rawOffset } = normalizeWithMap("a \n\n b\u00a0c");
    expect(text).toBe("a b c");
    expect([...rawOffset]).toEqual([0, 1, 5, 6, 7, 8]);
  });
});

describe("selectionInArticle", () => {
  it("finds a selection of the page in the raw article text, across a paragraph break and a no-break space", () => {
    const start = PAGE.indexOf("Monday.");
    const end = PAGE.indexOf(" passengers");
    const passage = selectionInArticle(ARTICLE, PAGE, start, end);
    expect(passage?.exact).toBe("Monday.\n\nIt said the ferry would carry\u00a0about 1,200");
    expect(ARTICLE.slice(passage?.start, passage?.end)).toBe(passage?.exact);
    expect(passage?.prefix).toBe("The council met on ");
  });

  it("trims the spaces a selection picks up at its ends", () => {
    const start = PAGE.indexOf(" about");
    const passage = selectionInArticle(ARTICLE, PAGE, start, start + " about 1,200 ".length);
    expect(passage?.exact).toBe("about 1,200");
  });

  it("says no for a selection outside the article", () => {
    expect(selectionInArticle(ARTICLE, PAGE, 0, "Home News".length)).toBeNull();
    expect(selectionInArticle(ARTICLE, PAGE, 5, 5)).toBeNull();
  });
});
