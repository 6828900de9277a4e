// fast-check generators of syntactically valid ASTs (compiler/ast.ts).
// Every tree they produce prints (grammar/print.ts) to text that parses back
// to an equal tree, so they serve both the grammar round-trip tests and
// "the checker never throws" tests. Ids are unique per generated tree only
// after `renumber`; spans are dummies ({0, 0}).

import fc from "fast-check";
import type {
  Decl,
  Expr,
  ForClause,
  Identifier,
  LiteralValue,
  PolicyFile,
  RuleDecl,
  Template,
  TypeExpr,
} from "../../compiler/ast.js";

const NO_SPAN = { start: 0, end: 0 };

/** Plain names, including Edict's contextual keywords (valid names inside expressions). */
const NAMES = [
  "a", "b", "x", "y", "items", "config", "agent", "_tmp", "v1",
  "type", "input", "message", "when", "unless", "expires", "output", "policy", "deny", "allow", "warn", "fn",
  "size", "has", "all", "exists", "map", "filter", "int", "string", "dyn",
];
/** Field names, some of which need backticks: `a-b`, `in`, `true`. */
const FIELDS = [...NAMES, "in", "true", "null", "a-b", "x.y", "with space", "path/to", "in", "let", "var"];
const FUNCTIONS = ["f", "size", "contains", "startsWith", "matches", "all", "exists", "map", "type", "message", "abs"];

export const arbName = fc.constantFrom(...NAMES);
const arbField = fc.constantFrom(...FIELDS);

const node = { id: 0, span: NO_SPAN };

const INT_MIN = -(1n << 63n);
const INT_MAX = (1n << 63n) - 1n;
const UINT_MAX = (1n << 64n) - 1n;

export const arbLiteralValue: fc.Arbitrary<LiteralValue> = fc.oneof(
  fc.constant<LiteralValue>({ type: "null" }),
  fc.boolean().map((value): LiteralValue => ({ type: "bool", value })),
  fc.oneof(fc.bigInt(-1000n, 1000n), fc.bigInt(INT_MIN, INT_MAX), fc.constantFrom(INT_MIN, INT_MAX)).map(
    (value): LiteralValue => ({ type: "int", value }),
  ),
  fc.oneof(fc.bigInt(0n, 1000n), fc.bigInt(0n, UINT_MAX)).map((value): LiteralValue => ({ type: "uint", value })),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((value): LiteralValue => ({ type: "double", value })),
  fc.oneof(fc.string({ maxLength: 8 }), fc.string({ unit: "binary", maxLength: 6 })).map(
    (value): LiteralValue => ({ type: "string", value }),
  ),
  fc.uint8Array({ maxLength: 6 }).map((value): LiteralValue => ({ type: "bytes", value })),
);

const arbLiteral: fc.Arbitrary<Expr> = arbLiteralValue.map((value) => ({ ...node, kind: "literal", value }));
const arbIdent: fc.Arbitrary<Expr> = fc
  .tuple(arbName, fc.boolean(), fc.nat(9))
  .map(([name, dot, roll]) => ({ ...node, kind: "ident", name, rootScoped: dot && roll === 0 }));
const arbTypeName = fc
  .tuple(fc.boolean(), fc.array(arbName, { minLength: 1, maxLength: 3 }))
  .map(([dot, parts]) => (dot ? "." : "") + parts.join("."));

const BINARY_OPS = ["||", "&&", "==", "!=", "<", "<=", ">", ">=", "in", "+", "-", "*", "/", "%"] as const;

/** Expressions nested at most `depth` levels, with distinct ids. */
export function arbExpr(depth = 4): fc.Arbitrary<Expr> {
  return arbExprTree(depth).map(renumber);
}

function arbExprTree(depth: number): fc.Arbitrary<Expr> {
  if (depth <= 0) return fc.oneof(arbLiteral, arbIdent);
  const sub = arbExprTree(depth - 1);
  const subs = fc.array(sub, { maxLength: 3 });
  return fc.oneof(
    { weight: 3, arbitrary: fc.oneof(arbLiteral, arbIdent) },
    fc.tuple(sub, arbField, fc.boolean()).map(([operand, field, optional]): Expr => ({
      ...node, kind: "select", operand, field, optional, fieldSpan: NO_SPAN,
    })),
    fc.tuple(sub, sub, fc.boolean()).map(([operand, index, optional]): Expr => ({ ...node, kind: "index", operand, index, optional })),
    fc.tuple(fc.option(sub, { nil: null }), fc.constantFrom(...FUNCTIONS), subs, fc.nat(9)).map(
      ([target, fn, args, roll]): Expr => ({
        ...node,
        kind: "call",
        target,
        function: target === null && roll === 0 ? `.${fn}` : fn,
        args,
        functionSpan: NO_SPAN,
      }),
    ),
    fc.array(fc.tuple(sub, fc.boolean()), { maxLength: 3 }).map(([...els]): Expr => ({
      ...node, kind: "list", elements: els.map(([value, optional]) => ({ value, optional })),
    })),
    fc.array(fc.tuple(sub, sub, fc.boolean()), { maxLength: 3 }).map((entries): Expr => ({
      ...node, kind: "map", entries: entries.map(([key, value, optional]) => ({ key, value, optional, span: NO_SPAN })),
    })),
    fc.tuple(arbTypeName, fc.array(fc.tuple(arbField, sub, fc.boolean()), { maxLength: 2 })).map(([typeName, fields]): Expr => ({
      ...node, kind: "struct", typeName, fields: fields.map(([name, value, optional]) => ({ name, value, optional, span: NO_SPAN })),
    })),
    fc.tuple(fc.constantFrom("!" as const, "-" as const), sub).map(([op, operand]): Expr => ({ ...node, kind: "unary", op, operand })),
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...BINARY_OPS), sub, sub).map(([op, left, right]): Expr => ({
      ...node, kind: "binary", op, left, right, opSpan: NO_SPAN,
    })) },
    fc.tuple(sub, sub, sub).map(([condition, then, otherwise]): Expr => ({ ...node, kind: "conditional", condition, then, otherwise })),
  );
}

