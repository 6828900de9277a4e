// Numbers computed unboxed in the module (compiler/ir/scalar.ts,
// compiler/codegen/scalar.ts) against the interpreter: CEL's overflow and
// division errors at the int64/uint64 edges, mixed-kind comparisons, NaN and
// -0, errors absorbed by && and ||, handles past the scalar shadow, and fuel.

import { describe, expect, test } from "vitest";
import { generateBundle } from "../../compiler/codegen/index.js";
import { both, check } from "./support/harness.js";

const UMAX = 18446744073709551615n;

/** One output per expression over inputs a, b (int), u, v (uint), x, y (double). */
function outputs(exprs: string[]): string {
  return [
    "input a: int",
    "input b: int",
    "input u: uint",
    "input v: uint",
    "input x: double",
    "input y: double",
    ...exprs.map((e, k) => `output o${k} = ${e}`),
  ].join("\n");
}

/** Evaluates each expression alone (an output error ends the policy) on both engines; returns the wasm outcomes. */
async function each(exprs: string[], input: Record<string, unknown>): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const e of exprs) {
    const [wasm, interpreted] = await both(outputs([e]), input);
    expect(wasm, e).toEqual(interpreted);
    out.push(wasm.error ? wasm.error.message.replace(/^output o0: /, "") : wasm.outputs.o0);
  }
  return out;
}

