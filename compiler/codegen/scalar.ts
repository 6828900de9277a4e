// Numeric IR fragments (compiler/ir/scalar.ts) -> Wasm on unboxed values: i64 for
// int and uint, f64 for double. Operands that come from handles are
// unboxed through the scalar shadow (runtime/engine/manifest.ts SCALAR_*);
// a comparison yields the bool handle 0/1 directly, and arithmetic whose
// value leaves the fragment is boxed back into a handle by the host.
//
// Errors (overflow, division by zero, an operand's error) leave through the
// fragment's block label with the error's handle, like every expression.
// Fuel: node costs stay pending (merged) until a point where evaluation can
// stop, and are charged there, so the total and the point of exhaustion
// are the interpreter's (it charges a node on entry; nothing between those
// points is observable).

import { SCALAR_SLOTS, SCALAR_TAGS, SCALAR_VALUES, TAG_DOUBLE, TAG_DURATION, TAG_INT, TAG_UINT } from "../../runtime/engine/manifest.js";
import type { Ir } from "../ir/nodes.js";
import type { Comparison, CompareOp, NumberKind, NumberNode } from "../ir/scalar.js";
import type { ExprEmitter } from "./expr.js";
import { f64, i32, i64 } from "./module.js";

const INT64_MIN = -(2n ** 63n);
const TAGS: Record<NumberKind, number> = { int: TAG_INT, uint: TAG_UINT, double: TAG_DOUBLE, duration: TAG_DURATION };
const BOX = { int: "box_int", uint: "box_uint", double: "box_double", duration: "box_duration" } as const;

/** An operand ready for use: an expression factory (binaryen expressions may appear once in a tree). */
type Operand = () => number;

export class NumberEmitter {
  private readonly stmts: number[] = [];
  /** Did the fragment emit a point where evaluation can stop (an operand's code, an error check)? */
  private exits = false;
  private readonly label: string;

  constructor(private readonly x: ExprEmitter) {
    this.label = x.mb.label("num");
  }

  /** A comparison: the bool handle 0/1, or an operand's error. Its own node's fuel is already pending. */
  comparison(c: Comparison): number {
    const left = this.value(c.left);
    const right = this.value(c.right);
    return this.finish(compare(this.x, c.op, c.left.kind, left, c.right.kind, right));
  }

  /** Arithmetic whose value leaves the fragment: boxed into a handle. Its own node's fuel is already pending. */
  boxed(n: NumberNode): number {
    const v = this.value(n, true);
    return this.finish(this.x.mb.host(BOX[n.kind], [v()]));
  }

  private finish(result: number): number {
    const x = this.x;
    // Costs of nodes entered after the last exit point are charged after it (before them would overcharge an error).
    if (this.exits && x.pending > 0) this.stmts.push(x.mb.charge(x.takePending()));
    return x.m.block(this.label, [...this.stmts, result], i32);
  }

  private fresh(kind: NumberKind): number {
    return this.x.fb.local(kind === "double" ? f64 : i64);
  }

  /** Code for `n` into a local (or a constant); `root`: its fuel is already pending. */
  private value(n: NumberNode, root = false): Operand {
    const x = this.x;
    const m = x.m;
    switch (n.op) {
      case "const": {
        x.pending += n.fuel;
        const v = n.value;
        return n.kind === "double" ? () => m.f64.const(v as number) : () => m.i64.const(BigInt.asIntN(64, v as bigint));
      }
      case "load":
        return this.load(n.value, n.kind);
      case "negate": {
        if (!root) x.pending += n.fuel;
        const a = this.value(n.operand);
        if (n.kind === "double") return this.keep(n.kind, m.f64.neg(a()));
        this.fail(m.i64.eq(a(), m.i64.const(INT64_MIN)), "integer overflow");
        return this.keep(n.kind, m.i64.sub(m.i64.const(0n), a()));
      }
      default: {
        if (!root) x.pending += n.fuel;
        const a = this.value(n.left);
        const b = this.value(n.right);
        if (n.kind === "double") return this.keep(n.kind, doubleArith(x, n.op, a, b));
        // A duration is int64 nanoseconds: int arithmetic with the duration's range error.
        return this.integerArith(n.op, n.kind === "uint", a, b, n.kind === "duration" ? "duration out of range" : undefined);
      }
    }
  }

