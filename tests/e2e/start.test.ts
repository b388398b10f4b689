// `npm start -- --headless`, as the README offers it to a newcomer without a display: it runs the built
// extension on the example article and prints what Claimmark recorded, annotations included.
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");

/** Runs `scripts/start.ts` with `args` on the extension already built; its exit code and what it printed. */
function start(args: string[], env = process.env): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", ...args], { cwd: ROOT, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (status) => done({ status, stdout, stderr }));
  });
}

describe("npm start -- --headless", () => {
  it("prints the page record and the example article's annotations: kind, passage, speaker or value", async () => {
    const { status, stdout, stderr } = await start(["--headless", "--no-build"]);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout).toMatch(/Claimmark recorded http:\/\/127\.0\.0\.1:\d+\/csto-tajik-afghan-border\.html/);
    expect(stdout).toContain('"siteName": "CentralasianLIGHT.org"');
    expect(stdout).toMatch(/\n\d+ annotations, in reading order \(kind, passage, speaker or value\):\n/);
    expect(stdout).toMatch(
      /\n {2}quote +“Although the situation seems to have stabilized.*” {2}— Imangali Tasmagambetov\n/,
    );
    expect(stdout).toMatch(/\n {2}figure +“about 6,500 militants” {2}= 6,500 militants \(approximately\)\n/);
    expect(stdout).toContain("Popup screenshot:");
  });

  it.runIf(process.platform === "linux")(
    "without a display and without --headless, says to use --headless",
    async () => {
      const env = { ...process.env };
      delete env.DISPLAY;
      delete env.WAYLAND_DISPLAY;
      const { status, stderr } = await start(["--no-build"], env);
      expect(status).toBe(2);
      expect(stderr).toContain("Run `npm start -- --headless` instead.");
    },
  );
});
