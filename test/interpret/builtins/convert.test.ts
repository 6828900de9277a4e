import { describe, expect, it } from "vitest";
import { CelDuration, CelList, CelOptional, CelTimestamp, CelTypeValue } from "../../../compiler/values.js";
import { INT64_MAX, INT64_MIN, UINT64_MAX, bytes, call, dur, expectError, expectUint, list, map, ts, u } from "./support.js";

describe("int()", () => {
  it("truncates doubles toward zero", () => {
    expect(call("double_to_int64", 2.9)).toBe(2n);
    expect(call("double_to_int64", -2.9)).toBe(-2n);
    expect(call("double_to_int64", -0)).toBe(0n);
    expect(call("double_to_int64", 1e18)).toBe(10n ** 18n);
  });

  it("rejects doubles outside int64 and non-finite doubles", () => {
    expectError(call("double_to_int64", 9223372036854775807.0)); // rounds to 2^63
    expectError(call("double_to_int64", 1e19));
    expectError(call("double_to_int64", -1e19));
    expectError(call("double_to_int64", NaN));
    expectError(call("double_to_int64", Infinity));
    expectError(call("double_to_int64", -Infinity));
  });

  it("converts uints in range and rejects the rest", () => {
    expect(call("uint64_to_int64", u(INT64_MAX))).toBe(INT64_MAX);
    expectError(call("uint64_to_int64", u(2n ** 63n)), /overflow|range/);
  });

  it("parses decimal strings only", () => {
    expect(call("string_to_int64", "-42")).toBe(-42n);
    expect(call("string_to_int64", "+7")).toBe(7n);
    expect(call("string_to_int64", "9223372036854775807")).toBe(INT64_MAX);
    expect(call("string_to_int64", "-9223372036854775808")).toBe(INT64_MIN);
    expectError(call("string_to_int64", "9223372036854775808"));
    for (const bad of ["", " 1", "1 ", "1.0", "0x10", "1e3", "one", "--1"]) expectError(call("string_to_int64", bad));
  });

  it("takes whole seconds of a timestamp (floor) and nanoseconds of a duration", () => {
    expect(call("timestamp_to_int64", ts("2009-02-13T23:31:30.9Z"))).toBe(1234567890n);
    expect(call("timestamp_to_int64", ts("1969-12-31T23:59:59.5Z"))).toBe(-1n);
    expect(call("duration_to_int64", dur("1.5s"))).toBe(1_500_000_000n);
    expect(call("int64_to_int64", 5n)).toBe(5n);
  });

  it("rejects INT64_MIN as a double, as cel-go does (conformance double_int_min_range)", () => {
    expectError(call("double_to_int64", -9223372036854775808.0), /overflow|range/);
  });
});

describe("uint()", () => {
  it("converts ints, doubles and strings in range", () => {
    expectUint(call("int64_to_uint64", 42n), 42n);
    expectUint(call("double_to_uint64", 3.99), 3n);
    expectUint(call("string_to_uint64", "18446744073709551615"), UINT64_MAX);
    expectUint(call("uint64_to_uint64", u(9)), 9n);
  });

  it("rejects negatives, overflow and malformed text", () => {
    expectError(call("int64_to_uint64", -1n));
    expectError(call("double_to_uint64", -1));
    expectError(call("double_to_uint64", 1.8446744073709552e19));
    expectError(call("double_to_uint64", NaN));
    expectError(call("string_to_uint64", "18446744073709551616"));
    for (const bad of ["-1", "", "1u", "0x1", " 1"]) expectError(call("string_to_uint64", bad));
  });
});

describe("uint() as cel-go reads it", () => {
  it("uint(-0.5) is a range error", () => {
    expectError(call("double_to_uint64", -0.5));
  });

  it("uint('+1') is an error", () => {
    expectError(call("string_to_uint64", "+1"));
  });
});

describe("double()", () => {
  it("converts ints and uints, rounding to nearest", () => {
    expect(call("int64_to_double", INT64_MAX)).toBe(9223372036854775808);
    expect(call("uint64_to_double", u(UINT64_MAX))).toBe(18446744073709551616);
    expect(call("double_to_double", 1.5)).toBe(1.5);
  });

  it("parses decimal, exponent, NaN and infinities", () => {
    expect(call("string_to_double", "1.5")).toBe(1.5);
    expect(call("string_to_double", "-1e3")).toBe(-1000);
    expect(call("string_to_double", ".5")).toBe(0.5);
    expect(call("string_to_double", "1e400")).toBe(Infinity);
    expect(Number.isNaN(call("string_to_double", "NaN"))).toBe(true);
    expect(call("string_to_double", "Inf")).toBe(Infinity);
    expect(call("string_to_double", "-Infinity")).toBe(-Infinity);
    for (const bad of ["", "abc", "1.5.5", " 1", "0x10", "1e"]) expectError(call("string_to_double", bad));
  });
});

describe("bool()", () => {
  it("parses Go's spellings only", () => {
    for (const t of ["true", "True", "TRUE", "t", "1"]) expect(call("string_to_bool", t)).toBe(true);
    for (const f of ["false", "False", "FALSE", "f", "0"]) expect(call("string_to_bool", f)).toBe(false);
    for (const bad of ["yes", "tRUE", "", " true"]) expectError(call("string_to_bool", bad));
    expect(call("bool_to_bool", true)).toBe(true);
  });
});

