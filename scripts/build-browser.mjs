// Browser and edge builds (issue: embedding). dist/runtime.js is already
// platform-neutral; this adds the whole compiler for browsers, with binaryen
// and chevrotain bundled in, to dist/browser/compiler.js.
import { build } from "esbuild";

export async function buildBrowser() {
  const result = await build({
    entryPoints: { compiler: "compiler/index.ts" },
    outdir: "dist/browser",
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    // binaryen's Node-only branches import node:* modules it never reaches in a browser.
    external: ["node:*"],
    metafile: true,
    logLevel: "warning",
  });
  return result.metafile;
}

if (import.meta.url === `file://${process.argv[1]}`) await buildBrowser();
