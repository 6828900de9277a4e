// The runtime under Deno (the npm package `deno` ships the binary): the same
// bundle and cases as Node, identical decisions, fuel and deadline included.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildFixture, comparable, errorCodes, repoRoot, type CaseResult, type Fixture } from "./fixture.js";

const deno = join(repoRoot, "node_modules/.bin/deno");
let fixture: Fixture;
let denoResults: CaseResult[];

beforeAll(async () => {
  fixture = await buildFixture();
  const out = execFileSync(deno, ["run", "--quiet", "--allow-read", "deno-run.mjs", "runtime.js", "bundle.wasm", "cases.json"], {
    cwd: fixture.dir,
    encoding: "utf8",
    env: { ...process.env, DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" },
  });
  denoResults = JSON.parse(out);
});

describe("Deno", () => {
  it("returns exactly Node's decisions for every case", () => {
    expect(comparable(denoResults)).toEqual(comparable(fixture.nodeResults));
  });

  it("exhausts fuel at the same point as Node", () => {
    const deno = denoResults.find((r) => r.name === "fuel exhausted")!;
    expect(deno.result.decision).toBe("deny");
    expect(errorCodes(deno.result)["test.spin"]).toBe("fuel_exhausted");
  });

  it("stops a long evaluation at the deadline", () => {
    const timedOut = denoResults.find((r) => r.name === "timeout")!;
    expect(errorCodes(timedOut.result)["test.spin"]).toBe("timeout");
    // Loose bound (the evaluation would otherwise run for many seconds); the exact figure is in the bench notes.
    expect(timedOut.elapsedMs).toBeLessThan(2_000);
  });
});
