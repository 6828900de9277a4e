import { describe, expect, it } from "vitest";
import { CelUint } from "../../../compiler/values.js";
import { INT64_MAX, INT64_MIN, UINT64_MAX, call, expectError, expectUint, list, u } from "./support.js";

describe("math.greatest / math.least", () => {
  it("pick among same-typed arguments, in every arity form", () => {
    expect(call("math_@max_int", 7n)).toBe(7n);
    expect(call("math_@max_int_int", 1n, 2n)).toBe(2n);
    expect(call("math_@min_int_int", INT64_MIN, 1n)).toBe(INT64_MIN);
    expect(call("math_@max_double_n", 1.5, -2.5, 0.5)).toBe(1.5);
    expect(call("math_@min_double_n", 1.5, -2.5, 0.5, -3)).toBe(-3);
    expectUint(call("math_@max_uint_n", u(1), u(UINT64_MAX), u(3)), UINT64_MAX);
    expect(call("math_@max_list_int", list(3n, 9n, -1n))).toBe(9n);
    expect(call("math_@min_list_double", list(3, 9, -1))).toBe(-1);
  });

  it("compare mixed numeric types by value and return the winner with its own type", () => {
    expect(call("math_@max_int_double", 1n, 1.5)).toBe(1.5);
    expect(call("math_@max_double_int", 2.5, 3n)).toBe(3n);
    expectUint(call("math_@max_int_uint", -1n, u(0)), 0n);
    expect(call("math_@min_uint_int", u(0), -1n)).toBe(-1n);
    expect(call("math_@max_dyn_n", 1n, u(5), 4.5)).toEqual(new CelUint(5n));
    expect(call("math_@min_dyn_n", 1n, u(5), -4.5, 2n)).toBe(-4.5);
  });

  it("keep the first of equal values", () => {
    expect(call("math_@max_int_double", 1n, 1.0)).toBe(1n);
    expect(call("math_@min_double_int", 1.0, 1n)).toBe(1.0);
  });

  it("reject an empty list", () => {
    expectError(call("math_@max_list_int", list()));
    expectError(call("math_@min_list_uint", list()));
  });
});

describe("rounding", () => {
  it("ceil, floor, trunc", () => {
    expect(call("math_ceil_double", 1.2)).toBe(2);
    expect(call("math_ceil_double", -1.2)).toBe(-1);
    expect(call("math_floor_double", -1.2)).toBe(-2);
    expect(call("math_trunc_double", -1.7)).toBe(-1);
    expect(call("math_trunc_double", 1.7)).toBe(1);
    expect(call("math_ceil_double", Infinity)).toBe(Infinity);
    expect(Number.isNaN(call("math_floor_double", NaN))).toBe(true);
  });

  it("round rounds half away from zero", () => {
    expect(call("math_round_double", 2.5)).toBe(3);
    expect(call("math_round_double", -2.5)).toBe(-3);
    expect(call("math_round_double", 1.4999999999999998)).toBe(1);
    expect(call("math_round_double", 0.49999999999999994)).toBe(0);
    expect(call("math_round_double", -0.5)).toBe(-1);
    expect(call("math_round_double", 4503599627370497)).toBe(4503599627370497);
    expect(call("math_round_double", -Infinity)).toBe(-Infinity);
    expect(Number.isNaN(call("math_round_double", NaN))).toBe(true);
  });
});

describe("classification", () => {
  it("isNaN, isInf, isFinite", () => {
    expect([NaN, Infinity, -Infinity, 0].map((x) => call("math_isNaN_double", x))).toEqual([true, false, false, false]);
    expect([NaN, Infinity, -Infinity, 0].map((x) => call("math_isInf_double", x))).toEqual([false, true, true, false]);
    expect([NaN, Infinity, -Infinity, 0].map((x) => call("math_isFinite_double", x))).toEqual([false, false, false, true]);
  });
});

