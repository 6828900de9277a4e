// The runtime inside workerd (Cloudflare's runtime, npm `workerd`): the bundle
// is bound as a precompiled module, decisions are served on 127.0.0.1.
import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixture, comparable, errorCodes, repoRoot, type CaseResult, type Fixture } from "./fixture.js";

let fixture: Fixture;
let server: ChildProcess;
let port: number;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      s.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function workerConfig(port: number): string {
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .edictWorker) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const edictWorker :Workerd.Worker = (
  modules = [
    (name = "worker.mjs", esModule = embed "worker.mjs"),
    (name = "runtime.js", esModule = embed "runtime.js"),
    (name = "run-cases.mjs", esModule = embed "run-cases.mjs"),
    (name = "bundle.wasm", wasm = embed "bundle.wasm"),
  ],
  compatibilityDate = "2025-01-01",
);
`;
}

async function post(cases: unknown): Promise<CaseResult[]> {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`, { method: "POST", body: JSON.stringify(cases) });
      if (!response.ok) throw new Error(`workerd answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as CaseResult[];
    } catch (error) {
      // workerd takes seconds to start on a loaded 2-core machine (5 s was once too short): wait up to 30 s.
      if (attempt > 300) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

beforeAll(async () => {
  fixture = await buildFixture();
  port = await freePort();
  writeFileSync(join(fixture.dir, "config.capnp"), workerConfig(port));
  server = spawn(join(repoRoot, "node_modules/.bin/workerd"), ["serve", "config.capnp"], {
    cwd: fixture.dir,
    stdio: ["ignore", "inherit", "inherit"],
  });
});

afterAll(() => {
  server?.kill();
});

describe("workerd", () => {
  it("returns exactly Node's decisions for every case", async () => {
    const results = await post(fixture.cases);
    expect(comparable(results)).toEqual(comparable(fixture.nodeResults));
    const fuel = results.find((r) => r.name === "fuel exhausted")!;
    expect(errorCodes(fuel.result)["test.spin"]).toBe("fuel_exhausted");
    const timedOut = results.find((r) => r.name === "timeout")!;
    expect(errorCodes(timedOut.result)["test.spin"]).toBe("timeout");
  });

  it("stops a runaway evaluation under the default budgets, by deadline or by fuel", async () => {
    // Cloudflare's production runtime freezes the clocks while a request runs
    // synchronously, so there only fuel can stop a runaway policy
    // (docs/embedding.md). workerd run locally advances performance.now(),
    // so here the deadline may fire first; either way the evaluation stops
    // and denies, which is what this checks.
    const timeoutCase = fixture.cases.find((c) => c.name === "timeout")!;
    const [result] = await post([{ ...timeoutCase, options: { now: timeoutCase.options?.now } }]);
    expect(result!.result.decision).toBe("deny");
    expect(["timeout", "fuel_exhausted"]).toContain(errorCodes(result!.result)["test.spin"]);
    expect(result!.elapsedMs).toBeLessThan(2_000);
  });
});
