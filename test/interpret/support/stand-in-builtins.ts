// A few library overloads, enough for the interpreter core's tests to run
// without depending on the builtins engineer's registry (tested on its own
// in test/interpret/builtins). Deliberately small and obviously correct.

import type { Builtin, BuiltinLookup } from "../../../compiler/interpret/env.js";
import { formatTimestamp, parseTimestamp } from "../../../runtime/lib/time.js";
import { CelError, CelList, CelMap, CelOptional, CelTimestamp, CelUint, type CelValue } from "../../../compiler/values.js";
import { mapLookup } from "../../../compiler/interpret/access.js";

function equal(a: CelValue, b: CelValue): boolean {
  if (typeof a === "bigint" || typeof a === "number" || a instanceof CelUint) {
    const x = a instanceof CelUint ? a.value : a;
    const y = b instanceof CelUint ? b.value : b;
    if (typeof y !== "bigint" && typeof y !== "number") return false;
    return typeof x === "number" || typeof y === "number" ? Number(x) === Number(y) : x === y;
  }
  if (a instanceof CelList) return b instanceof CelList && a.size === b.size && a.items.every((v, i) => equal(v, b.items[i]!));
  if (a instanceof CelMap) {
    if (!(b instanceof CelMap) || a.size !== b.size) return false;
    for (const { key, value } of a.entries()) {
      const other = mapLookup(b, key);
      if (other === undefined || !equal(value, other)) return false;
    }
    return true;
  }
  if (a instanceof CelTimestamp) return b instanceof CelTimestamp && a.nanos === b.nanos;
  return a === b;
}

const int = (f: (a: bigint, b: bigint) => bigint): Builtin => (args) => f(args[0] as bigint, args[1] as bigint);
const cmp = (f: (a: number, b: number) => boolean): Builtin => (args) => f(Number(args[0]), Number(args[1]));

const TABLE: Record<string, Builtin> = {
  equals: ([a, b]) => equal(a!, b!),
  not_equals: ([a, b]) => !equal(a!, b!),
  logical_not: ([a]) => !a,
  negate_int64: ([a]) => -(a as bigint),
  add_int64: int((a, b) => a + b),
  subtract_int64: int((a, b) => a - b),
  multiply_int64: int((a, b) => a * b),
  divide_int64: ([a, b]) => (b === 0n ? new CelError("division by zero") : (a as bigint) / (b as bigint)),
  add_string: ([a, b]) => (a as string) + (b as string),
  add_list: ([a, b]) => new CelList([...(a as CelList).items, ...(b as CelList).items]),
  add_double: ([a, b]) => (a as number) + (b as number),
  less_int64: cmp((a, b) => a < b),
  less_equals_int64: cmp((a, b) => a <= b),
  greater_int64: cmp((a, b) => a > b),
  greater_equals_int64: cmp((a, b) => a >= b),
  greater_double: cmp((a, b) => a > b),
  less_double: cmp((a, b) => a < b),
  size_string: ([s]) => BigInt([...(s as string)].length),
  size_list: ([l]) => BigInt((l as CelList).size),
  list_size: ([l]) => BigInt((l as CelList).size),
  string_size: ([s]) => BigInt([...(s as string)].length),
  size_map: ([m]) => BigInt((m as CelMap).size),
  in_list: ([v, l]) => (l as CelList).items.some((x) => equal(v!, x)),
  in_map: ([k, m]) => mapLookup(m as CelMap, k!) !== undefined,
  contains_string: ([s, t]) => (s as string).includes(t as string),
  starts_with_string: ([s, t]) => (s as string).startsWith(t as string),
  ends_with_string: ([s, t]) => (s as string).endsWith(t as string),
  string_split_string: ([s, sep]) => new CelList((s as string).split(sep as string)),
  string_to_string: ([s]) => s!,
  int64_to_string: ([i]) => (i as bigint).toString(),
  uint64_to_string: ([u]) => (u as CelUint).value.toString(),
  bool_to_string: ([b]) => String(b),
  double_to_string: ([d]) => String(d),
  timestamp_to_string: ([t]) => formatTimestamp((t as CelTimestamp).nanos),
  int64_to_double: ([i]) => Number(i as bigint),
  optional_of: ([v]) => new CelOptional(v),
  optional_none: () => new CelOptional(undefined),
  optional_hasValue: ([o]) => (o as CelOptional).hasValue,
  optional_value: ([o]) => (o as CelOptional).value ?? new CelError("optional.none() dereference"),
  optional_orValue_value: ([o, v]) => (o as CelOptional).value ?? v!,
  to_dyn: ([v]) => v!,
  modulo_int64: ([a, b]) => (b === 0n ? new CelError("modulus by zero") : (a as bigint) % (b as bigint)),
  map_size: ([m]) => BigInt((m as CelMap).size),
  greater_timestamp: ([a, b]) => (a as CelTimestamp).nanos > (b as CelTimestamp).nanos,
  string_to_timestamp: ([s]) => new CelTimestamp(parseTimestamp(s as string)!),
  less_timestamp: ([a, b]) => (a as CelTimestamp).nanos < (b as CelTimestamp).nanos,
};

export const standInBuiltins: BuiltinLookup = (id) => TABLE[id];
