// The fuel cost model: ONE table, read by the reference interpreter
// (compiler/interpret) and by the Wasm code generator, so the two backends
// charge exactly the same amount for the same policy and input. Change a
// number here and both follow; docs/fuel.md explains every entry with worked
// examples.
//
// The model is deliberately uniform so generated code can reproduce it with a
// counter: every evaluated expression node costs STEP_FUEL, library calls add
// a size term for their arguments and result (and `matches` a work term),
// every loop iteration costs STEP_FUEL. Work that is skipped (short-circuit,
// untaken branch, unread let) costs nothing. The numbers live in
// runtime/engine/fuel-costs.ts (the runtime charges library terms itself).

import type { Expr } from "./ast.js";
import {
  BYTES_PER_CHUNK, CLOCK_INTERVAL, FUEL_PER_CHUNK, FUEL_PER_CHUNK_AND_REGEX_INSTRUCTION, FUEL_PER_ELEMENT, STEP_FUEL, bytesFuel, elementsFuel,
} from "../runtime/engine/fuel-costs.js";

export const FUEL = {
  /**
   * Charged when evaluation enters an expression node, before its children.
   * Macros, `has()` and user `fn` calls are `call` nodes. A `has(x.f)` charges
   * its call node and the operand `x`, not the select node it tests.
   */
  node: {
    literal: STEP_FUEL,
    ident: STEP_FUEL,
    select: STEP_FUEL,
    index: STEP_FUEL,
    call: STEP_FUEL,
    list: STEP_FUEL,
    map: STEP_FUEL,
    struct: STEP_FUEL,
    unary: STEP_FUEL,
    binary: STEP_FUEL,
    conditional: STEP_FUEL,
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
    bytesPerUnit: BYTES_PER_CHUNK,
    perByteUnit: FUEL_PER_CHUNK,
    perElement: FUEL_PER_ELEMENT,
    /** `matches` also charges this per started 16 bytes of text and per instruction of the compiled pattern, before matching. */
    regexPerChunkAndInstruction: FUEL_PER_CHUNK_AND_REGEX_INSTRUCTION,
  },

  /** Each binding of a rule's `for` clause and each iteration of a comprehension macro. */
  iteration: STEP_FUEL,

  /** Each rule of a policy, charged before its `expires` test (expired rules cost this too). */
  rule: STEP_FUEL,

  /** Each message template rendered (plus its holes' expressions and `string()` calls). */
  template: STEP_FUEL,

  /** Each output evaluated (plus its expression; rendering to JSON is free). */
  output: STEP_FUEL,

  /**
   * The deadline is tested whenever the fuel used crosses a multiple of this
   * many units (and once after input conversion), never on a timer: a host
   * whose clock is frozen during synchronous code is bounded by fuel alone.
   */
  clockInterval: CLOCK_INTERVAL,
} as const;

/** Fuel of `n` bytes of string or bytes data in a call's size term. */
export function fuelForBytes(n: number): number {
  return bytesFuel(n);
}

/** Fuel of a list or map of `n` elements in a call's size term. */
export function fuelForElements(n: number): number {
  return elementsFuel(n);
}
