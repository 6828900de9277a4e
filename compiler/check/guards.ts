// Which `has(x.f)` tests are known to hold in a sub-expression. A read of an
// optional record field is guarded when a `has()` of the same path holds
// whenever the read is evaluated: the other side of `&&` (either side: CEL's
// `&&` is commutative, so `x.f > 0 && has(x.f)` is also safe), the negated
// side of `||`, the matching branch of `?:`, or a rule's `when`.
// `"f" in x` counts as `has(x.f)`.

import type { Expr } from "../ast.js";

/** `a.b.c` for an identifier followed by plain field selections; null otherwise. */
export function guardPath(e: Expr): string | null {
  if (e.kind === "ident") return e.name;
  if (e.kind === "select" && !e.optional) {
    const base = guardPath(e.operand);
    return base === null ? null : `${base}.${e.field}`;
  }
  if (e.kind === "index" && !e.optional && e.index.kind === "literal" && e.index.value.type === "string") {
    const base = guardPath(e.operand);
    return base === null ? null : `${base}.${e.index.value.value}`;
  }
  return null;
}

/** Paths whose `has()` holds when `e` evaluates to `outcome`. */
export function guardsWhen(e: Expr, outcome: boolean): string[] {
  if (e.kind === "call" && e.function === "has" && e.target === null && e.args.length === 1 && outcome) {
    const path = guardPath(e.args[0]!);
    return path === null ? [] : [path];
  }
  // `"f" in x` tests the same thing as `has(x.f)` when x is a record.
  if (e.kind === "binary" && e.op === "in" && outcome && e.left.kind === "literal" && e.left.value.type === "string") {
    const base = guardPath(e.right);
    return base === null ? [] : [`${base}.${e.left.value.value}`];
  }
  if (e.kind === "unary" && e.op === "!") return guardsWhen(e.operand, !outcome);
  if (e.kind === "binary") {
    if (e.op === "&&" && outcome) return [...guardsWhen(e.left, true), ...guardsWhen(e.right, true)];
    if (e.op === "||" && !outcome) return [...guardsWhen(e.left, false), ...guardsWhen(e.right, false)];
  }
  return [];
}
