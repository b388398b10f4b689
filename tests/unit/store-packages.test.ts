// The tools behind `npm run zip:check` and `npm run lint:firefox`: reading WXT's zips, comparing a rebuild
// with them, and telling the linter's accepted library findings from anything else.
import { createZip } from "@aklinker1/zero-zip"; // the zip writer `wxt zip` uses
import { describe, expect, it } from "vitest";
import { ALLOWED, type LintFinding, matchAllowed } from "../../scripts/lint-firefox-allowed";
import { compareFiles } from "../../scripts/zip/compare";
import { readZip } from "../../scripts/zip/read-zip";

describe("readZip", () => {
  it("reads back every file WXT's zip writer wrote, byte for byte", async () => {
    const zip = createZip({ level: 9 });
    const binary = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256));
    zip.addFile("manifest.json", '{"name":"Claimmark"}');
    zip.addFile("chunks/a-1x2.js", "x".repeat(10_000));
    zip.addFile("_locales/fr/messages.json", "« déjà »");
    zip.addFile("assets/bytes.bin", binary);
    const entries = readZip(await zip.toBuffer());
    expect(new Map(entries.map((e) => [e.path, e.data.toString("latin1")]))).toEqual(
      new Map([
        ["manifest.json", '{"name":"Claimmark"}'],
        ["chunks/a-1x2.js", "x".repeat(10_000)],
        ["_locales/fr/messages.json", Buffer.from("« déjà »").toString("latin1")],
        ["assets/bytes.bin", binary.toString("latin1")],
      ]),
    );
  });

  it("refuses what is not a zip, and paths that climb out of the folder", async () => {
    expect(() => readZip(Buffer.from("not a zip at all, just text long enough"))).toThrow(/not a zip/);
    const zip = createZip();
    zip.addFile("../evil.js", "x");
    expect(readZip.bind(null, await zip.toBuffer())).toThrow(/unsafe path/);
  });
});

describe("compareFiles", () => {
  it("names the files only in one set and where a file's bytes first differ", () => {
    const zipped = new Map([
      ["manifest.json", Buffer.from("{}")],
      ["chunks/popup-AAAA.js", Buffer.from("a")],
      ["popup.html", Buffer.from("<script src=AAAA>")],
    ]);
    const rebuilt = new Map([
      ["manifest.json", Buffer.from("{}")],
      ["chunks/popup-BBBB.js", Buffer.from("a")],
      ["popup.html", Buffer.from("<script src=BBBB>")],
    ]);
    expect(compareFiles(zipped, rebuilt)).toEqual([
      "missing from the rebuild: chunks/popup-AAAA.js",
      "only in the rebuild: chunks/popup-BBBB.js",
      "differs: popup.html (17 bytes zipped, 17 rebuilt, first difference at byte 12)",
    ]);
    expect(compareFiles(zipped, new Map(zipped))).toEqual([]);
  });
});

describe("the Firefox linter's allowlist", () => {
  const warning = (file: string): LintFinding => ({
    code: "UNSAFE_VAR_ASSIGNMENT",
    message: "Unsafe assignment to innerHTML",
    description: "",
    file,
    line: 1,
    column: 10,
  });

  it("accepts each library's own statement where it is bundled", () => {
    expect(matchAllowed(warning("chunks/format-Dg.js"), "if(f)(n.innerHTML=f.__html),r.__k=[]")?.library).toBe(
      "preact",
    );
    expect(
      matchAllowed(warning("content-scripts/content.js"), "if(W=!1,e.innerHTML=r,this._attempts.push({articleContent:P")
        ?.id,
    ).toBe("readability-retry");
    expect(
      matchAllowed(
        warning("content-scripts/content.js"),
        "var n=e.createElement(`div`);n.innerHTML=t.innerHTML;var r=t.previousElementSibling;",
      )?.id,
    ).toBe("readability-noscript");
  });

  it("refuses the same kind of finding in anything else, another file or another code", () => {
    expect(matchAllowed(warning("content-scripts/content.js"), "el.innerHTML=location.hash")).toBeUndefined();
    expect(matchAllowed(warning("background.js"), "(n.innerHTML=f.__html)")).toBeUndefined();
    expect(
      matchAllowed({ ...warning("chunks/x.js"), code: "DANGEROUS_EVAL" }, "(n.innerHTML=f.__html)"),
    ).toBeUndefined();
  });

  it("says why each accepted finding stays", () => {
    for (const entry of ALLOWED) expect(entry.why.length).toBeGreaterThan(40);
  });
});
