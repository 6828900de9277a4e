import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDouble } from "../../runtime/lib/format-double.js";
import { quoteString } from "../../runtime/lib/quote.js";
import { runs } from "../support/runs.js";

describe("formatDouble (Go %g, as cel-go's string(double))", () => {
  it.each([
    [123.456, "123.456"], // cel-spec conversions/string/double
    [-4.5e-3, "-0.0045"], // cel-spec conversions/string/double_hard
    [1.5, "1.5"],
    [0, "0"],
    [-0, "-0"],
    [1, "1"],
    [-2, "-2"],
    [100000, "100000"],
    [123456, "123456"],
    [1e6, "1e+06"],
    [1234567, "1.234567e+06"],
    [1e21, "1e+21"],
    [1e100, "1e+100"],
    [0.0001, "0.0001"],
    [0.00001, "1e-05"],
    [1.0 / 3.0, "0.3333333333333333"],
    [2 / 3, "0.6666666666666666"],
    [0.1 + 0.2, "0.30000000000000004"],
    [5e-324, "5e-324"],
    [Number.MAX_VALUE, "1.7976931348623157e+308"],
    [-1.5e-7, "-1.5e-07"],
    [4.468743327960138e16, "4.468743327960138e+16"], // shortest digits at a ties-to-even boundary, as Go prints them
    [NaN, "NaN"],
    [Infinity, "+Inf"],
    [-Infinity, "-Inf"],
  ])("%s", (d, expected) => {
    expect(formatDouble(d)).toBe(expected);
  });

  it("reads back as the same double and has Go's layout", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (d) => {
        const s = formatDouble(d);
        expect(Object.is(Number(s), d)).toBe(true);
        expect(s).toMatch(/^-?(\d+(\.\d+)?|\d(\.\d+)?e[+-]\d{2,3})$/);
        // Shortest digits: the same significant digits JS picks.
        const digits = (x: string): string => x.replace(/^-/, "").replace(/e.*$/, "").replace(".", "").replace(/^0+/, "").replace(/0+$/, "");
        expect(digits(s)).toBe(digits(Math.abs(d).toExponential()));
      }),
      { numRuns: runs(2000) },
    );
  });
});

describe("quoteString (cel-spec string_ext/quote)", () => {
  it.each([
    ["first\nsecond", '"first\\nsecond"'],
    ["bell\u0007", '"bell\\a"'],
    ["\bbackspace", '"\\bbackspace"'],
    ["\fform feed", '"\\fform feed"'],
    ["carriage \r return", '"carriage \\r return"'],
    ["horizontal tab\t", '"horizontal tab\\t"'],
    ["vertical \v tab", '"vertical \\v tab"'],
    ["double \\\\ slash", '"double \\\\\\\\ slash"'],
    ["two escape sequences \\a\\n", '"two escape sequences \\\\a\\\\n"'],
    ["verbatim", '"verbatim"'],
    ["ends with \\", '"ends with \\\\"'],
    ["\\ starts with", '"\\\\ starts with"'],
    ["printable unicode😀", '"printable unicode😀"'],
    ['mid string " quote', '"mid string \\" quote"'],
    ['single-quote with "double quote"', '"single-quote with \\"double quote\\""'],
    ["size('ÿ')", "\"size('ÿ')\""],
    ["завтра", '"завтра"'],
    ["🐱😀😛", '"🐱😀😛"'],
    ["", '""'],
    ["nul\u0000", '"nul\u0000"'],
    ["lone \ud800", '"lone \ufffd"'],
  ])("%j", (s, expected) => {
    expect(quoteString(s)).toBe(expected);
  });
});
