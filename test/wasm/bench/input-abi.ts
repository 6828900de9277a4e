// Measures the input ABI on the rollout workload (docs/design/input-abi.md):
// per agent, the cost of converting the inputs the bundle's policies read
// and of a whole bundle evaluation; the interpreter alongside for scale.
// Run: npx esbuild test/wasm/bench/input-abi.ts --bundle --platform=node --format=esm \
//        --target=es2022 --packages=external --outfile=/tmp/input-abi.mjs && node /tmp/input-abi.mjs

import { generateRollout } from "../../../bench/workload.js";
import { generateBundle } from "../../../compiler/codegen/index.js";
import { interpretPolicies } from "../../../compiler/interpret/entry.js";
import { Converter } from "../../../runtime/engine/convert.js";
import { JS_TIME_PARSERS } from "../../../compiler/interpret/builtins/time-twins.js";
import { loadViewingBundle } from "../../../runtime/engine/internal.js";
import { parseManifest } from "../../../runtime/engine/manifest.js";
import { loadBundle } from "../../../runtime/index.js";
import { runtimeLibrary } from "../support/adapter.js";
import { LinearEncoder } from "./linear-encoder.js";
import { view } from "./view.js";
import { checkedSeedPolicies } from "./seed-policies.js";

const checked = checkedSeedPolicies();
const bytes = generateBundle(checked);
const viewing = await loadViewingBundle(bytes, { timeoutMs: 1e9, inputView: view });
const copying = await loadBundle(bytes, { timeoutMs: 1e9 });
const manifest = parseManifest(WebAssembly.Module.customSections(new WebAssembly.Module(bytes as unknown as BufferSource), "edict.manifest")[0]);
const inputs = generateRollout({ agents: 1000 });

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

function time(label: string, step: () => void): void {
  for (let i = 0; i < 3; i++) step();
  const runs: number[] = [];
  for (let i = 0; i < 9; i++) {
    const t = performance.now();
    step();
    runs.push(performance.now() - t);
  }
  const ms = median(runs);
  console.log(`${label.padEnd(48)} ${ms.toFixed(2)} ms/step  ${((ms * 1000) / inputs.length).toFixed(2)} µs/agent`);
}

console.log(`${checked.length} policies, ${inputs.length} agents, bundle ${bytes.length} bytes`);
time("convert used inputs (eager host values)", () => {
  const c = new Converter(16 << 20, JS_TIME_PARSERS);
  for (const input of inputs) {
    for (const p of manifest.policies) for (const i of p.inputs) c.convert((input as unknown as Record<string, unknown>)[i.name], i.used, 1);
  }
});
time("validate used inputs (no copy)", () => {
  const c = new Converter(16 << 20, JS_TIME_PARSERS, false);
  for (const input of inputs) {
    for (const p of manifest.policies) for (const i of p.inputs) c.convert((input as unknown as Record<string, unknown>)[i.name], i.used, 1);
  }
});
const encoder = new LinearEncoder();
time("design C: encode into linear memory, interned strings", () => {
  for (const input of inputs) {
    encoder.reset();
    for (const p of manifest.policies) for (const i of p.inputs) encoder.encode((input as unknown as Record<string, unknown>)[i.name], i.used);
  }
});
console.log(`  (${encoder.strings.size} distinct strings interned over all steps; last agent ${encoder.size} bytes)`);
time("wasm bundle evaluate, design A (copy)", () => {
  for (const input of inputs) copying.evaluate(input, { now: input.now });
});
time("wasm bundle evaluate, design B (validate + view)", () => {
  for (const input of inputs) viewing.evaluate(input, { now: input.now });
});
time("interpreter", () => {
  for (const input of inputs) interpretPolicies(checked, input, { now: input.now, builtins: runtimeLibrary, timeoutMs: 1e9 });
});
