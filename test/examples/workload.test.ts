// The rollout generator (bench/workload.ts) and the hand-written oracle
// (bench/oracle.ts): deterministic, the documented shape and rates, and an
// oracle that agrees with the example policies' own tests.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { EU_HOSTS, LOOPBACK_HOSTS, generateRollout, type RolloutInput } from "../../bench/workload.js";
import { ALL_ORACLES, OracleError, PRODUCT_DEFAULT_ORACLES, oracleDenyCounts } from "../../bench/oracle.js";
import { netHost, netIsLoopback } from "../../runtime/lib/net.js";

const examples = resolve(import.meta.dirname, "../../examples/otel");
const rollout = generateRollout({ agents: 1000, seed: 42 });

function count(inputs: readonly RolloutInput[], predicate: (i: RolloutInput) => boolean): number {
  return inputs.filter(predicate).length;
}

describe("generateRollout", () => {
  it("is deterministic: the same options give the same JSON", () => {
    const again = generateRollout({ agents: 1000, seed: 42 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(rollout));
    expect(JSON.stringify(generateRollout({ agents: 20, seed: 7, heavy: true }))).toBe(
      JSON.stringify(generateRollout({ agents: 20, seed: 7, heavy: true })),
    );
  });

  it("gives different rollouts for different seeds, and a prefix for fewer agents", () => {
    expect(JSON.stringify(generateRollout({ agents: 50, seed: 43 }))).not.toBe(JSON.stringify(rollout.slice(0, 50)));
    expect(generateRollout({ agents: 50, seed: 42 })).toEqual(rollout.slice(0, 50));
  });

  it("numbers agents in order and splits environments 45/30/25 %", () => {
    expect(rollout.map((i) => i.agent.id).slice(0, 3)).toEqual(["agent-0001", "agent-0002", "agent-0003"]);
    expect(rollout[999]!.agent.id).toBe("agent-1000");
    expect(count(rollout, (i) => i.agent.labels.env === "production")).toBe(450);
    expect(count(rollout, (i) => i.agent.labels.env === "staging")).toBe(300);
    expect(count(rollout, (i) => i.agent.labels.env === "dev")).toBe(250);
  });

  it("has the documented shape", () => {
    for (const input of rollout) {
      expect(Object.keys(input)).toEqual(["tenant", "now", "rollout", "agent", "config", "previous", "traffic", "override"]);
      const exporters = Object.keys(input.config.exporters).filter((id) => !id.startsWith("debug"));
      expect(exporters.length).toBeGreaterThanOrEqual(1);
      expect(exporters.length).toBeLessThanOrEqual(6);
      const pipelines = Object.keys(input.config.service.pipelines);
      expect(pipelines.length).toBeGreaterThanOrEqual(2);
      expect(pipelines.length).toBeLessThanOrEqual(5);
      expect(pipelines[0]).toBe("traces");
      for (const p of Object.values(input.config.service.pipelines)) {
        for (const id of p.exporters) expect(Object.hasOwn(input.config.exporters, id)).toBe(true);
      }
      for (const id of Object.keys(input.config.exporters)) expect(typeof input.traffic[id]).toBe("number");
    }
    const size = JSON.stringify(rollout).length / rollout.length;
    expect(size).toBeGreaterThan(2500);
    expect(size).toBeLessThan(4000);
    expect(count(rollout, (i) => i.previous === null)).toBeGreaterThan(150);
    expect(count(rollout, (i) => i.previous === null)).toBeLessThan(250);
  });

  it("gives heavy configs 150 exporters and 150 pipelines", () => {
    const [heavy] = generateRollout({ agents: 1, seed: 42, heavy: true });
    expect(Object.keys(heavy!.config.exporters).filter((id) => !id.startsWith("debug")).length).toBeGreaterThanOrEqual(149);
    expect(Object.keys(heavy!.config.service.pipelines).length).toBe(150);
  });

  it("uses only EU and loopback hosts, plus a few non-EU ones for the seeded violations", () => {
    const hosts = new Set(rollout.flatMap((i) => Object.values(i.config.exporters).flatMap((e) => (e.endpoint ? [netHost(e.endpoint)] : []))));
    for (const h of EU_HOSTS) expect(hosts.has(h)).toBe(true);
    for (const h of LOOPBACK_HOSTS) expect(hosts.has(h)).toBe(true);
    const others = [...hosts].filter((h) => !EU_HOSTS.includes(h) && !LOOPBACK_HOSTS.includes(h));
    expect(others.length).toBeGreaterThan(0);
    expect(others.length).toBeLessThanOrEqual(3);
  });

  it("seeds near misses that must not deny", () => {
    const exporters = rollout.flatMap((i) => Object.values(i.config.exporters));
    const insecureLocal = exporters.filter((e) => e.tls?.insecure && e.endpoint && netIsLoopback(netHost(e.endpoint)));
    expect(insecureLocal.length).toBeGreaterThan(100);
    const debugOutsideProduction = count(rollout, (i) => i.agent.labels.env !== "production" && Object.keys(i.config.exporters).some((id) => id.startsWith("debug")));
    expect(debugOutsideProduction).toBeGreaterThan(40);
    const boundaryIntervals = count(rollout, (i) => Object.values(i.config.receivers).some((r) => r.collection_interval === "60s" || r.collection_interval === "1m"));
    expect(boundaryIntervals).toBeGreaterThan(100);
    const removals = rollout.filter((i) => i.previous && Object.keys(i.previous.exporters).some((id) => !(id in i.config.exporters)));
    const removedTraffic = (i: RolloutInput) => Object.keys(i.previous!.exporters).filter((id) => !(id in i.config.exporters)).map((id) => i.traffic[id]);
    expect(removals.filter((i) => removedTraffic(i).every((t) => t === 0)).length).toBeGreaterThan(0);
    expect(removals.filter((i) => i.override.exporter_removal).length).toBeGreaterThan(0);
  });
});

describe("the oracle on the rollout", () => {
  it("denies at the seeded rates (regression pin for seed 42)", () => {
    const counts = oracleDenyCounts(rollout);
    for (const n of Object.values(counts)) {
      expect(n).toBeGreaterThanOrEqual(20);
      expect(n).toBeLessThanOrEqual(70);
    }
    expect(counts).toEqual({
      "otel.tls_insecure_non_localhost": 39,
      "otel.exporter_removal": 28,
      "otel.non_eu_endpoint": 51,
      "otel.traces_tail_sampling": 38,
      "otel.hostmetrics_interval": 39,
      "otel.no_debug_in_production": 48,
    });
    expect(oracleDenyCounts(rollout, PRODUCT_DEFAULT_ORACLES)).toEqual({
      "otel.default_deny_exporter_removal": 35,
      "otel.default_deny_tls_insecure_on_non_localhost": 39,
    });
  });

  it("denies at the seeded rates on heavy configs (regression pin for 200 agents, seed 42)", () => {
    expect(oracleDenyCounts(generateRollout({ agents: 200, seed: 42, heavy: true }))).toEqual({
      "otel.tls_insecure_non_localhost": 5,
      "otel.exporter_removal": 11,
      "otel.non_eu_endpoint": 6,
      "otel.traces_tail_sampling": 11,
      "otel.hostmetrics_interval": 11,
      "otel.no_debug_in_production": 10,
    });
  });

  it("lists violations exactly when it denies", () => {
    for (const policy of ALL_ORACLES) {
      for (const input of rollout) expect(policy.violations(input).length > 0).toBe(policy.denies(input));
    }
  });
});

interface YamlCase { name: string; input: object; expect: string; violations?: string[]; error?: string }

describe("the oracle agrees with the example policies' tests", () => {
  const byFile = new Map([
    ["tls-insecure-non-localhost", "otel.tls_insecure_non_localhost"],
    ["exporter-removal", "otel.exporter_removal"],
    ["non-eu-endpoint", "otel.non_eu_endpoint"],
    ["traces-tail-sampling", "otel.traces_tail_sampling"],
    ["hostmetrics-interval", "otel.hostmetrics_interval"],
    ["no-debug-in-production", "otel.no_debug_in_production"],
    ["default-deny-exporter-removal", "otel.default_deny_exporter_removal"],
    ["default-deny-tls-insecure-on-non-localhost", "otel.default_deny_tls_insecure_on_non_localhost"],
  ]);
  const files = readdirSync(examples).filter((f) => byFile.has(f.replace(/\.test\.yaml$/, "")));
  it("covers the six seed policies and the two product defaults", () => expect(files.length).toBe(8));
  for (const file of files) {
    const policy = ALL_ORACLES.find((p) => p.name === byFile.get(file.replace(/\.test\.yaml$/, "")))!;
    const cases = (parseYaml(readFileSync(join(examples, file), "utf8")) as { cases: YamlCase[] }).cases;
    // Error cases depend on input typing and fuel, which the oracle does not model.
    for (const c of cases.filter((c) => c.error === undefined)) {
      it(`${file} › ${c.name}`, () => {
        let violations: string[];
        try {
          violations = policy.violations(c.input).map((v) => v.rule);
        } catch (e) {
          if (e instanceof OracleError) violations = ["<error>"];
          else throw e;
        }
        expect(violations.length > 0 ? "deny" : "allow").toBe(c.expect);
        if (c.violations) expect(violations).toEqual(c.violations);
      });
    }
  }
});
