// The numeric fragments of the IR (./nodes.ts): arithmetic and comparisons
// over int, uint, double and duration that the checker resolved to a single
// overload, lowered from the checked AST so that codegen computes them on
// unboxed i64/f64 values inside the module (compiler/codegen/scalar.ts)
// instead of asking the host per operator. Everything else in a policy stays a handle
// (docs/design/wasm-abi.md); where a numeric operand comes from a handle
// (a field, a call, a let), the IR says `load` and codegen unboxes it
// through the scalar shadow.
//
// Each node keeps the fuel of the AST node it stands for: the interpreter
// charges a node on entering it, and these operations have no size term
// (numbers cost nothing beyond their node), so the code that emits the IR
// can charge exactly what the interpreter charges, in the same order
// relative to every point where evaluation can stop with an error.

import type { Expr } from "../ast.js";
import type { Ir } from "./nodes.js";
import type { CheckedPolicy } from "../check/checked.js";
import { FUEL } from "../fuel.js";
import { CelDuration, CelUint } from "../values.js";

/** Durations are int64 nanoseconds (as cel-go), so they unbox like ints; timestamps do not fit 64 bits and stay handles. */
export type NumberKind = "int" | "uint" | "double" | "duration";
export type ArithOp = "add" | "subtract" | "multiply" | "divide" | "modulo";
export type CompareOp = "less" | "less_equals" | "greater" | "greater_equals" | "equals" | "not_equals";

export type NumberNode =
  /** A literal or a named constant: no code, its node's fuel only. */
  | { op: "const"; kind: NumberKind; value: bigint | number; fuel: number }
  /** A subexpression that yields a handle (charges its own fuel), unboxed. */
  | { op: "load"; kind: NumberKind; value: Ir }
  | { op: "negate"; kind: NumberKind; operand: NumberNode; fuel: number }
  | { op: ArithOp; kind: NumberKind; left: NumberNode; right: NumberNode; fuel: number };

export interface Comparison {
  op: CompareOp;
  left: NumberNode;
  right: NumberNode;
  fuel: number;
}

const ARITH: Record<string, ArithOp> = { "+": "add", "-": "subtract", "*": "multiply", "/": "divide", "%": "modulo" };
const COMPARE: Record<string, CompareOp> = { "<": "less", "<=": "less_equals", ">": "greater", ">=": "greater_equals", "==": "equals", "!=": "not_equals" };
const SUFFIX: Record<NumberKind, string> = { int: "int64", uint: "uint64", double: "double", duration: "duration" };

/** The static number kind of an expression, or null when it is not exactly int, uint or double. */
function numberKind(checked: CheckedPolicy, e: Expr): NumberKind | null {
  const t = checked.exprTypes.get(e.id);
  return t && (t.kind === "int" || t.kind === "uint" || t.kind === "double" || t.kind === "duration") ? t.kind : null;
}

/** The single overload the checker chose for an operator node, if it chose one. */
function overloadOf(checked: CheckedPolicy, e: Expr): string | null {
  const r = checked.resolutions.get(e.id);
  return r?.kind === "overload" ? r.overloadId : null;
}

/**
 * A comparison of two numbers, when `e` is one the module can compute
 * itself: `<`, `<=`, `>`, `>=` resolved to a numeric overload (mixed kinds
 * included), or `==`/`!=` between two statically numeric operands.
 */
export function lowerComparison(checked: CheckedPolicy, e: Expr, leaf: (e: Expr) => Ir): Comparison | null {
  if (e.kind !== "binary") return null;
  const op = COMPARE[e.op];
  if (!op) return null;
  const left = numberKind(checked, e.left);
  const right = numberKind(checked, e.right);
  if (!left || !right || (left === "duration") !== (right === "duration")) return null;
  const id = overloadOf(checked, e);
  const expected = op === "equals" || op === "not_equals" ? op : left === right ? `${op}_${SUFFIX[left]}` : `${op}_${SUFFIX[left]}_${SUFFIX[right]}`;
  if (id !== expected) return null;
  return { op, left: lowerNumber(checked, e.left, left, leaf), right: lowerNumber(checked, e.right, right, leaf), fuel: FUEL.node.binary };
}

/** Arithmetic worth computing in the module: an operator node resolved to a numeric overload. */
export function lowerArithmetic(checked: CheckedPolicy, e: Expr, leaf: (e: Expr) => Ir): NumberNode | null {
  const kind = numberKind(checked, e);
  if (!kind || !isOperator(checked, e, kind)) return null;
  return lowerNumber(checked, e, kind, leaf);
}

/** Is `e` an arithmetic operator node the fragment computes (not a leaf)? */
function isOperator(checked: CheckedPolicy, e: Expr, kind: NumberKind): boolean {
  const id = overloadOf(checked, e);
  if (e.kind === "unary") return e.op === "-" && id === `negate_${SUFFIX[kind]}`;
  if (e.kind !== "binary") return false;
  const op = ARITH[e.op];
  const suffix = kind === "duration" ? "duration_duration" : SUFFIX[kind];
  return op !== undefined && id === `${op}_${suffix}` && !(op === "modulo" && kind === "double");
}

function lowerNumber(checked: CheckedPolicy, e: Expr, kind: NumberKind, leaf: (e: Expr) => Ir): NumberNode {
  if (e.kind === "literal" && e.value.type === kind) {
    const v = e.value.value;
    if (typeof v === "bigint" || typeof v === "number") return { op: "const", kind, value: v, fuel: FUEL.node.literal };
  }
  if (e.kind === "ident" || e.kind === "select") {
    const ref = checked.references.get(e.id);
    if (ref?.kind === "const") {
      const v = ref.value instanceof CelUint || ref.value instanceof CelDuration ? (ref.value instanceof CelUint ? ref.value.value : ref.value.nanos) : ref.value;
      if (typeof v === "bigint" || typeof v === "number") return { op: "const", kind, value: v, fuel: FUEL.node[e.kind] };
    }
  }
  if (isOperator(checked, e, kind)) {
    if (e.kind === "unary") return { op: "negate", kind, operand: lowerNumber(checked, e.operand, kind, leaf), fuel: FUEL.node.unary };
    if (e.kind === "binary") {
      const op = ARITH[e.op]!;
      return { op, kind, left: lowerNumber(checked, e.left, kind, leaf), right: lowerNumber(checked, e.right, kind, leaf), fuel: FUEL.node.binary };
    }
  }
  return { op: "load", kind, value: leaf(e) };
}
