// Every examples/**/*.test.yaml passes, through the test runner API that
// `edict test` uses, on both engines.
import { readdirSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ENGINE_NAMES } from "../../cli/engine.js";
import { findTestFiles, runTestFile } from "../../cli/testing/run.js";

const examplesRoot = resolve(import.meta.dirname, "../../examples");
const otel = resolve(examplesRoot, "otel");

const POLICIES = [
  "tls-insecure-non-localhost",
  "exporter-removal",
  "non-eu-endpoint",
  "traces-tail-sampling",
  "hostmetrics-interval",
  "no-debug-in-production",
  "default-deny-exporter-removal",
  "default-deny-tls-insecure-on-non-localhost",
];

describe("examples/otel", () => {
  it("has the six seed policies and two product defaults, each with a test file", () => {
    const files = readdirSync(otel);
    for (const name of POLICIES) {
      expect(files).toContain(`${name}.edict`);
      expect(files).toContain(`${name}.test.yaml`);
    }
  });
});

describe.each(ENGINE_NAMES)("every example test passes on the %s engine", (engine) => {
  const files = findTestFiles([examplesRoot]);
  it("finds the example tests", () => expect(files.length).toBeGreaterThanOrEqual(POLICIES.length));
  for (const file of files) {
    it(file.slice(examplesRoot.length + 1), async () => {
      const outcome = await runTestFile(file, { engine });
      expect(outcome.error).toBeUndefined();
      expect(outcome.diagnostics).toEqual([]);
      const failures = outcome.cases.filter((c) => !c.passed).map((c) => `${c.name}: ${c.problem}`);
      expect(failures).toEqual([]);
      expect(outcome.cases.length).toBeGreaterThanOrEqual(5);
    });
  }
});
