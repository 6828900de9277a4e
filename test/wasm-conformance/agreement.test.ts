// Engine agreement on the CEL conformance cases, beyond what the suite's
// `engineDifferences` compares (value, or error kind and stage):
// - a CEL error carries the same message from both engines;
// - a case with declared variables agrees with the interpreter also when its
//   inputs keep their declared types (the conformance engine declares every
//   input `dyn`; real policies declare `uint`, `bytes`, `timestamp`...).

import { describe, expect, test } from "vitest";
import { checkEnvironment, interpreterEngine, loadFrontEnd, type EngineResult } from "../conformance/engines.js";
import { loadConformance } from "../conformance/load.js";
import { showResult } from "../conformance/run.js";
import { wasmEngine } from "../wasm/support/conformance-engine.js";
import { engine, runTyped } from "./typed-engine.js";


/** The Wasm engine's error message without the runtime's `eval_error: output result: ` framing. */
function celMessage(r: EngineResult): string {
  return r.kind === "value" ? "" : r.message.replace(/^(eval_error: )?(output result: )?/, "");
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
    if ("unavailable" in front) throw new Error(front.unavailable);
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
