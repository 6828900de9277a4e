// Operator overloads (CEL standard definitions): equality, ordering,
// arithmetic with int64/uint64 overflow checks, membership, negation.

import { isDurationInRange, isTimestampInRange } from "../lib/time.js";
import { compareUtf8 } from "../lib/utf8.js";
import type { Impl } from "./library.js";
import { CMap, Duration, Err, INT64_MAX, INT64_MIN, List, Optional, Timestamp, TypeValue, Uint, UINT64_MAX, mapLookup, type Value } from "./values.js";

function numeric(v: Value): bigint | number | null {
  if (typeof v === "bigint" || typeof v === "number") return v;
  if (v instanceof Uint) return v.value;
  return null;
}

export function equal(a: Value, b: Value): boolean {
  // Strings are most of the comparisons policies make: no numeric or container tests for them.
  if (typeof a === "string") return a === b;
  const x = numeric(a);
  if (x !== null) {
    const y = numeric(b);
    if (y === null) return false;
    return compareMixed(x, y) === 0;
  }
  if (a instanceof List) return b instanceof List && a.size === b.size && a.items.every((v, i) => equal(v, b.items[i]!));
  if (a instanceof CMap) {
    if (!(b instanceof CMap) || a.size !== b.size) return false;
    for (const { key, value } of a.entries()) {
      const other = mapLookup(b, key);
      if (other === undefined || !equal(value, other)) return false;
    }
    return true;
  }
  if (a instanceof Timestamp) return b instanceof Timestamp && a.nanos === b.nanos;
  if (a instanceof Duration) return b instanceof Duration && a.nanos === b.nanos;
  if (a instanceof Uint8Array) return b instanceof Uint8Array && a.length === b.length && a.every((x, i) => x === b[i]);
  if (a instanceof Optional) {
    if (!(b instanceof Optional)) return false;
    if (a.value === undefined || b.value === undefined) return a.value === b.value;
    return equal(a.value, b.value);
  }
  if (a instanceof TypeValue) return b instanceof TypeValue && a.name === b.name;
  return a === b;
}

/**
 * Comparison of numbers of any CEL numeric type (NaN compares as NaN).
 * Integers compare exactly; an integer against a double compares as doubles,
 * as cel-go does (so 2^63 - 1 equals 2^63 as a double).
 */
export function compareMixed(x: bigint | number, y: bigint | number): number {
  if (typeof x === "bigint" && typeof y === "bigint") return x < y ? -1 : x > y ? 1 : 0;
  const a = Number(x);
  const b = Number(y);
  return a < b ? -1 : a > b ? 1 : a === b ? 0 : NaN;
}

function order(a: Value, b: Value): number {
  const x = numeric(a);
  const y = numeric(b);
  if (x !== null && y !== null) return compareMixed(x, y);
  if (typeof a === "string") return compareUtf8(a, b as string);
  if (typeof a === "boolean") return Number(a) - Number(b);
  if (a instanceof Timestamp) return cmpBig(a.nanos, (b as Timestamp).nanos);
  if (a instanceof Duration) return cmpBig(a.nanos, (b as Duration).nanos);
  if (a instanceof Uint8Array) {
    const c = b as Uint8Array;
    for (let i = 0; i < Math.min(a.length, c.length); i++) if (a[i] !== c[i]) return a[i]! - c[i]!;
    return a.length - c.length;
  }
  return NaN;
}

const cmpBig = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);

function int(n: bigint): Value {
  return n < INT64_MIN || n > INT64_MAX ? new Err("integer overflow") : n;
}
function uint(n: bigint): Value {
  return n < 0n || n > UINT64_MAX ? new Err("unsigned integer overflow") : new Uint(n);
}
function ts(n: bigint): Value {
  return isTimestampInRange(n) ? new Timestamp(n) : new Err("timestamp out of range");
}
function dur(n: bigint): Value {
  return isDurationInRange(n) ? new Duration(n) : new Err("duration out of range");
}

