// semver.compare and semver.satisfies run in the bundle's AssemblyScript
// helper (wasm/assembly/semver.ts) and in the interpreter's JavaScript
// (runtime/lib/semver.ts): on random versions and ranges, valid and not,
// both engines must give the same decision — results, error messages, fuel.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as entry from "../../compiler/interpret/entry.js";
import { semverCompare, semverSatisfies } from "../../runtime/lib/semver.js";
import { runs } from "../support/runs.js";
import { generateBundle } from "../../compiler/codegen/index.js";
import { check, interpreterBuiltins, load, NOW } from "./support/harness.js";

const COMPARE = "input a: string\ninput b: string\noutput r = semver.compare(a, b)";
const SATISFIES = "input a: string\ninput b: string\noutput r = semver.satisfies(a, b)";

const small = fc.nat({ max: 12 }).map(String);
const number = fc.oneof({ weight: 4, arbitrary: small }, fc.constantFrom("01", "99999999999999999999", "x", "X", "*", ""));
const identifier = fc.oneof({ weight: 3, arbitrary: fc.constantFrom("alpha", "beta", "rc", "0", "1", "a-b", "Z") }, small, fc.constantFrom("00", "-", "", "é", "\ud800"));
const dotted = (part: fc.Arbitrary<string>, max = 4) => fc.array(part, { minLength: 1, maxLength: max }).map((p) => p.join("."));
const suffixes = (pre: fc.Arbitrary<string | null>, build: fc.Arbitrary<string | null>) =>
  fc.tuple(pre, build).map(([p, b]) => (p === null ? "" : `-${p}`) + (b === null ? "" : `+${b}`));

/** Mostly valid versions (so that comparisons and ranges are exercised), some not. */
const validVersion = fc
  .tuple(small, small, small, suffixes(fc.option(dotted(fc.constantFrom("alpha", "beta", "rc", "0", "1", "2")), { freq: 3 }), fc.option(fc.constantFrom("build.5", "sha"), { freq: 4 })))
  .map(([x, y, z, rest]) => `${x}.${y}.${z}${rest}`);
const version = fc.oneof(
  { weight: 4, arbitrary: validVersion },
  fc.tuple(dotted(number), suffixes(fc.option(dotted(identifier)), fc.option(dotted(identifier)))).map(([core, rest]) => core + rest),
);
/** Partial versions as ranges write them: 1, 1.2, 1.x, 1.2.3-rc.1. */
const partial = fc.oneof({ weight: 3, arbitrary: fc.tuple(dotted(fc.oneof({ weight: 4, arbitrary: small }, fc.constantFrom("x", "*")), 3), fc.option(fc.constantFrom("-rc.1", "-0", "+b"), { freq: 4 })).map(([c, s]) => c + (s ?? "")) }, version);
const operator = fc.constantFrom("", "", "<", "<=", ">", ">=", "=", "~", "~>", "^", "!", "==");
const blank = fc.constantFrom(" ", "  ", "\t", "", "\u00a0");
const comparator = fc.tuple(operator, blank, partial).map(([op, sp, v]) => (op === "" ? v : `${op}${sp}${v}`));
const conjunction = fc.oneof(
  fc.array(comparator, { minLength: 1, maxLength: 3 }).chain((cs) => blank.map((sp) => cs.join(` ${sp}`))),
  fc.tuple(partial, partial).map(([x, y]) => `${x} - ${y}`),
);
const range = fc.oneof(
  fc.array(conjunction, { minLength: 1, maxLength: 3 }).chain((cs) => fc.constantFrom("||", " || ", "|").map((sep) => cs.join(sep))),
  fc.string({ unit: fc.constantFrom("1", "0", ".", "-", "+", "x", "*", "<", ">", "=", "~", "^", "|", " ", "a") }),
);

describe("semver helpers in the bundle", () => {
  it("agree with the interpreter's JavaScript on random versions and ranges, errors and fuel included", async () => {
    const { bundle, checked } = await load([COMPARE, SATISFIES]);
    const builtins = await interpreterBuiltins();
    let errors = 0;
    let satisfied = 0;
    fc.assert(
      fc.property(version, fc.oneof({ weight: 3, arbitrary: range }, version), (a, b) => {
        const decisions = Object.values(bundle.evaluate({ a, b }, { now: NOW }).policies);
        decisions.forEach((wasm, k) => {
          const interpreted = entry.interpretPolicy(checked[k]!, { a, b }, { now: NOW, clock: () => 0, builtins, hash: wasm.hash });
          expect(wasm, `${JSON.stringify(a)} ${JSON.stringify(b)}`).toEqual(interpreted);
          if (wasm.error !== null) errors++;
        });
        if (decisions[1]!.outputs.r === true) satisfied++;
      }),
      { numRuns: runs(2000) },
    );
    // The generators reach both the valid and the invalid side.
    expect(errors).toBeGreaterThan(0);
    expect(satisfied).toBeGreaterThan(runs(2000) / 40);
  });

  it("compare and satisfies give what the JavaScript functions give", async () => {
    const { bundle } = await load([COMPARE, SATISFIES]);
    const cases: [string, string][] = [
      ["1.2.3", "1.2.3"],
      ["1.2.3-alpha.1", "1.2.3-alpha.beta"],
      ["1.0.0-rc.1", "1.0.0"],
      ["99999999999999999999.0.0", "100000000000000000000.0.0"],
      ["1.3.0-beta", ">=1.2.0"],
      ["2.0.0", "^1.9.9 || ~2.0"],
      ["0.0.3", "^0.0.2"],
      ["1.2.3", ">= 1.2.3 < 1.3"],
      ["1.9.9", "1.2 - 1.9"],
      ["1.2.3", "1.2.3 -"],
      ["1.2", "1.x"],
    ];
    for (const [a, b] of cases) {
      const [compared, satisfied] = Object.values(bundle.evaluate({ a, b }, { now: NOW }).policies);
      const c = semverCompare(a, b);
      if (typeof c === "number") expect(compared!.outputs.r, `${a} vs ${b}`).toBe(c);
      else expect(compared!.error?.message).toContain(c.error);
      const s = semverSatisfies(a, b);
      if (typeof s === "boolean") expect(satisfied!.outputs.r, `${a} in ${b}`).toBe(s);
      else expect(satisfied!.error?.message).toContain(s.error);
    }
  });

  it("a bundle that calls no semver function carries none of its code", () => {
    const without = generateBundle([check(`input a: string\noutput r = a.size()`)]);
    const withSemver = generateBundle([check(COMPARE), check(SATISFIES, "s.p")]);
    const exports = (bytes: Uint8Array) => WebAssembly.Module.exports(new WebAssembly.Module(bytes as unknown as BufferSource)).map((e) => e.name);
    expect(exports(without)).not.toContain("edict_semver_compare");
    expect(exports(withSemver)).toEqual(expect.arrayContaining(["edict_args", "edict_semver_compare", "edict_semver_satisfies"]));
    // The helper's string code (several KB) is only in the bundle that calls it.
    expect(withSemver.length - without.length).toBeGreaterThan(4000);
  });
});
