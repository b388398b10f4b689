// `npm run zip:check`: what Firefox's reviewers do with the sources zip, checked. After `wxt zip -b firefox`
// (the package.json script), unpacks .output/claimmark-<version>-sources.zip into an empty temporary
// folder, runs the reviewers' command there (`npm run build:amo`: `npm ci`, then the Firefox build) and
// compares every file of the rebuilt .output/firefox-mv2 with the submitted claimmark-<version>-firefox.zip,
// byte for byte. Exits 1 and lists the differences when there is any. `--keep` keeps the folder.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { compareFiles } from "./zip/compare";
import { readZip } from "./zip/read-zip";

const ROOT = resolve(import.meta.dirname, "..");
const keep = process.argv.includes("--keep");
const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
const sourcesZip = join(ROOT, `.output/claimmark-${version}-sources.zip`);
const firefoxZip = join(ROOT, `.output/claimmark-${version}-firefox.zip`);
const started = Date.now();
for (const zip of [sourcesZip, firefoxZip]) {
  if (!existsSync(zip)) {
    console.error(`No ${relative(ROOT, zip)}: run \`npm run zip:check\`, which makes it first.`);
    process.exit(2);
  }
}

/** Every file under `dir`, by its path relative to `dir` with forward slashes, as zips name them. */
function filesUnder(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path).split("\\").join("/"), readFileSync(path));
  }
  return files;
}

const work = mkdtempSync(join(tmpdir(), "claimmark-rebuild-"));
let differences: string[] = [];
try {
  for (const { path, data } of readZip(readFileSync(sourcesZip))) {
    mkdirSync(dirname(join(work, path)), { recursive: true });
    writeFileSync(join(work, path), data);
  }
  console.log(`Unpacked ${relative(ROOT, sourcesZip)} into ${work}; running \`npm run build:amo\` there`);
  // The packages come from npm's cache when it has them (CI has just installed the same lock file).
  const build = spawnSync("npm", ["run", "build:amo"], {
    cwd: work,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, npm_config_prefer_offline: "true" },
  });
  if (build.status !== 0) {
    console.error(`\nThe reviewers' build failed (exit ${build.status}) in ${work}`);
    process.exitCode = 1;
  } else {
    const zipped = new Map(readZip(readFileSync(firefoxZip)).map((entry) => [entry.path, entry.data]));
    const rebuilt = filesUnder(join(work, ".output/firefox-mv2"));
    differences = compareFiles(zipped, rebuilt);
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    if (differences.length === 0) {
      console.log(
        `\n✓ Rebuilt from the sources zip: all ${zipped.size} files of ${relative(ROOT, firefoxZip)} identical (${seconds} s)`,
      );
    } else {
      console.error(`\n✗ The rebuild from the sources zip differs from ${relative(ROOT, firefoxZip)}:`);
      for (const line of differences) console.error(`  ${line}`);
      process.exitCode = 1;
    }
  }
} finally {
  if (keep || process.exitCode) console.log(`The rebuild is kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
