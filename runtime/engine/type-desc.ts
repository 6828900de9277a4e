// Static types as the bundle manifest records them (compact JSON), and the
// two things the runtime does with them: test whether a value fits an
// overload parameter (dynamic dispatch) and print them in messages.
//
//   "int" | "string" | ... | "dyn" | "param"      scalars, dyn, type parameters
//   "skip"                                         a map value the policy never reads (input conversion only)
//   ["list", T]  ["map", K, V]  ["opt", T]  ["type"]
//   ["rec", name | null, [[field, optional 0|1, T], ...]]

import { CMap, Duration, List, Optional, Timestamp, TypeValue, Uint, type Value } from "./values.js";

export type TypeDesc =
  | string
  | ["list", TypeDesc]
  | ["map", TypeDesc, TypeDesc]
  | ["opt", TypeDesc]
  | ["type"]
  | ["rec", string | null, [string, 0 | 1, TypeDesc][]];

const OPEN = new Set(["dyn", "param", "error"]);

export function descToString(t: TypeDesc): string {
  // A skipped map value accepts anything, so messages call it dyn (as the interpreter does).
  if (typeof t === "string") return t === "null" ? "null_type" : t === "skip" ? "dyn" : t;
  switch (t[0]) {
    case "list":
      return `list<${descToString(t[1])}>`;
    case "map":
      return `map<${descToString(t[1])}, ${descToString(t[2])}>`;
    case "opt":
      return `optional<${descToString(t[1])}>`;
    case "type":
      return "type";
    case "rec":
      return t[1] ?? `{ ${t[2].map(([n, o, f]) => `${n}${o ? "?" : ""}: ${descToString(f)}`).join(", ")} }`;
  }
}

/**
 * Does `v` fit parameter type `t`? Element types are checked only when
 * concrete. `declared`: as generated code relies on a declared type
 * (compiler/check/runtime-checks.ts), so a record's present fields must fit
 * their types too (absent ones fail when read).
 */
export function fits(v: Value, t: TypeDesc, declared = false): boolean {
  if (typeof t === "string") {
    switch (t) {
      case "bool":
        return typeof v === "boolean";
      case "int":
        return typeof v === "bigint";
      case "uint":
        return v instanceof Uint;
      case "double":
        return typeof v === "number";
      case "string":
        return typeof v === "string";
      case "bytes":
        return v instanceof Uint8Array;
      case "null":
        return v === null;
      case "timestamp":
        return v instanceof Timestamp;
      case "duration":
        return v instanceof Duration;
      default:
        return OPEN.has(t);
    }
  }
  switch (t[0]) {
    case "type":
      return v instanceof TypeValue;
    case "opt":
      return v instanceof Optional && (v.value === undefined || fits(v.value, t[1], declared));
    case "list":
      if (!(v instanceof List)) return false;
      return isOpen(t[1]) || v.items.every((item) => fits(item, t[1], declared));
    case "map":
      if (!(v instanceof CMap)) return false;
      if (isOpen(t[1]) && isOpen(t[2])) return true;
      for (const { key, value } of v.entries()) if (!fits(key, t[1], declared) || !fits(value, t[2], declared)) return false;
      return true;
    case "rec":
      if (!(v instanceof CMap)) return false;
      if (declared) {
        for (const [name, , field] of t[2]) {
          const value = v.get(name);
          if (value !== undefined && !fits(value, field, true)) return false;
        }
      }
      return true;
  }
}

function isOpen(t: TypeDesc): boolean {
  return typeof t === "string" && OPEN.has(t);
}
