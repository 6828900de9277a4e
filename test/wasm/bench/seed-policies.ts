// The six seed policies of examples/otel, checked, for the profiling aids in
// this folder (the benchmark, bench/main.ts, compiles them itself).
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { CheckedPolicy } from "../../../compiler/check/checked.js";
import { checkPolicy } from "../../../compiler/check/index.js";
import { parsePolicy } from "../../../grammar/index.js";

export const SEED_NAMES = ["tls-insecure-non-localhost", "exporter-removal", "non-eu-endpoint", "traces-tail-sampling", "hostmetrics-interval", "no-debug-in-production"];

/** Each seed policy checked; one that does not check is reported and left out. */
export function checkedSeedPolicies(): CheckedPolicy[] {
  const checked: CheckedPolicy[] = [];
  for (const name of SEED_NAMES) {
    const source = readFileSync(resolve("examples/otel", `${name}.edict`), "utf8");
    const result = checkPolicy(parsePolicy(`${name}.edict`, source).ast!, source);
    if (result.checked) checked.push(result.checked);
    else console.log(`skipped ${name}: ${result.diagnostics[0]?.message}`);
  }
  return checked;
}
