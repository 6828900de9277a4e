// Where a `dyn` value reaches a declared type (compiler/check/runtime-checks.ts),
// both engines check it at run time. Before the check, `f(e.count)` with
// `fn f(x: int)` and the JSON string "abc" computed `"abc" + 1` as JavaScript
// string concatenation and the policy *allowed*; with the JSON number 5 (a
// double under dyn) it died with an internal error.

import { describe, expect, test } from "vitest";
import { both, check } from "./support/harness.js";

const ARG = `
input e: dyn
fn f(x: int): int = x + 1
deny d { when f(e.count) > 2 }
`;

describe("dyn reaching a declared type is checked at run time", () => {
  test("a fn argument of the wrong type is a CEL error that denies, in both engines", async () => {
    for (const [count, got] of [
      ["abc", "string"],
      [5, "double"],
      [[1], "list"],
    ] as const) {
      const [wasm, interpreted] = await both(ARG, { e: { count } });
      expect(wasm).toEqual(interpreted);
      expect(wasm.decision).toBe("deny");
      expect(wasm.error).toEqual({ code: "eval_error", rule: "d", message: `argument 'x' of 'f' must be int, got ${got}` });
    }
  });

  test("a fitting argument passes the check unchanged", async () => {
    const source = `
      input e: dyn
      fn f(x: string): string = x + "!"
      deny d { when f(e.name) == "ok!" message "\${f(e.name)}" }
    `;
    const [wasm, interpreted] = await both(source, { e: { name: "ok" } });
    expect(wasm).toEqual(interpreted);
    expect(wasm.violations).toEqual([{ rule: "d", message: "ok!" }]);
  });

  test("a fn result of the wrong type is a CEL error", async () => {
    const source = `
      input e: dyn
      fn g(v: dyn): int = v.count
      deny d { when g(e) + 1 > 2 }
    `;
    const [wasm, interpreted] = await both(source, { e: { count: "7" } });
    expect(wasm).toEqual(interpreted);
    expect(wasm.error).toEqual({ code: "eval_error", rule: "d", message: "fn 'g' is declared to return int, got string" });
    expect(check(source).checkedResults.has("g")).toBe(true);
  });

  test("records: a present field of the wrong type fails the check; an absent one fails only when read", async () => {
    const source = `
      input e: dyn
      fn port(c: { port?: int, host: string }): int = has(c.port) ? c.port + 1 : 0
      output p = port(e)
    `;
    const [bad, badInterpreted] = await both(source, { e: { host: "h", port: "80" } });
    expect(bad).toEqual(badInterpreted);
    expect(bad.error?.message).toBe("output p: argument 'c' of 'port' must be { port?: int, host: string }, got map");
    const [absent, absentInterpreted] = await both(source, { e: { host: "h" } });
    expect(absent).toEqual(absentInterpreted);
    expect(absent.outputs).toEqual({ p: 0 });
  });

  test("a library overload with a dyn nested where it is concrete dispatches by value", async () => {
    const source = `
      input e: dyn
      output o = ["a", e.x].join(",")
    `;
    const [ok, okInterpreted] = await both(source, { e: { x: "b" } });
    expect(ok).toEqual(okInterpreted);
    expect(ok.outputs).toEqual({ o: "a,b" });
    const [wrong, wrongInterpreted] = await both(source, { e: { x: 5 } });
    expect(wrong).toEqual(wrongInterpreted);
    expect(wrong.error?.message).toBe("output o: no such overload: join(list, string)");
  });

  test("statically typed arguments carry no check", () => {
    const checked = check(`
      input n: int
      fn f(x: int): int = x + 1
      deny d { when f(n) > 2 }
    `);
    const resolutions = [...checked.resolutions.values()].filter((r) => r.kind === "fn");
    expect(resolutions).toEqual([{ kind: "fn", name: "f", checkArgs: [null] }]);
    expect(checked.checkedResults.size).toBe(0);
  });
});
