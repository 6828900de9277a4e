// Runs the suites and judges the results. Shared by the vitest suite
// (conformance.test.ts) and `npm run conformance` (scripts/conformance.ts),
// so both always agree on what passes.

import type { Engine, EngineResult, FrontEnd } from "./engines.js";
import { loadConformance, type ConformanceCase } from "./load.js";
import { loadChecking, loadParsing, type CheckingCase, type ParsingCase } from "./load-syntax.js";
import { celGoTypeName } from "./proto-types.js";
import { IN_SCOPE_SECTIONS } from "./scope.js";
import { sameValue, showValue } from "./values.js";

export interface Outcome {
  name: string;
  section: string;
  pass: boolean;
  /** What happened, in one line: `expected 1u, got 1`, `check: no overload ...`. */
  detail: string;
  /** A comparable rendering of the result, for checking that engines agree. */
  result: string;
}

export interface SectionRow {
  section: string;
  inScope: number;
  passed: number;
  failed: number;
  skipped: number;
}

export function judge(c: ConformanceCase, r: EngineResult): { pass: boolean; detail: string } {
  if (c.expected.kind === "error") {
    if (r.kind === "error") return { pass: true, detail: `${r.stage} error as expected` };
    if (r.kind === "crash") return { pass: false, detail: `expected an error (${c.expected.message}), ${r.stage} crashed: ${r.message}` };
    return { pass: false, detail: `expected an error (${c.expected.message}), got ${showValue(r.value)}` };
  }
  const want = showValue(c.expected.value);
  if (r.kind === "value") {
    if (sameValue(r.value, c.expected.value)) return { pass: true, detail: "" };
    return { pass: false, detail: `expected ${want}, got ${showValue(r.value)}` };
  }
  const what = r.kind === "crash" ? "crashed" : "error";
  return { pass: false, detail: `expected ${want}, got ${r.stage} ${what}: ${r.message}` };
}

export function showResult(r: EngineResult): string {
  return r.kind === "value" ? showValue(r.value) : `${r.kind}@${r.stage}`;
}

export function runConformanceSuite(engine: Engine): Outcome[] {
  return loadConformance().cases.map((c) => {
    const r = engine.run(c);
    const { pass, detail } = judge(c, r);
    return { name: c.name, section: c.section, pass, detail: oneLine(detail), result: showResult(r) };
  });
}

export function sectionTable(outcomes: Outcome[]): SectionRow[] {
  const { skipped } = loadConformance();
  return IN_SCOPE_SECTIONS.map((section) => {
    const mine = outcomes.filter((o) => o.section === section);
    const passed = mine.filter((o) => o.pass).length;
    return {
      section,
      inScope: mine.length,
      passed,
      failed: mine.length - passed,
      skipped: skipped.filter((s) => s.section === section).length,
    };
  });
}

export function runParsingSuite(front: FrontEnd): Outcome[] {
  return loadParsing().cases.map((c) => {
    const { pass, detail, result } = judgeParsing(front, c);
    return { name: c.name, section: "parsing", pass, detail: oneLine(detail), result };
  });
}

function judgeParsing(front: FrontEnd, c: ParsingCase): { pass: boolean; detail: string; result: string } {
  let parsed: ReturnType<FrontEnd["parse"]>;
  try {
    parsed = front.parse(c.expr);
  } catch (e) {
    return { pass: false, detail: `parser crashed: ${String(e)}`, result: "crash" };
  }
  if (c.expected === "parse") {
    return "error" in parsed
      ? { pass: false, detail: `must parse, got: ${parsed.error}`, result: "error" }
      : { pass: true, detail: "", result: "parsed" };
  }
  if ("error" in parsed) return { pass: true, detail: "", result: "error" };
  if (c.expected === "macro-error") {
    // Edict expands macros in the checker: free names are declared dyn so only the macro misuse can fail.
    const env = Object.fromEntries(freeNames(c.expr).map((n) => [n, { kind: "dyn" } as const]));
    const checked = safeCheck(front, parsed.expr, env);
    if ("error" in checked) return { pass: true, detail: "", result: "check error" };
  }
  return { pass: false, detail: `must be rejected (cel-go: ${c.celGoError}), but it parses`, result: "parsed" };
}

export function runCheckingSuite(front: FrontEnd): Outcome[] {
  return loadChecking().cases.map((c) => {
    const { pass, detail, result } = judgeChecking(front, c);
    return { name: c.name, section: "checking", pass, detail: oneLine(detail), result };
  });
}

function judgeChecking(front: FrontEnd, c: CheckingCase): { pass: boolean; detail: string; result: string } {
  let parsed: ReturnType<FrontEnd["parse"]>;
  try {
    parsed = front.parse(c.expr);
  } catch (e) {
    return { pass: false, detail: `parser crashed: ${String(e)}`, result: "crash" };
  }
  if ("error" in parsed) {
    return c.expected.kind === "error"
      ? { pass: true, detail: "", result: "parse error" }
      : { pass: false, detail: `expected type ${c.expected.type}, got parse error: ${parsed.error}`, result: "parse error" };
  }
  const checked = safeCheck(front, parsed.expr, {});
  if ("error" in checked) {
    return c.expected.kind === "error"
      ? { pass: true, detail: "", result: "check error" }
      : { pass: false, detail: `expected type ${c.expected.type}, got check error: ${checked.error}`, result: "check error" };
  }
  const got = celGoTypeName(checked.checked.type);
  if (c.expected.kind === "error") return { pass: false, detail: `expected a check error (cel-go: ${c.expected.message}), got type ${got}`, result: got };
  return got === c.expected.type
    ? { pass: true, detail: "", result: got }
    : { pass: false, detail: `expected type ${c.expected.type}, got ${got}`, result: got };
}

function safeCheck(front: FrontEnd, expr: Parameters<FrontEnd["check"]>[0], env: Parameters<FrontEnd["check"]>[1]): ReturnType<FrontEnd["check"]> {
  try {
    return front.check(expr, env);
  } catch (e) {
    return { error: `checker crashed: ${String(e)}` };
  }
}

/** Identifiers of an expression that are not member names (a rough scan, enough for macro-error cases). */
function freeNames(expr: string): string[] {
  const literals = new Set(["true", "false", "null", "in"]);
  const names = [...expr.matchAll(/(?<![\w.])[A-Za-z_]\w*(?!\w*\s*\()/g)].map((m) => m[0]);
  return [...new Set(names)].filter((n) => !literals.has(n));
}

function oneLine(s: string): string {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length > 240 ? `${flat.slice(0, 240)}...` : flat;
}
