import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Expr } from "../../compiler/ast.js";
import * as entry from "../../compiler/interpret/entry.js";
import { CelError } from "../../compiler/values.js";
import { runs } from "../support/runs.js";
import { getBuiltin } from "../../compiler/interpret/builtins/registry.js";
import { STEP_FUEL } from "../../runtime/engine/fuel-costs.js";
import { compile, decide, NOW } from "./support/run.js";

/** `!!!...!x` nested `depth` times, built by hand (no parser limits). */
function deepNot(depth: number): Expr {
  const span = { start: 0, end: 0 };
  let e: Expr = { kind: "ident", id: 1, span, name: "x", rootScoped: false };
  for (let i = 0; i < depth; i++) e = { kind: "unary", id: i + 2, span, op: "!", operand: e };
  return e;
}

describe("never a crash", () => {
  test("an expression nested too deeply for the JS stack is an internal error value", () => {
    const expr = deepNot(200_000);
    const v = entry.evaluateExpression({ expr, type: { kind: "bool" }, exprTypes: new Map(), resolutions: new Map(), references: new Map() }, { x: true }, { builtins: getBuiltin, fuel: 1e9 });
    expect(v).toBeInstanceOf(CelError);
    expect((v as CelError).message).toMatch(/^internal error/);
  });

  test("in a policy it is an internal error that denies", () => {
    const checked = compile("input x: bool\noutput o = x");
    const deep = { ...checked, outputs: [{ ...checked.outputs[0]!, value: deepNot(200_000) }] };
    const d = entry.interpretPolicy(deep, { x: true }, { now: NOW, builtins: getBuiltin, fuel: 1e9, clock: () => 0 });
    expect(d.decision).toBe("deny");
    expect(d.error?.code).toBe("internal");
  });

  test("a string result over the memory limit is internal", () => {
    const d = decide('input s: string\noutput o = s + s', { s: "x".repeat(60) }, { memoryLimitBytes: 100 });
    expect(d.error).toMatchObject({ code: "internal" });
    expect(d.error?.message).toMatch(/memory limit of 100 bytes/);
  });

  test("any JSON input gives a decision, never an exception", () => {
    const checked = compile(`input agent: { id: string, labels: map<string, string>, n?: int }
input extra: dyn?
deny r {
  for k, v in agent.labels
  when v.startsWith("x") || (has(agent.n) && agent.n > 3) || extra == k
  message "\${k}=\${v} \${agent.id}"
}`);
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (agent, extra) => {
        const d = entry.interpretPolicy(checked, { agent, extra }, { now: NOW, builtins: getBuiltin, clock: () => 0 });
        expect(["allow", "deny"]).toContain(d.decision);
        if (d.error) expect(["input_invalid", "eval_error"]).toContain(d.error.code);
      }),
      { numRuns: runs(300) },
    );
  });
});

describe("bundles", () => {
  const deny = compile("policy a.deny\ninput n: int\ndeny big { when n > 1 }");
  const allow = compile("policy b.allow\ninput n: int\ndeny small { when n < 0 }");

  test("overall deny when an enforce policy denies; shadow policies never deny", () => {
    const opts = { now: NOW, builtins: getBuiltin, clock: () => 0 };
    const both = entry.interpretPolicies([deny, allow], { n: 5 }, opts);
    expect(both.decision).toBe("deny");
    expect(Object.keys(both.policies)).toEqual(["a.deny", "b.allow"]);
    expect(both.policies["b.allow"]!.decision).toBe("allow");

    const shadowed = entry.interpretPolicies([deny, allow], { n: 5 }, { ...opts, modes: { "a.deny": "shadow" } });
    expect(shadowed.decision).toBe("allow");
    expect(shadowed.policies["a.deny"]).toMatchObject({ decision: "allow", mode: "shadow", wouldDeny: true });
  });

  test("each policy gets its own hash and the whole fuel budget", () => {
    const d = entry.interpretPolicies([deny, allow], { n: 5 }, { now: NOW, builtins: getBuiltin, clock: () => 0, fuel: 4 * STEP_FUEL, hashes: { "a.deny": "sha256:aa", "b.allow": "sha256:bb" } });
    expect(d.policies["a.deny"]).toMatchObject({ hash: "sha256:aa", fuel: 4 * STEP_FUEL, error: null });
    expect(d.policies["b.allow"]).toMatchObject({ hash: "sha256:bb", fuel: 4 * STEP_FUEL, error: null });
  });
});
