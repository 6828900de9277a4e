// Printing then parsing gives back the same tree (ids and spans aside), for
// random expressions and random policy files.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { astEqual, parseExpression, parsePolicy, printExpr, printPolicy, stripSpans } from "../../grammar/index.js";
import { arbExpr, arbPolicyFile } from "../support/arbitrary-ast.js";
import { runs } from "../support/runs.js";

describe("print then parse", () => {
  it("gives back every random expression", () => {
    fc.assert(
      fc.property(arbExpr(4), (expr) => {
        const text = printExpr(expr);
        const { expr: back, diagnostics } = parseExpression(text);
        expect(diagnostics, text).toEqual([]);
        if (!astEqual(back, expr)) expect(stripSpans(back), text).toEqual(stripSpans(expr));
      }),
      { numRuns: runs(2000) },
    );
  });

  it("gives back every random policy file", () => {
    fc.assert(
      fc.property(arbPolicyFile(), (file) => {
        const text = printPolicy(file);
        const { ast, diagnostics } = parsePolicy(file.file, text);
        expect(diagnostics, text).toEqual([]);
        if (!astEqual(ast, file)) expect(stripSpans(ast), text).toEqual(stripSpans(file));
      }),
      { numRuns: runs(500) },
    );
  });

  it("is a fixed point: printing a parsed print gives the same text", () => {
    fc.assert(
      fc.property(arbExpr(3), (expr) => {
        const once = printExpr(expr);
        const twice = printExpr(parseExpression(once).expr!);
        expect(twice).toBe(once);
      }),
      { numRuns: runs(500) },
    );
  });
});