  /** The handle of `expr` (its own fuel, its own exits), unboxed: two loads when the shadow has it, else the host. */
  private load(expr: Ir, kind: NumberKind): Operand {
    const x = this.x;
    const m = x.m;
    this.exits = true;
    const h = x.guard(this.label, x.emit(expr));
    this.stmts.push(...h.stmts);
    const handle = () => x.get(h.local);
    // `if`, not i32.and: a handle past the slots must not be used as an address.
    const inShadow = m.if(
      m.i32.lt_u(handle(), m.i32.const(SCALAR_SLOTS)),
      m.i32.eq(m.i32.load8_u(SCALAR_TAGS, 1, handle()), m.i32.const(TAGS[kind])),
      m.i32.const(0),
    );
    const address = m.i32.shl(handle(), m.i32.const(3));
    const shadow = kind === "double" ? m.f64.load(SCALAR_VALUES, 8, address) : m.i64.load(SCALAR_VALUES, 8, address);
    const host = kind === "double" ? x.mb.host("unbox_double", [handle()]) : x.mb.host("unbox_i64", [handle(), m.i32.const(TAGS[kind])]);
    return this.keep(kind, m.if(inShadow, shadow, host));
  }

  private keep(kind: NumberKind, value: number): Operand {
    const local = this.fresh(kind);
    this.stmts.push(this.x.m.local.set(local, value));
    const type = kind === "double" ? f64 : i64;
    return () => this.x.m.local.get(local, type);
  }

  /** If `condition`, the fragment's value is the error `message` (pending fuel charged first). */
  private fail(condition: number, message: string): void {
    const x = this.x;
    this.exits = true;
    if (x.pending > 0) this.stmts.push(x.mb.charge(x.takePending()));
    this.stmts.push(x.m.drop(x.m.br(this.label, condition, x.mb.constError(message))));
  }

  /** int64 / uint64 arithmetic with CEL's errors: overflow, division and modulus by zero. */
  private integerArith(op: Exclude<NumberNode["op"], "const" | "load" | "negate">, unsigned: boolean, a: Operand, b: Operand, outOfRange?: string): Operand {
    const m = this.x.m;
    const overflow = outOfRange ?? (unsigned ? "unsigned integer overflow" : "integer overflow");
    const zero = () => m.i64.const(0n);
    switch (op) {
      case "add": {
        const r = this.keep("int", m.i64.add(a(), b()));
        this.fail(unsigned ? m.i64.lt_u(r(), a()) : m.i64.lt_s(m.i64.and(m.i64.xor(a(), r()), m.i64.xor(b(), r())), zero()), overflow);
        return r;
      }
      case "subtract": {
        this.fail(unsigned ? m.i64.lt_u(a(), b()) : m.i64.lt_s(m.i64.and(m.i64.xor(a(), b()), m.i64.xor(a(), m.i64.sub(a(), b()))), zero()), overflow);
        return this.keep("int", m.i64.sub(a(), b()));
      }
      case "multiply": {
        const r = this.keep("int", m.i64.mul(a(), b()));
        // The product is exact when dividing it by a gives b back; `if`, not i32.and, so a = 0 never divides.
        const inexact = unsigned
          ? m.if(m.i64.eqz(a()), m.i32.const(0), m.i64.ne(m.i64.div_u(r(), a()), b()))
          : // r / a traps only for a = -1 (and r = MIN), which is exactly the overflow b = MIN.
            m.if(
              m.i64.eq(a(), m.i64.const(-1n)),
              m.i64.eq(b(), m.i64.const(INT64_MIN)),
              m.if(m.i64.eqz(a()), m.i32.const(0), m.i64.ne(m.i64.div_s(r(), a()), b())),
            );
        this.fail(inexact, overflow);
        return r;
      }
      case "divide":
      case "modulo": {
        this.fail(m.i64.eqz(b()), op === "divide" ? "division by zero" : "modulus by zero");
        if (!unsigned) this.fail(m.i32.and(m.i64.eq(a(), m.i64.const(INT64_MIN)), m.i64.eq(b(), m.i64.const(-1n))), overflow);
        if (op === "divide") return this.keep("int", unsigned ? m.i64.div_u(a(), b()) : m.i64.div_s(a(), b()));
        return this.keep("int", unsigned ? m.i64.rem_u(a(), b()) : m.i64.rem_s(a(), b()));
      }
    }
  }
}

