// The rest of the library: CEL's math extension, duration accessors (the
// timestamp ones run in the bundle's time helpers, runtime/engine/helper-time.ts),
// optional values, and `string.format`.

import { compareMixed } from "./lib-ops.js";
import type { Impl } from "./library.js";
import { valueToString } from "./lib-std.js";
import { CMap, Duration, Err, INT64_MAX, INT64_MIN, List, Optional, Timestamp, TypeValue, Uint, typeName, type Value } from "./values.js";

const num = (v: Value) => (v instanceof Uint ? v.value : (v as bigint | number));

function extremum(values: readonly Value[], greatest: boolean): Value {
  if (values.length === 0) return new Err(`math.${greatest ? "greatest" : "least"}() requires at least one argument`);
  let best: Value = values[0]!;
  for (const v of values.slice(1)) {
    const c = compareMixed(num(v), num(best));
    if (Number.isNaN(c)) return typeof v === "number" && Number.isNaN(v) ? v : best;
    if (greatest ? c > 0 : c < 0) best = v;
  }
  return best;
}

const MATH: Record<string, Impl> = {};
for (const [stem, greatest] of [["math_@max", true], ["math_@min", false]] as const) {
  const spread: Impl = (args) => extremum(args, greatest);
  const listed: Impl = ([l]) => extremum((l as List).items, greatest);
  for (const t of ["int", "uint", "double"]) {
    MATH[`${stem}_${t}`] = spread;
    MATH[`${stem}_list_${t}`] = listed;
    MATH[`${stem}_${t}_n`] = spread;
    for (const u of ["int", "uint", "double"]) MATH[`${stem}_${t}_${u}`] = spread;
  }
  MATH[`${stem}_dyn_n`] = spread;
  MATH[`${stem}_list_dyn`] = ([l]) => {
    const items = (l as List).items;
    const odd = items.find((v) => typeof v !== "bigint" && typeof v !== "number" && !(v instanceof Uint));
    if (odd !== undefined) return new Err(`no such overload: math.${greatest ? "greatest" : "least"}(list) with an element of type ${typeName(odd)}`);
    return extremum(items, greatest);
  };
}

const d = (v: Value | undefined) => v as number;
const int = (n: bigint): Value => (n < INT64_MIN || n > INT64_MAX ? new Err("integer overflow") : n);
const U64 = (1n << 64n) - 1n;

Object.assign(MATH, {
  math_ceil_double: ([v]) => Math.ceil(d(v)),
  math_floor_double: ([v]) => Math.floor(d(v)),
  math_round_double: ([v]) => {
    const x = d(v);
    return Number.isFinite(x) ? Math.sign(x) * Math.round(Math.abs(x)) : x;
  },
  math_trunc_double: ([v]) => Math.trunc(d(v)),
  math_isNaN_double: ([v]) => Number.isNaN(d(v)),
  math_isInf_double: ([v]) => Math.abs(d(v)) === Infinity,
  math_isFinite_double: ([v]) => Number.isFinite(d(v)),
  math_abs_int: ([v]) => int((v as bigint) < 0n ? -(v as bigint) : (v as bigint)),
  math_abs_uint: ([v]) => v!,
  math_abs_double: ([v]) => Math.abs(d(v)),
  math_sign_int: ([v]) => ((v as bigint) > 0n ? 1n : (v as bigint) < 0n ? -1n : 0n),
  math_sign_uint: ([v]) => new Uint((v as Uint).value > 0n ? 1n : 0n),
  math_sign_double: ([v]) => (Number.isNaN(d(v)) ? NaN : d(v) > 0 ? 1 : d(v) < 0 ? -1 : 0),
  math_sqrt_int: ([v]) => Math.sqrt(Number(v as bigint)),
  math_sqrt_uint: ([v]) => Math.sqrt(Number((v as Uint).value)),
  math_sqrt_double: ([v]) => Math.sqrt(d(v)),
  math_bitNot_int_int: ([v]) => ~(v as bigint),
  math_bitNot_uint_uint: ([v]) => new Uint(~(v as Uint).value & U64),
} satisfies Record<string, Impl>);

