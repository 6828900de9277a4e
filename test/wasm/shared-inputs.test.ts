// Inputs shared by several policies of a bundle are converted once, under
// the union of what they read (compiler/codegen/shared-inputs.ts). Each
// policy must still decide exactly as it does alone: the interpreter
// converts per policy and is the oracle.

import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateRollout } from "../../bench/workload.js";
import { bundleHashes, generateBundle } from "../../compiler/codegen/index.js";
import * as entry from "../../compiler/interpret/entry.js";
import { loadBundle } from "../../runtime/index.js";
import { checkedPolicy } from "../support/checked-policy.js";
import { runs } from "../support/runs.js";
import { interpreterBuiltins, NOW } from "./support/harness.js";

async function engines(sources: string[]) {
  const checked = sources.map((s, k) => checkedPolicy(s, `p${k}`));
  const bytes = generateBundle(checked);
  const manifest = JSON.parse(new TextDecoder().decode(WebAssembly.Module.customSections(new WebAssembly.Module(bytes as BufferSource), "edict.manifest")[0]!));
  const bundle = await loadBundle(bytes, { timeoutMs: 10_000 });
  const builtins = await interpreterBuiltins();
  const hashes = bundleHashes(checked);
  return {
    shared: (manifest.shared ?? []) as { name: string; members: [number, number][] }[],
    compare(input: object): void {
      const wasm = bundle.evaluate(input, { now: NOW });
      const interpreted = entry.interpretPolicies(checked, input, { now: NOW, builtins, clock: () => 0, timeoutMs: 10_000, hashes });
      expect(wasm).toEqual(interpreted);
    },
    decide: (input: object) => bundle.evaluate(input, { now: NOW }),
  };
}

describe("shared inputs", () => {
  it("policies reading different fields share one conversion, and a field only one reads fails only that one", async () => {
    const e = await engines([
      "input c: { a: int }\ndeny big { when c.a > 10 }",
      "input c: { b: string }\ndeny empty { when c.b == '' }",
    ]);
    expect(e.shared.map((s) => s.members)).toEqual([[[0, 0], [1, 0]]]);
    e.compare({ c: { a: 11, b: "x" } });
    e.compare({ c: { a: 1, b: 7 } });
    const d = e.decide({ c: { a: 1, b: 7 } });
    expect(d.policies["p0"]!.error).toBeNull();
    expect(d.policies["p1"]!.error).toEqual({ code: "input_invalid", message: "c.b: expected string, got number" });
    e.compare({ c: { b: "" } });
  });

  it("a record one policy uses whole is not widened by another policy's fields", async () => {
    const e = await engines([
      "type X = { p: int }\ninput c: { x: X }\noutput o = c.x",
      "type X = { p: int, q: string }\ninput c: { x: X }\ndeny r { when c.x.q == 'no' }",
    ]);
    expect(e.shared).toEqual([]);
    const input = { c: { x: { p: 1, q: "no", z: true } } };
    e.compare(input);
    expect(e.decide(input).policies["p0"]!.outputs).toEqual({ o: { p: 1 } });
  });

  it("the same record used whole by both is shared", async () => {
    const e = await engines(["input c: { p: int }\noutput o = c", "input c: { p: int }\noutput o = c == {'p': 1}"]);
    expect(e.shared.length).toBe(1);
    e.compare({ c: { p: 1, extra: "ignored" } });
  });

  it("different kinds, optionality, nullability or key types are converted apart", async () => {
    const cases: [string, string, object][] = [
      ["input c: { n: int }\noutput o = type(c.n) == int", "input c: { n: dyn }\noutput o = type(c.n) == double", { c: { n: 3 } }],
      ["input c: { f?: string }\noutput o = has(c.f)", "input c: { f: string }\noutput o = c.f", { c: {} }],
      ["input c: { f: string }?\noutput o = c == null", "input c: { f: string }\noutput o = c.f", { c: null }],
      ["input c: map<int, string>\noutput o = size(c)", "input c: map<string, string>\noutput o = size(c)", { c: { "1": "a" } }],
    ];
    for (const [a, b, input] of cases) {
      const e = await engines([a, b]);
      expect(e.shared, `${a} | ${b}`).toEqual([]);
      e.compare(input);
    }
  });

  it("the six seed policies decide like the interpreter on rollout inputs with random damage", async () => {
    const names = ["tls-insecure-non-localhost", "exporter-removal", "non-eu-endpoint", "traces-tail-sampling", "hostmetrics-interval", "no-debug-in-production"];
    const e = await engines(names.map((n) => readFileSync(`examples/otel/${n}.edict`, "utf8")));
    expect(e.shared.map((s) => s.members.length)).toEqual([6]);
    const agents = generateRollout({ agents: 40, seed: 7 }) as unknown as Record<string, unknown>[];
    const damage = fc.constantFrom<unknown>(null, 42, "text", true, [], {}, [1, "x"], { insecure: "yes" }, "-5s");
    fc.assert(
      fc.property(fc.nat(agents.length - 1), fc.array(fc.tuple(fc.nat(), damage), { maxLength: 3 }), (which, hits) => {
        const input = structuredClone(agents[which]!);
        for (const [at, value] of hits) replaceSomewhere(input, at, value);
        e.compare(input);
      }),
      { numRuns: runs(150) },
    );
  });
});

