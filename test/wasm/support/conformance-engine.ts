// The CEL conformance suite's engine for the Wasm backend (the shape of
// test/conformance/engines.ts): the shared front end parses and checks, the
// checked expression becomes a one-output bundle (every variable an input of
// type dyn), the runtime evaluates it with the bindings as values and hands
// the output back as a value. Ready to join ENGINE_FACTORIES.

import { generateExpressionBundle } from "../../../compiler/codegen/expression.js";
import { toCelValue, toRuntimeValue } from "../../../compiler/interpret/builtins/registry.js";
import { loadBundleSync } from "../../../runtime/engine/internal.js";
import * as R from "../../../runtime/engine/values.js";
import { loadFrontEnd, runFrontEnd, type EngineFactory } from "../../conformance/engines.js";

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export const wasmEngine: EngineFactory = async () => {
  const front = await loadFrontEnd();
  if ("unavailable" in front) return front;
  return {
    name: "wasm",
    run(c) {
      const checked = runFrontEnd(front, c);
      if (!("checked" in checked)) return checked;
      let bytes: Uint8Array;
      try {
        bytes = generateExpressionBundle(checked.checked, c.declarations.map((d) => d.name));
      } catch (e) {
        return { kind: "crash", stage: "check", message: `code generation: ${message(e)}` };
      }
      try {
        const bundle = loadBundleSync(bytes);
        const values = new Map<string, R.Value>();
        for (const [name, v] of c.bindings) values.set(name, toRuntimeValue(v));
        const out = bundle.evaluateValues(values, { now: "2026-01-01T00:00:00Z", timeoutMs: 10_000 });
        if ("error" in out) {
          const kind = out.error.code === "eval_error" ? "error" : "crash";
          return { kind, stage: "eval", message: `${out.error.code}: ${out.error.message}` };
        }
        return { kind: "value", value: toCelValue(out.value) };
      } catch (e) {
        return { kind: "crash", stage: "eval", message: message(e) };
      }
    },
  };
};
