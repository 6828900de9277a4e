// The fuel cost model: ONE table, read by the reference interpreter
// (compiler/interpret) and by the Wasm code generator, so the two backends
// charge exactly the same amount for the same policy and input. Change a
// number here and both follow; docs/fuel.md explains every entry with worked
// examples.
//
// The model is deliberately uniform so generated code can reproduce it with a
// counter: every evaluated expression node costs 1, library calls add a size
// term for their arguments and result, every loop iteration costs 1. Work that
// is skipped (short-circuit, untaken branch, unread let) costs nothing.

import type { Expr } from "./ast.js";

export const FUEL = {
  /**
   * Charged when evaluation enters an expression node, before its children.
   * Macros, `has()` and user `fn` calls are `call` nodes. A `has(x.f)` charges
   * its call node and the operand `x`, not the select node it tests.
   */
  node: {
    literal: 1,
    ident: 1,
    select: 1,
    index: 1,
    call: 1,
    list: 1,
    map: 1,
    struct: 1,
    unary: 1,
    binary: 1,
    conditional: 1,
  } satisfies Record<Expr["kind"], number>,

  /**
   * Size term of a library call (any call, unary or binary operator the
   * checker resolved to a library overload, except `&&`, `||` and `?:`; and
   * the implicit `string()` of each message hole). Charged after the call
   * returns, once per argument and once for the result (not when the result
   * is an error):
   *   string  ceil(UTF-8 length / bytesPerUnit) * perByteUnit
   *   bytes   ceil(length / bytesPerUnit) * perByteUnit
   *   list    size * perElement        (top level only)
   *   map     size * perElement        (top level only)
   *   other   0
   * A call whose argument is an error is not made: no size term.
   */
  call: {
    bytesPerUnit: 16,
    perByteUnit: 1,
    perElement: 1,
  },

  /** Each binding of a rule's `for` clause and each iteration of a comprehension macro. */
  iteration: 1,

  /** Each rule of a policy, charged before its `expires` test (expired rules cost this too). */
  rule: 1,

  /** Each message template rendered (plus its holes' expressions and `string()` calls). */
  template: 1,

  /** Each output evaluated (plus its expression; rendering to JSON is free). */
  output: 1,

  /**
   * The deadline is tested whenever the fuel used crosses a multiple of this
   * many units (and once after input conversion), never on a timer: a host
   * whose clock is frozen during synchronous code is bounded by fuel alone.
   */
  clockInterval: 1024,
} as const;

/** Fuel of `n` bytes of string or bytes data in a call's size term. */
export function fuelForBytes(n: number): number {
  return Math.ceil(n / FUEL.call.bytesPerUnit) * FUEL.call.perByteUnit;
}

/** Fuel of a list or map of `n` elements in a call's size term. */
export function fuelForElements(n: number): number {
  return n * FUEL.call.perElement;
}
