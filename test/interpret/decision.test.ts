import { describe, expect, test } from "vitest";
import { STEP_FUEL } from "../../runtime/engine/fuel-costs.js";
import { decide } from "./support/run.js";

const FIRST = `
input agent: Agent
input config: Collector

type Agent = { id: string, labels: map<string, string> }
type Collector = {
  exporters: map<string, dyn>,
  service: { pipelines: map<string, Pipeline> },
}
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
      exporters: {},
      service: {
        pipelines: {
          traces: { receivers: ["otlp"], exporters: ["debug", "otlp/eu", "debug/2"] },
          logs: { receivers: ["otlp"], exporters: ["debug/x"] },
        },
      },
    },
  };
}

describe("the first policy of the spec", () => {
  test("production with debug exporters: one violation per binding, maps in key order", () => {
    const d = decide(FIRST, input("production"));
    expect(d.decision).toBe("deny");
    expect(d.error).toBeNull();
    expect(d.violations).toEqual([
      { rule: "debug_exporter_in_production", message: "pipeline logs sends to debug exporter debug/x in production" },
      { rule: "debug_exporter_in_production", message: "pipeline traces sends to debug exporter debug in production" },
      { rule: "debug_exporter_in_production", message: "pipeline traces sends to debug exporter debug/2 in production" },
    ]);
  });

  test("staging: allow, nothing reported", () => {
    const d = decide(FIRST, input("staging"));
    expect(d).toMatchObject({ decision: "allow", mode: "enforce", wouldDeny: false, violations: [], warnings: [], error: null, outputs: {} });
  });
});

describe("decision assembly", () => {
  test("default message is the rule name; when/unless", () => {
    const src = `input n: int
deny big { when n > 10 }
deny small { when n < 0 unless n == -1 }`;
    expect(decide(src, { n: 11 }).violations).toEqual([{ rule: "big", message: "big" }]);
    expect(decide(src, { n: -2 }).violations).toEqual([{ rule: "small", message: "small" }]);
    expect(decide(src, { n: -1 }).decision).toBe("allow");
  });

  test("allow rules: none granted gives the one violation", () => {
    const src = `input n: int
allow positive { when n > 0 }`;
    expect(decide(src, { n: 1 })).toMatchObject({ decision: "allow", violations: [] });
    expect(decide(src, { n: 0 })).toMatchObject({ decision: "deny", violations: [{ rule: "", message: "no allow rule matched" }], error: null });
  });

  test("a deny wins over a grant, without the allow violation", () => {
    const src = `input n: int
allow any { when true }
deny odd { when n % 2 == 1 }`;
    expect(decide(src, { n: 3 })).toMatchObject({ decision: "deny", violations: [{ rule: "odd", message: "odd" }] });
  });

  test("warnings never change the decision", () => {
    const src = `input n: int
warn big { when n > 10 message "n is \${n}" }`;
    expect(decide(src, { n: 11 })).toMatchObject({ decision: "allow", warnings: [{ rule: "big", message: "n is 11" }] });
  });

  test("outputs are rendered as JSON", () => {
    const src = `input n: int
output doubled = n * 2
output names = {"b": [1u, 2u], "a": [now]}
output big = 9007199254740993`;
    const d = decide(src, { n: 4 });
    expect(d.outputs).toEqual({ doubled: 8, names: { a: ["2026-11-23T10:00:00Z"], b: [1, 2] }, big: "9007199254740993" });
    expect(Object.keys(d.outputs.names as object)).toEqual(["a", "b"]);
  });

  test("hash is plumbed from the options", () => {
    expect(decide("input n: int", { n: 1 }, { hash: "sha256:abc" }).hash).toBe("sha256:abc");
  });
});

describe("errors fail closed", () => {
  test("a CEL error in a deny rule: eval_error naming the rule; earlier violations kept; later rules not run", () => {
    const src = `input m: map<string, int>
deny first { when true }
deny broken { when m["missing"] > 0 }
deny later { when true }`;
    const d = decide(src, { m: {} });
    expect(d.decision).toBe("deny");
    expect(d.error).toEqual({ code: "eval_error", message: "no such key: missing", rule: "broken" });
    expect(d.violations).toEqual([{ rule: "first", message: "first" }]);
  });

  test("commutative logic in a rule: false && error does not fail", () => {
    const src = `input m: map<string, int>
deny r { when m["missing"] > 0 && false }`;
    expect(decide(src, { m: {} })).toMatchObject({ decision: "allow", error: null });
  });

  test("an error in a message template denies", () => {
    const src = `input m: map<string, int>
deny r { message "value \${m["x"]}" }`;
    expect(decide(src, { m: {} }).error).toEqual({ code: "eval_error", message: "no such key: x", rule: "r" });
  });

  test("an error in an allow rule denies", () => {
    const src = `input m: map<string, int>
