import { describe, expect, it } from "vitest";
import { CardBroker, TOKEN_LIFETIME_MS } from "../../lib/card/broker";

/** A broker on the test's clock, handing out tokens t1, t2, … */
function broker() {
  const time = { now: 0 };
  let n = 0;
  return {
    time,
    cards: new CardBroker(
      () => `t${++n}`,
      () => time.now,
    ),
  };
}

describe("CardBroker", () => {
  it("hands a token that its tab redeems once for the annotation it names", () => {
    const { cards } = broker();
    const token = cards.open(7, "https://example.com/a", "auto-1", true);
    expect(token).toBe("t1");
    expect(cards.redeem(7, token)).toEqual({
      tabId: 7,
      pageKey: "https://example.com/a",
      id: "auto-1",
      focus: true,
      preview: false,
    });
    expect(cards.redeem(7, token)).toBeNull();
  });

  it("binds a preview's token to the preview: it never shows the full card", () => {
    const { cards } = broker();
    const token = cards.open(7, "https://example.com/a", "auto-1", false, true);
    expect(cards.redeem(7, token)).toMatchObject({ id: "auto-1", preview: true });
  });

  it("refuses a token to another tab", () => {
    const { cards } = broker();
    const token = cards.open(7, "https://example.com/a", "auto-1", false);
    expect(cards.redeem(8, token)).toBeNull();
  });

  it("refuses a token it never handed out", () => {
    const { cards } = broker();
    cards.open(7, "https://example.com/a", "auto-1", false);
    expect(cards.redeem(7, "t9")).toBeNull();
  });

  it(`lets a token live ${TOKEN_LIFETIME_MS} ms`, () => {
    const { time, cards } = broker();
    const late = cards.open(7, "k", "auto-1", false);
    time.now = TOKEN_LIFETIME_MS - 1;
    expect(cards.redeem(7, late)).not.toBeNull();
    const expired = cards.open(7, "k", "auto-1", false);
    time.now += TOKEN_LIFETIME_MS;
    expect(cards.redeem(7, expired)).toBeNull();
  });

  it("voids a tab's older token when the tab asks for another card, and only that tab's", () => {
    const { cards } = broker();
    const first = cards.open(7, "k", "auto-1", false);
    const elsewhere = cards.open(8, "k", "auto-1", false);
    const second = cards.open(7, "k", "auto-2", false);
    expect(cards.redeem(7, first)).toBeNull();
    expect(cards.redeem(7, second)).toMatchObject({ id: "auto-2" });
    expect(cards.redeem(8, elsewhere)).toMatchObject({ tabId: 8, id: "auto-1" });
  });

  it("forgets a closed tab's tokens", () => {
    const { cards } = broker();
    const closed = cards.open(7, "k", "auto-1", false);
    const open = cards.open(8, "k", "auto-1", false);
    cards.forgetTab(7);
    expect(cards.redeem(7, closed)).toBeNull();
    expect(cards.redeem(8, open)).not.toBeNull();
  });

  it("makes random tokens of the shape a card frame may present", () => {
    const cards = new CardBroker();
    const tokens = new Set(Array.from({ length: 20 }, (_, i) => cards.open(i, "k", "auto-1", false)));
    expect(tokens.size).toBe(20);
    for (const token of tokens) expect(token).toMatch(/^[0-9a-f-]{36}$/);
  });
});
