// Bundles through the public API: several policies in one module, modes,
// policy listing, hashes, per-policy fuel, options precedence.

import { describe, expect, test } from "vitest";
import { generateBundle } from "../../compiler/codegen/index.js";
import * as entry from "../../compiler/interpret/entry.js";
import { loadBundle } from "../../runtime/index.js";
import { check, interpreterBuiltins, NOW } from "./support/harness.js";

const DENY = `policy a.deny "Denies big n."
input n: int
deny big { when n > 3 message "n is \${n}" }
output doubled = n * 2`;

const ALLOW = `policy b.allow
input n: int
input tags: list<string>?
allow small { when n < 10 }
warn tagged { for t in tags == null ? [] : tags when t == "x" }`;

describe("bundles", () => {
  test("several policies, each its own decision, fuel and hash; overall deny when an enforced policy denies", async () => {
    const checked = [check(DENY), check(ALLOW)];
    const bundle = await loadBundle(generateBundle(checked));
    const input = { n: 5, tags: ["x", "y"] };
    const d = bundle.evaluate(input, { now: NOW });
    expect(d.decision).toBe("deny");
    expect(Object.keys(d.policies)).toEqual(["a.deny", "b.allow"]);
    const hashes = Object.fromEntries(bundle.policies.map((p) => [p.name, p.hash]));
    const interpreted = entry.interpretPolicies(checked, input, { now: NOW, clock: () => 0, builtins: await interpreterBuiltins(), hashes });
    expect(d).toEqual(interpreted);
    expect(d.policies["a.deny"]!.outputs).toEqual({ doubled: 10 });
    expect(d.policies["b.allow"]!.warnings).toEqual([{ rule: "tagged", message: "tagged" }]);
    expect(bundle.evaluate({ n: 50, tags: null }, { now: NOW }).policies["b.allow"]!.violations).toEqual([{ rule: "", message: "no allow rule matched" }]);
  });

  test("shadow mode never denies but reports what enforce would do", async () => {
    const bytes = generateBundle([check(DENY), check(ALLOW)]);
    const bundle = await loadBundle(bytes, { modes: { "a.deny": "shadow" } });
    const d = bundle.evaluate({ n: 5 }, { now: NOW });
    expect(d.decision).toBe("allow");
    expect(d.policies["a.deny"]).toMatchObject({ decision: "allow", mode: "shadow", wouldDeny: true, violations: [{ rule: "big", message: "n is 5" }] });
    expect(d.policies["b.allow"]).toMatchObject({ decision: "allow", mode: "enforce", wouldDeny: false });
  });

  test("bundle.policies lists names, descriptions, hashes, rules and inputs; hashes are stable", async () => {
    const bytes = generateBundle([check(DENY), check(ALLOW)]);
    const bundle = await loadBundle(bytes);
    expect(bundle.policies).toEqual([
      { name: "a.deny", description: "Denies big n.", hash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/), rules: [{ name: "big", kind: "deny" }], inputs: [{ name: "n", type: "int", nullable: false }] },
      {
        name: "b.allow",
        description: "",
        hash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
        rules: [{ name: "small", kind: "allow" }, { name: "tagged", kind: "warn" }],
        inputs: [{ name: "n", type: "int", nullable: false }, { name: "tags", type: "list<string>", nullable: true }],
      },
    ]);
    const again = await loadBundle(generateBundle([check(DENY)]));
    expect(again.policies[0]!.hash).toBe(bundle.policies[0]!.hash);
    const changed = await loadBundle(generateBundle([check(DENY.replace("n > 3", "n > 4"))]));
    expect(changed.policies[0]!.hash).not.toBe(bundle.policies[0]!.hash);
    const d = bundle.evaluate({ n: 1 }, { now: NOW });
    expect(d.policies["a.deny"]!.hash).toBe(bundle.policies[0]!.hash);
  });

  test("fuel and timeout: per call over per load over the defaults; each policy has the whole budget", async () => {
    const bundle = await loadBundle(generateBundle([check(DENY), check(ALLOW)]), { fuel: 3 });
    const d = bundle.evaluate({ n: 5 }, { now: NOW });
    expect(d.policies["a.deny"]!.error?.code).toBe("fuel_exhausted");
    expect(d.policies["a.deny"]!.fuel).toBe(3);
    const roomy = bundle.evaluate({ n: 5 }, { now: NOW, fuel: 1000 });
    expect(roomy.policies["a.deny"]!.error).toBeNull();
  });

  test("a compiled WebAssembly.Module loads too; two loads do not share state", async () => {
    const bytes = generateBundle([check(DENY)]);
    const module = await WebAssembly.compile(bytes as unknown as BufferSource);
    const one = await loadBundle(module);
    const two = await loadBundle(module);
    one.evaluate({ n: 5 }, { now: NOW, fuel: 2 });
    expect(two.evaluate({ n: 5 }, { now: NOW })).toEqual(one.evaluate({ n: 5 }, { now: NOW }));
  });

  test("a bad `now` is input_invalid", async () => {
    const bundle = await loadBundle(generateBundle([check(DENY)]));
    expect(bundle.evaluate({ n: 1 }, { now: "yesterday" }).policies["a.deny"]!.error?.code).toBe("input_invalid");
  });

  test("unsupported constructs are compile-time errors naming them", () => {
    // Every library overload is implemented today; an unknown id (a library newer than the runtime) must not compile.
    const checked = check(`input s: string\noutput o = s.size()`);
    for (const r of checked.resolutions.values()) if (r.kind === "overload") (r as { overloadId: string }).overloadId = "string_size_from_the_future";
    expect(() => generateBundle([checked])).toThrow(/wasm backend does not support 'size'/);
  });
});

test("a `now` outside the timestamp range is input_invalid on both engines", async () => {
  const checked = [check(DENY)];
  const bundle = await loadBundle(generateBundle(checked));
  const now = new Date(-62_200_000_000_000);
  const wasm = bundle.evaluate({ n: 1 }, { now });
  const hashes = Object.fromEntries(bundle.policies.map((p) => [p.name, p.hash]));
  expect(wasm).toEqual(entry.interpretPolicies(checked, { n: 1 }, { now, clock: () => 0, builtins: await interpreterBuiltins(), hashes }));
  expect(wasm.policies["a.deny"]!.error?.code).toBe("input_invalid");
});
