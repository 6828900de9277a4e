import { describe, expect, it } from "vitest";
import { CelOptional } from "../../../compiler/values.js";
import { bytes, call, dur, expectError, list, map, u } from "./support.js";

const none = new CelOptional(undefined);
const some = (v: Parameters<typeof call>[1]) => new CelOptional(v);

describe("optional values", () => {
  it("optional.of wraps any value, including null and zero values", () => {
    expect(call("optional_of", null)).toEqual(some(null));
    expect(call("optional_of", 0n)).toEqual(some(0n));
    expect(call("optional_none")).toEqual(none);
  });

  // Timestamps are left out: cel-go's comment says epoch 0 is the zero
  // timestamp but its code uses Go's time.IsZero (0001-01-01); the runtime
  // takes the epoch.
  it("optional.ofNonZeroValue is none for every zero value", () => {
    for (const zero of [null, false, 0n, u(0), 0, -0, "", bytes(), list(), map(), dur("0s")]) {
      expect(call("optional_ofNonZeroValue", zero)).toEqual(none);
    }
    for (const v of [true, 1n, u(1), 0.5, NaN, " ", bytes(0), list(null), map(["", ""]), dur("1ns")]) {
      expect((call("optional_ofNonZeroValue", v) as CelOptional).hasValue).toBe(true);
    }
  });

  it("hasValue and value; value of none is an error", () => {
    expect(call("optional_hasValue", some(false))).toBe(true);
    expect(call("optional_hasValue", none)).toBe(false);
    expect(call("optional_value", some("x"))).toBe("x");
    expectError(call("optional_value", none));
  });

  it("or takes the first optional with a value; orValue falls back to a plain value", () => {
    expect(call("optional_or_optional", some(1n), some(2n))).toEqual(some(1n));
    expect(call("optional_or_optional", none, some(2n))).toEqual(some(2n));
    expect(call("optional_or_optional", none, none)).toEqual(none);
    expect(call("optional_orValue_value", some(1n), 2n)).toBe(1n);
    expect(call("optional_orValue_value", none, 2n)).toBe(2n);
  });

  // CEL gives null for both (e.g. `input.?f.orValue("x")` on a JSON null).
  it("an optional holding null is not none", () => {
    expect(call("optional_value", some(null))).toBe(null);
    expect(call("optional_orValue_value", some(null), 2n)).toBe(null);
  });
});
