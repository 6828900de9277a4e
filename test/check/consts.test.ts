// Const folding: consts are evaluated at compile time by the reference
// interpreter, and their values travel in the checked policy.

import { describe, expect, it } from "vitest";
import { CelDuration, CelList } from "../../compiler/values.js";
import { checkSource, policy } from "./helpers.js";

describe("const folding", () => {
  it("evaluates a const and records its value", () => {
    const { checked, diagnostics } = checkSource(policy('const limit = duration("60s") + duration("0s")', "output o = limit"));
    expect(diagnostics).toEqual([]);
    expect(checked!.consts.get("limit")).toEqual(new CelDuration(60_000_000_000n));
  });

  it("a const may use another const declared later", () => {
    const { checked } = checkSource(policy("const a = b + 1", "const b = 41", "output o = a"));
    expect(checked!.consts.get("a")).toBe(42n);
  });

  it("a list const keeps its elements", () => {
    const { checked } = checkSource(policy('const hosts = ["a", "b"].map(h, h + ".eu")', "output o = hosts"));
    const v = checked!.consts.get("hosts");
    expect(v).toBeInstanceOf(CelList);
    expect((v as CelList).items).toEqual(["a.eu", "b.eu"]);
  });

  it("references to a const carry its value", () => {
    const { checked } = checkSource(policy("const n = 2 * 21", "output o = n"));
    const out = checked!.outputs[0]!.value;
    expect(checked!.references.get(out.id)).toEqual({ kind: "const", name: "n", value: 42n });
  });

  it("a failing const is a compile error", () => {
    const { diagnostics } = checkSource(policy("const c = 1 / 0"));
    expect(diagnostics.map((d) => [d.code, d.at])).toEqual([["E0115", "2:11"]]);
    expect(diagnostics[0]!.message).toMatch(/^const 'c' could not be evaluated: /);
  });

  it("a const depending on a failed const reports only the first failure", () => {
    const { diagnostics } = checkSource(policy("const a = 1 / 0", "const b = a + 1"));
    expect(diagnostics.map((d) => d.code)).toEqual(["E0115"]);
  });
});

describe("const values never leak errors silently", () => {
  it("a const in a cycle has an error value and the cycle is reported", () => {
    const { checked, diagnostics } = checkSource(policy("const a = b", "const b = a"));
    expect(checked).toBeNull();
    expect(diagnostics.map((d) => d.code)).toEqual(["E0113"]);
  });
});