// ---------------------------------------------------------------- types and policies

const ident = (name: string): Identifier => ({ name, span: NO_SPAN });

export function arbType(depth = 2): fc.Arbitrary<TypeExpr> {
  const leaf = fc
    .constantFrom("int", "uint", "double", "bool", "string", "bytes", "dyn", "null_type", "timestamp", "duration", "Agent", "google.protobuf.Any")
    .map((name): TypeExpr => ({ ...node, kind: "named", name, args: [] }));
  if (depth <= 0) return leaf;
  const sub = arbType(depth - 1);
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    sub.map((t): TypeExpr => ({ ...node, kind: "named", name: "list", args: [t] })),
    fc.tuple(sub, sub).map(([k, v]): TypeExpr => ({ ...node, kind: "named", name: "map", args: [k, v] })),
    sub.map((t): TypeExpr => ({ ...node, kind: "named", name: "optional", args: [t] })),
    fc.uniqueArray(fc.tuple(arbField, fc.boolean(), sub), { maxLength: 3, selector: ([n]) => n }).map((fields): TypeExpr => ({
      ...node, kind: "record", fields: fields.map(([name, optional, type]) => ({ name, optional, type, span: NO_SPAN })),
    })),
  );
}

/** Template parts alternate text and holes; text parts are never empty or adjacent (they would merge). */
export const arbTemplate: fc.Arbitrary<Template> = fc
  .array(fc.oneof(fc.string({ minLength: 1, maxLength: 6 }), fc.constantFrom("$", "${x}", "}", "{", '"', "\\"), arbExprTree(2)), { maxLength: 4 })
  .map((items) => {
    const parts: Template["parts"] = [];
    for (const item of items) {
      const last = parts[parts.length - 1];
      if (typeof item === "string") {
        if (last !== undefined && last.kind === "text") last.text += item;
        else parts.push({ kind: "text", text: item, span: NO_SPAN });
      } else parts.push({ kind: "hole", expr: item });
    }
    return { ...node, parts };
  });

const arbRfc3339 = fc.constantFrom("2026-01-01T00:00:00Z", "2030-12-31T23:59:59.5+02:00", "not a time");

const arbFor: fc.Arbitrary<ForClause> = fc
  .tuple(arbName, fc.option(arbName, { nil: null }), arbExprTree(2))
  .map(([first, second, source]) => ({ first: ident(first), second: second === null ? null : ident(second), source, span: NO_SPAN }));

const arbRule: fc.Arbitrary<RuleDecl> = fc
  .record({
    ruleKind: fc.constantFrom("deny" as const, "warn" as const, "allow" as const),
    name: arbName,
    fors: fc.array(arbFor, { maxLength: 2 }),
    when: fc.option(arbExprTree(3), { nil: null }),
    unless: fc.option(arbExprTree(2), { nil: null }),
    expires: fc.option(arbRfc3339, { nil: null }),
    message: fc.option(arbTemplate, { nil: null }),
  })
  .map((r) => ({
    ...node,
    kind: "rule",
    ruleKind: r.ruleKind,
    name: ident(r.name),
    fors: r.fors,
    when: r.when,
    unless: r.unless,
    expires: r.expires === null ? null : { text: r.expires, span: NO_SPAN },
    message: r.message,
  }));

export const arbDecl: fc.Arbitrary<Decl> = fc.oneof(
  fc.tuple(arbName, arbType(), fc.boolean()).map(([name, type, nullable]): Decl => ({ ...node, kind: "input", name: ident(name), type, nullable })),
  fc.tuple(arbName, arbType()).map(([name, type]): Decl => ({ ...node, kind: "type", name: ident(name), type })),
  fc.tuple(fc.constantFrom("const" as const, "let" as const, "output" as const), arbName, arbExprTree(3)).map(
    ([kind, name, value]): Decl => ({ ...node, kind, name: ident(name), value }),
  ),
  fc.tuple(arbName, fc.array(fc.tuple(arbName, arbType(1)), { maxLength: 3 }), arbType(1), arbExprTree(3)).map(
    ([name, params, result, body]): Decl => ({
      ...node, kind: "fn", name: ident(name), params: params.map(([p, type]) => ({ name: ident(p), type })), result, body,
    }),
  ),
  arbRule,
);

export function arbPolicyFile(): fc.Arbitrary<PolicyFile> {
  return fc
    .record({
      name: fc.array(arbName, { minLength: 1, maxLength: 3 }),
      description: fc.option(fc.string({ maxLength: 12 }), { nil: null }),
      decls: fc.array(arbDecl, { maxLength: 6 }),
    })
    .map((p) => renumber({ file: "arb.edict", name: ident(p.name.join(".")), description: p.description, decls: p.decls, span: NO_SPAN }));
}

/** Gives every node a distinct id (in place on a fresh copy), as a parser would. */
export function renumber<T>(tree: T): T {
  let next = 1;
  const visit = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(visit);
    if (v === null || typeof v !== "object" || v instanceof Uint8Array) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = visit(x);
    if ("id" in out) out["id"] = next++;
    return out;
  };
  return visit(tree) as T;
}
