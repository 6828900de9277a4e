import { describe, expect, it } from "vitest";
import { EVALUATOR_FORMS, allBuiltinIds, getBuiltin } from "../../../compiler/interpret/builtins/registry.js";
import { LIBRARY } from "../../../compiler/library/index.js";

const declared = LIBRARY.map((o) => o.id);

describe("builtins registry", () => {
  it("has an implementation for every overload id the library declares, except the evaluator's own forms", () => {
    const missing = declared.filter((id) => getBuiltin(id) === undefined && !EVALUATOR_FORMS.has(id));
    expect(missing).toEqual([]);
  });

  it("lists as evaluator forms only declared ids that no builtin implements", () => {
    for (const id of EVALUATOR_FORMS) {
      expect(declared).toContain(id);
      expect(getBuiltin(id)).toBeUndefined();
    }
  });

  it("allBuiltinIds lists exactly the declared ids minus the evaluator forms", () => {
    expect([...allBuiltinIds()].sort()).toEqual(declared.filter((id) => !EVALUATOR_FORMS.has(id)).sort());
  });

  it("answers undefined for an unknown id, and for Object.prototype names", () => {
    expect(getBuiltin("no_such_overload")).toBeUndefined();
    expect(getBuiltin("toString")).toBeUndefined();
    expect(getBuiltin("constructor")).toBeUndefined();
    expect(getBuiltin("__proto__")).toBeUndefined();
  });

  it("returns the same function for the same id", () => {
    expect(getBuiltin("add_int64")).toBe(getBuiltin("add_int64"));
  });
});
