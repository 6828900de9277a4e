// `edict demo`, the README's main job, through the built binary.
import { beforeAll, describe, expect, it } from "vitest";
import { edict, ensureBuilt } from "./support.js";

beforeAll(() => ensureBuilt());

const POLICIES = [
  "otel.default_deny_exporter_removal",
  "otel.default_deny_tls_insecure_on_non_localhost",
  "otel.exporter_removal",
  "otel.hostmetrics_interval",
  "otel.no_debug_in_production",
  "otel.non_eu_endpoint",
  "otel.tls_insecure_non_localhost",
  "otel.traces_tail_sampling",
];

/** policy -> [denied, errors, oracle] from the demo's table. */
function table(stdout: string): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  for (const line of stdout.split("\n")) {
    const m = /^\s+(otel\.\w+)\s+(\d+)\s+(\d+)\s+(\d+)\s+ok$/.exec(line);
    if (m) rows.set(m[1]!, [Number(m[2]), Number(m[3]), Number(m[4])]);
  }
  return rows;
}

describe("edict demo", () => {
  it("evaluates the 1000-agent rollout on the wasm engine and agrees with the hand-written JS", () => {
    const run = edict(["demo"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("8 policies from examples/otel, engine wasm");
    expect(run.stdout).toContain("1000 agents, seed 42");
    const rows = table(run.stdout);
    expect([...rows.keys()]).toEqual(POLICIES);
    // Regression pin: the deny counts for seed 42 (the oracle's, see test/examples/workload.test.ts).
    expect(Object.fromEntries([...rows].map(([name, [denied, errors]]) => [name, [denied, errors]]))).toEqual({
      "otel.default_deny_exporter_removal": [35, 0],
      "otel.default_deny_tls_insecure_on_non_localhost": [39, 0],
      "otel.exporter_removal": [28, 0],
      "otel.hostmetrics_interval": [39, 0],
      "otel.no_debug_in_production": [48, 0],
      "otel.non_eu_endpoint": [51, 0],
      "otel.tls_insecure_non_localhost": [39, 0],
      "otel.traces_tail_sampling": [38, 0],
    });
    expect(run.stdout).toMatch(/221 of 1000 agents denied by at least one policy/);
    expect(run.stdout).toMatch(/second pass [\d.]+ ms \([\d.]+ µs per agent\)/);
    expect(run.stdout).toContain("all 8 policies agree with the hand-written JavaScript");
  });

  it("runs on the interpreter too", () => {
    const run = edict(["demo", "--engine", "interpreter", "--agents", "200", "--seed", "7"]);
    expect(run.status).toBe(0);
    expect(table(run.stdout).size).toBe(8);
    expect(run.stdout).toContain("all 8 policies agree with the hand-written JavaScript");
  });
});