const u = (v: Value) => (v as Uint).value;
const i = (v: Value) => v as bigint;
const d = (v: Value) => v as number;

export const OPERATORS: Record<string, Impl> = {
  equals: ([a, b]) => equal(a!, b!),
  not_equals: ([a, b]) => !equal(a!, b!),
  logical_not: ([a]) => !a,
  negate_int64: ([a]) => int(-i(a!)),
  negate_double: ([a]) => -d(a!),
  add_int64: ([a, b]) => int(i(a!) + i(b!)),
  add_uint64: ([a, b]) => uint(u(a!) + u(b!)),
  add_double: ([a, b]) => d(a!) + d(b!),
  add_string: ([a, b]) => (a as string) + (b as string),
  add_bytes: ([a, b]) => {
    const x = a as Uint8Array;
    const y = b as Uint8Array;
    const out = new Uint8Array(x.length + y.length);
    out.set(x);
    out.set(y, x.length);
    return out;
  },
  add_list: ([a, b]) => new List([...(a as List).items, ...(b as List).items]),
  add_timestamp_duration: ([a, b]) => ts((a as Timestamp).nanos + (b as Duration).nanos),
  add_duration_timestamp: ([a, b]) => ts((a as Duration).nanos + (b as Timestamp).nanos),
  add_duration_duration: ([a, b]) => dur((a as Duration).nanos + (b as Duration).nanos),
  subtract_int64: ([a, b]) => int(i(a!) - i(b!)),
  subtract_uint64: ([a, b]) => uint(u(a!) - u(b!)),
  subtract_double: ([a, b]) => d(a!) - d(b!),
  subtract_timestamp_timestamp: ([a, b]) => dur((a as Timestamp).nanos - (b as Timestamp).nanos),
  subtract_timestamp_duration: ([a, b]) => ts((a as Timestamp).nanos - (b as Duration).nanos),
  subtract_duration_duration: ([a, b]) => dur((a as Duration).nanos - (b as Duration).nanos),
  multiply_int64: ([a, b]) => int(i(a!) * i(b!)),
  multiply_uint64: ([a, b]) => uint(u(a!) * u(b!)),
  multiply_double: ([a, b]) => d(a!) * d(b!),
  divide_int64: ([a, b]) => (i(b!) === 0n ? new Err("division by zero") : int(i(a!) / i(b!))),
  divide_uint64: ([a, b]) => (u(b!) === 0n ? new Err("division by zero") : new Uint(u(a!) / u(b!))),
  divide_double: ([a, b]) => d(a!) / d(b!),
  // MIN % -1 overflows like MIN / -1 (cel-go checks both), although the remainder 0 would fit.
  modulo_int64: ([a, b]) => (i(b!) === 0n ? new Err("modulus by zero") : i(b!) === -1n && i(a!) === INT64_MIN ? new Err("integer overflow") : int(i(a!) % i(b!))),
  modulo_uint64: ([a, b]) => (u(b!) === 0n ? new Err("modulus by zero") : new Uint(u(a!) % u(b!))),
  in_list: ([v, l]) => (l as List).items.some((x) => equal(v!, x)),
  in_map: ([k, m]) => mapLookup(m as CMap, k!) !== undefined,
};

for (const [prefix, test] of [
  ["less", (c: number) => c < 0],
  ["less_equals", (c: number) => c <= 0],
  ["greater", (c: number) => c > 0],
  ["greater_equals", (c: number) => c >= 0],
] as const) {
  const impl: Impl = ([a, b]) => test(order(a!, b!));
  for (const t of ["bool", "int64", "uint64", "double", "string", "bytes", "timestamp", "duration"]) OPERATORS[`${prefix}_${t}`] = impl;
  for (const x of ["int64", "uint64", "double"]) for (const y of ["int64", "uint64", "double"]) if (x !== y) OPERATORS[`${prefix}_${x}_${y}`] = impl;
}