allow r { when m["x"] == 1 }`;
    expect(decide(src, { m: {} })).toMatchObject({ decision: "deny", error: { code: "eval_error", rule: "r" }, violations: [] });
  });

  test("a CEL error in a warn rule becomes a warning and does not deny", () => {
    const src = `input m: map<string, int>
warn w { for k in ["a", "x"] when m[k] > 0 message "\${k}" }
deny after { when m["a"] > 5 }`;
    const d = decide(src, { m: { a: 1 } });
    expect(d.decision).toBe("allow");
    expect(d.error).toBeNull();
    expect(d.warnings).toEqual([
      { rule: "w", message: "a" },
      { rule: "w", message: "evaluation error: no such key: x" },
    ]);
  });

  test("an error in an output denies, naming the output", () => {
    const src = `input m: map<string, int>
output v = m["x"]`;
    expect(decide(src, { m: {} })).toMatchObject({ decision: "deny", error: { code: "eval_error", message: "output v: no such key: x" } });
  });
});

describe("shadow mode", () => {
  const src = `input n: int
deny big { when n > 10 }`;
  test("never denies; wouldDeny and violations still reported", () => {
    const d = decide(src, { n: 11 }, { mode: "shadow" });
    expect(d).toMatchObject({ decision: "allow", mode: "shadow", wouldDeny: true, violations: [{ rule: "big", message: "big" }] });
    expect(decide(src, { n: 1 }, { mode: "shadow" })).toMatchObject({ decision: "allow", wouldDeny: false });
  });

  test("errors are reported in shadow mode", () => {
    const d = decide(src, { n: "x" }, { mode: "shadow" });
    expect(d).toMatchObject({ decision: "allow", wouldDeny: true, error: { code: "input_invalid" } });
  });
});

describe("expires and now", () => {
  const src = `input n: int
deny old { when n > 0 expires "2026-11-23T10:00:00Z" }
deny fresh { when n > 0 expires "2026-11-23T10:00:01Z" }
deny dated { when now > timestamp("2026-01-01T00:00:00Z") }`;
  test("a rule stops applying at its expiry instant", () => {
    const d = decide(src, { n: 1 }, { now: "2026-11-23T10:00:00Z" });
    expect(d.violations.map((v) => v.rule)).toEqual(["fresh", "dated"]);
    const later = decide(src, { n: 1 }, { now: new Date("2026-11-23T10:00:01Z") });
    expect(later.violations.map((v) => v.rule)).toEqual(["dated"]);
  });

  test("a bad now option is input_invalid", () => {
    expect(decide(src, { n: 1 }, { now: "yesterday" }).error?.code).toBe("input_invalid");
    expect(decide(src, { n: 1 }, { now: new Date(Date.UTC(10000, 0, 1)) }).error?.code).toBe("input_invalid");
  });
});

describe("lets and fns", () => {
  test("a let is evaluated at most once, on first use", () => {
    // Fuel shows it: reading the let twice costs the ident twice but its body once.
    const once = decide(`input n: int\nlet big = [1, 2, 3].map(x, x * n)\noutput a = big`, { n: 2 });
    const twice = decide(`input n: int\nlet big = [1, 2, 3].map(x, x * n)\noutput a = big\noutput b = big`, { n: 2 });
    expect(twice.outputs).toEqual({ a: [2, 4, 6], b: [2, 4, 6] });
    expect(twice.fuel - once.fuel).toBe(2 * STEP_FUEL); // one output + one ident
  });

  test("an unused let costs nothing and its error does not matter", () => {
    const d = decide(`input m: map<string, int>\nlet bad = m["x"]\ndeny r { when false || m.size() > 5 }`, { m: {} });
    expect(d).toMatchObject({ decision: "allow", error: null });
  });

  test("a let's error is remembered too: evaluated once, seen by every reader", () => {
    const src = `input m: map<string, int>\nlet v = m["x"]\nwarn a { when v > 0 }\nwarn b { when v > 1 }`;
    const d = decide(src, { m: {} });
    expect(d.warnings).toEqual([
      { rule: "a", message: "evaluation error: no such key: x" },
      { rule: "b", message: "evaluation error: no such key: x" },
    ]);
    // rules 2 + when 2 each (binary, ident; the literal after the error is skipped) + the let body (index, ident, literal) once
    expect(d.fuel).toBe((2 + 4 + 3) * STEP_FUEL);
  });

  test("fn parameters are values; the body sees only its parameters", () => {
    const d = decide(`input n: int\nfn twice(x: int): int = x + x\noutput v = twice(n + 1)`, { n: 2 });
    expect(d.outputs).toEqual({ v: 6 });
  });
});
