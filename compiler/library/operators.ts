// CEL's operators (cel-spec "Standard definitions"): arithmetic, comparison
// (including the heterogeneous int/uint/double comparisons in every
// direction), equality, logic, indexing, membership.

import type { BinaryOp, UnaryOp } from "../ast.js";
import { T, type Type } from "../types.js";
import { A, K, V, celIdName, global, type Overload } from "./overload.js";

/** CEL's internal function names for operators. */
export const OP = {
  add: "_+_",
  subtract: "_-_",
  multiply: "_*_",
  divide: "_/_",
  modulo: "_%_",
  negate: "-_",
  not: "!_",
  and: "_&&_",
  or: "_||_",
  conditional: "_?_:_",
  equals: "_==_",
  notEquals: "_!=_",
  less: "_<_",
  lessEquals: "_<=_",
  greater: "_>_",
  greaterEquals: "_>=_",
  index: "_[_]",
  optIndex: "_[?_]",
  optSelect: "_?._",
  in: "_in_",
} as const;

export const BINARY_OP_FUNCTION: Record<BinaryOp, string> = {
  "||": OP.or,
  "&&": OP.and,
  "==": OP.equals,
  "!=": OP.notEquals,
  "<": OP.less,
  "<=": OP.lessEquals,
  ">": OP.greater,
  ">=": OP.greaterEquals,
  in: OP.in,
  "+": OP.add,
  "-": OP.subtract,
  "*": OP.multiply,
  "/": OP.divide,
  "%": OP.modulo,
};

export const UNARY_OP_FUNCTION: Record<UnaryOp, string> = {
  "!": OP.not,
  "-": OP.negate,
};

function binary(fn: string, idPrefix: string, types: Type[], result?: Type): Overload[] {
  return types.map((t) => global(fn, `${idPrefix}_${celIdName(t)}`, [t, t], result ?? t));
}

const numeric = [T.int, T.uint, T.double];

function arithmetic(): Overload[] {
  return [
    ...binary(OP.add, "add", [T.int, T.uint, T.double, T.string, T.bytes]),
    global(OP.add, "add_list", [T.list(A), T.list(A)], T.list(A)),
    global(OP.add, "add_timestamp_duration", [T.timestamp, T.duration], T.timestamp),
    global(OP.add, "add_duration_timestamp", [T.duration, T.timestamp], T.timestamp),
    global(OP.add, "add_duration_duration", [T.duration, T.duration], T.duration),
    ...binary(OP.subtract, "subtract", numeric),
    global(OP.subtract, "subtract_timestamp_timestamp", [T.timestamp, T.timestamp], T.duration),
    global(OP.subtract, "subtract_timestamp_duration", [T.timestamp, T.duration], T.timestamp),
    global(OP.subtract, "subtract_duration_duration", [T.duration, T.duration], T.duration),
    ...binary(OP.multiply, "multiply", numeric),
    ...binary(OP.divide, "divide", numeric),
    ...binary(OP.modulo, "modulo", [T.int, T.uint]),
    global(OP.negate, "negate_int64", [T.int], T.int),
    global(OP.negate, "negate_double", [T.double], T.double),
  ];
}

/** `less`, `less_equals`, `greater`, `greater_equals` over every ordered type and numeric pair. */
function comparisons(): Overload[] {
  const ops: [string, string][] = [
    [OP.less, "less"],
    [OP.lessEquals, "less_equals"],
    [OP.greater, "greater"],
    [OP.greaterEquals, "greater_equals"],
  ];
  const out: Overload[] = [];
  for (const [fn, prefix] of ops) {
    out.push(global(fn, `${prefix}_bool`, [T.bool, T.bool], T.bool));
    for (const left of numeric) {
      for (const right of numeric) {
        const id = left === right ? `${prefix}_${celIdName(left)}` : `${prefix}_${celIdName(left)}_${celIdName(right)}`;
        out.push(global(fn, id, [left, right], T.bool));
      }
    }
    for (const t of [T.string, T.bytes, T.timestamp, T.duration]) {
      out.push(global(fn, `${prefix}_${celIdName(t)}`, [t, t], T.bool));
    }
  }
  return out;
}

function logicAndMembership(): Overload[] {
  return [
    global(OP.equals, "equals", [A, A], T.bool),
    global(OP.notEquals, "not_equals", [A, A], T.bool),
    global(OP.not, "logical_not", [T.bool], T.bool),
    global(OP.and, "logical_and", [T.bool, T.bool], T.bool),
    global(OP.or, "logical_or", [T.bool, T.bool], T.bool),
    global(OP.conditional, "conditional", [T.bool, A, A], A),
    global(OP.index, "index_list", [T.list(A), T.int], A),
    global(OP.index, "index_map", [T.map(K, V), K], V),
    global(OP.in, "in_list", [A, T.list(A)], T.bool),
    global(OP.in, "in_map", [K, T.map(K, V)], T.bool),
  ];
}

export const OPERATOR_OVERLOADS: Overload[] = [...arithmetic(), ...comparisons(), ...logicAndMembership()];
