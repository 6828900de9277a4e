// The AssemblyScript helpers inside every bundle (wasm/assembly): the
// committed build is fresh, and each helper-backed library function agrees
// with the JavaScript version the reference interpreter runs, fuel included.

import { execFileSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rolloutBucket } from "../../runtime/lib/murmur3.js";
import { runs } from "../support/runs.js";
import { SCALAR_END } from "../../runtime/engine/manifest.js";
import { both, load, NOW } from "./support/harness.js";

const BUCKET = `
input key: string
input salt: string
output bucket = rollout.bucket(key, salt)
`;

describe("helpers in the bundle", () => {
  it("wasm/helpers.ts is what wasm/assembly compiles to", () => {
    expect(execFileSync(process.execPath, ["scripts/build-wasm.mjs", "--check"], { encoding: "utf8" })).toContain("up to date");
  }, 60_000);

  it("the helpers' static data and heap start where the scalar shadow ends", async () => {
    const { ASC_FLAGS } = (await import("../../scripts/build-wasm.mjs" as string)) as { ASC_FLAGS: string[] };
    expect(Number(ASC_FLAGS[ASC_FLAGS.indexOf("--memoryBase") + 1])).toBe(SCALAR_END);
    expect(SCALAR_END % 16).toBe(0);
  });

  it("rollout.bucket in Wasm equals the interpreter's JavaScript murmur3, fuel included", async () => {
    const { bundle } = await load(BUCKET);
    const text = fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: "grapheme", maxLength: 40 }));
    fc.assert(
      fc.property(text, text, (key, salt) => {
        const decision = Object.values(bundle.evaluate({ key, salt }, { now: NOW }).policies)[0]!;
        expect(decision.error).toBeNull();
        expect(decision.outputs.bucket).toBe(rolloutBucket(key, salt));
      }),
      { numRuns: runs(500) },
    );
    const [wasm, interpreted] = await both(BUCKET, { key: "agent-7", salt: "canary-2026" });
    expect(wasm).toEqual(interpreted);
  });

  it("grows the bundle's memory for long arguments and keeps the instance usable", async () => {
    const { bundle } = await load(BUCKET);
    const long = "é".repeat(200_000);
    const first = Object.values(bundle.evaluate({ key: long, salt: "s" }, { now: NOW }).policies)[0]!;
    expect(first.outputs.bucket).toBe(rolloutBucket(long, "s"));
    // Fuel cells and the value table live in the same memory: after it grew, the next evaluation must still count fuel.
    const next = Object.values(bundle.evaluate({ key: "a", salt: "b" }, { now: NOW }).policies)[0]!;
    expect(next.outputs.bucket).toBe(rolloutBucket("a", "b"));
    expect(next.fuel).toBeGreaterThan(0);
    const [wasm, interpreted] = await both(BUCKET, { key: long, salt: "s" });
    expect(wasm.fuel).toBe(interpreted.fuel);
  });

  it("a helper argument over the memory limit denies with internal", async () => {
    const { bundle } = await load(BUCKET, { memoryLimitBytes: 1 << 20, timeoutMs: 10_000 });
    const key = "k".repeat(700_000);
    const decision = Object.values(bundle.evaluate({ key, salt: key }, { now: NOW }).policies)[0]!;
    expect(decision.decision).toBe("deny");
    expect(decision.error?.code).toBe("internal");
    expect(decision.error?.message).toMatch(/memory limit/);
  });
});
