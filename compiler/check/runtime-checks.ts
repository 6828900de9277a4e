// Where a static type promises more than the value behind it is known to
// keep. `dyn` is assignable to every type (CEL's rule), so `f(e.count)` with
// `fn f(x: int)` and `e: dyn` checks; the value, though, may be a string. The
// backends trust a parameter's or an overload's declared types (they
// inline, unbox and skip dispatch on them), so every place where a `dyn`
// reaches a concrete type is checked at run time instead: library calls
// dispatch by value (resolution "dynamic"), and user fns check the
// arguments and result flagged here. A mismatch is a CEL error, never a
// silently wrong answer.

import type { Type } from "../types.js";
import { isDynOrError, isUnknown, type TypeVars } from "./unify.js";

/**
 * Does `actual` leave open what `expected` pins down? True where `actual`
 * has `dyn`, an error or an unresolved type variable at a position where
 * `expected` is concrete. Type parameters of an overload (`A`, `K`) pin
 * nothing. Conservative: true means "check at run time", never "wrong".
 */
export function looserThan(expected: Type, actual: Type, vars?: TypeVars): boolean {
  if (isUnknown(actual)) {
    const bound = vars?.get((actual as { name: string }).name);
    if (!bound) return !isOpen(expected);
    return looserThan(expected, bound, vars);
  }
  if (isOpen(expected)) return false;
  if (isDynOrError(actual)) return true;
  switch (expected.kind) {
    case "list":
      return actual.kind === "list" && looserThan(expected.elem, actual.elem, vars);
    case "map":
      if (actual.kind === "record") return [...actual.fields.values()].some((f) => looserThan(expected.value, f.type, vars));
      return actual.kind === "map" && (looserThan(expected.key, actual.key, vars) || looserThan(expected.value, actual.value, vars));
    case "optional":
      return actual.kind === "optional" && looserThan(expected.inner, actual.inner, vars);
    case "record":
      if (actual.kind === "map") return [...expected.fields.values()].some((f) => looserThan(f.type, actual.value, vars));
      if (actual.kind !== "record") return false;
      return [...expected.fields].some(([name, f]) => {
        const other = actual.fields.get(name);
        return other !== undefined && looserThan(f.type, other.type, vars);
      });
    default:
      return false;
  }
}

function isOpen(t: Type): boolean {
  return t.kind === "dyn" || t.kind === "error" || t.kind === "param";
}