for (const [op, f] of [
  ["bitAnd", (a: bigint, b: bigint) => a & b],
  ["bitOr", (a: bigint, b: bigint) => a | b],
  ["bitXor", (a: bigint, b: bigint) => a ^ b],
] as const) {
  MATH[`math_${op}_int_int`] = ([a, b]) => f(a as bigint, b as bigint);
  MATH[`math_${op}_uint_uint`] = ([a, b]) => new Uint(f((a as Uint).value, (b as Uint).value));
}
// Shifts are logical on both int and uint (cel-go: the sign bit is not kept by a right shift); 64 or more bits give 0.
for (const left of [true, false]) {
  const op = left ? "bitShiftLeft" : "bitShiftRight";
  const shift = (bits: bigint, n: bigint): bigint | Err => {
    if (n < 0n) return new Err(`math.${op}() negative offset: ${n}`);
    if (n >= 64n) return 0n;
    return left ? BigInt.asUintN(64, bits << n) : bits >> n;
  };
  MATH[`math_${op}_int_int`] = ([x, n]) => {
    const r = shift(BigInt.asUintN(64, x as bigint), n as bigint);
    return r instanceof Err ? r : BigInt.asIntN(64, r);
  };
  MATH[`math_${op}_uint_int`] = ([x, n]) => {
    const r = shift((x as Uint).value, n as bigint);
    return r instanceof Err ? r : new Uint(r);
  };
}

const TIME: Record<string, Impl> = {};
const nanos = (v: Value | undefined) => (v as Duration).nanos;
Object.assign(TIME, {
  duration_to_hours: ([v]) => nanos(v) / 3_600_000_000_000n,
  duration_to_minutes: ([v]) => nanos(v) / 60_000_000_000n,
  duration_to_seconds: ([v]) => nanos(v) / 1_000_000_000n,
  // cel-go: the millisecond part of the duration, unlike the other accessors (totals).
  duration_to_milliseconds: ([v]) => (nanos(v) / 1_000_000n) % 1000n,
} satisfies Record<string, Impl>);

function isZero(v: Value): boolean {
  if (v === null || v === false || v === "" || v === 0n || v === 0) return true;
  if (v instanceof Uint) return v.value === 0n;
  if (v instanceof Uint8Array || v instanceof List || v instanceof CMap) return (v instanceof Uint8Array ? v.length : v.size) === 0;
  if (v instanceof Timestamp || v instanceof Duration) return v.nanos === 0n;
  return false;
}

const OPTIONAL: Record<string, Impl> = {
  optional_of: ([v]) => new Optional(v),
  optional_ofNonZeroValue: ([v]) => new Optional(isZero(v!) ? undefined : v),
  optional_none: () => new Optional(undefined),
  // `=== undefined`, not `??`: an optional may hold null (`optional.of(null)`, `x.?f` with f: null).
  optional_value: ([o]) => ((o as Optional).value === undefined ? new Err("optional.none() dereference") : (o as Optional).value!),
  optional_hasValue: ([o]) => (o as Optional).value !== undefined,
  optional_or_optional: ([a, b]) => ((a as Optional).value !== undefined ? a! : b!),
  optional_orValue_value: ([a, b]) => ((a as Optional).value === undefined ? b! : (a as Optional).value!),
};

/** `"%s is %d".format([a, b])`: cel-go's verbs s d f e x X o b, with `%.Nf` precision. */
function format(template: string, args: readonly Value[]): Value {
  let out = "";
  let next = 0;
  for (let k = 0; k < template.length; k++) {
    const c = template[k]!;
    if (c !== "%") {
      out += c;
      continue;
    }
    let precision: number | undefined;
    let j = k + 1;
    if (template[j] === "%") {
      out += "%";
      k = j;
      continue;
    }
    if (template[j] === ".") {
      let digits = "";
      for (j++; j < template.length && template[j]! >= "0" && template[j]! <= "9"; j++) digits += template[j];
      precision = Number(digits);
    }
    const verb = template[j];
    if (verb === undefined) return new Err("format: unterminated format verb");
    if (next >= args.length) return new Err(`index ${next} out of range`);
    const arg = args[next++]!;
    const piece = formatOne(verb, arg, precision);
    if (piece instanceof Err) return piece;
    out += piece;
    k = j;
  }
  return out;
}

