// `npm start`: build Claimmark, open Chromium with it on the example article, show what it recorded.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { annotationLines } from "./browser/annotation-lines";
import { storedAnnotations, waitForStoredPage } from "./browser/extension-db";
import { launchWithExtension } from "./browser/launch";
import { serveDirectory } from "./browser/serve";

const ROOT = resolve(import.meta.dirname, "..");
const ARTICLE = "/csto-tajik-afghan-border.html";
const args = new Set(process.argv.slice(2));
const headless = args.has("--headless");

for (const arg of args) {
  if (arg !== "--headless" && arg !== "--no-build") {
    console.error(`Unknown option ${arg}. Usage: npm start [-- --headless] [-- --no-build]`);
    process.exit(2);
  }
}
if (!headless && process.platform === "linux" && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error("No display to open a browser window on. Run `npm start -- --headless` instead.");
  process.exit(2);
}

if (!args.has("--no-build")) {
  const build = spawnSync("npx", ["wxt", "build"], { cwd: ROOT, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = await serveDirectory(resolve(ROOT, "tests/fixtures"));
const browser = await launchWithExtension({ headless });
const page = await browser.context.newPage();
const url = `${server.origin}${ARTICLE}`;
await page.goto(url);
const stored = await waitForStoredPage(browser.worker, url);
console.log(`\nClaimmark recorded ${url}:`);
console.log(JSON.stringify(stored, null, 2));

// The background stores a visit's annotations in one write, after the page record.
let annotations = (await storedAnnotations(browser.worker)).filter((a) => a.pageKey === stored.key);
for (const deadline = Date.now() + 15_000; annotations.length === 0 && Date.now() < deadline; ) {
  await new Promise((done) => setTimeout(done, 100));
  annotations = (await storedAnnotations(browser.worker)).filter((a) => a.pageKey === stored.key);
}
const lines = annotationLines(annotations, stored.lang);
console.log(`\n${lines.length} annotations, in reading order (kind, passage, speaker or value):`);
for (const line of lines) console.log(`  ${line}`);

const popup = await browser.openPopup(page);
await popup.getByTestId("annotation-count").waitFor();
mkdirSync(resolve(ROOT, ".output"), { recursive: true });
const screenshot = resolve(ROOT, ".output/popup.png");
await popup.screenshot({ path: screenshot });
console.log(`\nPopup screenshot: ${screenshot}`);

if (headless) {
  await browser.close();
  await server.close();
} else {
  console.log("\nChromium is open with Claimmark loaded. Close the browser window (or press Ctrl-C) to stop.");
  const stop = async () => {
    await browser.close().catch(() => {});
    await server.close();
    process.exit(0);
  };
  browser.context.on("close", () => void stop());
  process.on("SIGINT", () => void stop());
}