describe("shared inputs, random policies", () => {
  const scalar = fc.constantFrom("int", "string", "bool", "dyn", "double", "list<int>", "map<string, int>", "{ x?: int, y?: string }", "{ x: int }");
  // A catalogue of fields that the policies mostly agree on, so that they often share (and sometimes
  // differ in one field's type or optionality, so that they sometimes must not).
  type Field = { name: string; optional: boolean; type: string; read: string };
  const catalogue = fc.tuple(...["a", "b", "c", "d"].map((name) => fc.record({ name: fc.constant(name), optional: fc.boolean(), type: scalar })));
  const policyFrom = (fields: Field[]) =>
    fc.record({
      pick: fc.subarray(fields, { minLength: 1 }),
      reads: fc.array(fc.constantFrom("no", "has", "value"), { minLength: 4, maxLength: 4 }),
      deviate: fc.option(fc.record({ at: fc.nat(3), optional: fc.boolean(), type: scalar }), { freq: 4 }),
      whole: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
      nullable: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
    }).map(({ pick, reads, deviate, whole, nullable }) => ({
      fields: pick.map((f, i) => ({ ...f, read: reads[i]!, ...(deviate && deviate.at === i ? { optional: deviate.optional, type: deviate.type } : {}) })),
      whole,
      nullable,
    }));
  const policies = catalogue.chain((fields) => fc.array(policyFrom(fields.map((f) => ({ ...f, read: "no" }))), { minLength: 2, maxLength: 3 }));
  const json = fc.oneof(
    fc.integer({ min: -5, max: 5 }),
    fc.constantFrom(1.5, "s", "", true, null, [1, 2], ["x"], { x: 1 }, { x: 1, y: "t" }, { x: "bad" }, { k: 3 }, {}),
  );
  const input = fc.dictionary(fc.constantFrom("a", "b", "c", "d", "z"), json, { maxKeys: 5 });

  function source(p: { fields: Field[]; whole: boolean; nullable: boolean }): string {
    const decl = p.fields.map((f) => `${f.name}${f.optional ? "?" : ""}: ${f.type}`).join(", ");
    const lines = [`input c: { ${decl} }${p.nullable ? "?" : ""}`];
    const base = p.nullable ? "c != null && " : "";
    for (const f of p.fields) {
      if (f.read === "has") lines.push(`output has_${f.name} = ${base}has(c.${f.name})`);
      if (f.read === "value") {
        lines.push(`output value_${f.name} = ${p.nullable ? `c == null ? null : dyn(c.${f.name})` : `dyn(c.${f.name})`}`);
        // JSON output cannot tell 3 from 3.0: the type can.
        lines.push(`output kind_${f.name} = ${base}[int, uint, double, string].exists(t, type(c.${f.name}) == t)`);
        lines.push(`output int_${f.name} = ${base}type(c.${f.name}) == int`);
      }
    }
    if (p.whole) lines.push("output all = c");
    if (lines.length === 1) lines.push("output none = 1");
    return lines.join("\n");
  }

  it("a bundle of 2-3 random policies over one input decides like the interpreter", async () => {
    await fc.assert(
      fc.asyncProperty(policies, fc.array(input, { minLength: 1, maxLength: 4 }), async (bundle, inputs) => {
        const e = await engines(bundle.map(source));
        for (const c of inputs) {
          e.compare({ c });
        }
        e.compare({ c: null });
        e.compare({});
      }),
      { numRuns: runs(60) },
    );
  }, 120_000);
});

/** Replaces the `at`-th (mod count) value below the input's top level with `value`. */
function replaceSomewhere(root: Record<string, unknown>, at: number, value: unknown): void {
  const slots: [Record<string, unknown> | unknown[], string | number][] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach((item, i) => (slots.push([v, i]), walk(item)));
    else if (v !== null && typeof v === "object") for (const [k, item] of Object.entries(v)) (slots.push([v as Record<string, unknown>, k]), walk(item));
  };
  for (const top of Object.values(root)) walk(top);
  if (slots.length === 0) return;
  const [holder, key] = slots[at % slots.length]!;
  (holder as Record<string | number, unknown>)[key] = value;
}