describe("numbers computed in the module", () => {
  test("int64 edges: overflow, division and modulus errors, as the interpreter", async () => {
    // JSON numbers cannot hold 2^63 exactly: the edges are computed in the policy.
    const exprs = [
      "a + 1",
      "b - 1",
      "a * 2",
      "b * -1",
      "-1 * b",
      "-b",
      "b / -1",
      "b % -1",
      "a / 0",
      "a % 0",
      "a + b",
      "b / 2 * 2 == b",
      "a % 7 - 7 < 0",
      "(a - 1) * 1 + 1 == a",
      "0 * b == 0",
    ];
    const got = await each(
      exprs.map((e) => e.replace(/\ba\b/g, "(9223372036854775806 + 1)").replace(/\bb\b/g, "(-9223372036854775807 - 1)")),
      { a: 0, b: 0, u: 0, v: 0, x: 0, y: 0 },
    );
    expect(got).toEqual([
      "integer overflow",
      "integer overflow",
      "integer overflow",
      "integer overflow",
      "integer overflow",
      "integer overflow",
      "integer overflow",
      "integer overflow",
      "division by zero",
      "modulus by zero",
      -1,
      true,
      true,
      true,
      true,
    ]);
  });

  test("operands from inputs (unboxed through the shadow) behave as constants do", async () => {
    const got = await each(["a * b", "a / b", "a % b", "-a", "a - b", "u - v", "u * v", "u / v", "u % v", "u + v", "x / y", "x * y"], {
      a: 6,
      b: -4,
      u: 3,
      v: 5,
      x: 1,
      y: 0,
    });
    expect(got).toEqual([-24, -1, 2, -6, 10, "unsigned integer overflow", 15, 0, 3, 8, Infinity, 0].map((v) => (v === Infinity ? "Infinity" : v)));
  });

  test("uint64 edges", async () => {
    const got = await each(["18446744073709551615u + u", "v - 1u", "9223372036854775808u * 2u", "u / v", "u % v", "18446744073709551615u / 3u"], {
      a: 0,
      b: 0,
      u: 1,
      v: 0,
      x: 0,
      y: 0,
    });
    expect(got).toEqual(["unsigned integer overflow", "unsigned integer overflow", "unsigned integer overflow", "division by zero", "modulus by zero", String(UMAX / 3n)]);
  });

  // Edict's checker rejects == between different number kinds; ordering across kinds is CEL's.
  test("comparisons across int, uint and double, NaN and -0", async () => {
    const exprs = [
      "-1 < 0u",
      "0u > -1",
      "a < u",
      "u <= a",
      "a >= 0u",
      "1u > a",
      "9223372036854775807 < 9223372036854775808.0",
      "9223372036854775807 >= 9223372036854775808.0",
      "18446744073709551615u >= 1.8446744073709552e19",
      "x == x",
      "x != x",
      "x < 1.0",
      "x >= 1.0",
      "y == -y",
      "a < x",
      "u > x",
      "2 > 1",
      "a == 1",
      "u == 1u",
    ];
    const got = await each(
      exprs.map((e) => e.replace(/\bx\b/g, "(y / y)")),
      { a: -1, b: 0, u: 1, v: 0, x: 0, y: 0 },
    );
    expect(got).toEqual([true, true, true, false, false, true, false, true, true, false, true, false, false, true, false, false, true, false, true]);
  });

  test("durations are int64 nanoseconds: comparisons and range errors", async () => {
    const source = `
      input d: duration
      input e: duration
      const minimum = duration("60s")
      output lt = d < minimum
      output ge = d + e >= minimum
      output eq = d - e == duration("-30s")
      output sum = d + e
    `;
    const [wasm, interpreted] = await both(source, { d: "15s", e: "45s" });
    expect(wasm).toEqual(interpreted);
    expect(wasm.outputs).toEqual({ lt: true, ge: true, eq: true, sum: "60s" });
    const [over, overInterpreted] = await both(source, { d: "2562047h", e: "2562047h" });
    expect(over).toEqual(overInterpreted);
    expect(over.error?.message).toBe("output ge: duration out of range");
  });

  test("&& and || absorb an error from inline arithmetic; a rule reports it otherwise", async () => {
    const source = `
      input a: int
      input b: int
      deny absorbed { when false && a / b > 1 }
      deny also { when a / b > 1 || true }
      deny fails { when a / b > 1 }
    `;
    const [wasm, interpreted] = await both(source, { a: 1, b: 0 });
    expect(wasm).toEqual(interpreted);
    expect(wasm.violations).toEqual([{ rule: "also", message: "also" }]);
    expect(wasm.error).toEqual({ code: "eval_error", rule: "fails", message: "division by zero" });
  });

  test("handles past the shadow's slots are unboxed by the host", async () => {
    const source = `
      input xs: list<int>
      deny big { for i, x in xs when x * 2 + i > 59990 && x - 1 < x message "\${x * 2 + i}" }
    `;
    const xs = Array.from({ length: 20_000 }, (_, i) => i);
    const [wasm, interpreted] = await both(source, { xs });
    expect(wasm).toEqual(interpreted);
    expect(wasm.violations.map((v) => v.message)).toEqual(["59991", "59994", "59997"]);
  });

  test("every budget ends where the interpreter ends", async () => {
    const source = `
      input xs: list<int>
      input d: double
      deny r { for x in xs when (x + 1) * 3 - x / 2 > 10 && d * 2.0 < 100.0 message "\${x % 5}" }
      output sum = xs.map(x, x * x + 1)
    `;
    const input = { xs: [1, 5, 9, 13], d: 1.5 };
    const [full] = await both(source, input);
    for (let fuel = 0; fuel <= full.fuel + 1; fuel += 50) {
      const [wasm, interpreted] = await both(source, input, { fuel });
      expect(wasm, `fuel ${fuel}`).toEqual(interpreted);
    }
  });

  test("statically numeric operators leave no library call site in the bundle", () => {
    const checked = check(`
      input n: int
      input xs: list<double>
      input t: duration
      const second = duration("1s")
      deny d { for x in xs when x * 2.0 > 1.5 && n + 1 > 2 && n % 3 != 0 && t + t > second }
    `);
    const bytes = generateBundle([checked]);
    const section = WebAssembly.Module.customSections(new WebAssembly.Module(bytes as BufferSource), "edict.manifest")[0]!;
    const manifest = JSON.parse(new TextDecoder().decode(section)) as { sites: { ids: string[] }[] };
    expect(manifest.sites.flatMap((s) => s.ids)).toEqual([]);
  });
});
