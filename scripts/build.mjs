// Builds dist/: the package entry points bundled with esbuild. binaryen stays
// external (ESM with top-level await, ~100 MB) and is only loaded by the compiler.
import { build } from "esbuild";
import { buildBrowser } from "./build-browser.mjs";

const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "es2022",
  sourcemap: true,
  external: ["binaryen", "chevrotain", "yaml"],
  logLevel: "warning",
};

await Promise.all([
  build({ ...common, entryPoints: { index: "compiler/index.ts" }, outdir: "dist" }),
  build({ ...common, entryPoints: { runtime: "runtime/index.ts" }, outdir: "dist", platform: "neutral" }),
  build({ ...common, entryPoints: { "cli-main": "cli/main.ts" }, outdir: "dist" }),
  // The binary sets a V8 flag before the CLI (and binaryen) load: cli/entry.ts says why.
  build({
    ...common,
    entryPoints: { cli: "cli/entry.ts" },
    outdir: "dist",
    banner: { js: "#!/usr/bin/env node" },
  }),
  buildBrowser(),
]);
