// End to end against the hand-written oracle (bench/oracle.ts): every example
// policy on a rollout of generated agents must give exactly the oracle's
// violations, in the same order, with the same messages. Uses the real
// builtins registry; skipped while compiler/interpret/index.ts cannot load.
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { ALL_ORACLES, OracleError } from "../../bench/oracle.js";
import { generateRollout } from "../../bench/workload.js";
import { checkPolicy } from "../../compiler/check/index.js";
import type { CheckedPolicy } from "../../compiler/check/checked.js";
import { parsePolicy } from "../../grammar/index.js";

let interpreter: typeof import("../../compiler/interpret/index.js") | null = null;
try {
  interpreter = await import("../../compiler/interpret/index.js");
} catch {
  interpreter = null;
}

const examples = resolve(import.meta.dirname, "../../examples/otel");

function compileExample(file: string): CheckedPolicy {
  const source = readFileSync(join(examples, file), "utf8");
  const parsed = parsePolicy(file, source);
  const { checked, diagnostics } = checkPolicy(parsed.ast!, source);
  if (!checked) throw new Error(diagnostics.map((d) => d.message).join("\n"));
  return checked;
}

describe.skipIf(interpreter === null)("the example policies agree with the oracle on a generated rollout", () => {
  const rollout = generateRollout({ agents: 300, seed: 42 });
  const files = readdirSync(examples).filter((f) => f.endsWith(".edict"));

  for (const file of files) {
    test(file, () => {
      const checked = compileExample(file);
      const oracle = ALL_ORACLES.find((o) => o.name === checked.name);
      expect(oracle, `an oracle for ${checked.name}`).toBeDefined();
      let denied = 0;
      for (const input of rollout) {
        const d = interpreter!.interpretPolicy(checked, input, { now: input.now, clock: () => 0 });
        let expected;
        try {
          expected = oracle!.violations(input);
        } catch (e) {
          if (!(e instanceof OracleError)) throw e;
          expect(d.decision).toBe("deny");
          expect(d.error).not.toBeNull();
          continue;
        }
        expect(d.error).toBeNull();
        expect(d.violations).toEqual(expected);
        if (d.decision === "deny") denied++;
      }
      // The workload seeds violations of every policy.
      expect(denied).toBeGreaterThan(0);
    });
  }
});
