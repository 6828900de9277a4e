// Spans are offsets into the file: every expression's span, cut out of the
// source and parsed alone, gives back the same expression; name spans cover
// exactly the name; template holes point into the file.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Expr, PolicyFile } from "../../compiler/ast.js";
import { astEqual, parseExpression, parsePolicy, printPolicy, stripSpans } from "../../grammar/index.js";
import { arbPolicyFile } from "../support/arbitrary-ast.js";
import { runs } from "../support/runs.js";

/** Every expression node in a tree, outermost first. */
function expressions(tree: unknown): Expr[] {
  const out: Expr[] = [];
  const stack: unknown[] = [tree];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== "object" || v instanceof Uint8Array) continue;
    const kind = (v as { kind?: unknown }).kind;
    if (typeof kind === "string" && "id" in v && ["literal", "ident", "select", "index", "call", "list", "map", "struct", "unary", "binary", "conditional"].includes(kind)) {
      out.push(v as Expr);
    }
    for (const x of Object.values(v)) stack.push(x);
  }
  return out;
}

function parse(source: string): PolicyFile {
  const { ast, diagnostics } = parsePolicy("spans.edict", source);
  expect(diagnostics).toEqual([]);
  return ast!;
}

describe("spans", () => {
  it("cut out and reparsed, give back the same expression", () => {
    fc.assert(
      fc.property(arbPolicyFile(), (file) => {
        const source = printPolicy(file);
        const ast = parse(source);
        for (const e of expressions(ast)) {
          const text = source.slice(e.span.start, e.span.end);
          const back = parseExpression(text).expr;
          if (!astEqual(back, e)) expect(stripSpans(back), text).toEqual(stripSpans(e));
        }
      }),
      { numRuns: runs(300) },
    );
  });

  it("are unique ids across a file", () => {
    fc.assert(
      fc.property(arbPolicyFile(), (file) => {
        const ast = parse(printPolicy(file));
        const ids: number[] = [];
        const stack: unknown[] = [ast];
        while (stack.length > 0) {
          const v = stack.pop();
          if (v === null || typeof v !== "object" || v instanceof Uint8Array) continue;
          if ("id" in v) ids.push((v as { id: number }).id);
          for (const x of Object.values(v)) stack.push(x);
        }
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { numRuns: runs(200) },
    );
  });

  it("of names, operators and holes cover exactly their text", () => {
    const source = [
      "policy acme.spans",
      "let x = config.service.pipelines",
      "fn kind(id: string): string = id.split(\"/\")[0] + net.host(id)",
      "deny r {",
      "  for name, p in x",
      '  message "pipe ${name} has ${p.exporters.filter(e, e == "}").size()} $$ ${ {"a": 1}["a"] }"',
      "}",
    ].join("\n");
    const ast = parse(source);
    const at = (s: { start: number; end: number }) => source.slice(s.start, s.end);
    expect(at(ast.name.span)).toBe("acme.spans");
    const [letDecl, fnDecl, rule] = ast.decls;
    expect(letDecl!.kind === "let" && at(letDecl.name.span)).toBe("x");
    if (letDecl!.kind !== "let" || fnDecl!.kind !== "fn" || rule!.kind !== "rule") throw new Error("unexpected declarations");
    const select = letDecl.value;
    expect(select.kind === "select" && at(select.fieldSpan)).toBe("pipelines");
    expect(at(letDecl.span)).toBe("let x = config.service.pipelines");
    const body = fnDecl.body;
    if (body.kind !== "binary") throw new Error("expected +");
    expect(at(body.opSpan)).toBe("+");
    expect(body.right.kind === "call" && at(body.right.functionSpan)).toBe("host");
    expect(at(rule.fors[0]!.span)).toBe("for name, p in x");
    const holes = rule.message!.parts.flatMap((p) => (p.kind === "hole" ? [at(p.expr.span)] : []));
    expect(holes).toEqual(["name", 'p.exporters.filter(e, e == "}").size()', '{"a": 1}["a"]']);
    const texts = rule.message!.parts.flatMap((p) => (p.kind === "text" ? [p.text] : []));
    expect(texts).toEqual(["pipe ", " has ", " $ "]);
  });

  it("of a negative literal include the sign", () => {
    const { expr } = parseExpression("a - -9223372036854775808");
    if (expr?.kind !== "binary") throw new Error("expected -");
    expect(expr.right).toMatchObject({ kind: "literal", span: { start: 4, end: 24 }, value: { type: "int", value: -(1n << 63n) } });
  });
});
