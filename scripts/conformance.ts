// `npm run conformance`: the CEL conformance suite for every available
// engine, as a per-section table, plus cel-go's parser and checker tables and
// the skip rules applied. Exits 1 when results differ from
// test/conformance/known-failures.json (same rule as the vitest suite).
//
//   npm run conformance                          tables and a summary
//   npm run conformance -- --failures [prefix]   also every failing test (optionally under a name prefix)
//   UPDATE_KNOWN_FAILURES=1 npm run conformance  rewrite known-failures.json from this run
//
// package.json bundles this file with esbuild (dependencies external) into
// dist/ and runs it with node: no TypeScript loader needed on Node 20.

import { availableEngines, loadFrontEnd } from "../test/conformance/engines.js";
import {
  compareWithKnown,
  engineDifferences,
  readKnownFailures,
  updatedList,
  writeKnownFailures,
  type KnownFailures,
} from "../test/conformance/known-failures.js";
import { loadConformance } from "../test/conformance/load.js";
import { loadChecking, loadParsing } from "../test/conformance/load-syntax.js";
import { runCheckingSuite, runConformanceSuite, runParsingSuite, sectionTable, type Outcome } from "../test/conformance/run.js";

const args = process.argv.slice(2);
const failuresAt = args.indexOf("--failures");
const failurePrefix = failuresAt >= 0 ? (args[failuresAt + 1] ?? "") : null;
const update = process.env["UPDATE_KNOWN_FAILURES"] === "1";

// This file runs bundled from dist/, so the list is found relative to it, not to the module that reads it.
const KNOWN = new URL("../test/conformance/known-failures.json", import.meta.url);
const known = readKnownFailures(KNOWN);
const next: KnownFailures = structuredClone(known);
let mismatches = 0;

function table(headers: string[], rows: (string | number)[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells: (string | number)[]) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join("  ");
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

function report(label: string, outcomes: Outcome[], listed: Record<string, string>): void {
  const { unexpected, nowPassing } = compareWithKnown(outcomes, listed);
  mismatches += unexpected.length + nowPassing.length;
  if (unexpected.length > 0) console.log(`  ${label}: ${unexpected.length} failing, not in known-failures.json:\n    ${unexpected.slice(0, 30).join("\n    ")}`);
  if (nowPassing.length > 0) console.log(`  ${label}: ${nowPassing.length} listed but passing now:\n    ${nowPassing.slice(0, 30).join("\n    ")}`);
  if (failurePrefix !== null) {
    for (const o of outcomes) if (!o.pass && o.name.startsWith(failurePrefix)) console.log(`  FAIL ${o.name}\n       ${o.detail}`);
  }
}

const data = loadConformance();
console.log(`CEL conformance (cel-spec v0.25.1 via @bufbuild/cel-spec): ${data.cases.length} in scope, ${data.skipped.length} skipped by rule`);
console.log(`Out of scope (whole sections): ${[...data.outOfScope].map(([s, n]) => `${s} ${n}`).join(", ")}\n`);

const { engines, unavailable } = await availableEngines();
for (const u of unavailable) console.log(`engine unavailable: ${u}`);
const byEngine = new Map<string, Outcome[]>();
for (const engine of engines) {
  const started = performance.now();
  const outcomes = runConformanceSuite(engine);
  byEngine.set(engine.name, outcomes);
  const rows = sectionTable(outcomes);
  const total = rows.reduce((a, r) => ({ inScope: a.inScope + r.inScope, passed: a.passed + r.passed, failed: a.failed + r.failed, skipped: a.skipped + r.skipped }), {
    inScope: 0,
    passed: 0,
    failed: 0,
    skipped: 0,
  });
  console.log(`engine: ${engine.name} (${Math.round(performance.now() - started)} ms)`);
  console.log(
    table(
      ["section", "in scope", "passed", "failed", "skipped"],
      [...rows.map((r) => [r.section, r.inScope, r.passed, r.failed, r.skipped]), ["total", total.inScope, total.passed, total.failed, total.skipped]],
    ),
  );
  const listed = known.conformance[engine.name] ?? {};
  report(engine.name, outcomes, listed);
  next.conformance[engine.name] = updatedList(outcomes, listed);
  console.log("");
}

if (engines.length >= 2 && unavailable.length === 0) {
  const differences = engineDifferences(byEngine);
  const fresh = Object.keys(differences).filter((n) => !(n in known.engineDifferences));
  const gone = Object.keys(known.engineDifferences).filter((n) => !(n in differences));
  console.log(`engines agree on ${byEngine.values().next().value!.length - Object.keys(differences).length} tests, differ on ${Object.keys(differences).length}`);
  for (const n of fresh) console.log(`  new difference: ${n}: ${differences[n]}`);
  for (const n of gone) console.log(`  listed difference now identical: ${n}`);
  mismatches += fresh.length + gone.length;
  next.engineDifferences = differences;
}

const reasons = new Map<string, number>();
for (const s of data.skipped) {
  const key = `${s.section}: ${s.reason.split(":")[0]}`;
  reasons.set(key, (reasons.get(key) ?? 0) + 1);
}
console.log("skipped by rule:");
for (const [key, n] of reasons) console.log(`  ${String(n).padStart(4)}  ${key}`);
console.log("");

const front = await loadFrontEnd();
if ("unavailable" in front) {
  console.log(`parser/checker tables: ${front.unavailable}`);
} else {
  const parsing = runParsingSuite(front);
  const checking = runCheckingSuite(front);
  const skipParsing = loadParsing().skipped.length;
  const skipChecking = loadChecking().skipped.length;
  const count = (o: Outcome[]) => [o.length, o.filter((x) => x.pass).length, o.filter((x) => !x.pass).length];
  console.log("cel-go tables (parser_test.go, checker_test.go)");
  console.log(table(["table", "in scope", "passed", "failed", "skipped"], [["parsing", ...count(parsing), skipParsing], ["checking", ...count(checking), skipChecking]]));
  report("parsing", parsing, known.parsing);
  report("checking", checking, known.checking);
  next.parsing = updatedList(parsing, known.parsing);
  next.checking = updatedList(checking, known.checking);
}

if (update) {
  writeKnownFailures(next, KNOWN);
  console.log("\nknown-failures.json rewritten.");
} else if (mismatches > 0) {
  console.log(`\n${mismatches} result(s) differ from known-failures.json (UPDATE_KNOWN_FAILURES=1 to accept).`);
  process.exitCode = 1;
} else {
  console.log("\nall results match known-failures.json.");
}
