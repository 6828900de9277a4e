// Profiling aid: counts the host calls per agent on the rollout workload,
// by import and, for library calls, by overload.
// npx esbuild test/wasm/bench/count-calls.ts --bundle --platform=node --format=esm --packages=external --outfile=dist/scratch/count-calls.mjs && node dist/scratch/count-calls.mjs
import { generateRollout } from "../../../bench/workload.js";
import { generateBundle } from "../../../compiler/codegen/index.js";
import { loadBundle } from "../../../runtime/index.js";
import { parseManifest } from "../../../runtime/engine/manifest.js";
import { checkedSeedPolicies } from "./seed-policies.js";

const checked = checkedSeedPolicies();
const bytes = generateBundle(checked);
const manifest = parseManifest(WebAssembly.Module.customSections(new WebAssembly.Module(bytes as unknown as BufferSource), "edict.manifest")[0]);
const counts = new Map<string, number>();
const bump = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
const instantiate = WebAssembly.instantiate.bind(WebAssembly);
(WebAssembly as { instantiate: unknown }).instantiate = (module: WebAssembly.Module, imports: Record<string, Record<string, (...a: number[]) => number>>) => {
  const wrapped: Record<string, (...a: number[]) => number> = {};
  for (const [name, f] of Object.entries(imports.edict!)) {
    wrapped[name] = (...args: number[]) => {
      if (name === "call1" || name === "call2" || name === "call") bump(`${name} ${manifest.sites[args[0]!]!.ids.join("|")}`);
      else bump(name);
      return f(...args);
    };
  }
  return instantiate(module, { ...imports, edict: wrapped });
};
const bundle = await loadBundle(bytes, { timeoutMs: 1e9 });
const inputs = generateRollout({ agents: 1000 });
for (const input of inputs) bundle.evaluate(input, { now: input.now });
const total = [...counts.values()].reduce((a, b) => a + b, 0);
console.log(`host calls per agent: ${(total / inputs.length).toFixed(1)}`);
for (const [k, v] of [...counts].sort((a, b) => b[1] - a[1])) console.log((v / inputs.length).toFixed(2).padStart(8), k);
