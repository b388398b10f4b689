#!/usr/bin/env node
// The `claimmark` command. It runs the TypeScript sources directly through tsx, so the CLI
// is always the same code as the extension, with no separate build to go stale.
import { register } from "tsx/esm/api";

// A reader who closes the pipe (`claimmark detect … | head -1`) has all they wanted: stop quietly.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
register();
const { main } = await import("./main.ts");
process.exitCode = await main(process.argv.slice(2));
