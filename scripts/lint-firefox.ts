// `npm run lint:firefox [-- --no-build]`: builds the Firefox add-on and runs Mozilla's add-on linter
// (`web-ext lint`, as addons.mozilla.org does on upload) on .output/firefox-mv2. Any error or warning fails,
// except the few findings in bundled libraries listed in scripts/lint-firefox-allowed.ts (and the README),
// each recognised by its code, its file and the library's own statement at the reported place. An entry
// that no longer matches anything fails too, so the list and the README stay true. It also fails when the
// built package holds a network call other than the unused one docs/store-listing.md names.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { ALLOWED, ALLOWED_NETWORK, type LintFinding, matchAllowed, NETWORK_CALL } from "./lint-firefox-allowed";

const ROOT = resolve(import.meta.dirname, "..");
const OUTPUT = join(ROOT, ".output/firefox-mv2");
const args = process.argv.slice(2);
for (const arg of args) {
  if (arg !== "--no-build") {
    console.error(`Unknown option ${arg}. Usage: npm run lint:firefox [-- --no-build]`);
    process.exit(2);
  }
}

if (!args.includes("--no-build")) {
  const build = spawnSync("npx", ["wxt", "build", "-b", "firefox"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const lint = spawnSync(
  join(ROOT, "node_modules/.bin/web-ext"),
  ["lint", "--source-dir", OUTPUT, "--self-hosted", "false", "--output", "json", "--no-input", "--no-config-discovery"],
  { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
);
let report: { errors: LintFinding[]; warnings: LintFinding[]; notices: LintFinding[] };
try {
  report = JSON.parse(lint.stdout);
} catch {
  console.error(`web-ext lint gave no report (exit ${lint.status}):\n${lint.stdout}${lint.stderr}`);
  process.exit(1);
}

/** The bundled source around a finding, where the allowlist looks for the library's own statement. */
function around(finding: LintFinding): string {
  if (!finding.file || !finding.line) return "";
  const line = readFileSync(join(OUTPUT, finding.file), "utf8").split("\n")[finding.line - 1] ?? "";
  const column = finding.column ?? 0;
  return line.slice(Math.max(0, column - 120), column + 120);
}

const where = (f: LintFinding) => `${f.file ?? "(add-on)"}${f.line ? `:${f.line}:${f.column ?? 0}` : ""}`;
const used = new Map<string, number>();
const failures: string[] = [];
for (const [severity, findings] of [
  ["error", report.errors],
  ["warning", report.warnings],
] as const) {
  for (const finding of findings) {
    const entry = matchAllowed(finding, around(finding));
    if (entry) {
      used.set(entry.id, (used.get(entry.id) ?? 0) + 1);
      console.log(`allowed ${severity} ${finding.code} in ${where(finding)}: ${entry.library} (${entry.id})`);
    } else {
      failures.push(`${severity} ${finding.code} in ${where(finding)}: ${finding.message}\n  ${finding.description}`);
    }
  }
}
for (const notice of report.notices) console.log(`notice ${notice.code} in ${where(notice)}: ${notice.message}`);
for (const entry of ALLOWED) {
  const count = used.get(entry.id) ?? 0;
  if (count !== entry.count) {
    failures.push(
      `allowlist entry ${entry.id} matched ${count} finding(s), not ${entry.count}: update it and the README`,
    );
  }
}

// The privacy policy says Claimmark sends nothing: every network call in the built package must be a known,
// unreached one in a bundled library (docs/store-listing.md).
const networkUsed = new Set<string>();
for (const entry of readdirSync(OUTPUT, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith(".js")) continue;
  const path = join(entry.parentPath, entry.name);
  const code = readFileSync(path, "utf8");
  for (const match of code.matchAll(NETWORK_CALL)) {
    const source = code.slice(Math.max(0, match.index - 120), match.index + 120);
    const allowed = ALLOWED_NETWORK.find((candidate) => candidate.statement.test(source));
    if (allowed) networkUsed.add(allowed.id);
    else failures.push(`network call \`${match[0]}\` in ${path.slice(OUTPUT.length + 1)}: …${source}…`);
  }
}
for (const entry of ALLOWED_NETWORK) {
  if (!networkUsed.has(entry.id))
    failures.push(`network allowlist entry ${entry.id} matched nothing: update it and docs/store-listing.md`);
}

if (failures.length > 0) {
  console.error(`\nweb-ext lint: ${failures.length} problem(s) not in the allowlist:\n`);
  for (const failure of failures) console.error(`✗ ${failure}`);
  process.exit(1);
}
const allowed = [...used.values()].reduce((a, b) => a + b, 0);
console.log(
  `web-ext lint: 0 errors, 0 warnings from Claimmark's code (${allowed} allowed in bundled libraries); no network calls but ${[...networkUsed].join(", ")} (unused)`,
);
