// The parser never throws, whatever the input, and every diagnostic (and
// every node of whatever tree it returns) has a span inside the source.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RawDiagnostic } from "../../compiler/diagnostics.js";
import { parseExpression, parsePolicy, printPolicy } from "../../grammar/index.js";
import { arbPolicyFile } from "../support/arbitrary-ast.js";
import { runs } from "../support/runs.js";

const FRAGMENTS = [
  "policy a.b", "policy", "input x: int", "input", ": ", "type T = { a: int, b?: string, }", "type", "=", "const c = 1",
  "let x = ", "fn f(a: int): int = a", "fn", "output o = x", "deny r {", "warn w {", "allow a {", "{", "}", "(", ")", "[", "]",
  "for x in xs", "for k, v in m", "for", "in", "when", "unless", "expires \"2026-01-01T00:00:00Z\"", "message", "message \"",
  "\"", "'", "\"\"\"", "'''", "${", "${x}", "$$", "$", "\\", "\\x", "\\u12", "\\U0010FFFF", "\\377", "b\"", "r'", "B'''",
  "/*", "*/", "//", "\n", " ", "\t", "1", "1u", "0x1F", "0xFFu", "1.5", "1e3", ".5", "1.e5", "-", "!", "+", "*", "/", "%",
  "&&", "||", "==", "!=", "<", "<=", ">", ">=", "?", ":", ".", ",", ".?", "[?", "{?", "`a-b`", "`", "true", "null",
  "a.b.C{f: 1}", "x.message", "{\"input\": 1}", "var", "if", "-9223372036854775808", "9223372036854775808", "18446744073709551616u",
  "1e999", "\"\\ud800\"", "a.f(", "f(a,)", "[,]", "((((", "))))", "😀", "\u0000", "\r\n",
];

const arbSource = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 3 })), { maxLength: 30 }).map((parts) => parts.join(" ")),
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join("")),
);

/** A valid printed policy with a few characters deleted or inserted. */
const arbMutatedPolicy = fc
  .tuple(arbPolicyFile(), fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.constantFrom("", "{", "}", "\"", "(", "$", "\n", "message ")), { maxLength: 3 }))
  .map(([file, edits]) => {
    let text = printPolicy(file);
    for (const [at, del, insert] of edits) {
      const i = text.length === 0 ? 0 : at % text.length;
      text = text.slice(0, i) + insert + text.slice(i + del);
    }
    return text;
  });

function expectWellFormed(diagnostics: RawDiagnostic[], source: string): void {
  for (const d of diagnostics) {
    expect(d.code).toMatch(/^E00\d\d$/);
    expect(d.message.length).toBeGreaterThan(0);
    expect(0 <= d.span.start && d.span.start <= d.span.end && d.span.end <= source.length, JSON.stringify(d)).toBe(true);
  }
}

/** Every `span`-like field in a returned tree lies inside the source. */
function expectSpansInside(tree: unknown, length: number): void {
  const stack: unknown[] = [tree];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== "object" || v instanceof Uint8Array) continue;
    for (const [k, x] of Object.entries(v)) {
      if (/[sS]pan$/.test(k) && x !== null && typeof x === "object") {
        const s = x as { start: number; end: number };
        expect(0 <= s.start && s.start <= s.end && s.end <= length, `${k} ${JSON.stringify(s)}`).toBe(true);
      } else stack.push(x);
    }
  }
}

describe("the parser on arbitrary input", () => {
  it("never throws and keeps spans inside the source (policy files)", () => {
    fc.assert(
      fc.property(fc.oneof(arbSource, arbMutatedPolicy), (source) => {
        const { ast, diagnostics } = parsePolicy("fuzz.edict", source);
        expectWellFormed(diagnostics, source);
        expectSpansInside(ast, source.length);
      }),
      { numRuns: runs(10000) },
    );
  });

  it("never throws and keeps spans inside the source (expressions)", () => {
    fc.assert(
      fc.property(arbSource, (source) => {
        const { expr, diagnostics } = parseExpression(source);
        expectWellFormed(diagnostics, source);
        expectSpansInside(expr, source.length);
        if (expr === null) expect(diagnostics.some((d) => d.severity === "error")).toBe(true);
      }),
      { numRuns: runs(10000) },
    );
  });

  it.each([
    ["parentheses", "(".repeat(10000) + "1" + ")".repeat(10000)],
    ["unclosed parentheses", "(".repeat(10000)],
    ["lists", "[".repeat(10000)],
    ["maps", "{1:".repeat(10000)],
    ["calls", "f(".repeat(10000)],
    ["negations", "!".repeat(10000) + "a"],
    ["minus signs", "-".repeat(10000) + "1"],
    ["selections", "a" + ".b".repeat(10000)],
    ["additions", "1" + " + 1".repeat(10000)],
    ["conditionals", "a ? b : ".repeat(10000) + "c"],
    ["indexes", "a" + "[0]".repeat(10000)],
    ["qualified message names", "a" + ".b".repeat(100000) + "{}"],
  ])("reports deeply nested %s as too deep instead of overflowing the stack", (_, source) => {
    const { diagnostics } = parseExpression(source);
    expect(diagnostics.map((d) => d.message)).toContain("expression nested too deeply");
    const policy = parsePolicy("deep.edict", `policy p\nlet x = ${source}\nlet y = )\n`);
    expect(policy.diagnostics.map((d) => d.message)).toContain("expression nested too deeply");
    // Recovery continues after the deep declaration.
    expect(policy.diagnostics.some((d) => d.message.startsWith("expected an expression after '='"))).toBe(true);
  });

  it("accepts nesting up to the documented limits", () => {
    expect(parseExpression("(".repeat(100) + "1" + ")".repeat(100)).diagnostics).toEqual([]);
    expect(parseExpression("f(".repeat(100) + "1" + ")".repeat(100)).diagnostics).toEqual([]);
    expect(parseExpression("1" + " + 1".repeat(249)).diagnostics).toEqual([]);
    expect(parseExpression("1" + " + 1".repeat(250)).diagnostics.map((d) => d.code)).toEqual(["E0020"]);
  });
});
