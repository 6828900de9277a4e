import { describe, expect, it } from "vitest";
import { bytes, call, dur, expectError, list, map, ts, u } from "./support.js";

const fmt = (template: string, ...args: Parameters<typeof call>[1][]) => call("string_format", template, list(...args));

describe("string.format", () => {
  it("passes text through and escapes %%", () => {
    expect(fmt("plain")).toBe("plain");
    expect(fmt("100%% sure")).toBe("100% sure");
    expect(fmt("")).toBe("");
  });

  it("renders %s for every kind of value", () => {
    expect(fmt("%s|%s|%s|%s", "x", 1n, u(2), true)).toBe("x|1|2|true");
    expect(fmt("%s", 1.5)).toBe("1.5");
    expect(fmt("%s", null)).toBe("null");
    expect(fmt("%s", bytes(0x68, 0x69))).toBe("hi");
    expect(fmt("%s", list(1n, "a"))).toBe("[1, a]");
    expect(fmt("%s", ts("2009-02-13T23:31:30Z"))).toBe("2009-02-13T23:31:30Z");
    expect(fmt("%s", dur("90s"))).toBe("90s");
    expect(fmt("%s", map(["b", 2n], ["a", 1n]))).toBe("{a: 1, b: 2}");
  });

  it("renders integers with %d %x %X %o %b, negatives with a sign", () => {
    expect(fmt("%d %d", -42n, u(42))).toBe("-42 42");
    expect(fmt("%x %X", 255n, u(255))).toBe("ff FF");
    expect(fmt("%x", -255n)).toBe("-ff");
    expect(fmt("%o", 8n)).toBe("10");
    expect(fmt("%b %b", 5n, -5n)).toBe("101 -101");
    expect(fmt("%b", true)).toBe("1");
  });

  it("renders strings and bytes as hex with %x", () => {
    expect(fmt("%x", "hé")).toBe("68c3a9");
    expect(fmt("%X", bytes(0xab, 0x01))).toBe("AB01");
  });

  it("renders doubles with %f (default precision 6), %.Nf and %e", () => {
    expect(fmt("%f", 1.5)).toBe("1.500000");
    expect(fmt("%.2f", 3.14159)).toBe("3.14");
    expect(fmt("%.0f", 2.5)).toBe("2"); // Go rounds the exact binary value, halfway to even
    expect(fmt("%.2f", 0.125)).toBe("0.12");
    expect(fmt("%.2f", 0.375)).toBe("0.38");
    expect(fmt("%.2f", 2.675)).toBe("2.67"); // 2.675 is just below 2.675 in binary
    expect(fmt("%.3f", -1.0)).toBe("-1.000");
    expect(fmt("%e", 1234.5678)).toBe("1.234568e+03");
    expect(fmt("%.2e", 0.000123)).toBe("1.23e-04");
    expect(fmt("%f %e", NaN, Infinity)).toBe("NaN Infinity");
    expect(fmt("%f", -Infinity)).toBe("-Infinity");
  });

  it("reports too few arguments, unknown verbs and mismatched types as errors", () => {
    expectError(fmt("%s %s", "one"));
    expectError(fmt("%q", "x"));
    expectError(fmt("trailing %"));
    expectError(fmt("%d", "x"), /integer/);
    expectError(fmt("%d", 1.5), /integer/);
    expectError(fmt("%f", "x"));
    expectError(fmt("%o", 1.5));
    expectError(fmt("%b", "x"));
    expectError(fmt("%x", 1.5));
  });

  it("propagates errors from %s of invalid UTF-8 bytes", () => {
    expectError(fmt("%s", bytes(0xff)));
  });
});