const nonFinite = (x: number) => (Number.isNaN(x) ? "NaN" : x > 0 ? "Infinity" : "-Infinity");

/** `%s` of any value, as cel-go's format renders it (lists and maps recursively, map entries by key text). */
function formatString(v: Value): string | Err {
  if (v === null) return "null";
  if (typeof v === "number" && !Number.isFinite(v)) return nonFinite(v);
  if (v instanceof TypeValue) return v.name;
  if (v instanceof List) {
    const items: string[] = [];
    for (const item of v.items) {
      const s = formatString(item);
      if (s instanceof Err) return s;
      items.push(s);
    }
    return `[${items.join(", ")}]`;
  }
  if (v instanceof CMap) {
    const entries: [string, string][] = [];
    for (const { key, value } of v.entries()) {
      const k = formatString(key);
      const val = formatString(value);
      if (k instanceof Err) return k;
      if (val instanceof Err) return val;
      entries.push([k, val]);
    }
    entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return `{${entries.map(([k, val]) => `${k}: ${val}`).join(", ")}}`;
  }
  const s = valueToString(v);
  return s instanceof Err ? s : String(s);
}

/** `x.toFixed(p)`, but an exact halfway rounds to even, as Go's %f does. */
function fixed(x: number, p: number): string {
  const plain = x.toFixed(p);
  const wide = Math.abs(x).toFixed(Math.min(100, p + 25));
  const tail = wide.slice(wide.length - 25);
  if (tail !== "5".padEnd(25, "0")) return plain;
  const down = (Math.abs(x) - 5 * 10 ** -(p + 1)).toFixed(p);
  const last = Number(down[down.length - 1]);
  const even = last % 2 === 0 ? down : plain.replace("-", "");
  return (x < 0 ? "-" : "") + even;
}

function formatOne(verb: string, v: Value, precision: number | undefined): string | Err {
  const given = () => typeName(v);
  switch (verb) {
    case "s":
      return formatString(v);
    case "d":
      if (typeof v === "bigint" || v instanceof Uint) return num(v).toString();
      if (typeof v === "number" && !Number.isFinite(v)) return nonFinite(v);
      return new Err(`error during formatting: decimal clause can only be used on integers, was given ${given()}`);
    case "f":
    case "e": {
      if (typeof v !== "number" && typeof v !== "bigint" && !(v instanceof Uint)) {
        return new Err(`error during formatting: ${verb === "f" ? "fixed-point" : "scientific"} clause can only be used on doubles, was given ${given()}`);
      }
      const x = typeof v === "number" ? v : Number(num(v));
      if (!Number.isFinite(x)) return nonFinite(x);
      return verb === "f" ? fixed(x, precision ?? 6) : x.toExponential(precision ?? 6).replace(/e([+-])(\d)$/, "e$10$2");
    }
    case "b":
      if (typeof v === "boolean") return v ? "1" : "0";
      if (typeof v === "bigint" || v instanceof Uint) return num(v).toString(2);
      return new Err(`error during formatting: only integers and bools can be formatted as binary, was given ${given()}`);
    case "o":
      if (typeof v === "bigint" || v instanceof Uint) return num(v).toString(8);
      return new Err(`error during formatting: octal clause can only be used on integers, was given ${given()}`);
    case "x":
    case "X": {
      let s: string;
      if (typeof v === "bigint" || v instanceof Uint) s = num(v).toString(16);
      else if (typeof v === "string") s = [...new TextEncoder().encode(v)].map((b) => b.toString(16).padStart(2, "0")).join("");
      else if (v instanceof Uint8Array) s = [...v].map((b) => b.toString(16).padStart(2, "0")).join("");
      else return new Err(`error during formatting: only integers, byte buffers, and strings can be formatted as hex, was given ${given()}`);
      return verb === "X" ? s.toUpperCase() : s;
    }
    default:
      return new Err(`could not parse formatting clause: unrecognized formatting clause "${verb}"`);
  }
}

export const MORE: Record<string, Impl> = {
  ...MATH,
  ...TIME,
  ...OPTIONAL,
  string_format: ([s, l]) => format(s as string, (l as List).items),
};
