// Every error class denies, through the public API (compile -> load ->
// evaluate), and a failed evaluation never breaks the next one.

import { describe, expect, test } from "vitest";
import { generateBundle } from "../../compiler/codegen/index.js";
import { loadBundle } from "../../runtime/index.js";
import { STEP_FUEL } from "../../runtime/engine/fuel-costs.js";
import { both, check, load, NOW } from "./support/harness.js";

const COUNT = `
input xs: list<int>
deny big { for x in xs when x > 10 message "x is \${x}" }
`;

describe("errors deny", () => {
  test("fuel exhaustion: fuel equals the budget, the rule is named, earlier violations are kept", async () => {
    const input = { xs: [11, 12, 13, 14] };
    const source = `${COUNT}\ndeny again { for x in xs when x > 10 }`;
    const budget = 40 * STEP_FUEL;
    const [wasm, interpreted] = await both(source, input, { fuel: budget });
    expect(wasm).toEqual(interpreted);
    expect(wasm.error).toMatchObject({ code: "fuel_exhausted", rule: "again" });
    expect(wasm.fuel).toBe(budget);
    expect(wasm.decision).toBe("deny");
    expect(wasm.violations.length).toBeGreaterThan(0);
  });

  test("a budget equal to the fuel used succeeds; one less is exhausted", async () => {
    const input = { xs: [1, 11, 3] };
    const [full] = await both(COUNT, input);
    const [exact] = await both(COUNT, input, { fuel: full.fuel });
    expect(exact.error).toBeNull();
    const [short, interpreted] = await both(COUNT, input, { fuel: full.fuel - 1 });
    expect(short.error?.code).toBe("fuel_exhausted");
    expect(short).toEqual(interpreted);
  });

  test("a long-running policy passes its deadline: timeout", async () => {
    const { bundle } = await load(`
      input xs: list<int>
      deny slow { for a in xs for b in xs for c in xs when a + b + c < 0 }
    `);
    const xs = Array.from({ length: 120 }, (_, i) => i);
    const d = bundle.evaluate({ xs }, { now: NOW, fuel: 1e12, timeoutMs: 5 }).policies["test.p0"]!;
    expect(d.decision).toBe("deny");
    expect(d.error).toMatchObject({ code: "timeout", rule: "slow" });
  });

  test("invalid input names its JSON path", async () => {
    const source = `
      input config: { exporters: map<string, { tls?: { insecure?: bool } }> }
      deny x { for id, e in config.exporters when has(e.tls) && has(e.tls.insecure) && e.tls.insecure }
    `;
    const input = { config: { exporters: { "otlp/eu": { tls: { insecure: "yes" } } } } };
    const [wasm, interpreted] = await both(source, input);
    expect(wasm).toEqual(interpreted);
    expect(wasm.error).toEqual({ code: "input_invalid", message: 'config.exporters["otlp/eu"].tls.insecure: expected bool, got string' });
    expect(wasm.fuel).toBe(0);
    const [missing] = await both(source, {});
    expect(missing.error?.code).toBe("input_invalid");
  });

  test("nesting deeper than 256 levels in a read dyn input is input_invalid, not a crash", async () => {
    let deep: unknown = 1;
    for (let i = 0; i < 400; i++) deep = [deep];
    const [wasm, interpreted] = await both(`input d: dyn\ndeny x { when d == 1 }`, { d: deep });
    expect(wasm).toEqual(interpreted);
    expect(wasm.error?.code).toBe("input_invalid");
  });

  test("a CEL error denies in deny rules and outputs, and is a warning in warn rules", async () => {
    const source = `
      input n: int
      warn w { when 10 / n > 1 }
      deny d { when 10 / n > 1 }
    `;
    const [wasm, interpreted] = await both(source, { n: 0 });
    expect(wasm).toEqual(interpreted);
    expect(wasm.warnings).toEqual([{ rule: "w", message: "evaluation error: division by zero" }]);
    expect(wasm.error).toEqual({ code: "eval_error", message: "division by zero", rule: "d" });
    const [out, outInterpreted] = await both(`input n: int\noutput q = 10 / n`, { n: 0 });
    expect(out).toEqual(outInterpreted);
    expect(out.error).toEqual({ code: "eval_error", message: "output q: division by zero" });
  });

  test("commutative logic: false && error is false, true || error is true", async () => {
    const source = `
      input n: int
      deny a { when n == 0 && 10 / n > 1 }
      deny b { when 10 / n > 1 && n == 0 }
      deny c { when n != 0 || 10 / n > 1 }
    `;
    const [wasm, interpreted] = await both(source, { n: 0 });
    expect(wasm).toEqual(interpreted);
    expect(wasm.error).toMatchObject({ code: "eval_error", rule: "a" });
    const [ok] = await both(source.replace("deny a { when n == 0 && 10 / n > 1 }\n", ""), { n: 0 });
    expect(ok.error).toMatchObject({ rule: "b" });
  });

  test("memory limit: a string result over the limit is internal", async () => {
    const source = `input s: string\noutput t = s + s`;
    const [wasm, interpreted] = await both(source, { s: "a".repeat(600) }, { memoryLimitBytes: 1000 });
    expect(wasm).toEqual(interpreted);
    expect(wasm.error?.code).toBe("internal");
    expect(wasm.error?.message).toContain("memory limit");
  });

  test("the instance is usable after every kind of failure", async () => {
    const { bundle } = await load(COUNT);
    const good = bundle.evaluate({ xs: [11] }, { now: NOW });
    bundle.evaluate({ xs: [11, 12, 13] }, { now: NOW, fuel: 3 });
    bundle.evaluate({ xs: "nope" }, { now: NOW });
    expect(bundle.evaluate({ xs: [11] }, { now: NOW })).toEqual(good);
  });
});

describe("bad bundles are rejected with a clear Error", () => {
  const bytes = generateBundle([check(COUNT)]);

  test("truncated", async () => {
    await expect(loadBundle(bytes.slice(0, bytes.length >> 1))).rejects.toThrow(/Edict bundle/);
    await expect(loadBundle(new Uint8Array(0))).rejects.toThrow(/Edict bundle/);
  });

  test("every flipped byte and every truncation is rejected at load with a clear Error", async () => {
    for (let at = 0; at < bytes.length; at += 7) {
      const bad = bytes.slice();
      bad[at] = bad[at]! ^ (1 << (at % 8));
      await expect(loadBundle(bad), `byte ${at}`).rejects.toThrow(/Edict bundle/);
    }
    for (let length = 0; length < bytes.length; length += 13) {
      await expect(loadBundle(bytes.slice(0, length)), `length ${length}`).rejects.toThrow(/Edict bundle/);
    }
  });

  test("a Wasm module that is not a bundle", async () => {
    const empty = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);
    await expect(loadBundle(empty)).rejects.toThrow(/Edict bundle/);
    await expect(loadBundle(await WebAssembly.compile(empty as unknown as BufferSource))).rejects.toThrow(/not an Edict bundle/);
  });
});

describe("limits of the compiler", () => {
  test("an expression nested too deeply is a clear compile-time error, not a crash", () => {
    const chain = Array.from({ length: 5000 }, () => "n").join(" + ");
    expect(() => generateBundle([check(`input n: int\noutput o = ${chain}`)])).toThrow(/nested too deeply/);
  });
});
