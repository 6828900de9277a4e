// `npm run bench`: every engine on the same rollout inputs in one process,
// each first checked against the hand-written oracle, then timed (warm-up,
// medians of repeated steps). Writes bench/RESULTS.md.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { checkSources, compile } from "../compiler/compile.js";
import { generateBundle } from "../compiler/codegen/index.js";
import { interpretPolicies } from "../compiler/interpret/index.js";
import { loadBundle } from "../runtime/index.js";
import { ORACLE_POLICIES } from "./oracle.js";
import { bufCelPeer, celJsPeer, type PeerEvaluator } from "./peers.js";
import { fmtMs, median, percentile, perItemMicros, timeRepeated } from "./stats.js";
import { generateRollout } from "./workload.js";

const NOW = "2026-11-23T10:00:00Z";
const SEED_FILES = [
  "tls-insecure-non-localhost",
  "exporter-removal",
  "non-eu-endpoint",
  "traces-tail-sampling",
  "hostmetrics-interval",
  "no-debug-in-production",
].map((n) => `examples/otel/${n}.edict`);
const sources = SEED_FILES.map((f) => ({ name: f, source: readFileSync(f, "utf8") }));
const names = ORACLE_POLICIES.map((p) => p.name);

type Evaluator = (input: object) => Record<string, boolean>;

async function edictBundle(metered = true): Promise<Evaluator> {
  const { checked, diagnostics } = checkSources(sources);
  if (diagnostics.some((d) => d.severity === "error")) throw new Error("seed policies do not compile");
  const bundle = await loadBundle(generateBundle(checked, { metered }), { timeoutMs: 10_000 });
  return (input) => {
    const d = bundle.evaluate(input, { now: NOW });
    return Object.fromEntries(Object.entries(d.policies).map(([n, p]) => [n, p.decision === "deny"]));
  };
}

function edictInterpreter(): Evaluator {
  const { checked } = checkSources(sources);
  return (input) => {
    const d = interpretPolicies(checked, input, { now: NOW, timeoutMs: 10_000 });
    return Object.fromEntries(Object.entries(d.policies).map(([n, p]) => [n, p.decision === "deny"]));
  };
}

const handWritten: Evaluator = (input) => Object.fromEntries(ORACLE_POLICIES.map((p) => [p.name, p.denies(input)]));

/** Engine results must equal the oracle's on every agent before we time them. */
function disagreements(engine: Evaluator, inputs: object[]): number {
  let bad = 0;
  for (const input of inputs) {
    const want = handWritten(input);
    let got: Record<string, boolean>;
    try {
      got = engine(input);
    } catch {
      bad++;
      continue;
    }
    if (names.some((n) => got[n] !== want[n])) bad++;
  }
  return bad;
}

interface Row {
  engine: string;
  stepMs: number;
  p50: number;
  p99: number;
  disagree: number;
}

/**
 * Steps of all engines interleaved round by round (an engine joins the
 * first `repeats` rounds), so that a burst of load on this shared machine
 * hits every engine alike instead of whichever ran during it.
 */
function measureAll(engines: [string, Evaluator, number][], inputs: object[]): Row[] {
  const disagree = engines.map(([, evaluate]) => disagreements(evaluate, inputs));
  const steps = engines.map(([, evaluate]) => () => {
    for (const input of inputs) evaluate(input);
  });
  steps.forEach((step) => step()); // warm-up
  const times: number[][] = engines.map(() => []);
  const rounds = Math.max(...engines.map(([, , repeats]) => repeats));
  for (let r = 0; r < rounds; r++) {
    engines.forEach(([, , repeats], k) => {
      if (r < repeats) times[k]!.push(...timeRepeated(steps[k]!, 1, 0));
    });
  }
  return engines.map(([engine, evaluate, repeats], k) => {
    const per = perItemMicros(inputs, (i) => evaluate(i as object), Math.max(1, Math.min(3, repeats)));
    return { engine, stepMs: median(times[k]!), p50: percentile(per, 50), p99: percentile(per, 99), disagree: disagree[k]! };
  });
}

function table(rows: Row[], floor: number): string {
  const head = "| engine | ms per step | × hand-written JS | per agent p50 µs | p99 µs | agents disagreeing with oracle |\n|---|---:|---:|---:|---:|---:|";
  return [head, ...rows.map((r) => `| ${r.engine} | ${fmtMs(r.stepMs)} | ${(r.stepMs / floor).toFixed(2)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.disagree} |`)].join("\n");
}

async function workload(label: string, inputs: object[], slowRepeats: number): Promise<string> {
  const engines: [string, Evaluator, number][] = [
    ["hand-written JavaScript (floor)", handWritten, 15],
    ["Edict bundle (Wasm, incl. input conversion)", await edictBundle(), 15],
    ["Edict reference interpreter", edictInterpreter(), 3],
    ["@marcbachmann/cel-js", celJsPeer() as PeerEvaluator as Evaluator, 15],
    ["@bufbuild/cel", bufCelPeer() as PeerEvaluator as Evaluator, slowRepeats],
  ];
  const rows = measureAll(engines, inputs);
  console.log(`  ${label}: done`);
  return `### ${label}\n\n${table(rows, rows[0]!.stepMs)}\n`;
}