function doubleArith(x: ExprEmitter, op: NumberNode["op"], a: Operand, b: Operand): number {
  const m = x.m;
  switch (op) {
    case "add":
      return m.f64.add(a(), b());
    case "subtract":
      return m.f64.sub(a(), b());
    case "multiply":
      return m.f64.mul(a(), b());
    default:
      return m.f64.div(a(), b());
  }
}

/**
 * CEL's numeric comparison (runtime/engine/lib-ops.ts compareMixed):
 * integers of either sign compare exactly, and an integer against a
 * double compares as doubles (the integer rounded to nearest, as Number()).
 */
function compare(x: ExprEmitter, op: CompareOp, lk: NumberKind, a: Operand, rk: NumberKind, b: Operand): number {
  const m = x.m;
  if (lk === "double" || rk === "double") {
    const asDouble = (k: NumberKind, v: Operand) => (k === "double" ? v() : k === "int" ? m.f64.convert_s.i64(v()) : m.f64.convert_u.i64(v()));
    return compareDoubles(x, op, asDouble(lk, a), asDouble(rk, b));
  }
  if (lk === rk) return compareIntegers(x, op, lk !== "uint", a(), b());
  // int against uint: a negative int is below every uint; otherwise both compare as unsigned.
  const [signed, unsigned] = lk === "int" ? [a, b] : [b, a];
  const mirrored: CompareOp = lk === "int" ? op : MIRROR[op];
  const negative = () => m.i64.lt_s(signed(), m.i64.const(0n));
  const asUnsigned = () => compareIntegers(x, mirrored, false, signed(), unsigned());
  // Below every uint: true for <, <=, !=; false for >, >=, ==.
  return mirrored === "less" || mirrored === "less_equals" || mirrored === "not_equals"
    ? m.i32.or(negative(), asUnsigned())
    : m.i32.and(m.i32.eqz(negative()), asUnsigned());
}

/** `b op a` written as `a op' b`. */
const MIRROR: Record<CompareOp, CompareOp> = {
  less: "greater",
  less_equals: "greater_equals",
  greater: "less",
  greater_equals: "less_equals",
  equals: "equals",
  not_equals: "not_equals",
};

function compareDoubles(x: ExprEmitter, op: CompareOp, a: number, b: number): number {
  const m = x.m;
  switch (op) {
    case "less":
      return m.f64.lt(a, b);
    case "less_equals":
      return m.f64.le(a, b);
    case "greater":
      return m.f64.gt(a, b);
    case "greater_equals":
      return m.f64.ge(a, b);
    case "equals":
      return m.f64.eq(a, b);
    case "not_equals":
      return m.f64.ne(a, b);
  }
}

function compareIntegers(x: ExprEmitter, op: CompareOp, signed: boolean, a: number, b: number): number {
  const m = x.m;
  switch (op) {
    case "less":
      return signed ? m.i64.lt_s(a, b) : m.i64.lt_u(a, b);
    case "less_equals":
      return signed ? m.i64.le_s(a, b) : m.i64.le_u(a, b);
    case "greater":
      return signed ? m.i64.gt_s(a, b) : m.i64.gt_u(a, b);
    case "greater_equals":
      return signed ? m.i64.ge_s(a, b) : m.i64.ge_u(a, b);
    case "equals":
      return m.i64.eq(a, b);
    case "not_equals":
      return m.i64.ne(a, b);
  }
}
