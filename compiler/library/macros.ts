// Macros: calls the checker rewrites rather than resolves to an overload.
// They stay `Call` nodes in the AST; the checker records a MacroInfo
// (compiler/check/checked.ts) saying how to evaluate them.

import type { MacroKind } from "../check/checked.js";

export interface MacroDecl {
  /** As written: `all`, `exists`, `has`, `cel.bind`, `optMap`. */
  function: string;
  /** `x.all(...)` (receiver is the range / the optional) or `has(...)` / `cel.bind(...)`. */
  member: boolean;
  /** Argument count, not counting the receiver. */
  args: number;
  kind: MacroKind;
}

export const MACROS: MacroDecl[] = [
  { function: "has", member: false, args: 1, kind: "has" },
  { function: "all", member: true, args: 2, kind: "all" },
  { function: "exists", member: true, args: 2, kind: "exists" },
  { function: "exists_one", member: true, args: 2, kind: "exists_one" },
  { function: "existsOne", member: true, args: 2, kind: "exists_one" },
  { function: "map", member: true, args: 2, kind: "map" },
  { function: "map", member: true, args: 3, kind: "map_filter" },
  { function: "filter", member: true, args: 2, kind: "filter" },
  { function: "all", member: true, args: 3, kind: "all2" },
  { function: "exists", member: true, args: 3, kind: "exists2" },
  { function: "existsOne", member: true, args: 3, kind: "exists_one2" },
  { function: "exists_one", member: true, args: 3, kind: "exists_one2" },
  { function: "transformList", member: true, args: 3, kind: "transformList" },
  { function: "transformList", member: true, args: 4, kind: "transformList" },
  { function: "transformMap", member: true, args: 3, kind: "transformMap" },
  { function: "transformMap", member: true, args: 4, kind: "transformMap" },
  { function: "transformMapEntry", member: true, args: 3, kind: "transformMapEntry" },
  { function: "transformMapEntry", member: true, args: 4, kind: "transformMapEntry" },
  { function: "cel.bind", member: false, args: 3, kind: "bind" },
  { function: "optMap", member: true, args: 2, kind: "optMap" },
  { function: "optFlatMap", member: true, args: 2, kind: "optFlatMap" },
];

export function findMacro(fn: string, member: boolean, args: number): MacroDecl | undefined {
  return MACROS.find((m) => m.function === fn && m.member === member && m.args === args);
}

export function isMacroName(fn: string): boolean {
  return MACROS.some((m) => m.function === fn);
}
