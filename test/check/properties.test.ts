// Properties over random ASTs: the checker never throws (nor reports an
// internal error), and whenever it accepts an expression its tables are
// complete: a type for every node, a resolution for every operation, a
// reference for every identifier.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkExpression, checkPolicy } from "../../compiler/check/index.js";
import type { CheckedExpr } from "../../compiler/check/checked.js";
import type { Expr } from "../../compiler/ast.js";
import { T, type RecordType, type Type } from "../../compiler/types.js";
import { arbExpr, arbPolicyFile } from "../support/arbitrary-ast.js";
import { runs } from "../support/runs.js";

const agent: RecordType = {
  kind: "record",
  name: "Agent",
  fields: new Map([
    ["id", { type: T.string, optional: false }],
    ["labels", { type: T.map(T.string, T.string), optional: true }],
  ]),
};

/** Some of the generator's names, declared with assorted types. */
const ENV: Record<string, Type> = {
  a: T.int,
  b: T.list(T.int),
  x: T.map(T.string, T.dyn),
  y: T.dyn,
  items: T.list(agent),
  agent,
  config: T.optional(T.string),
  v1: T.double,
};

/** Every sub-expression of `e` (macro bodies, list elements, ...), `e` first. */
function nodes(e: Expr): Expr[] {
  const out: Expr[] = [e];
  const children: Expr[] = [];
  switch (e.kind) {
    case "select":
      children.push(e.operand);
      break;
    case "index":
      children.push(e.operand, e.index);
      break;
    case "call":
      if (e.target) children.push(e.target);
      children.push(...e.args);
      break;
    case "list":
      children.push(...e.elements.map((el) => el.value));
      break;
    case "map":
      for (const en of e.entries) children.push(en.key, en.value);
      break;
    case "struct":
      children.push(...e.fields.map((f) => f.value));
      break;
    case "unary":
      children.push(e.operand);
      break;
    case "binary":
      children.push(e.left, e.right);
      break;
    case "conditional":
      children.push(e.condition, e.then, e.otherwise);
      break;
    default:
      break;
  }
  for (const c of children) out.push(...nodes(c));
  return out;
}

/** Nodes below a qualified name that resolved as a whole (`a.b` naming a variable) are not visited by the checker. */
function qualifiedInside(checked: CheckedExpr, e: Expr): Set<number> {
  const skip = new Set<number>();
  for (const n of nodes(e)) {
    if (n.kind === "select" && checked.references.has(n.id)) for (const inner of nodes(n.operand)) skip.add(inner.id);
  }
  return skip;
}

describe("checker properties", () => {
  it("never throws on random policies", () => {
    fc.assert(
      fc.property(arbPolicyFile(), (ast) => {
        const { diagnostics } = checkPolicy(ast, "");
        expect(diagnostics.filter((d) => d.code === "E0199")).toEqual([]);
      }),
      { numRuns: runs(300) },
    );
  });

  it("never throws on random expressions, and accepted ones have complete tables", () => {
    let accepted = 0;
    fc.assert(
      fc.property(arbExpr(4), (expr) => {
        const { checked, diagnostics } = checkExpression(expr, ENV);
        expect(diagnostics.filter((d) => d.code === "E0199")).toEqual([]);
        if (!checked) return;
        accepted++;
        const skip = qualifiedInside(checked, expr);
        for (const n of nodes(expr)) {
          if (skip.has(n.id)) continue;
          expect(checked.exprTypes.has(n.id), `type of node ${n.id} (${n.kind})`).toBe(true);
          if (n.kind === "ident") expect(checked.references.has(n.id), `reference of ${n.kind} ${(n as { name: string }).name}`).toBe(true);
          if (n.kind === "binary" || n.kind === "unary" || n.kind === "call" || n.kind === "index") {
            expect(checked.resolutions.has(n.id), `resolution of ${n.kind} ${n.id}`).toBe(true);
          }
          expect(JSON.stringify(checked.exprTypes.get(n.id))).not.toContain('"param"');
        }
      }),
      { numRuns: runs(1000) },
    );
    expect(accepted).toBeGreaterThan(50);
  });
});
