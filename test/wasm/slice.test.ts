import { describe, expect, test } from "vitest";
import { both } from "./support/harness.js";

const FIRST = `
input agent: Agent
input config: Collector

type Agent = { id: string, labels: map<string, string> }
type Collector = { service: { pipelines: map<string, Pipeline> } }
type Pipeline = { receivers: list<string>, processors?: list<string>, exporters: list<string> }

let is_prod = agent.labels["env"] == "production"

fn kind(id: string): string = id.split("/")[0]

deny debug_exporter_in_production {
  for name, p in config.service.pipelines
  for id in p.exporters
  when is_prod && kind(id) == "debug"
  message "pipeline \${name} sends to debug exporter \${id} in production"
}
`;

function input(env: string) {
  return {
    agent: { id: "a1", labels: { env } },
    config: {
      service: {
        pipelines: {
          traces: { receivers: ["otlp"], exporters: ["debug", "otlp/eu", "debug/2"] },
          logs: { receivers: ["otlp"], exporters: ["debug/x"] },
        },
      },
    },
  };
}

describe("vertical slice", () => {
  test("the first policy decides like the interpreter, fuel included", async () => {
    for (const env of ["production", "staging"]) {
      const [wasm, interpreted] = await both(FIRST, input(env));
      expect(wasm).toEqual(interpreted);
    }
    const [wasm] = await both(FIRST, input("production"));
    expect(wasm.decision).toBe("deny");
    expect(wasm.violations.map((v) => v.message)).toEqual([
      "pipeline logs sends to debug exporter debug/x in production",
      "pipeline traces sends to debug exporter debug in production",
      "pipeline traces sends to debug exporter debug/2 in production",
    ]);
  });
});
