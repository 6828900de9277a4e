// The package API `edict` (spec section 9): compile() and the loadBundle
// re-export, from source and from the built package (dist/index.js).
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { checkSources, compile, loadBundle } from "../../compiler/index.js";
import { ensureBuilt, repoRoot } from "./support.js";

const examples = join(repoRoot, "examples/otel");
const exampleSources = readdirSync(examples)
  .filter((f) => f.endsWith(".edict"))
  .sort()
  .map((f) => ({ name: `examples/otel/${f}`, source: readFileSync(join(examples, f), "utf8") }));

const PUBLIC_KEYS = ["severity", "message", "file", "line", "column", "endLine", "endColumn"];

describe("compile()", () => {
  it("compiles the examples into one bundle that loadBundle evaluates", async () => {
    const result = compile(exampleSources);
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.bundle).toBeInstanceOf(Uint8Array);
    const bundle = await loadBundle(result.bundle!);
    expect(bundle.policies.map((p) => p.name).sort()).toEqual([
      "otel.default_deny_exporter_removal",
      "otel.default_deny_tls_insecure_on_non_localhost",
      "otel.exporter_removal",
      "otel.hostmetrics_interval",
      "otel.no_debug_in_production",
      "otel.non_eu_endpoint",
      "otel.tls_insecure_non_localhost",
      "otel.traces_tail_sampling",
    ]);
    const decision = bundle.evaluate(
      { config: { exporters: {}, receivers: {}, service: { pipelines: {} } }, previous: null, traffic: {}, override: {}, agent: { id: "a", labels: {} } },
      { now: "2026-11-23T10:00:00Z" },
    );
    expect(decision.decision).toBe("allow");
  });

  it("returns diagnostics in the public shape, 1-based, for every file", () => {
    const result = compile([
      { name: "a.edict", source: "policy t.a\nlet x = nope\n" },
      { name: "b.edict", source: "policy t.b\ninput n: int\ndeny r { when n + 1 }\n" },
    ]);
    expect(result.ok).toBe(false);
    expect(result.bundle).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.file, d.line, d.column, d.severity])).toEqual([
      ["a.edict", 2, 9, "error"],
      ["b.edict", 3, 15, "error"],
    ]);
    const first = result.diagnostics[0]!;
    for (const key of PUBLIC_KEYS) expect(first).toHaveProperty(key);
    expect(first).toMatchObject({ endLine: 2, endColumn: 13 });
    expect(first.message).toContain("nope");
  });

  it("rejects two policies with the same name in one bundle", () => {
    const result = compile([
      { name: "one.edict", source: "policy t.same\n" },
      { name: "two.edict", source: "// the same name again\npolicy t.same\n" },
    ]);
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ severity: "error", file: "two.edict", line: 2, column: 8, message: "policy t.same is already defined in one.edict" }),
    ]);
  });

  it("rejects an empty list of sources", () => {
    const result = compile([]);
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]!.message).toBe("no policy files to compile");
  });

  it("keeps ok on warnings, unless warningsAsErrors", () => {
    const source = `policy t.w\ninput e: { endpoint?: string }\ndeny r { when e.endpoint == "x" }\n`;
    const lenient = compile([{ name: "w.edict", source }]);
    expect(lenient.ok).toBe(true);
    expect(lenient.diagnostics.map((d) => d.severity)).toEqual(["warning"]);
    expect(lenient.bundle).toBeInstanceOf(Uint8Array);
    expect(compile([{ name: "w.edict", source }], { warningsAsErrors: true }).ok).toBe(false);
  });

  it("checkSources gives the checked policies for the interpreter", () => {
    const result = checkSources(exampleSources);
    expect(result.ok).toBe(true);
    expect(result.checked.map((c) => c.name)).toContain("otel.no_debug_in_production");
  });
});

describe("the built package", () => {
  beforeAll(() => ensureBuilt());

  it("exports compile and loadBundle from dist/index.js, and loadBundle from dist/runtime.js", async () => {
    const edict = await import(pathToFileURL(join(repoRoot, "dist/index.js")).href);
    const runtime = await import(pathToFileURL(join(repoRoot, "dist/runtime.js")).href);
    const result = edict.compile([{ name: "p.edict", source: "policy t.p\ninput n: int\ndeny big { when n > 3 }\n" }]);
    expect(result.ok).toBe(true);
    for (const load of [edict.loadBundle, runtime.loadBundle]) {
      const bundle = await load(result.bundle);
      expect(bundle.evaluate({ n: 5 }).policies["t.p"].violations).toEqual([{ rule: "big", message: "big" }]);
      expect(bundle.evaluate({ n: 1 }).decision).toBe("allow");
    }
  });
});