describe("string()", () => {
  it("renders scalars", () => {
    expect(call("bool_to_string", false)).toBe("false");
    expect(call("int64_to_string", INT64_MIN)).toBe("-9223372036854775808");
    expect(call("uint64_to_string", u(UINT64_MAX))).toBe("18446744073709551615");
    expect(call("string_to_string", "é")).toBe("é");
  });

  it("renders doubles as CEL does (shortest round-trip, Go-style exponents)", () => {
    expect(call("double_to_string", 1.0)).toBe("1");
    expect(call("double_to_string", -0.5)).toBe("-0.5");
    expect(call("double_to_string", 1e100)).toBe("1e+100");
    expect(call("double_to_string", 1.5e-7)).toBe("1.5e-07");
    expect(call("double_to_string", 123456789.0)).toBe("1.23456789e+08");
    expect(call("double_to_string", NaN)).toBe("NaN");
    expect(call("double_to_string", Infinity)).toBe("+Inf");
    expect(call("double_to_string", -Infinity)).toBe("-Inf");
  });

  it("decodes UTF-8 bytes and rejects invalid UTF-8", () => {
    expect(call("bytes_to_string", bytes(0xc3, 0xa9))).toBe("é");
    expect(call("bytes_to_string", bytes(0xf0, 0x9f, 0x98, 0x80))).toBe("😀");
    expectError(call("bytes_to_string", bytes(0xff)));
    expectError(call("bytes_to_string", bytes(0xc3)));
    expectError(call("bytes_to_string", bytes(0xed, 0xa0, 0x80))); // an encoded surrogate
    expectError(call("bytes_to_string", bytes(0xc0, 0x80))); // overlong NUL
  });

  it("renders timestamps in UTC with fractional seconds only when present, and durations in seconds", () => {
    expect(call("timestamp_to_string", ts("2009-02-13T23:31:30Z"))).toBe("2009-02-13T23:31:30Z");
    expect(call("timestamp_to_string", ts("2009-02-14T01:31:30.5+02:00"))).toBe("2009-02-13T23:31:30.5Z");
    expect(call("timestamp_to_string", ts("0001-01-01T00:00:00.000000001Z"))).toBe("0001-01-01T00:00:00.000000001Z");
    expect(call("duration_to_string", dur("1h"))).toBe("3600s");
    expect(call("duration_to_string", dur("1.5s"))).toBe("1.5s");
    expect(call("duration_to_string", dur("-1ms"))).toBe("-0.001s");
    expect(call("duration_to_string", dur("0s"))).toBe("0s");
  });
});

describe("bytes()", () => {
  it("encodes strings as UTF-8", () => {
    expect(call("string_to_bytes", "é😀")).toEqual(bytes(0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80));
    expect(call("bytes_to_bytes", bytes(1))).toEqual(bytes(1));
  });
});

describe("timestamp() and duration()", () => {
  it("parses RFC 3339 with offsets and fractions", () => {
    expect(call("string_to_timestamp", "1970-01-01T00:00:00Z")).toEqual(new CelTimestamp(0n));
    expect(call("string_to_timestamp", "1970-01-01T01:00:00.000000001+01:00")).toEqual(new CelTimestamp(1n));
    expect(call("string_to_timestamp", "9999-12-31T23:59:59.999999999Z")).toBeInstanceOf(CelTimestamp);
    for (const bad of ["", "2026-13-01T00:00:00Z", "2026-01-01", "2026-01-01T00:00:00", "10000-01-01T00:00:00Z", "2026-02-30T00:00:00Z"]) {
      expectError(call("string_to_timestamp", bad));
    }
  });

  it("converts Unix seconds within 0001..9999", () => {
    expect(call("int64_to_timestamp", 1234567890n)).toEqual(ts("2009-02-13T23:31:30Z"));
    expect(call("int64_to_timestamp", -62135596800n)).toEqual(ts("0001-01-01T00:00:00Z"));
    expectError(call("int64_to_timestamp", -62135596801n), /range/);
    expectError(call("int64_to_timestamp", 253402300800n), /range/);
    expectError(call("int64_to_timestamp", INT64_MAX), /range/);
  });

  it("parses Go-style durations", () => {
    expect(call("string_to_duration", "1h30m")).toEqual(new CelDuration(5_400_000_000_000n));
    expect(call("string_to_duration", "-1.5h")).toEqual(new CelDuration(-5_400_000_000_000n));
    expect(call("string_to_duration", "250ms")).toEqual(new CelDuration(250_000_000n));
    expect(call("string_to_duration", "1us1ns")).toEqual(new CelDuration(1001n));
    expect(call("string_to_duration", "0")).toEqual(new CelDuration(0n));
    for (const bad of ["", "1", "1d", "h", "1.h5", "--1s"]) expectError(call("string_to_duration", bad));
    expect(call("duration_to_duration", dur("1s"))).toEqual(dur("1s"));
    expect(call("timestamp_to_timestamp", ts("2026-01-01T00:00:00Z"))).toEqual(ts("2026-01-01T00:00:00Z"));
  });
});

describe("type() and dyn()", () => {
  it("names every kind of value", () => {
    const cases: [Parameters<typeof call>[1], string][] = [
      [null, "null_type"],
      [true, "bool"],
      [1n, "int"],
      [u(1), "uint"],
      [1.5, "double"],
      ["s", "string"],
      [bytes(), "bytes"],
      [list(), "list"],
      [map(), "map"],
      [ts("2026-01-01T00:00:00Z"), "google.protobuf.Timestamp"],
      [dur("1s"), "google.protobuf.Duration"],
      [new CelOptional(1n), "optional_type"],
      [new CelTypeValue("int"), "type"],
    ];
    for (const [v, name] of cases) expect(call("type", v)).toEqual(new CelTypeValue(name));
  });

  it("returns its argument from dyn()", () => {
    const l = list(1n);
    expect(call("to_dyn", l)).toBe(l);
    expect((call("to_dyn", l) as CelList).items).toEqual([1n]);
  });
});
