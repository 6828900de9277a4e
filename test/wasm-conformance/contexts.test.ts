// Every conformance expression is a leaf; codegen also has to get it right
// inside other constructs. Each sampled case is re-run wrapped in a list, a
// map, a conditional, cel.bind, comprehensions, optionals and type(), and
// in contexts that may absorb its error (`|| true`, `&& false`, has(),
// filter()): the Wasm backend must give the interpreter's result (value
// with its type, or the same error). A full run over all 1 593 cases × 29
// contexts (46 197 runs, 2026-11-23) found no difference; the suite runs a
// deterministic sample to stay fast.

import { describe, expect, test } from "vitest";
import { interpreterEngine, type EngineResult } from "../conformance/engines.js";
import { loadConformance } from "../conformance/load.js";
import { showResult } from "../conformance/run.js";
import { wasmEngine } from "../wasm/support/conformance-engine.js";
import { engine } from "./typed-engine.js";

const CONTEXTS: Record<string, (e: string) => string> = {
  "list element": (e) => `[${e}][0]`,
  "dyn()": (e) => `dyn(${e})`,
  "conditional, then": (e) => `true ? (${e}) : (${e})`,
  "conditional, else": (e) => `false ? (${e}) : (${e})`,
  "cel.bind": (e) => `cel.bind(zz, ${e}, zz)`,
  "map() body": (e) => `[1].map(zz, ${e})[0]`,
  "map() body, second iteration": (e) => `[0, 1].map(zz, ${e})[1]`,
  "map literal value": (e) => `{'k': ${e}}['k']`,
  "optional.of": (e) => `optional.of(${e}).value()`,
  "exists() predicate": (e) => `[1, 2].exists(zz, (${e}) == (${e})) || true`,
  "list equality": (e) => `[${e}, ${e}] == [${e}, ${e}]`,
  "nested comprehension in bind": (e) => `cel.bind(zz, 1, [zz].map(yy, ${e}))[0]`,
  "self-equality": (e) => `(${e}) == (${e})`,
  "type()": (e) => `type(${e})`,
  // Contexts where an error in the expression may be absorbed.
  "|| true after": (e) => `(${e}) == (${e}) || true`,
  "|| short-circuit before": (e) => `true || (${e}) == (${e})`,
  "&& false after": (e) => `(${e}) != (${e}) && false`,
  "list size": (e) => `[${e}].size() == 1`,
  "has() on a map literal": (e) => `has({'k': ${e}}.k)`,
  "optional field on a map literal": (e) => `{'k': ${e}}.?k.hasValue()`,
  "all() over the value": (e) => `[${e}].all(zz, true)`,
  "filter() dropping the value": (e) => `[${e}].filter(zz, false).size()`,
  "all() with an absorbing ||": (e) => `[1, 2].all(zz, zz > 1 || (${e}) == (${e}))`,
  "exists() with a short-circuit &&": (e) => `[1, 2].exists(zz, zz == 2 && (${e}) == (${e}))`,
  "exists_one()": (e) => `[1, 2].exists_one(zz, (${e}) == (${e}))`,
  "two-variable all() over a map": (e) => `{1: ${e}}.all(k, v, true)`,
  "nested map()": (e) => `[[${e}]].map(zz, zz.map(yy, yy))[0][0]`,
  "optional or()": (e) => `optional.none().or(optional.of(${e})).value()`,
  "optional orValue()": (e) => `optional.of(${e}).orValue(${e})`,
};

/** Every 45th case, offset per context so that different contexts see different cases. */
const SAMPLE_EVERY = 45;

const show = (r: EngineResult) => `${showResult(r)}${r.kind === "value" ? "" : " " + r.message.replace(/^(eval_error: )?(output result: )?/, "")}`;

describe("conformance expressions inside other constructs agree between engines", () => {
  const cases = loadConformance().cases.filter((c) => !/\b(zz|yy)\b/.test(c.expr));
  Object.entries(CONTEXTS).forEach(([context, wrap], offset) => {
    test(context, async () => {
      const [interpreter, wasm] = [await engine(interpreterEngine), await engine(wasmEngine)];
      const differing: string[] = [];
      let values = 0;
      for (let i = offset % SAMPLE_EVERY; i < cases.length; i += SAMPLE_EVERY) {
        const c = { ...cases[i]!, expr: wrap(cases[i]!.expr) };
        const want = interpreter.run(c);
        const got = wasm.run(c);
        if (want.kind === "value") values++;
        if (show(got) !== show(want)) differing.push(`${c.name}: ${c.expr}\n  interpreter ${show(want)}\n  wasm ${show(got)}`);
      }
      expect(differing).toEqual([]);
      expect(values).toBeGreaterThan(15);
    });
  });
});
