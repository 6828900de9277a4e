// The CEL conformance suite through the Wasm backend: every in-scope case
// must give the same result as the reference interpreter (engine agreement;
// what passes or fails against cel-spec is test/conformance's business).

import { describe, expect, test } from "vitest";
import { availableEngines } from "../conformance/engines.js";
import { runConformanceSuite } from "../conformance/run.js";
import { wasmEngine } from "./support/conformance-engine.js";

describe("CEL conformance through the Wasm backend", () => {
  test("every case agrees with the interpreter", async () => {
    const wasm = await wasmEngine();
    if ("unavailable" in wasm) throw new Error(wasm.unavailable);
    const { engines } = await availableEngines();
    const interpreter = engines.find((e) => e.name === "interpreter")!;
    const reference = new Map(runConformanceSuite(interpreter).map((o) => [o.name, o.result]));
    const outcomes = runConformanceSuite(wasm);
    const differences = outcomes.filter((o) => o.result !== reference.get(o.name)).map((o) => `${o.name}: wasm ${o.result} | interpreter ${reference.get(o.name)} (${o.detail})`);
    expect(differences).toEqual([]);
    expect(outcomes.filter((o) => o.pass).length).toBeGreaterThan(1500);
  }, 300_000);
});
