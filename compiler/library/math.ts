// CEL's math extension (cel-go ext/math.go), all of it. `math.greatest` and
// `math.least` are macros in cel-go over hidden `math.@max`/`math.@min`
// functions; Edict keeps them as ordinary calls, so their overloads carry
// cel-go's `math_@max_*` / `math_@min_*` ids, plus variadic forms for three
// or more arguments (cel-go turns those into a list argument).

import { T, type Type } from "../types.js";
import { global, variadic, type Overload } from "./overload.js";

const numeric: [Type, string][] = [
  [T.int, "int"],
  [T.uint, "uint"],
  [T.double, "double"],
];

/** Functions whose 3+ argument form takes numbers of mixed types (checker: each argument must be numeric or dyn). */
export const MIXED_NUMERIC_VARIADIC = new Set(["math_@max_dyn_n", "math_@min_dyn_n"]);
/** Their list forms over a list<dyn> (checker: the list's elements must be numeric or dyn). */
export const MIXED_NUMERIC_LIST = new Set(["math_@max_list_dyn", "math_@min_list_dyn"]);

function extremum(fn: string, stem: string): Overload[] {
  const out: Overload[] = [];
  for (const [t, name] of numeric) out.push(global(fn, `${stem}_${name}`, [t], t));
  for (const [left, l] of numeric) {
    for (const [right, r] of numeric) {
      out.push(global(fn, `${stem}_${l}_${r}`, [left, right], left === right ? left : T.dyn));
    }
  }
  for (const [t, name] of numeric) out.push(global(fn, `${stem}_list_${name}`, [T.list(t)], t));
  // A list of mixed numbers (`[1, 2u, 3.0]` is a list<dyn>); a non-number in it is a runtime error.
  out.push(global(fn, `${stem}_list_dyn`, [T.list(T.dyn)], T.dyn));
  for (const [t, name] of numeric) out.push(variadic(fn, `${stem}_${name}_n`, [t, t, t], t));
  out.push(variadic(fn, `${stem}_dyn_n`, [T.dyn, T.dyn, T.dyn], T.dyn));
  return out;
}

function perNumeric(fn: string, result: (t: Type) => Type, only: [Type, string][] = numeric): Overload[] {
  const stem = fn.replace(".", "_");
  return only.map(([t, name]) => global(fn, `${stem}_${name}`, [t], result(t)));
}

const double: [Type, string][] = [[T.double, "double"]];
const integers: [Type, string][] = [
  [T.int, "int"],
  [T.uint, "uint"],
];

function bitwise(): Overload[] {
  const out: Overload[] = [];
  for (const op of ["bitAnd", "bitOr", "bitXor"]) {
    for (const [t, name] of integers) out.push(global(`math.${op}`, `math_${op}_${name}_${name}`, [t, t], t));
  }
  // cel-go's ids repeat the type for bitNot although it takes one argument.
  for (const [t, name] of integers) out.push(global("math.bitNot", `math_bitNot_${name}_${name}`, [t], t));
  for (const op of ["bitShiftLeft", "bitShiftRight"]) {
    for (const [t, name] of integers) out.push(global(`math.${op}`, `math_${op}_${name}_int`, [t, T.int], t));
  }
  return out;
}

export const MATH_OVERLOADS: Overload[] = [
  ...extremum("math.greatest", "math_@max"),
  ...extremum("math.least", "math_@min"),
  ...perNumeric("math.ceil", (t) => t, double),
  ...perNumeric("math.floor", (t) => t, double),
  ...perNumeric("math.round", (t) => t, double),
  ...perNumeric("math.trunc", (t) => t, double),
  ...perNumeric("math.isNaN", () => T.bool, double),
  ...perNumeric("math.isInf", () => T.bool, double),
  ...perNumeric("math.isFinite", () => T.bool, double),
  ...perNumeric("math.abs", (t) => t),
  ...perNumeric("math.sign", (t) => t),
  ...perNumeric("math.sqrt", () => T.double),
  ...bitwise(),
];
