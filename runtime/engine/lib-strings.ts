// The list functions of CEL's string extension (join) and Edict's sum. The
// string functions themselves run in the bundle's helpers
// (runtime/engine/helper-strings.ts), as do net, semver and rollout.

import type { Impl } from "./library.js";
import { Err, INT64_MAX, INT64_MIN, List, Uint, UINT64_MAX, type Value } from "./values.js";

const str = (v: Value | undefined) => v as string;

function sum(items: readonly Value[], kind: "int" | "uint" | "double"): Value {
  if (kind === "double") return items.reduce<number>((a, v) => a + (v as number), 0);
  let total = 0n;
  for (const v of items) {
    total += kind === "int" ? (v as bigint) : (v as Uint).value;
    if (kind === "int" ? total < INT64_MIN || total > INT64_MAX : total > UINT64_MAX) {
      return new Err(kind === "int" ? "integer overflow" : "unsigned integer overflow");
    }
  }
  return kind === "int" ? total : new Uint(total);
}

export const STRINGS: Record<string, Impl> = {
  list_join: ([l]) => (l as List).items.join(""),
  list_join_string: ([l, sep]) => (l as List).items.join(str(sep)),
  sum_list_int64: ([l]) => sum((l as List).items, "int"),
  sum_list_uint64: ([l]) => sum((l as List).items, "uint"),
  sum_list_double: ([l]) => sum((l as List).items, "double"),
};
