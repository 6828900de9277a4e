import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { semverCompare, semverSatisfies } from "../../runtime/lib/semver.js";
import { runs } from "../support/runs.js";

describe("semverCompare", () => {
  it("orders the semver.org precedence example", () => {
    const chain = [
      "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11",
      "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "1.10.0", "2.0.0", "10.0.0",
    ];
    for (let i = 0; i < chain.length; i++) {
      for (let j = 0; j < chain.length; j++) {
        expect(semverCompare(chain[i]!, chain[j]!)).toBe(Math.sign(i - j));
      }
    }
  });

  it("ignores build metadata and compares big numbers exactly", () => {
    expect(semverCompare("1.0.0+build.1", "1.0.0+build.2")).toBe(0);
    expect(semverCompare("1.0.0-rc.1+x", "1.0.0-rc.1")).toBe(0);
    expect(semverCompare("99999999999999999999.0.0", "99999999999999999998.0.0")).toBe(1);
    expect(semverCompare("1.0.0-1a", "1.0.0-1")).toBe(1); // alphanumeric > numeric
    expect(semverCompare("1.0.0-a-b", "1.0.0-a")).toBe(1);
  });

  it.each(["1", "1.2", "v1.2.3", "01.2.3", "1.02.3", "1.2.3-01", "1.2.3-", "1.2.3+", "1.2.3-a..b", "1.2.3.4", " 1.2.3", "1.2.x", "", "1.2.3-é"])(
    "rejects %j",
    (v) => {
      expect(semverCompare(v, "1.0.0")).toEqual({ error: expect.stringContaining(JSON.stringify(v)) });
      expect(semverCompare("1.0.0", v)).toHaveProperty("error");
    },
  );

  it("is antisymmetric and transitive on random versions", () => {
    const id = fc.oneof(fc.constantFrom("alpha", "beta", "rc", "x-y"), fc.nat(20).map(String));
    const version = fc
      .tuple(fc.nat(3), fc.nat(3), fc.nat(3), fc.array(id, { maxLength: 3 }))
      .map(([a, b, c, pre]) => `${a}.${b}.${c}${pre.length ? "-" + pre.join(".") : ""}`);
    fc.assert(
      fc.property(version, version, version, (a, b, c) => {
        const ab = semverCompare(a, b) as number;
        expect(semverCompare(b, a)).toBe(-ab || 0);
        if (ab <= 0 && (semverCompare(b, c) as number) <= 0) expect(semverCompare(a, c) as number).toBeLessThanOrEqual(0);
      }),
      { numRuns: runs(500) },
    );
  });
});

describe("semverSatisfies", () => {
  it.each([
    ["2.5.0", ">=2.5.0", true],
    ["2.4.9", ">=2.5.0", false],
    ["2.9.9", "<3", true],
    ["3.0.0", "<3", false],
    ["3.0.0-beta", "<3", false], // <3 means below every 3.x prerelease
    ["1.2.0", "^1.2", true],
    ["1.9.9", "^1.2", true],
    ["2.0.0", "^1.2", false],
    ["1.1.9", "^1.2", false],
    ["0.2.5", "^0.2.3", true],
    ["0.3.0", "^0.2.3", false],
    ["0.0.3", "^0.0.3", true],
    ["0.0.4", "^0.0.3", false],
    ["0.0.9", "^0.0", true],
    ["0.1.0", "^0.0", false],
    ["0.9.0", "^0.x", true],
    ["1.2.3", "~1.2.3", true],
    ["1.2.9", "~1.2.3", true],
    ["1.3.0", "~1.2.3", false],
    ["1.9.0", "~1", true],
    ["2.0.0", "~1", false],
    ["1.5.0", "1.x", true],
    ["2.0.0", "1.x", false],
    ["1.2.7", "1.2.x", true],
    ["1.3.0", "1.2.*", false],
    ["0.0.1", "*", true],
    ["5.0.0", "", true],
    ["1.2.3", "1.2.3", true],
    ["1.2.4", "1.2.3", false],
    ["1.2.3", "=1.2.3", true],
    ["1.2.4", ">1.2.3", true],
    ["1.3.0", ">1.2", true],
    ["1.2.9", ">1.2", false],
    ["1.2.9", "<=1.2", true],
    ["1.3.0", "<=1.2", false],
    ["1.5.0", ">=1.2.0 <2.0.0", true],
    ["2.0.0", ">=1.2.0 <2.0.0", false],
    ["1.5.0", ">= 1.2.0 < 2.0.0", true],
    ["3.1.0", "<2 || >=3", true],
    ["2.5.0", "<2 || >=3", false],
    ["2.0.0", "1.2.3 - 2.3.4", true],
    ["2.3.4", "1.2.3 - 2.3.4", true],
    ["2.3.5", "1.2.3 - 2.3.4", false],
    ["2.3.9", "1.2.3 - 2.3", true],
    ["2.4.0", "1.2.3 - 2.3", false],
    ["1.2.0", "1.2 - 2", true],
    ["1.1.9", "1.2 - 2", false],
    // Prereleases are compared by precedence, not excluded (spec section 8).
    ["1.3.0-beta", ">=1.2.0", true],
    ["1.3.0-beta", "^1.2.0", true],
    ["1.2.0-beta", ">=1.2.0", false],
    ["1.2.3-beta.2", "~1.2.3-beta.1", true],
    ["1.2.3-alpha", "~1.2.3-beta.1", false],
    ["1.0.0-rc.1", ">=1.0.0-rc.1 <1.0.0", true],
    ["1.0.0+build", "1.0.0", true],
  ])("%s in %j is %s", (v, range, expected) => {
    expect(semverSatisfies(v, range)).toBe(expected);
  });

  it.each([
    ["1.2", ">=1.0.0"],
    ["1.2.3", ">=a.b.c"],
    ["1.2.3", ">>1.2.3"],
    ["1.2.3", "1.2.3.4"],
    ["1.2.3", "^01.2.3"],
    ["1.2.3", "1.x.3"],
    ["1.2.3", "1.2-beta"],
  ])("%s in %j is an error", (v, range) => {
    expect(semverSatisfies(v, range)).toHaveProperty("error");
  });
});
