// The library declaration table: every function and operator overload of
// spec section 8, declared once. The checker resolves calls against it; the
// interpreter and the Wasm backend implement each overload by its `id`.

import { EDICT_OVERLOADS } from "./edict.js";
import { MATH_OVERLOADS } from "./math.js";
import { OPERATOR_OVERLOADS } from "./operators.js";
import { OPTIONAL_OVERLOADS } from "./optional.js";
import type { Overload } from "./overload.js";
import { STANDARD_OVERLOADS } from "./standard.js";
import { STRING_OVERLOADS } from "./strings.js";
import { TIME_OVERLOADS } from "./time.js";

export type { Overload } from "./overload.js";
export { OP, BINARY_OP_FUNCTION, UNARY_OP_FUNCTION } from "./operators.js";
export { MIXED_NUMERIC_LIST, MIXED_NUMERIC_VARIADIC } from "./math.js";
export { MACROS, findMacro, isMacroName, type MacroDecl } from "./macros.js";

export const LIBRARY: readonly Overload[] = [
  ...OPERATOR_OVERLOADS,
  ...STANDARD_OVERLOADS,
  ...TIME_OVERLOADS,
  ...STRING_OVERLOADS,
  ...MATH_OVERLOADS,
  ...OPTIONAL_OVERLOADS,
  ...EDICT_OVERLOADS,
];

const byId = new Map<string, Overload>();
const byFunction = new Map<string, Overload[]>();
for (const o of LIBRARY) {
  if (byId.has(o.id)) throw new Error(`duplicate overload id ${o.id}`);
  byId.set(o.id, o);
  const list = byFunction.get(o.function) ?? [];
  list.push(o);
  byFunction.set(o.function, list);
}

/** The overload with this id, or undefined. */
export function overloadById(id: string): Overload | undefined {
  return byId.get(id);
}

/** Every overload of a function name (global and member), in declaration order. */
export function overloadsOf(fn: string): readonly Overload[] {
  return byFunction.get(fn) ?? [];
}

/** Every declared function name. */
export function functionNames(): string[] {
  return [...byFunction.keys()];
}

/** Namespaces of qualified function names (`math`, `net`, `optional`, ...): an identifier with one of these names followed by `.f(` is a function, not a variable. */
export const FUNCTION_NAMESPACES: ReadonlySet<string> = new Set(
  [...byFunction.keys()].filter((f) => /^[A-Za-z_]+\.[A-Za-z_]+$/.test(f)).map((f) => f.split(".")[0]!),
);
