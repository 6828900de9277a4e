// What an expression can see besides its local variables: supplied by the
// policy checker (inputs, lets, consts, fns, `now`) or by checkExpression
// (the declared variables of a conformance test).

import type { Span } from "../ast.js";
import type { Type } from "../types.js";
import type { Reference } from "./checked.js";

export interface FnSignature {
  name: string;
  params: { name: string; type: Type }[];
  result: Type;
}

export interface GlobalEnv {
  /** A non-local name (possibly dotted, e.g. `a.b.c`), or undefined. `at` is the use site, for dependency edges and errors. */
  value(name: string, at: Span): { type: Type; ref: Reference } | undefined;
  /** A user `fn` by name, or undefined. */
  fn(name: string, at: Span): FnSignature | undefined;
  /** Every visible global name, for "did you mean". */
  names(): string[];
}

/** A local variable: fn parameter, `for` variable, comprehension or `cel.bind` variable. */
export interface Local {
  type: Type;
  ref: Reference;
}
