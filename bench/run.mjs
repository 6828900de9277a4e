// `npm run bench`: bundle bench/main.ts with esbuild (dependencies stay
// external) and run it in this process, so every engine is measured side by
// side in one process.
import { build } from "esbuild";
import { pathToFileURL } from "node:url";

await build({
  entryPoints: ["bench/main.ts"],
  outfile: "dist/bench.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "es2022",
  packages: "external",
  logLevel: "warning",
});
await import(pathToFileURL("dist/bench.mjs").href);
