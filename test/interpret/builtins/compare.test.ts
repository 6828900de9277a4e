import { describe, expect, it } from "vitest";
import { CelOptional, CelTypeValue } from "../../../compiler/values.js";
import { INT64_MAX, INT64_MIN, UINT64_MAX, bytes, call, dur, list, map, ts, u } from "./support.js";

const ORDER_OPS = ["less", "less_equals", "greater", "greater_equals"] as const;

/** The four orderings of a and b under one type suffix, as [<, <=, >, >=]. */
function order(suffix: string, a: Parameters<typeof call>[1], b: Parameters<typeof call>[1]): unknown[] {
  return ORDER_OPS.map((op) => call(`${op}_${suffix}`, a, b));
}

describe("ordering", () => {
  it("orders ints, uints, doubles, bools", () => {
    expect(order("int64", 1n, 2n)).toEqual([true, true, false, false]);
    expect(order("int64", INT64_MIN, INT64_MAX)).toEqual([true, true, false, false]);
    expect(order("uint64", u(UINT64_MAX), u(0))).toEqual([false, false, true, true]);
    expect(order("double", -0, 0)).toEqual([false, true, false, true]);
    expect(order("bool", false, true)).toEqual([true, true, false, false]);
    expect(order("bool", true, true)).toEqual([false, true, false, true]);
  });

  it("compares heterogeneous numbers by value", () => {
    expect(order("int64_uint64", -1n, u(0))).toEqual([true, true, false, false]);
    expect(order("uint64_int64", u(UINT64_MAX), INT64_MAX)).toEqual([false, false, true, true]);
    expect(order("int64_double", 2n, 2.5)).toEqual([true, true, false, false]);
    expect(order("double_int64", 2.0, 2n)).toEqual([false, true, false, true]);
    expect(order("uint64_double", u(3), -1.5)).toEqual([false, false, true, true]);
    expect(order("double_uint64", 1e300, u(UINT64_MAX))).toEqual([false, false, true, true]);
    expect(order("int64_double", INT64_MIN, -Infinity)).toEqual([false, false, true, true]);
  });

  it("compares int with double as doubles, as the conformance suite requires", () => {
    // cel-spec not_lt_dyn_int_big_lossy_double: dyn(9223372036854775807) < 9223372036854775808.0 is false.
    expect(order("int64_double", INT64_MAX, 9223372036854775808.0)).toEqual([false, true, false, true]);
    expect(order("double_int64", 9223372036854775808.0, INT64_MAX)).toEqual([false, true, false, true]);
    // Doubles beyond the integer range still order correctly.
    expect(order("int64_double", INT64_MAX, 1e19)).toEqual([true, true, false, false]);
    expect(order("uint64_double", u(0), -1e-300)).toEqual([false, false, true, true]);
  });

  it("makes every comparison with NaN false", () => {
    for (const suffix of ["double", "int64_double", "double_int64", "uint64_double", "double_uint64"]) {
      const [a, b] = suffix.startsWith("double") ? [NaN, suffix.endsWith("uint64") ? u(1) : suffix === "double" ? NaN : 1n] : [suffix.startsWith("int") ? 1n : u(1), NaN];
      expect(order(suffix, a!, b!)).toEqual([false, false, false, false]);
    }
  });

  it("orders strings by code point, not UTF-16 unit", () => {
    // U+FFFF < U+1F600, although its UTF-16 unit 0xFFFF is above the surrogate 0xD83D.
    expect(order("string", "\uffff", "😀")).toEqual([true, true, false, false]);
    expect(order("string", "a", "ab")).toEqual([true, true, false, false]);
    expect(order("string", "B", "a")).toEqual([true, true, false, false]);
    expect(order("string", "", "")).toEqual([false, true, false, true]);
  });

  it("orders bytes lexicographically as unsigned", () => {
    expect(order("bytes", bytes(0x7f), bytes(0x80))).toEqual([true, true, false, false]);
    expect(order("bytes", bytes(1, 2), bytes(1))).toEqual([false, false, true, true]);
    expect(order("bytes", bytes(), bytes())).toEqual([false, true, false, true]);
  });

  it("orders timestamps and durations", () => {
    expect(order("timestamp", ts("1969-12-31T23:59:59.999Z"), ts("1970-01-01T00:00:00Z"))).toEqual([true, true, false, false]);
    expect(order("duration", dur("-1ns"), dur("0s"))).toEqual([true, true, false, false]);
    expect(order("duration", dur("60s"), dur("1m"))).toEqual([false, true, false, true]);
  });
});

