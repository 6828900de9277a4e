// The IR (compiler/ir) as codegen sees it: names resolved to the bindings
// that introduce them, macros and for clauses as loops, library calls as
// call sites, statically typed numbers as unboxed fragments, fuel per node.

import { describe, expect, test } from "vitest";
import { lowerPolicy } from "../../compiler/ir/lower-policy.js";
import type { Ir } from "../../compiler/ir/nodes.js";
import { FUEL } from "../../compiler/fuel.js";
import { checkedPolicy } from "../support/checked-policy.js";

const SOURCE = `
input xs: list<int>
input e: dyn
input labels: map<string, string>
fn f(x: int): int = x + 1
let big = xs.filter(x, x > 10)
deny d {
  for k, v in labels
  when v.startsWith("a") && xs.exists(x, f(x) > size(k))
  message "\${k}"
}
output o = f(e.n)
`;

function only<K extends Ir["op"]>(ir: Ir, op: K): Extract<Ir, { op: K }> {
  expect(ir.op).toBe(op);
  return ir as Extract<Ir, { op: K }>;
}

describe("lowering a checked policy", () => {
  const policy = lowerPolicy(checkedPolicy(SOURCE, "t.p"));

  test("a macro becomes a loop whose body refers to the loop's own binding", () => {
    const loop = only(policy.lets[0]!.value, "loop");
    expect(loop.kind).toBe("filter");
    expect(only(loop.range, "input").index).toBe(0);
    const predicate = only(loop.body, "compare").comparison;
    expect(predicate.op).toBe("greater");
    expect(predicate.left).toMatchObject({ op: "load", kind: "int", value: { op: "local", binding: loop.first } });
    expect(predicate.right).toMatchObject({ op: "const", kind: "int", value: 10n });
  });

  test("for clauses bind the variables that when and message read", () => {
    const rule = policy.rules[0]!;
    expect(rule.fors).toHaveLength(1);
    const clause = rule.fors[0]!;
    const when = only(rule.when!, "logic");
    expect(when.and).toBe(true);
    const startsWith = only(when.left, "call");
    expect(startsWith.site).toMatchObject({ fn: "startsWith", ids: ["starts_with_string"], trusted: true, argc: 2 });
    expect(startsWith.args[0]).toMatchObject({ op: "local", binding: clause.second });
    const exists = only(when.right, "loop");
    expect(exists.kind).toBe("exists");
    const hole = rule.message![0] as Ir;
    expect(hole).toMatchObject({ op: "local", binding: clause.first });
  });

  test("fn calls carry their run-time checks only where a dyn reaches a typed parameter", () => {
    // f(x) > size(k): the call is the unboxed left operand of the comparison.
    const left = only(only(only(policy.rules[0]!.when!, "logic").right, "loop").body, "compare").comparison.left;
    expect(left.op).toBe("load");
    const call = only((left as { value: Ir }).value, "fn");
    expect(call.checks).toEqual([null]);
    const output = only(policy.outputs[0]!, "fn");
    expect(output.checks).toEqual([{ fn: "f", param: "x", expected: "int", type: "int" }]);
  });

  test("each node carries the fuel the interpreter charges on entering it", () => {
    const rule = policy.rules[0]!;
    expect(rule.when!.fuel).toBe(FUEL.node.binary);
    expect(policy.outputs[0]!.fuel).toBe(FUEL.node.call);
    expect(policy.fns[0]!.body).toMatchObject({ op: "arith", fuel: FUEL.node.binary });
  });
});
