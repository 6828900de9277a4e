// Profiling aid: evaluates the rollout workload with the Wasm bundle only.
// node --cpu-prof dist/scratch/profile-eval.mjs
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { generateRollout } from "../../../bench/workload.js";
import { checkPolicy } from "../../../compiler/check/index.js";
import type { CheckedPolicy } from "../../../compiler/check/checked.js";
import { generateBundle } from "../../../compiler/codegen/index.js";
import { parsePolicy } from "../../../grammar/index.js";
import { loadBundle } from "../../../runtime/index.js";

const checked: CheckedPolicy[] = [];
for (const name of ["tls-insecure-non-localhost", "exporter-removal", "non-eu-endpoint", "traces-tail-sampling", "hostmetrics-interval", "no-debug-in-production"]) {
  const source = readFileSync(resolve("examples/otel", `${name}.edict`), "utf8");
  const result = checkPolicy(parsePolicy(`${name}.edict`, source).ast!, source);
  if (result.checked) checked.push(result.checked);
}
const bundle = await loadBundle(generateBundle(checked), { timeoutMs: 1e9 });
const inputs = generateRollout({ agents: 1000 });
const t = performance.now();
for (let round = 0; round < 60; round++) for (const input of inputs) bundle.evaluate(input, { now: input.now });
console.log(((performance.now() - t) / 60).toFixed(2), "ms/step");
