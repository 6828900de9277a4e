// Profiling aid: input-conversion time per (policy, input) on the rollout
// workload, to see which used types dominate (docs/design/performance.md).
// npx esbuild test/wasm/bench/convert-split.ts --bundle --platform=node --format=esm \
//   --target=es2022 --packages=external --outfile=dist/scratch/convert-split.mjs && node dist/scratch/convert-split.mjs
import { readFileSync } from "node:fs";
import { median, timeRepeated } from "../../../bench/stats.js";
import { generateRollout } from "../../../bench/workload.js";
import { compile } from "../../../compiler/compile.js";
import { Converter } from "../../../runtime/engine/convert.js";
import { JS_TIME_PARSERS } from "../../../compiler/interpret/builtins/time-twins.js";
import { parseManifest } from "../../../runtime/engine/manifest.js";
import { SEED_NAMES } from "./seed-policies.js";

const compiled = compile(SEED_NAMES.map((n) => ({ name: n, source: readFileSync(`examples/otel/${n}.edict`, "utf8") })));
const bytes = compiled.bundle!;
const manifest = parseManifest(WebAssembly.Module.customSections(new WebAssembly.Module(bytes as unknown as BufferSource), "edict.manifest")[0]);
const heavy = process.argv[2] === "heavy";
const inputs = generateRollout(heavy ? { agents: 200, heavy: true } : { agents: 1000 }) as unknown as Record<string, unknown>[];
for (const p of manifest.policies) {
  for (const i of p.inputs) {
    const c = new Converter(16 << 20, JS_TIME_PARSERS);
    const step = () => {
      for (const input of inputs) if (input[i.name] != null) c.convert(input[i.name], i.used, 1);
    };
    const ms = median(timeRepeated(step, 9, 3));
    console.log(`${p.name.padEnd(36)} ${i.name.padEnd(10)} ${((ms * 1000) / inputs.length).toFixed(2)} µs/agent`);
  }
}
