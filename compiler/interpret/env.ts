// What an expression sees while it is evaluated: the checked tables of the
// program it belongs to, the variables bound around it, and the builtins.

import type { FnDecl, LetDecl } from "../ast.js";
import type { Reference, Resolution } from "../check/checked.js";
import type { Type } from "../types.js";
import type { CelValue } from "../values.js";
import type { BuiltinContext } from "./context.js";

/** A library overload's implementation (compiler/interpret/builtins/registry.ts). */
export type Builtin = (args: CelValue[], ctx: BuiltinContext) => CelValue;
export type BuiltinLookup = (overloadId: string) => Builtin | undefined;

/** The parts of a CheckedPolicy (or CheckedExpr) evaluation reads. */
export interface Program {
  exprTypes: ReadonlyMap<number, Type>;
  resolutions: ReadonlyMap<number, Resolution>;
  references: ReadonlyMap<number, Reference>;
  consts: ReadonlyMap<string, CelValue>;
  lets: ReadonlyMap<string, LetDecl>;
  fns: ReadonlyMap<string, FnDecl>;
  /** Fns whose result is checked against their declared type (check/runtime-checks.ts); absent: none. */
  checkedResults?: ReadonlyMap<string, Type>;
}

/** Variables bound by `for` clauses, comprehensions and `cel.bind`, innermost first. */
export class Locals {
  constructor(
    readonly name: string,
    readonly value: CelValue,
    readonly parent: Locals | null,
  ) {}

  lookup(name: string): CelValue | undefined {
    for (let s: Locals | null = this; s !== null; s = s.parent) {
      if (s.name === name) return s.value;
    }
    return undefined;
  }
}

export interface Env {
  locals: Locals | null;
  /** Arguments of the user `fn` whose body is being evaluated (by value). */
  params: readonly CelValue[] | null;
}

export const ROOT_ENV: Env = { locals: null, params: null };

export function bind(env: Env, name: string, value: CelValue): Env {
  return { locals: new Locals(name, value, env.locals), params: env.params };
}
