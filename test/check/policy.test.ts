// Policy-level checking: declarations in any order, rules and their `for`
// clauses, optional-field guards, references, and the input types pruned
// to what the policy reads.

import { describe, expect, it } from "vitest";
import type { Expr, PolicyFile } from "../../compiler/ast.js";
import type { CheckedPolicy } from "../../compiler/check/checked.js";
import { typeToString } from "../../compiler/types.js";
import { checkSource, policy, shape } from "./helpers.js";

const SEED = `policy otel.no_debug_in_production "No debug exporter in production."

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

function ok(source: string): CheckedPolicy {
  const { checked, diagnostics } = checkSource(source);
  expect(diagnostics).toEqual([]);
  expect(checked).not.toBeNull();
  return checked!;
}

function used(source: string, input: string): string {
  const checked = checkSource(source).checked!;
  return shape(checked.inputs.find((i) => i.name === input)!.usedType);
}

/** The expression of `output NAME = ...` and its type. */
function outputType(checked: CheckedPolicy, name: string): string {
  const o = checked.outputs.find((x) => x.name.name === name)!;
  return typeToString(checked.exprTypes.get(o.value.id)!);
}

function findIdent(ast: PolicyFile, name: string, checked: CheckedPolicy): Expr[] {
  return [...checked.exprTypes.keys()].flatMap((id) => {
    const found: Expr[] = [];
    const visit = (e: unknown): void => {
      if (!e || typeof e !== "object") return;
      if (Array.isArray(e)) return e.forEach(visit);
      const n = e as Expr;
      if (n.kind === "ident" && n.name === name && n.id === id) found.push(n);
      for (const v of Object.values(e)) if (v && typeof v === "object") visit(v);
    };
    visit(ast.decls);
    return found;
  });
}

describe("the seed policy", () => {
  it("checks cleanly and fills the policy record", () => {
    const checked = ok(SEED);
    expect(checked.name).toBe("otel.no_debug_in_production");
    expect(checked.description).toBe("No debug exporter in production.");
    expect(checked.rules.map((r) => r.name.name)).toEqual(["debug_exporter_in_production"]);
    expect([...checked.lets.keys()]).toEqual(["is_prod"]);
    expect([...checked.fns.keys()]).toEqual(["kind"]);
    expect([...checked.types.keys()]).toEqual(["Agent", "Collector", "Pipeline"]);
    expect(checked.inputs.map((i) => [i.name, typeToString(i.type), i.nullable])).toEqual([
      ["agent", "Agent", false],
      ["config", "Collector", false],
    ]);
  });

  it("prunes the inputs to the fields read", () => {
    expect(used(SEED, "agent")).toBe("{ labels: map<string, string> }");
    expect(used(SEED, "config")).toBe("{ service: { pipelines: map<string, { exporters: list<string> }> } }");
  });

  it("records what each identifier refers to", () => {
    const checked = ok(SEED);
    const refs = (name: string) => findIdent(checked.ast, name, checked).map((e) => checked.references.get(e.id));
    expect(refs("agent")).toEqual([{ kind: "input", name: "agent" }]);
    expect(refs("is_prod")).toEqual([{ kind: "let", name: "is_prod" }]);
    expect(refs("id")).toContainEqual({ kind: "param", fn: "kind", index: 0, name: "id" });
    const rule = checked.rules[0]!;
    expect(refs("name")).toEqual([{ kind: "local", name: "name", binder: rule.fors[0]!.source.id }]);
    expect(checked.resolutions.get((rule.when as Expr & { kind: "binary" }).right.id)).toMatchObject({ overloadId: "equals" });
  });

  it("gives a type to every expression node", () => {
    const checked = ok(SEED);
    const visit = (v: unknown): void => {
      if (!v || typeof v !== "object") return;
      if (Array.isArray(v)) return v.forEach(visit);
      const n = v as { kind?: string; id?: number };
      const exprKinds = ["literal", "ident", "select", "index", "call", "list", "map", "unary", "binary", "conditional"];
      if (n.kind && exprKinds.includes(n.kind) && typeof n.id === "number") expect(checked.exprTypes.has(n.id), `${n.kind} ${n.id}`).toBe(true);
      for (const x of Object.values(v)) visit(x);
    };
    visit(checked.ast.decls);
  });
});

describe("declarations", () => {
  it("lets, consts and fns may be used before they are declared", () => {
    const checked = ok(policy("output o = twice(a)", "let a = b + 1", "let b = 2", "fn twice(x: int): int = x * 2"));
    expect(outputType(checked, "o")).toBe("int");
  });

  it("a let's type is its expression's", () => {
    const checked = ok(policy("input xs: list<string>", "let firsts = xs.map(x, x.substring(0, 1))", "output o = firsts"));
    expect(outputType(checked, "o")).toBe("list<string>");
  });

  it("a let of an empty list may be used at different element types", () => {
    const checked = ok(policy("let none = []", "output a = none + [1]", 'output b = none + ["x"]'));
    expect(outputType(checked, "a")).toBe("list<dyn>");
  });

  it("now is a timestamp", () => {
    const checked = ok(policy("output o = now - duration('1h')"));
    expect(outputType(checked, "o")).toBe("timestamp");
  });

  it("a fn's parameters are typed by its signature", () => {
    const checked = ok(policy("type P = { n: int }", "fn big(p: P): bool = p.n > 10", "input ps: list<P>", "output o = ps.filter(p, big(p))"));
    expect(outputType(checked, "o")).toBe("list<P>");
  });

  it("a nullable input may be compared with null", () => {
    ok(policy("input previous: { n: int }?", "output o = previous == null"));
  });

  it("a valid expires is accepted", () => {
    ok(policy("deny r {", '  expires "2030-12-31T23:59:59.5+02:00"', "}"));
  });

  it("message holes accept every type string() converts", () => {
    ok(policy("input a: { i: int, d: double, t: timestamp, l: duration, b: bytes, y: dyn, u: uint, z: bool }", "deny r {", '  message "${a.i} ${a.d} ${a.t} ${a.l} ${a.b} ${a.y} ${a.u} ${a.z}"', "}"));
  });
});

describe("rules", () => {
  const forType = (forClause: string, source: string, probe: string) => {
    const checked = ok(policy(`input v: ${source}`, "deny r {", `  ${forClause}`, `  when ${probe} == ${probe}`, "}"));
    const when = checked.rules[0]!.when as Expr & { kind: "binary" };
    return typeToString(checked.exprTypes.get(when.left.id)!);
  };

  it.each([
    ["for x in v", "list<string>", "x", "string"],
    ["for i, x in v", "list<string>", "i", "int"],
    ["for i, x in v", "list<string>", "x", "string"],
    ["for k in v", "map<string, int>", "k", "string"],
    ["for k, x in v", "map<string, int>", "x", "int"],
    ["for k in v", "dyn", "k", "dyn"],
  ])("%s over %s binds %s: %s", (clause, source, probe, expected) => {
    expect(forType(clause, source, probe)).toBe(expected);
  });

  it("later for clauses see earlier variables", () => {
    ok(policy("input m: map<string, list<int>>", "deny r {", "  for k, xs in m", "  for x in xs", "  when x > 0 && k != ''", "}"));
  });
});

describe("optional field guards", () => {
  const source = (when: string, message = "m") =>
    policy("input p: { procs?: list<string>, sub?: { deep?: int } }", "input items: list<{ procs?: list<string> }>", "deny r {", `  when ${when}`, `  message "${message}"`, "}");
  const warnings = (when: string, message?: string) => checkSource(source(when, message)).diagnostics.map((d) => d.code);

  it.each([
    ["has(p.procs) && size(p.procs) > 0"],
    ["size(p.procs) > 0 && has(p.procs)"],
    ["!has(p.procs) || size(p.procs) > 0"],
    ["has(p.procs) ? size(p.procs) > 0 : false"],
    ["!has(p.procs) ? false : size(p.procs) > 0"],
    ["p.?procs.orValue([]).size() > 0"],
    ["has(p.sub) && has(p.sub.deep) && p.sub.deep > 1"],
    ["items.all(e, has(e.procs) && size(e.procs) > 0)"],
    ["has(p.procs) && (true || size(p.procs) > 0)"],
    ['"procs" in p && size(p.procs) > 0'],
  ])("no warning for %s", (when) => {
    expect(warnings(when)).toEqual([]);
  });

  it.each([
    ["size(p.procs) > 0", 1],
    ["has(p.procs) || size(p.procs) > 0", 1],
    ["has(p.sub) && p.sub.deep > 1", 1],
    ["p.sub.deep > 1", 2],
    ["items.all(e, size(e.procs) > 0)", 1],
  ])("warns for %s", (when, count) => {
    expect(warnings(when)).toEqual(Array(count).fill("W0101"));
  });

  it("a when guard covers the message", () => {
    expect(warnings("has(p.procs)", "first ${p.procs[0]}")).toEqual([]);
    expect(warnings("true", "first ${p.procs[0]}")).toEqual(["W0101"]);
  });
});

describe("used input types", () => {
  const agent = "type Agent = { id: string, labels: map<string, string>, meta: { a: int, b: int } }";

  it("keeps only fields read, transitively", () => {
    expect(used(policy(agent, "input agent: Agent", "output o = agent.meta.a"), "agent")).toBe("{ meta: { a: int } }");
  });

  it("counts fields read through a let and a fn parameter of the same type", () => {
    expect(used(policy(agent, "input agent: Agent", "let m = agent.meta", "fn f(x: Agent): string = x.id", "output o = m.b > 0 && f(agent) != ''"), "agent")).toBe(
      "{ id: string, meta: { b: int } }",
    );
  });

  it("counts fields read by a comprehension over a list of records", () => {
    expect(used(policy(agent, "input agents: list<Agent>", "output o = agents.exists(a, a.id == 'x')"), "agents")).toBe("list<{ id: string }>");
  });

  it("keeps the whole record when it is compared, output or iterated", () => {
    const whole = "{ id: string, labels: map<string, string>, meta: { a: int, b: int } }";
    expect(used(policy(agent, "input agent: Agent", "output o = agent"), "agent")).toBe(whole);
    expect(used(policy(agent, "input agent: Agent", "input other: Agent", "output o = agent == other"), "agent")).toBe(whole);
    expect(used(policy(agent, "input agent: Agent", "output o = agent.all(k, k != '')"), "agent")).toBe(whole);
    expect(used(policy(agent, "input agent: Agent", "output o = dyn(agent)"), "agent")).toBe(whole);
  });

  it("keeps a nested record whole when only it flows whole", () => {
    expect(used(policy(agent, "input agent: Agent", "output o = agent.meta"), "agent")).toBe("{ meta: { a: int, b: int } }");
  });

  it("an unread input needs no fields", () => {
    expect(used(policy(agent, "input agent: Agent", "output o = 1"), "agent")).toBe("{  }");
  });
});
