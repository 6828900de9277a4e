// The rest of the library: CEL's math extension, timestamp and duration
// accessors, optional values, and `string.format`.

import { formatDouble } from "../lib/format-double.js";
import { timestampFields } from "../lib/time.js";
import { compareMixed } from "./lib-ops.js";
import type { Impl } from "./library.js";
import { valueToString } from "./lib-std.js";
import { CMap, Duration, Err, INT64_MAX, INT64_MIN, List, Optional, Timestamp, Uint, typeName, type Value } from "./values.js";

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
const ACCESSORS: [string, (f: NonNullable<ReturnType<typeof timestampFields>>) => number][] = [
  ["timestamp_to_year", (f) => f.year],
  ["timestamp_to_month", (f) => f.month - 1],
  ["timestamp_to_day_of_year", (f) => f.dayOfYear],
  ["timestamp_to_day_of_month", (f) => f.day - 1],
  ["timestamp_to_day_of_month_1_based", (f) => f.day],
  ["timestamp_to_day_of_week", (f) => f.dayOfWeek],
  ["timestamp_to_hours", (f) => f.hours],
  ["timestamp_to_minutes", (f) => f.minutes],
  ["timestamp_to_seconds", (f) => f.seconds],
  ["timestamp_to_milliseconds", (f) => f.millis],
];
for (const [id, pick] of ACCESSORS) {
  const get = (t: Value | undefined, tz?: Value): Value => {
    const fields = timestampFields((t as Timestamp).nanos, tz as string | undefined);
    return fields === null ? new Err(`unknown time zone ${JSON.stringify(tz)}`) : BigInt(pick(fields));
  };
  TIME[id] = ([t]) => get(t);
  TIME[id === "timestamp_to_seconds" ? "timestamp_to_seconds_tz" : `${id}_with_tz`] = ([t, tz]) => get(t, tz);
}
const nanos = (v: Value | undefined) => (v as Duration).nanos;
Object.assign(TIME, {
  duration_to_hours: ([v]) => nanos(v) / 3_600_000_000_000n,
  duration_to_minutes: ([v]) => nanos(v) / 60_000_000_000n,
  duration_to_seconds: ([v]) => nanos(v) / 1_000_000_000n,
  duration_to_milliseconds: ([v]) => nanos(v) / 1_000_000n,
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
  optional_value: ([o]) => (o as Optional).value ?? new Err("optional.none() dereference"),
  optional_hasValue: ([o]) => (o as Optional).value !== undefined,
  optional_or_optional: ([a, b]) => ((a as Optional).value !== undefined ? a! : b!),
  optional_orValue_value: ([a, b]) => (a as Optional).value ?? b!,
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

function formatOne(verb: string, v: Value, precision: number | undefined): string | Err {
  switch (verb) {
    case "s": {
      const s = v instanceof List ? `[${v.items.map((x) => formatOne("s", x, undefined)).join(", ")}]` : valueToString(v);
      return s instanceof Err ? s : String(s);
    }
    case "d":
      if (typeof v === "bigint" || v instanceof Uint) return num(v).toString();
      return new Err(`format: %d needs an integer, got ${typeName(v)}`);
    case "f":
    case "e": {
      const x = typeof v === "number" ? v : typeof v === "bigint" || v instanceof Uint ? Number(num(v)) : NaN;
      if (typeof v !== "number" && typeof v !== "bigint" && !(v instanceof Uint)) return new Err(`format: %${verb} needs a number, got ${typeName(v)}`);
      if (!Number.isFinite(x)) return formatDouble(x).replace("+Inf", "Infinity").replace("-Inf", "-Infinity");
      return verb === "f" ? x.toFixed(precision ?? 6) : x.toExponential(precision ?? 6).replace(/e([+-])(\d)$/, "e$10$2");
    }
    case "x":
    case "X":
    case "o":
    case "b": {
      const radix = verb === "o" ? 8 : verb === "b" ? 2 : 16;
      let s: string;
      if (typeof v === "bigint" || v instanceof Uint) s = num(v).toString(radix);
      else if (typeof v === "string") s = [...new TextEncoder().encode(v)].map((b) => b.toString(16).padStart(2, "0")).join("");
      else if (v instanceof Uint8Array) s = [...v].map((b) => b.toString(16).padStart(2, "0")).join("");
      else return new Err(`format: %${verb} cannot format ${typeName(v)}`);
      return verb === "X" ? s.toUpperCase() : s;
    }
    default:
      return new Err(`format: unrecognized formatting clause "%${verb}"`);
  }
}

export const MORE: Record<string, Impl> = {
  ...MATH,
  ...TIME,
  ...OPTIONAL,
  string_format: ([s, l]) => format(s as string, (l as List).items),
};
