// CEL standard functions other than operators: size, string predicates,
// type conversions, `type()` (`matches` runs in the bundle's regex helper;
// string <-> timestamp and duration in its time helpers).

import { base64Encode } from "../lib/base64.js";
import { formatDouble } from "../lib/format-double.js";
import { formatDuration, formatTimestamp, isTimestampInRange } from "../lib/time.js";
import { utf8Decode, utf8Encode } from "../lib/utf8.js";
import type { Impl } from "./library.js";
import { CMap, Duration, Err, INT64_MAX, INT64_MIN, List, Timestamp, TypeValue, Uint, UINT64_MAX, typeName, type Value } from "./values.js";

export function codePoints(s: string): number {
  let n = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 0xd800 && c <= 0xdbff && k + 1 < s.length) {
      const next = s.charCodeAt(k + 1);
      if (next >= 0xdc00 && next <= 0xdfff) k++;
    }
    n++;
  }
  return n;
}

const size: Impl = ([v]) => {
  if (typeof v === "string") return BigInt(codePoints(v));
  if (v instanceof Uint8Array) return BigInt(v.length);
  return BigInt((v as List | CMap).size);
};

function intOf(n: bigint): Value {
  return n < INT64_MIN || n > INT64_MAX ? new Err("integer overflow") : n;
}

function doubleToInt(d: number): Value {
  if (!Number.isFinite(d) || d <= -9223372036854775808.5 - 1024 || d >= 9223372036854775807) return new Err("integer overflow");
  return intOf(BigInt(Math.trunc(d)));
}

function doubleToUint(d: number): Value {
  // Every negative double is out of range, -0.5 included (cel-go rejects v < 0 before truncating).
  if (!Number.isFinite(d) || d < 0 || d >= 18446744073709551615) return new Err("unsigned integer overflow");
  return new Uint(BigInt(Math.trunc(d)));
}

const INT_TEXT = /^[+-]?[0-9]+$/;

function parseInt64(s: string): Value {
  if (!INT_TEXT.test(s)) return new Err(`cannot convert ${JSON.stringify(s)} to int`);
  return intOf(BigInt(s)) instanceof Err ? new Err(`cannot convert ${JSON.stringify(s)} to int: out of range`) : BigInt(s);
}

function parseUint64(s: string): Value {
  // No sign at all, as Go's strconv.ParseUint (which cel-go uses) reads it.
  if (!/^[0-9]+$/.test(s)) return new Err(`cannot convert ${JSON.stringify(s)} to uint`);
  const n = BigInt(s);
  return n > UINT64_MAX ? new Err(`cannot convert ${JSON.stringify(s)} to uint: out of range`) : new Uint(n);
}

function parseDouble(s: string): Value {
  const t = s.trim();
  if (t !== s || t === "" || !/^[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?|inf|infinity|nan)$/i.test(t)) {
    return new Err(`cannot convert ${JSON.stringify(s)} to double`);
  }
  const lower = t.toLowerCase().replace(/^\+/, "");
  if (lower === "inf" || lower === "infinity") return Infinity;
  if (lower === "-inf" || lower === "-infinity") return -Infinity;
  if (lower === "nan") return NaN;
  return Number(t);
}

export function valueToString(v: Value): Value {
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "bigint") return v.toString();
  if (v instanceof Uint) return v.value.toString();
  if (typeof v === "number") return formatDouble(v);
  if (v instanceof Uint8Array) {
    const s = utf8Decode(v);
    return s === null ? new Err("invalid UTF-8 in bytes, cannot convert to string") : s;
  }
  if (v instanceof Timestamp) return formatTimestamp(v.nanos);
  if (v instanceof Duration) return formatDuration(v.nanos);
  return new Err(`no such overload: string(${typeName(v)})`);
}

export const STANDARD: Record<string, Impl> = {
  size_string: size,
  size_bytes: size,
  size_list: size,
  size_map: size,
  string_size: size,
  bytes_size: size,
  list_size: size,
  map_size: size,
  contains_string: ([s, t]) => (s as string).includes(t as string),
  starts_with_string: ([s, t]) => (s as string).startsWith(t as string),
  ends_with_string: ([s, t]) => (s as string).endsWith(t as string),
  int64_to_int64: ([v]) => v!,
  uint64_to_int64: ([v]) => intOf((v as Uint).value),
  double_to_int64: ([v]) => doubleToInt(v as number),
  string_to_int64: ([v]) => parseInt64(v as string),
  timestamp_to_int64: ([v]) => (v as Timestamp).nanos / 1_000_000_000n - ((v as Timestamp).nanos % 1_000_000_000n < 0n ? 1n : 0n),
  duration_to_int64: ([v]) => (v as Duration).nanos,
  uint64_to_uint64: ([v]) => v!,
  int64_to_uint64: ([v]) => ((v as bigint) < 0n ? new Err("unsigned integer overflow") : new Uint(v as bigint)),
  double_to_uint64: ([v]) => doubleToUint(v as number),
  string_to_uint64: ([v]) => parseUint64(v as string),
  double_to_double: ([v]) => v!,
  int64_to_double: ([v]) => Number(v as bigint),
  uint64_to_double: ([v]) => Number((v as Uint).value),
  string_to_double: ([v]) => parseDouble(v as string),
  bool_to_bool: ([v]) => v!,
  string_to_bool: ([v]) => {
    const s = v as string;
    if (["true", "True", "TRUE", "t", "1"].includes(s)) return true;
    if (["false", "False", "FALSE", "f", "0"].includes(s)) return false;
    return new Err(`cannot convert ${JSON.stringify(s)} to bool`);
  },
  string_to_string: ([v]) => valueToString(v!),
  bool_to_string: ([v]) => valueToString(v!),
  int64_to_string: ([v]) => valueToString(v!),
  uint64_to_string: ([v]) => valueToString(v!),
  double_to_string: ([v]) => valueToString(v!),
  bytes_to_string: ([v]) => valueToString(v!),
  // Also in the bundle's time helpers; these serve message holes in bundles without them (runtime/engine/helpers.ts).
  timestamp_to_string: ([v]) => valueToString(v!),
  duration_to_string: ([v]) => valueToString(v!),
  bytes_to_bytes: ([v]) => v!,
  string_to_bytes: ([v]) => utf8Encode(v as string),
  timestamp_to_timestamp: ([v]) => v!,
  int64_to_timestamp: ([v]) => {
    const n = (v as bigint) * 1_000_000_000n;
    return isTimestampInRange(n) ? new Timestamp(n) : new Err("timestamp out of range");
  },
  duration_to_duration: ([v]) => v!,
  to_dyn: ([v]) => v!,
  type: ([v]) => new TypeValue(typeName(v!)),
};

export { base64Encode };
