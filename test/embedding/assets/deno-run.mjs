// deno run --allow-read deno-run.mjs RUNTIME.js BUNDLE.wasm CASES.json
import { runCases } from "./run-cases.mjs";

const [runtimePath, bundlePath, casesPath] = Deno.args;
const { loadBundle } = await import(new URL(runtimePath, `file://${Deno.cwd()}/`).href);
const bytes = await Deno.readFile(bundlePath);
const cases = JSON.parse(await Deno.readTextFile(casesPath));
const bundle = await loadBundle(bytes);
console.log(JSON.stringify(runCases(bundle, cases)));
