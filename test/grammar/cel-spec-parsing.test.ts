// Sanity check against cel-go's parser tests as published in
// @bufbuild/cel-spec: expressions cel-go parses must parse here, and those
// it rejects for syntax (not for type or macro reasons) must be rejected.
// The official conformance runner lives in test/conformance.

import { tests } from "@bufbuild/cel-spec/testdata/parsing.js";
import type { SerializedIncrementalTestSuite } from "@bufbuild/cel-spec/testdata/tests.js";
import { describe, expect, it } from "vitest";
import { parseExpression } from "../../grammar/index.js";

interface Case {
  expr: string;
  expect: "parse" | "reject";
}

/**
 * Expected failures that are not about syntax are skipped: type errors, macro
 * argument errors (the checker's job here), cel-go options this suite turns off
 * (optional syntax, backquoted fields) and its lowered recursion limit of 32.
 */
const SYNTAX_ERROR = /Syntax error|reserved identifier|invalid (int|uint|double) literal|invalid unicode code point/;

function collect(suite: SerializedIncrementalTestSuite, out: Case[]): Case[] {
  for (const t of suite.tests ?? []) {
    if (t.ast !== undefined) out.push({ expr: t.original.expr, expect: "parse" });
    else if (SYNTAX_ERROR.test(t.error ?? "")) out.push({ expr: t.original.expr, expect: "reject" });
  }
  for (const s of suite.suites ?? []) collect(s, out);
  return out;
}

const cases = collect(tests, []);

describe("cel-go parser tests", () => {
  it("covers a real number of cases", () => {
    expect(cases.length).toBeGreaterThan(150);
  });

  it.each(cases.map((c) => [c.expect, c.expr] as const))("%s %j", (expectation, expr) => {
    const { expr: ast, diagnostics } = parseExpression(expr);
    const errors = diagnostics.filter((d) => d.severity === "error");
    if (expectation === "parse") {
      expect(errors).toEqual([]);
      expect(ast).not.toBeNull();
    } else expect(errors.length).toBeGreaterThan(0);
  });
});
