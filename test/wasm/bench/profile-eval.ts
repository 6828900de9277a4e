// Profiling aid: evaluates the rollout workload with the Wasm bundle only.
// node --cpu-prof dist/scratch/profile-eval.mjs
import { generateRollout } from "../../../bench/workload.js";
import { generateBundle } from "../../../compiler/codegen/index.js";
import { loadBundle } from "../../../runtime/index.js";
import { checkedSeedPolicies } from "./seed-policies.js";

const checked = checkedSeedPolicies();
const bundle = await loadBundle(generateBundle(checked), { timeoutMs: 1e9 });
const inputs = generateRollout({ agents: 1000 });
const t = performance.now();
for (let round = 0; round < 60; round++) for (const input of inputs) bundle.evaluate(input, { now: input.now });
console.log(((performance.now() - t) / 60).toFixed(2), "ms/step");
