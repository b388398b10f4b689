import { describe, expect, it } from "vitest";
import { normalizeUrl, pageKey, siteOf } from "../../lib/url/normalize";
import { restrictionOf } from "../../lib/url/restricted";

describe("normalizeUrl", () => {
  it.each([
    ["https://example.com/a#section-2", "https://example.com/a"],
    ["https://example.com/a?utm_source=x&utm_medium=y&id=7", "https://example.com/a?id=7"],
    ["https://example.com/a?UTM_Campaign=x&fbclid=abc&gclid=1", "https://example.com/a"],
    ["https://EXAMPLE.com:443/a?q=1&page=2", "https://example.com/a?q=1&page=2"],
    ["https://user:secret@example.com/a", "https://example.com/a"],
    ["http://127.0.0.1:8080/x.html?utm_source=n#c", "http://127.0.0.1:8080/x.html"],
  ])("%s → %s", (raw, expected) => {
    expect(normalizeUrl(raw)).toBe(expected);
  });

  it.each(["chrome://version", "file:///etc/passwd", "javascript:alert(1)", "not a url", ""])("refuses %s", (raw) => {
    expect(normalizeUrl(raw)).toBeNull();
  });
});

describe("siteOf", () => {
  it.each([
    ["www.example.com", "example.com"],
    ["m.news.example.com", "example.com"],
    ["www.bbc.co.uk", "bbc.co.uk"],
    ["example.com", "example.com"],
    ["127.0.0.1", "127.0.0.1"],
    ["localhost", "localhost"],
    ["attacker.github.io", "attacker.github.io"],
    ["news.victim.github.io", "victim.github.io"],
    ["www.example.com.", "example.com"],
    ["foo.blogspot.com", "foo.blogspot.com"],
    ["a.b.example.com.au", "example.com.au"],
  ])("%s is on %s", (host, site) => {
    expect(siteOf(host)).toBe(site);
  });
});

describe("pageKey", () => {
  it("uses a canonical link on the same site", () => {
    expect(pageKey("https://m.example.com/story?utm_source=x", "https://www.example.com/story/")).toBe(
      "https://www.example.com/story/",
    );
  });

  it("ignores a canonical link to another site: a page cannot take another site's identity", () => {
    expect(pageKey("https://evil.test/story", "https://example.com/story")).toBe("https://evil.test/story");
  });

  it("ignores a canonical link to another site under a private suffix (github.io, blogspot)", () => {
    expect(pageKey("https://attacker.github.io/x", "https://victim.github.io/article")).toBe(
      "https://attacker.github.io/x",
    );
    expect(pageKey("https://a.blogspot.com/p", "https://b.blogspot.com/p")).toBe("https://a.blogspot.com/p");
    expect(pageKey("https://victim.github.io/amp/article", "https://victim.github.io/article")).toBe(
      "https://victim.github.io/article",
    );
  });

  it("ignores an unusable canonical link", () => {
    expect(pageKey("https://example.com/a#x", "javascript:alert(1)")).toBe("https://example.com/a");
  });

  it("has no key for a non-web URL", () => {
    expect(pageKey("chrome://settings", null)).toBeNull();
  });
});

describe("restrictionOf", () => {
  it.each([
    ["chrome://version", "browser-page"],
    ["about:blank", "browser-page"],
    ["chrome-extension://abc/popup.html", "browser-page"],
    ["https://chromewebstore.google.com/detail/xyz", "extension-store"],
    ["https://addons.mozilla.org/en-US/firefox/", "extension-store"],
    ["https://example.com/report.PDF", "pdf"],
    ["file:///home/me/a.html", "local-file"],
    ["data:text/html,hi", "unsupported"],
    ["garbage", "unsupported"],
  ])("%s is %s", (url, restriction) => {
    expect(restrictionOf(url)).toBe(restriction);
  });

  it("lets ordinary web pages through", () => {
    expect(restrictionOf("https://example.com/news/story.html")).toBeNull();
    expect(restrictionOf("http://127.0.0.1:3000/article")).toBeNull();
  });
});
