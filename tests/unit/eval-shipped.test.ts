// `npm run eval` on a fresh clone, with no shared corpus: it scores the gold fixture the project ships.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");

describe("npm run eval with no argument", { timeout: 60_000 }, () => {
  it("scores the example article's gold file from tests/fixtures and finds it perfect", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/eval.ts"], { cwd: ROOT, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("## fixtures (1 gold file)");
    expect(run.stdout).toMatch(/^figures\s+1\.000\s+1\.000\s+1\.000\s+7\s+0\s+0/m);
    expect(run.stdout).toContain("perfect: every quote, claim, term and figure as in the gold files");
    expect(run.stdout).toContain("npm run eval -- ../shared");
    expect(run.status).toBe(0);
  });
});