describe("equality", () => {
  const eq = (a: Parameters<typeof call>[1], b: Parameters<typeof call>[1]) => {
    const r = call("equals", a, b);
    expect(call("not_equals", a, b)).toBe(!r);
    return r;
  };

  it("equates numbers across int, uint and double by value", () => {
    expect(eq(1n, u(1))).toBe(true);
    expect(eq(u(1), 1.0)).toBe(true);
    expect(eq(1n, 1.0)).toBe(true);
    expect(eq(-1n, u(UINT64_MAX))).toBe(false);
    expect(eq(1n, 1.5)).toBe(false);
    expect(eq(0, -0)).toBe(true);
  });

  it("never equates NaN, not even with itself", () => {
    expect(eq(NaN, NaN)).toBe(false);
    expect(eq(list(NaN), list(NaN))).toBe(false);
  });

  it("is false across different kinds rather than an error", () => {
    expect(eq(1n, "1")).toBe(false);
    expect(eq(null, false)).toBe(false);
    expect(eq("abc", bytes(0x61, 0x62, 0x63))).toBe(false);
    expect(eq(list(), map())).toBe(false);
    expect(eq(null, null)).toBe(true);
    expect(eq(ts("2026-01-01T00:00:00Z"), dur("1s"))).toBe(false);
  });

  it("compares lists and maps deeply, maps regardless of insertion order", () => {
    expect(eq(list(1n, list("a")), list(1.0, list("a")))).toBe(true);
    expect(eq(list(1n), list(1n, 2n))).toBe(false);
    expect(eq(map(["a", 1n], ["b", 2n]), map(["b", 2n], ["a", 1n]))).toBe(true);
    expect(eq(map(["a", 1n]), map(["a", 2n]))).toBe(false);
    expect(eq(map(["a", 1n]), map(["b", 1n]))).toBe(false);
    expect(eq(map([1n, "x"]), map([u(1), "x"]))).toBe(true);
  });

  it("compares bytes, timestamps, durations, optionals and types by value", () => {
    expect(eq(bytes(1, 2), bytes(1, 2))).toBe(true);
    expect(eq(bytes(1, 2), bytes(1, 3))).toBe(false);
    expect(eq(ts("2026-01-01T00:00:00Z"), ts("2026-01-01T01:00:00+01:00"))).toBe(true);
    expect(eq(dur("1h"), dur("3600s"))).toBe(true);
    expect(eq(new CelOptional(1n), new CelOptional(1.0))).toBe(true);
    expect(eq(new CelOptional(undefined), new CelOptional(undefined))).toBe(true);
    expect(eq(new CelOptional(undefined), new CelOptional(null))).toBe(false);
    expect(eq(new CelTypeValue("int"), new CelTypeValue("int"))).toBe(true);
    expect(eq(new CelTypeValue("int"), new CelTypeValue("uint"))).toBe(false);
  });
});

describe("membership", () => {
  it("finds list elements by CEL equality", () => {
    expect(call("in_list", 2n, list(1n, 2.0))).toBe(true);
    expect(call("in_list", "b", list("a"))).toBe(false);
    expect(call("in_list", NaN, list(NaN))).toBe(false);
    expect(call("in_list", list(1n), list(list(u(1))))).toBe(true);
  });

  it("finds map keys across numeric types", () => {
    const m = map([1n, "one"], ["k", "v"]);
    expect(call("in_map", "k", m)).toBe(true);
    expect(call("in_map", u(1), m)).toBe(true);
    expect(call("in_map", 1.0, m)).toBe(true);
    expect(call("in_map", 1.5, m)).toBe(false);
    expect(call("in_map", "K", m)).toBe(false);
  });

  it("negates bools", () => {
    expect(call("logical_not", true)).toBe(false);
    expect(call("logical_not", false)).toBe(true);
  });
});
