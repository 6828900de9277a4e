// `edict demo`: the README's main job. Compiles examples/otel/*.edict,
// generates a 1000-agent rollout (seed 42), evaluates every agent, and
// compares the per-policy deny counts with the hand-written JS oracle
// (bench/oracle.ts). Exit 1 when any policy disagrees with it.

import { existsSync, readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { ALL_ORACLES } from "../../bench/oracle.js";
import { generateRollout } from "../../bench/workload.js";
import { flagValue, parseArgs, positiveIntFlag, UsageError } from "../args.js";
import { DEFAULT_ENGINE, engineFromSources, parseEngineName } from "../engine.js";
import { readSources, renderDiagnostics, summarize, type Output } from "../io.js";

const DEMO_TIMEOUT_MS = 2000;

/** The directory holding examples/otel: found from this file, whether run from dist/ or from source. */
function examplesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, "examples", "otel");
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new UsageError("cannot find examples/otel next to the edict package");
}

function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

export async function runDemo(argv: readonly string[], io: Output): Promise<number> {
  const args = parseArgs(argv, { agents: { value: true }, seed: { value: true }, engine: { value: true } });
  if (args.positionals.length > 0) throw new UsageError(`edict demo takes no files (got ${args.positionals.join(" ")})`);
  const agents = positiveIntFlag(args, "agents") ?? 1000;
  const seedText = flagValue(args, "seed") ?? "42";
  if (!/^[0-9]+$/.test(seedText)) throw new UsageError(`--seed must be a non-negative integer, got ${JSON.stringify(seedText)}`);
  const seed = Number(seedText);
  const engineFlag = flagValue(args, "engine");
  const engineName = engineFlag === undefined ? DEFAULT_ENGINE : parseEngineName(engineFlag);
  if (!engineName) throw new UsageError(`--engine must be wasm or interpreter, got ${JSON.stringify(engineFlag)}`);

  const dir = examplesDir();
  const files = readdirSync(dir).filter((f) => f.endsWith(".edict")).sort().map((f) => join(dir, f));
  const sources = readSources(files).map((s) => ({ ...s, name: relative(process.cwd(), s.name) }));
  // A generous deadline: the demo compares counts, and a busy machine (a CI
  // runner, a first pass before the JIT warms up) must not turn a slow
  // evaluation into a timeout. Fuel stays at its default.
  const loading = await timedAsync(() => engineFromSources(sources, engineName, { timeoutMs: DEMO_TIMEOUT_MS }));
  for (const text of renderDiagnostics(loading.value.diagnostics, sources)) io.err(text);
  if (!loading.value.ok) {
    io.err(`the example policies do not compile (${loading.value.reason}): ${summarize(loading.value.diagnostics)}`);
    return 1;
  }
  const engine = loading.value.engine;
  io.out(`Edict demo: ${engine.policies.length} policies from ${relative(process.cwd(), dir) || "."}, engine ${engine.name}`);
  io.out(`  checked${engine.name === "wasm" ? ", compiled and loaded" : ""} in ${loading.ms.toFixed(1)} ms`);

  const generated = timed(() => generateRollout({ agents, seed, heavy: false }));
  const inputs = generated.value;
  io.out(`  rollout: ${agents} agents, seed ${seed}, generated in ${generated.ms.toFixed(1)} ms`);
  io.out(`  limits per evaluation: default fuel, deadline ${DEMO_TIMEOUT_MS} ms (the default is 50 ms)`);

  const denies = new Map(engine.policies.map((p) => [p, 0]));
  const errors = new Map(engine.policies.map((p) => [p, 0]));
  const samples = new Map<string, string>();
  let deniedAgents = 0;
  const evaluation = timed(() => {
    for (const input of inputs) {
      const result = engine.evaluate(input, { now: input.now });
      if (result.decision === "deny") deniedAgents++;
      for (const [name, decision] of Object.entries(result.policies)) {
        if (decision.decision === "deny") denies.set(name, (denies.get(name) ?? 0) + 1);
        if (decision.error) errors.set(name, (errors.get(name) ?? 0) + 1);
        const first = decision.violations[0];
        if (first && !samples.has(name)) samples.set(name, `${input.agent.id}: ${first.rule || "(no allow rule)"}: ${first.message}`);
      }
    }
  });
  const oracle = timed(() => new Map(ALL_ORACLES.map((p) => [p.name, inputs.filter((i) => p.denies(i)).length])));
  // A second pass of each, once the JIT has warmed up: closer to a long-running service.
  const warmEvaluation = timed(() => {
    for (const input of inputs) engine.evaluate(input, { now: input.now });
  });
  const warmOracle = timed(() => {
    for (const p of ALL_ORACLES) for (const input of inputs) p.denies(input);
  });

  const width = Math.max(...engine.policies.map((p) => p.length), 6);
  io.out("");
  io.out(`  ${"policy".padEnd(width)}  ${"denied".padStart(6)}  ${"errors".padStart(6)}  ${"oracle".padStart(6)}`);
  let disagreements = 0;
  for (const name of engine.policies) {
    const expected = oracle.value.get(name);
    const mark = expected === undefined ? "" : expected === denies.get(name) ? "  ok" : "  MISMATCH";
    if (mark === "  MISMATCH") disagreements++;
    const oracleText = expected === undefined ? "-" : String(expected);
    io.out(`  ${name.padEnd(width)}  ${String(denies.get(name)).padStart(6)}  ${String(errors.get(name)).padStart(6)}  ${oracleText.padStart(6)}${mark}`);
  }
  for (const name of oracle.value.keys()) {
    if (!denies.has(name)) {
      disagreements++;
      io.out(`  ${name.padEnd(width)}  ${"-".padStart(6)}  ${"-".padStart(6)}  ${String(oracle.value.get(name)).padStart(6)}  MISSING`);
    }
  }
  io.out("");
  io.out("  first violation of each policy:");
  for (const name of engine.policies) if (samples.has(name)) io.out(`    ${name}  ${samples.get(name)}`);
  io.out("");
  io.out(`  ${deniedAgents} of ${agents} agents denied by at least one policy`);
  const perAgent = (ms: number) => `${((ms * 1000) / agents).toFixed(1)} µs per agent`;
  io.out(`  evaluating ${agents} agents x ${engine.policies.length} policies (${engine.name}):`);
  io.out(`    first pass ${evaluation.ms.toFixed(1)} ms, second pass ${warmEvaluation.ms.toFixed(1)} ms (${perAgent(warmEvaluation.ms)})`);
  io.out(`  the same ${ALL_ORACLES.length} policies hand-written in JavaScript:`);
  io.out(`    first pass ${oracle.ms.toFixed(1)} ms, second pass ${warmOracle.ms.toFixed(1)} ms (${perAgent(warmOracle.ms)})`);
  if (disagreements > 0) {
    io.out(`  ${disagreements} polic${disagreements === 1 ? "y disagrees" : "ies disagree"} with the oracle`);
    return 1;
  }
  io.out(`  all ${ALL_ORACLES.length} policies agree with the hand-written JavaScript`);
  return 0;
}

async function timedAsync<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}
