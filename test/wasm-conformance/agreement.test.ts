// Engine agreement on the CEL conformance cases, beyond what the suite's
// `engineDifferences` compares (value, or error kind and stage):
// - a CEL error carries the same message from both engines;
// - a case with declared variables agrees with the interpreter also when its
//   inputs keep their declared types (the conformance engine declares every
//   input `dyn`; real policies declare `uint`, `bytes`, `timestamp`...).

import { describe, expect, test } from "vitest";
import type { PolicyFile } from "../../compiler/ast.js";
import type { CheckedPolicy } from "../../compiler/check/checked.js";
import { generateBundle } from "../../compiler/codegen/index.js";
import { toCelValue, toRuntimeValue } from "../../compiler/interpret/builtins/registry.js";
import type { Value } from "../../runtime/engine/values.js";
import { loadBundleSync } from "../../runtime/index.js";
import { checkEnvironment, interpreterEngine, loadFrontEnd, runFrontEnd, type Engine, type EngineResult } from "../conformance/engines.js";
import { loadConformance, type ConformanceCase } from "../conformance/load.js";
import { showResult } from "../conformance/run.js";
import { wasmEngine } from "../wasm/support/conformance-engine.js";

const SPAN = { start: 0, end: 0 };
const NOW = "2026-01-01T00:00:00Z";

async function engine(factory: () => Promise<Engine | { unavailable: string }>): Promise<Engine> {
  const e = await factory();
  if ("unavailable" in e) throw new Error(e.unavailable);
  return e;
}

/** The Wasm engine's error message without the runtime's `eval_error: output result: ` framing. */
function celMessage(r: EngineResult): string {
  return r.kind === "value" ? "" : r.message.replace(/^eval_error: (output result: )?/, "");
}

/** Like the conformance engine, but every input keeps the type the checker saw. */
function runTyped(front: Awaited<ReturnType<typeof loadFrontEnd>>, c: ConformanceCase): EngineResult {
  if ("unavailable" in front) throw new Error(front.unavailable);
  const checked = runFrontEnd(front, c);
  if (!("checked" in checked)) return checked;
  const ast: PolicyFile = { file: "<conformance>", name: { name: "conformance", span: SPAN }, description: null, decls: [], span: SPAN };
  const policy: CheckedPolicy = {
    ast,
    source: "",
    name: "conformance",
    description: "",
    inputs: Object.entries(checkEnvironment(c)).map(([name, type]) => ({ name, type, usedType: type, nullable: false })),
    types: new Map(),
    exprTypes: checked.checked.exprTypes,
    resolutions: checked.checked.resolutions,
    references: checked.checked.references,
    consts: new Map(),
    lets: new Map(),
    fns: new Map(),
    outputs: [{ kind: "output", id: -1, span: SPAN, name: { name: "result", span: SPAN }, value: checked.checked.expr }],
    rules: [],
  };
  try {
    const bundle = loadBundleSync(generateBundle([policy]));
    const values = new Map<string, Value>([...c.bindings].map(([n, v]) => [n, toRuntimeValue(v)]));
    const out = bundle.evaluateValues(values, { now: NOW });
    if ("error" in out) return { kind: out.error.code === "eval_error" ? "error" : "crash", stage: "eval", message: out.error.message };
    return { kind: "value", value: toCelValue(out.value) };
  } catch (e) {
    return { kind: "crash", stage: "eval", message: e instanceof Error ? e.message : String(e) };
  }
}

describe("Wasm engine agrees with the interpreter on the conformance cases", () => {
  test("every CEL error has the same message", async () => {
    const [interpreter, wasm] = [await engine(interpreterEngine), await engine(wasmEngine)];
    const differing: string[] = [];
    let errors = 0;
    for (const c of loadConformance().cases) {
      const a = interpreter.run(c);
      if (a.kind !== "error" || a.stage !== "eval") continue;
      errors++;
      const b = wasm.run(c);
      if (b.kind !== "error" || celMessage(b) !== a.message) differing.push(`${c.name}: ${a.message} | ${showResult(b)} ${celMessage(b)}`);
    }
    expect(differing).toEqual([]);
    expect(errors).toBeGreaterThan(100);
  }, 120_000);

  test("cases with declared variables agree when the inputs keep their declared types", async () => {
    const interpreter = await engine(interpreterEngine);
    const front = await loadFrontEnd();
    const cases = loadConformance().cases.filter((c) => Object.values(checkEnvironment(c)).some((t) => t.kind !== "dyn"));
    const differing: string[] = [];
    for (const c of cases) {
      const want = showResult(interpreter.run(c));
      const got = showResult(runTyped(front, c));
      if (want !== got) differing.push(`${c.name}: interpreter ${want} | wasm (typed inputs) ${got}`);
    }
    expect(differing).toEqual([]);
    expect(cases.length).toBeGreaterThan(20);
  }, 120_000);
});
