// The shape of one library overload, and small builders so each area file
// reads as a table. Every backend (checker, interpreter, Wasm codegen) keys
// its behaviour by `id`, so ids are stable: cel-go's names where CEL has one.

import { T, type Type } from "../types.js";

export interface Overload {
  /** Stable overload id, e.g. `add_int64`, `size_string`, `net_host_string`. */
  id: string;
  /** The function as called: `_+_`, `size`, `contains`, `math.abs`, `net.host`. */
  function: string;
  /** `x.f(a)` when true (params[0] is the receiver `x`); `f(x, a)` when false. */
  member: boolean;
  /** Parameter types, receiver first for member overloads. May mention `T.param("A")`. */
  params: Type[];
  /**
   * The last parameter repeats: the overload accepts params.length or more
   * arguments, every extra one of the last parameter's type
   * (`math.greatest(a, b, c, ...)`).
   */
  variadic?: boolean;
  result: Type;
}

// Type parameters as CEL's checker names them.
export const A = T.param("A");
export const B = T.param("B");
export const K = T.param("K");
export const V = T.param("V");

export function global(fn: string, id: string, params: Type[], result: Type): Overload {
  return { id, function: fn, member: false, params, result };
}

export function member(fn: string, id: string, params: Type[], result: Type): Overload {
  return { id, function: fn, member: true, params, result };
}

export function variadic(fn: string, id: string, params: Type[], result: Type): Overload {
  return { id, function: fn, member: false, params, variadic: true, result };
}

/** The name CEL uses for a scalar in overload ids (`int64`, `uint64`, ...). */
export function celIdName(t: Type): string {
  switch (t.kind) {
    case "int":
      return "int64";
    case "uint":
      return "uint64";
    default:
      return t.kind;
  }
}
