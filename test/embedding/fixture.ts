// Builds what every embedding test needs: one bundle compiled from the
// example policies, the cases to evaluate, and Node's decisions for them
// (the reference the other engines must match exactly).
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { compile } from "../../compiler/index.js";
import { loadBundle } from "../../runtime/index.js";
import { generateRollout } from "../../bench/workload.js";

export const repoRoot = resolve(import.meta.dirname, "../..");
const assets = join(import.meta.dirname, "assets");

export interface EmbeddingCase {
  name: string;
  input: unknown;
  options?: { fuel?: number; timeoutMs?: number; now?: string };
}

export interface CaseResult {
  name: string;
  result: { decision: string; policies: Record<string, { error: { code: string } | null }> };
  elapsedMs: number;
}

export interface Fixture {
  dir: string;
  bundlePath: string;
  cases: EmbeddingCase[];
  /** The same cases without the one whose result depends on a running clock. */
  casesWithoutTimeout: EmbeddingCase[];
  nodeResults: CaseResult[];
}

function compileSources(paths: string[]): Uint8Array {
  const sources = paths.map((p) => ({ name: p, source: readFileSync(p, "utf8") }));
  const compiled = compile(sources);
  if (!compiled.ok || !compiled.bundle) {
    throw new Error(`fixture does not compile: ${JSON.stringify(compiled.diagnostics, null, 2)}`);
  }
  return compiled.bundle;
}

const NOW = "2026-11-23T10:00:00Z";

/** The looping policy reads `big`; 60^4 iterations is far beyond the 50 ms deadline. */
const spinInput = (agent: object) => ({ ...agent, big: Array.from({ length: 60 }, (_, i) => i) });

export async function buildFixture(): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), "edict-embed-"));
  const examples = join(repoRoot, "examples/otel");
  const policyFiles = readdirSync(examples)
    .filter((f) => f.endsWith(".edict"))
    .map((f) => join(examples, f));
  policyFiles.push(join(assets, "spin.edict"), join(assets, "helpers.edict"));
  const bundle = compileSources(policyFiles);
  const bundlePath = join(dir, "bundle.wasm");
  writeFileSync(bundlePath, bundle);
  copyFileSync(join(repoRoot, "dist/runtime.js"), join(dir, "runtime.js"));
  for (const f of readdirSync(assets)) copyFileSync(join(assets, f), join(dir, f));

  const agents = generateRollout({ agents: 24, seed: 7, heavy: false }) as unknown as Record<string, unknown>[];
  const small = { big: [1] };
  const cases: EmbeddingCase[] = agents.map((input, i) => ({
    name: `agent ${i}`,
    input: { ...input, ...small },
    // A generous deadline: these cases test identical decisions, and a shared
    // CI machine under load must not turn one of them into a timeout.
    options: { now: NOW, timeoutMs: 10_000 },
  }));
  cases.push({
    name: "invalid input",
    input: { ...agents[0], ...small, agent: { id: 17, labels: "not a map" } },
    options: { now: NOW, timeoutMs: 10_000 },
  });
  cases.push({ name: "fuel exhausted", input: spinInput(agents[1]!), options: { now: NOW, fuel: 20_000, timeoutMs: 10_000 } });
  const timeoutCase: EmbeddingCase = {
    name: "timeout",
    input: spinInput(agents[2]!),
    options: { now: NOW, fuel: 1e15, timeoutMs: 20 },
  };
  const casesWithoutTimeout = [...cases];
  cases.push(timeoutCase);
  writeFileSync(join(dir, "cases.json"), JSON.stringify(cases));
  writeFileSync(join(dir, "cases-no-timeout.json"), JSON.stringify(casesWithoutTimeout));

  const loaded = await loadBundle(bundle);
  const nodeResults = cases.map((c) => {
    const started = Date.now();
    const result = loaded.evaluate(c.input as object, c.options ?? {}) as unknown as CaseResult["result"];
    return { name: c.name, result, elapsedMs: Date.now() - started };
  });
  return { dir, bundlePath, cases, casesWithoutTimeout, nodeResults };
}

/** Results must match Node's exactly, except the timeout case, whose fuel depends on the clock. */
export function comparable(results: CaseResult[]): unknown[] {
  return results.map(({ name, result }) => {
    if (name !== "timeout") return { name, result };
    return { name, decision: result.decision, codes: errorCodes(result) };
  });
}

export function errorCodes(result: CaseResult["result"]): Record<string, string | null> {
  return Object.fromEntries(Object.entries(result.policies).map(([p, d]) => [p, d.error?.code ?? null]));
}
