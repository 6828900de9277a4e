// How results are judged and how known failures are compared, without any
// engine: a stand-in result per case.

import { describe, expect, test } from "vitest";
import { T } from "../../compiler/types.js";
import { CelUint } from "../../compiler/values.js";
import { checkEnvironment } from "./engines.js";
import { compareWithKnown, engineDifferences, updatedList } from "./known-failures.js";
import type { ConformanceCase } from "./load.js";
import { judge, type Outcome } from "./run.js";

function makeCase(expected: ConformanceCase["expected"], disableCheck = false): ConformanceCase {
  return {
    name: "s/g/t",
    section: "s",
    expr: "x",
    description: "",
    declarations: [{ name: "x", type: T.int }],
    bindings: new Map(),
    expected,
    disableCheck,
  };
}

describe("judge", () => {
  const wantsValue = makeCase({ kind: "value", value: 1n });
  const wantsError = makeCase({ kind: "error", message: "no such overload" });

  test("values must match type-exactly", () => {
    expect(judge(wantsValue, { kind: "value", value: 1n }).pass).toBe(true);
    const r = judge(wantsValue, { kind: "value", value: new CelUint(1n) });
    expect(r.pass).toBe(false);
    expect(r.detail).toBe("expected 1, got 1u");
  });

  test("any stage's rejection satisfies an expected error", () => {
    for (const stage of ["parse", "check", "eval"] as const) {
      expect(judge(wantsError, { kind: "error", stage, message: "x" }).pass).toBe(true);
    }
  });

  test("a check-time rejection fails a test expecting a value", () => {
    const r = judge(wantsValue, { kind: "error", stage: "check", message: "unknown name 'x'" });
    expect(r.pass).toBe(false);
    expect(r.detail).toBe("expected 1, got check error: unknown name 'x'");
  });

  test("a crash is never the expected error", () => {
    expect(judge(wantsError, { kind: "crash", stage: "eval", message: "TypeError" }).pass).toBe(false);
  });

  test("disableCheck declares every variable dyn", () => {
    expect(checkEnvironment(makeCase({ kind: "value", value: 1n }, true))).toEqual({ x: T.dyn });
    expect(checkEnvironment(wantsValue)).toEqual({ x: T.int });
  });
});

describe("known failures", () => {
  const outcome = (name: string, pass: boolean, result = "r"): Outcome => ({ name, section: "s", pass, detail: pass ? "" : "why", result });

  test("new failures and listed passes are both reported", () => {
    const { unexpected, nowPassing } = compareWithKnown([outcome("a", false), outcome("b", true), outcome("c", false)], { b: "old", c: "known" });
    expect(unexpected).toEqual(["a: why"]);
    expect(nowPassing).toEqual(["b"]);
  });

  test("a listed name that no longer exists counts as passing (stale)", () => {
    expect(compareWithKnown([], { gone: "x" }).nowPassing).toEqual(["gone"]);
  });

  test("regeneration keeps reasons of tests still failing", () => {
    expect(updatedList([outcome("a", false), outcome("b", false), outcome("c", true)], { a: "root cause", c: "fixed" })).toEqual({ a: "root cause", b: "why" });
  });

  test("engine differences compare result renderings", () => {
    const diff = engineDifferences(
      new Map([
        ["interpreter", [outcome("a", true, "1"), outcome("b", true, "2")]],
        ["wasm", [outcome("a", true, "1"), outcome("b", false, "error@eval")]],
      ]),
    );
    expect(diff).toEqual({ b: "interpreter: 2 | wasm: error@eval" });
    expect(engineDifferences(new Map([["interpreter", [outcome("a", true)]]]))).toEqual({});
  });
});
