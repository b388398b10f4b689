import { describe, expect, it } from "vitest";
import { readableFigure, readableValue, usableLocale } from "../../lib/format/figure-value";

describe("a figure's value as a reader writes it", () => {
  it.each([
    ["--11-28", "en-GB", "28 November"],
    ["--11-28", "en", "November 28"],
    ["--11-28", "fr", "28 novembre"],
    ["--02-29", "en-GB", "29 February"],
    ["2024-11-25", "en-GB", "25 November 2024"],
    ["2024-11-25", "de", "25. November 2024"],
    ["2015-01", "en", "January 2015"],
    ["2015-01", "fr", "janvier 2015"],
    ["--10", "en", "October"],
    ["--10", "fr", "octobre"],
    ["--13", "en", "--13"],
    ["2019", "en", "2019"],
    ["193X", "en", "the 1930s"],
    ["193X", "fr", "les années 1930"],
    ["199X", "de", "die 1990er-Jahre"],
    ["201X", "es", "los años 2010"],
    ["193X", "cs", "1930–1939"],
    ["2014/2015", "fr", "2014–2015"],
    ["14:30", "en", "2:30 PM"],
    ["14:30", "fr", "14:30"],
  ])("writes the date or time %j in %s as %j", (value, lang, shown) => {
    expect(readableValue({ figureKind: "date", value }, lang)).toBe(shown);
  });

  it("writes a period of a year, a month or a decade in words the language has", () => {
    expect(readableFigure({ value: "193X", qualifier: "late" }, "en")).toEqual({
      text: "the late 1930s",
      qualifierIncluded: true,
    });
    expect(readableFigure({ value: "193X", qualifier: "early" }, "fr").text).toBe("le début des années 1930");
    expect(readableFigure({ value: "2020", qualifier: "mid" }, "en").text).toBe("mid-2020");
    expect(readableFigure({ value: "2019", qualifier: "late" }, "fr").text).toBe("fin 2019");
    expect(readableFigure({ value: "2015-01", qualifier: "early" }, "de").text).toBe("Anfang Januar 2015");
    expect(readableFigure({ value: "--12", qualifier: "mid" }, "en").text).toBe("mid-December");
    // Czech has no words here: the caller says the qualifier.
    expect(readableFigure({ value: "193X", qualifier: "late" }, "cs")).toEqual({
      text: "1930–1939",
      qualifierIncluded: false,
    });
    expect(readableFigure({ value: "--11-28", qualifier: "late" }, "en").qualifierIncluded).toBe(false);
  });

  it("groups numbers, and writes amounts with their currency and percentages with their sign", () => {
    expect(readableValue({ value: 6500 }, "en")).toBe("6,500");
    expect(readableValue({ value: 6500 }, "de")).toBe("6.500");
    expect(readableValue({ value: 6500 }, "fr")).toBe("6\u202F500");
    expect(readableValue({ value: 6.29 }, "fr")).toBe("6,29");
    expect(readableValue({ figureKind: "money", value: 3.2e9, unit: "USD" }, "en")).toBe("$3,200,000,000");
    expect(readableValue({ figureKind: "money", value: 4e7, unit: "EUR" }, "fr")).toBe("40\u202F000\u202F000\u00A0€");
    expect(readableValue({ figureKind: "money", value: 2.5, unit: "GBP" }, "en-GB")).toBe("£2.50");
    expect(readableValue({ figureKind: "percent", value: 12, unit: "percent" }, "en")).toBe("12%");
    expect(readableValue({ figureKind: "percent", value: 6.7, unit: "percent" }, "fr")).toBe("6,7\u00A0%");
    expect(readableFigure({ value: 6500, unit: "militants" }, "en").text).toBe("6,500 militants");
    expect(readableFigure({ figureKind: "money", value: 5, unit: "USD" }, "en").text).toBe("$5");
    expect(readableFigure({ figureKind: "percent", value: 3, unit: "percentage points" }, "en").text).toBe(
      "3 percentage points",
    );
    // A year corrected to a number is still written as a year.
    expect(readableValue({ figureKind: "date", value: 2019 }, "en")).toBe("2019");
  });

  it("shows any other value as it is, and never fails on a page's language", () => {
    expect(readableValue({ value: "between 3 and 5" }, "en")).toBe("between 3 and 5");
    expect(readableValue({ value: "2024-02-31" }, "en")).toBe("2024-02-31");
    expect(readableValue({ value: "25:61" }, "en")).toBe("25:61");
    expect(readableValue({ value: null }, "en")).toBe("");
    expect(readableValue({ value: 6500, unit: "XYZ!" }, "en")).toBe("6,500");
    expect(usableLocale("en_US")).toBe("en-US");
    expect(usableLocale("<script>")).toBeUndefined();
    expect(readableValue({ value: "--11-28" }, "not a language!")).toMatch(/28/u);
  });
});