describe("abs, sign, sqrt", () => {
  it("abs, with an overflow error for INT64_MIN", () => {
    expect(call("math_abs_int", -5n)).toBe(5n);
    expect(call("math_abs_int", INT64_MAX)).toBe(INT64_MAX);
    expectError(call("math_abs_int", INT64_MIN), /overflow/);
    expectUint(call("math_abs_uint", u(5)), 5n);
    expect(call("math_abs_double", -0.5)).toBe(0.5);
    expect(call("math_abs_double", -Infinity)).toBe(Infinity);
  });

  it("sign of each numeric type, NaN for NaN", () => {
    expect([-9n, 0n, 9n].map((x) => call("math_sign_int", x))).toEqual([-1n, 0n, 1n]);
    expectUint(call("math_sign_uint", u(0)), 0n);
    expectUint(call("math_sign_uint", u(UINT64_MAX)), 1n);
    expect([-Infinity, 0, 0.1].map((x) => call("math_sign_double", x))).toEqual([-1, 0, 1]);
    expect(Number.isNaN(call("math_sign_double", NaN))).toBe(true);
  });

  it("sqrt returns a double, NaN for negatives", () => {
    expect(call("math_sqrt_int", 16n)).toBe(4);
    expect(call("math_sqrt_uint", u(2))).toBe(Math.SQRT2);
    expect(call("math_sqrt_double", 0.25)).toBe(0.5);
    expect(Number.isNaN(call("math_sqrt_int", -1n))).toBe(true);
    expect(Number.isNaN(call("math_sqrt_double", -1))).toBe(true);
  });
});

describe("bit operations", () => {
  it("and, or, xor, not on ints and uints", () => {
    expect(call("math_bitAnd_int_int", 12n, 10n)).toBe(8n);
    expect(call("math_bitOr_int_int", 12n, 10n)).toBe(14n);
    expect(call("math_bitXor_int_int", 12n, 10n)).toBe(6n);
    expect(call("math_bitAnd_int_int", -1n, INT64_MIN)).toBe(INT64_MIN);
    expectUint(call("math_bitOr_uint_uint", u(1), u(2n ** 63n)), 2n ** 63n + 1n);
    expectUint(call("math_bitXor_uint_uint", u(UINT64_MAX), u(1)), UINT64_MAX - 1n);
    expect(call("math_bitNot_int_int", 0n)).toBe(-1n);
    expect(call("math_bitNot_int_int", INT64_MAX)).toBe(INT64_MIN);
    expectUint(call("math_bitNot_uint_uint", u(0)), UINT64_MAX);
  });

  it("shifts left within 64 bits, dropping overflowing bits", () => {
    expect(call("math_bitShiftLeft_int_int", 1n, 2n)).toBe(4n);
    expect(call("math_bitShiftLeft_int_int", 1n, 63n)).toBe(INT64_MIN);
    expect(call("math_bitShiftLeft_int_int", 1n, 64n)).toBe(0n);
    expect(call("math_bitShiftLeft_int_int", -1n, 1n)).toBe(-2n);
    expectUint(call("math_bitShiftLeft_uint_int", u(UINT64_MAX), 4n), UINT64_MAX - 15n);
    expectUint(call("math_bitShiftLeft_uint_int", u(1), 200n), 0n);
  });

  it("shifts right logically, also for negative ints", () => {
    expect(call("math_bitShiftRight_int_int", 1024n, 3n)).toBe(128n);
    expect(call("math_bitShiftRight_int_int", -1024n, 3n)).toBe(2305843009213693824n);
    expect(call("math_bitShiftRight_int_int", -1n, 64n)).toBe(0n);
    expect(call("math_bitShiftRight_int_int", -1n, 0n)).toBe(-1n);
    expectUint(call("math_bitShiftRight_uint_int", u(UINT64_MAX), 63n), 1n);
  });

  it("rejects negative shift counts", () => {
    expectError(call("math_bitShiftLeft_int_int", 1n, -1n), /negative/);
    expectError(call("math_bitShiftRight_int_int", 1n, -1n), /negative/);
    expectError(call("math_bitShiftLeft_uint_int", u(1), -1n), /negative/);
    expectError(call("math_bitShiftRight_uint_int", u(1), -1n), /negative/);
  });
});