async function compileFigures(): Promise<string> {
  const warm: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    const c = compile(sources);
    await loadBundle(c.bundle!);
    warm.push(performance.now() - t0);
  }
  const bundle = compile(sources).bundle!;
  const loads: number[] = [];
  for (let i = 0; i < 11; i++) {
    const t = performance.now();
    await loadBundle(bundle);
    if (i >= 2) loads.push(performance.now() - t);
  }
  const t0 = performance.now();
  execFileSync(process.execPath, ["dist/cli.js", "build", ...SEED_FILES, "-o", "/tmp/edict-bench.wasm"]);
  const cold = performance.now() - t0;
  const sizes = SEED_FILES.map((f) => {
    const one = compile([{ name: f, source: readFileSync(f, "utf8") }]).bundle!;
    return `| ${f.replace("examples/otel/", "")} | ${one.length} | ${gzipSync(one).length} |`;
  });
  const runtime = await build({ entryPoints: ["runtime/index.ts"], bundle: true, minify: true, format: "esm", write: false, platform: "neutral", target: "es2022" });
  const min = runtime.outputFiles[0]!.contents;
  return [
    "### Compile, load and size",
    "",
    "| figure | value |",
    "|---|---:|",
    `| compile six policies → loaded bundle, warm (median of 7) | ${fmtMs(median(warm.slice(2)))} ms |`,
    `| \`edict build\` of the six, cold CLI process | ${fmtMs(cold)} ms |`,
    `| \`loadBundle\` (median of 9, warm) | ${fmtMs(median(loads))} ms |`,
    `| bundle of all six policies | ${bundle.length} B (${gzipSync(bundle).length} B gzip) |`,
    `| \`edict/runtime\` minified | ${min.length} B (${gzipSync(min).length} B gzip) |`,
    "",
    "| seed policy alone | bundle bytes | gzip |",
    "|---|---:|---:|",
    ...sizes,
    "",
  ].join("\n");
}

/**
 * Metered vs. unmetered build of the same six policies, steps alternated so
 * that drift on a shared machine hits both alike. Both are checked against
 * the oracle first.
 */
async function meteringOverhead(label: string, inputs: object[], rounds: number): Promise<string> {
  const metered = await edictBundle(true);
  const unmetered = await edictBundle(false);
  const bad = disagreements(metered, inputs) + disagreements(unmetered, inputs);
  if (bad > 0) throw new Error(`${label}: ${bad} disagreements with the oracle`);
  const times: [number[], number[]] = [[], []];
  const engines = [metered, unmetered];
  for (let r = 0; r < rounds + 2; r++) {
    // The order flips every round, so whatever one step leaves behind (garbage, a cold cache) is paid alike.
    for (const k of r % 2 === 0 ? [0, 1] : [1, 0]) {
      const t = performance.now();
      for (const input of inputs) engines[k]!(input);
      if (r >= 2) times[k]!.push(performance.now() - t);
    }
  }
  const [m, u] = [median(times[0]), median(times[1])];
  return `| ${label} | ${fmtMs(m)} | ${fmtMs(u)} | ${((m / u - 1) * 100).toFixed(1)} % |`;
}

const normal = generateRollout({ agents: 1000, seed: 42, heavy: false }) as unknown as object[];
const heavy = generateRollout({ agents: 200, seed: 42, heavy: true }) as unknown as object[];
const parts = [
  `# Benchmark results\n\nGenerated by \`npm run bench\` (bench/main.ts) on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${process.platform}/${process.arch}, one process. Step = every agent of a rollout step through the six seed policies (examples/otel); medians of repeated steps after warm-up, the engines' steps interleaved round by round (15 rounds for JS, the bundle and cel-js; fewer for the slow ones); ratios against hand-written JavaScript measured in the same process.\n`,
  await workload("1000 agents, normal configs (seed 42)", normal, 3),
  await workload("200 agents, heavy configs (~150 exporters and pipelines each)", heavy, 1),
  await compileFigures(),
  `Peak memory: maxRSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB, heap used ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB at the end.\n`,
  [
    "### Fuel-metering overhead",
    "",
    "The same six policies built twice: metered (every bundle) and unmetered (`generateBundle(checked, { metered: false })`, bench only: no fuel, no deadline). Medians of alternated steps.",
    "",
    "| workload | metered ms per step | unmetered ms per step | overhead |",
    "|---|---:|---:|---:|",
    await meteringOverhead("1000 agents, normal", normal, 15),
    await meteringOverhead("200 agents, heavy", heavy, 11),
    "",
  ].join("\n"),
];
writeFileSync("bench/RESULTS.md", parts.join("\n"));
console.log(parts.join("\n"));
