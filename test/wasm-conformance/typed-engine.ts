// The Wasm backend run on a conformance case with every input keeping the
// type the checker saw (test/wasm/support/conformance-engine.ts declares
// them all `dyn`), bindings passed in as runtime values so that uint64 above
// 2^53, bytes, NaN and timestamps arrive exact.

import type { PolicyFile } from "../../compiler/ast.js";
import type { CheckedPolicy } from "../../compiler/check/checked.js";
import { generateBundle } from "../../compiler/codegen/index.js";
import { toCelValue, toRuntimeValue } from "../../compiler/interpret/builtins/registry.js";
import { loadBundleSync } from "../../runtime/engine/internal.js";
import type { Value } from "../../runtime/engine/values.js";
import { checkEnvironment, runFrontEnd, type Engine, type EngineResult, type FrontEnd } from "../conformance/engines.js";
import type { ConformanceCase } from "../conformance/load.js";

const SPAN = { start: 0, end: 0 };
const NOW = "2026-01-01T00:00:00Z";

/** Like the conformance engine, but every input keeps the type the checker saw. */
export function runTyped(front: FrontEnd, c: ConformanceCase): EngineResult {
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
    checkedResults: new Map(),
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

/** An engine from its factory; a missing engine fails the test. */
export async function engine(factory: () => Promise<Engine | { unavailable: string }>): Promise<Engine> {
  const e = await factory();
  if ("unavailable" in e) throw new Error(e.unavailable);
  return e;
}
