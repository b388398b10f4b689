import type { Plugin } from "vite";

/**
 * Zod 4 (imported as "zod/v4") compiles a fast object parser with the `Function` constructor when a
 * probe, `new Function("")`, says eval is allowed. Extension pages forbid eval (their content security
 * policy), so in the extension the probe always fails and the compiler never runs: it is dead code
 * that Firefox's add-on linter reports ("The Function constructor is eval") and that makes Chromium log
 * a refused eval. Zod itself answers "no eval" without probing where eval is known to be off
 * (Cloudflare Workers); this gives the extension's build the same answer, and removes the compiler.
 */
const PATCHES: { file: RegExp; from: RegExp; to: string }[] = [
  {
    // util.js: `export const allowsEval = cached(() => { … new F(""); … });`
    file: /[\\/]zod[\\/]v4[\\/]core[\\/]util\.js$/,
    from: /export const allowsEval = cached\(\(\) => \{[\s\S]*?\n\}\);/,
    to: "export const allowsEval = { value: false };",
  },
  {
    // doc.js: `compile() { const F = Function; … return new F(...args, …); }`, unreachable once eval is off.
    file: /[\\/]zod[\\/]v4[\\/]core[\\/]doc\.js$/,
    from: /compile\(\) \{[\s\S]*?\n {4}\}/,
    to: 'compile() {\n        throw new Error("zod: compiled parsers are off in this build");\n    }',
  },
];

/** A Vite plugin that builds zod without its eval probe and parser compiler; the build fails if zod's code changed shape. */
export function zodWithoutEval(): Plugin {
  return {
    name: "claimmark:zod-without-eval",
    enforce: "pre",
    transform(code, id) {
      const patch = PATCHES.find((p) => p.file.test(id.split("?")[0] ?? id));
      if (!patch) return null;
      if (!patch.from.test(code)) this.error(`zod-without-eval: ${id} no longer has the code this patch removes`);
      return { code: code.replace(patch.from, patch.to), map: null };
    },
  };
}
