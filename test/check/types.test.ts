// The types the checker gives to tricky CEL expressions, and the
// resolutions it records for them.

import { describe, expect, it } from "vitest";
import { T, type RecordType, type Type } from "../../compiler/types.js";
import { checkExpr } from "./helpers.js";

const pipeline: RecordType = {
  kind: "record",
  name: "Pipeline",
  fields: new Map([
    ["receivers", { type: T.list(T.string), optional: false }],
    ["processors", { type: T.list(T.string), optional: true }],
  ]),
};

const ENV: Record<string, Type> = {
  i: T.int,
  u: T.uint,
  d: T.double,
  s: T.string,
  y: T.dyn,
  ts: T.timestamp,
  dur: T.duration,
  li: T.list(T.int),
  ls: T.list(T.string),
  msd: T.map(T.string, T.dyn),
  mis: T.map(T.int, T.string),
  p: pipeline,
  ps: T.map(T.string, pipeline),
  oi: T.optional(T.int),
  "a.b.c": T.string,
};

const cases: [string, string][] = [
  ["1 + 2", "int"],
  ["1u * 3u", "uint"],
  ["1.5 / 2.0", "double"],
  ["i < d", "bool"],
  ["u >= i", "bool"],
  ["d != 1.0", "bool"],
  ['"a" + s', "string"],
  ["li + [3]", "list<int>"],
  ["[] + [3, 4]", "list<int>"],
  ["[1, 'a']", "list<dyn>"],
  ["[1, 2.0][0]", "dyn"],
  ["{'a': 1, 'b': 2}", "map<string, int>"],
  ["{'a': 1, 2: 'x'}", "map<dyn, dyn>"],
  ["{}", "map<dyn, dyn>"],
  ["y + 1", "int"],
  ["y.foo.bar", "dyn"],
  ["y[0]", "dyn"],
  ["size(y)", "int"],
  ["msd.anything", "dyn"],
  ["mis[1]", "string"],
  ["ts - ts", "duration"],
  ["ts + dur", "timestamp"],
  ["dur + ts", "timestamp"],
  ["ts.getHours('Europe/Paris')", "int"],
  ["dur.getMinutes()", "int"],
  ["timestamp('2020-01-01T00:00:00Z')", "timestamp"],
  ["duration('1h')", "duration"],
  ["int(ts)", "int"],
  ["string(1.5)", "string"],
  ["double(u)", "double"],
  ["type(1)", "type<int>"],
  ["type(1) == int", "bool"],
  ["type(s) == type(1)", "bool"],
  ["int", "type<int>"],
  ["timestamp", "type<timestamp>"],
  ["google.protobuf.Timestamp", "type<timestamp>"],
  ["null_type", "type<null_type>"],
  ["dyn(1)", "dyn"],
  ["li.map(x, x * 2)", "list<int>"],
  ["li.map(x, x > 1, string(x))", "list<string>"],
  ["li.filter(x, x > 1)", "list<int>"],
  ["ps.filter(k, k.startsWith('t'))", "list<string>"],
  ["ps.all(k, v, size(v.receivers) > 0)", "bool"],
  ["li.exists_one(x, x == 1)", "bool"],
  ["li.existsOne(i2, v, i2 == v)", "bool"],
  ["li.transformList(idx, v, v + idx)", "list<int>"],
  ["li.transformMap(idx, v, string(v))", "map<int, string>"],
  ["ps.transformMap(k, v, size(v.receivers))", "map<string, int>"],
  ["ps.transformMapEntry(k, v, {v.receivers[0]: k})", "map<string, string>"],
  ["cel.bind(x, 3, x * x)", "int"],
  ["cel.bind(x, 'a', cel.bind(y2, x + 'b', y2 + x))", "string"],
  ["oi.optMap(x, x + 1)", "optional<int>"],
  ["oi.optFlatMap(x, optional.of(string(x)))", "optional<string>"],
  ["oi.orValue(0)", "int"],
  ["oi.hasValue()", "bool"],
  ["optional.none().orValue('x')", "string"],
  ["optional.of(1).or(optional.none())", "optional<int>"],
  ["p.?processors", "optional<list<string>>"],
  ["p.?processors.orValue([])", "list<string>"],
  ["msd.?x", "optional<dyn>"],
  ["li[?0]", "optional<int>"],
  ["mis[?1]", "optional<string>"],
  ["[?oi, 2]", "list<int>"],
  ["{?'k': oi}", "map<string, int>"],
  ["optional.of(p).receivers", "optional<list<string>>"],
  ["has(p.processors)", "bool"],
  ["has(msd.a)", "bool"],
  ["p['receivers']", "list<string>"],
  ["'receivers' in p", "bool"],
  ["size(p)", "int"],
  ["a.b.c", "string"],
  ["a.b.c.size()", "int"],
  [".a.b.c", "string"],
  ["s.split('/')[0]", "string"],
  ["s.charAt(0)", "string"],
  ["s.indexOf('a', 1)", "int"],
  ["s.substring(1, 2)", "string"],
  ["ls.join(',')", "string"],
  ["'%d items'.format([1])", "string"],
  ["strings.quote(s)", "string"],
  ["s.reverse()", "string"],
  ["math.greatest(1, 2)", "int"],
  ["math.greatest(1, 2.0)", "dyn"],
  ["math.greatest(1, 2, 3, 4)", "int"],
  ["math.least(1, 2u, 3.0)", "dyn"],
  ["math.least(li)", "int"],
  ["math.abs(-1)", "int"],
  ["math.sqrt(4)", "double"],
  ["math.bitShiftLeft(1u, 2)", "uint"],
  ["math.isNaN(d)", "bool"],
  ["net.host('http://a:1')", "string"],
  ["net.port(s)", "int"],
  ["net.isLoopback(s)", "bool"],
  ["semver.compare('1.0.0', s)", "int"],
  ["semver.satisfies(s, '^1.2')", "bool"],
  ["rollout.bucket(s, 'salt')", "double"],
  ["sum(li)", "int"],
  ["sum([1.5, 2.5])", "double"],
  ["true ? 1 : y", "dyn"],
  ["i > 0 ? 'pos' : 'neg'", "string"],
  ["s.matches('^a+$')", "bool"],
  ["matches(s, 'a')", "bool"],
  ["!(i == 1)", "bool"],
  ["-d", "double"],
  ["null", "null_type"],
  ["p == null", "bool"],
  ["i in li", "bool"],
  ["'k' in msd", "bool"],
];

describe("types of tricky expressions", () => {
  it.each(cases)("%s : %s", (source, expected) => {
    const r = checkExpr(source, ENV);
    expect(r.diagnostics.filter((d) => d.code.startsWith("E"))).toEqual([]);
    expect(r.type).toBe(expected);
  });
});

describe("resolutions", () => {
  function rootResolution(source: string) {
    const r = checkExpr(source, ENV);
    return r.checked!.resolutions.get(r.checked!.expr.id);
  }

  it.each([
    ["1 + 2", "add_int64"],
    ["i < d", "less_int64_double"],
    ["u > i", "greater_uint64_int64"],
    ["s.startsWith('a')", "starts_with_string"],
    ["size(s)", "size_string"],
    ["s.size()", "string_size"],
    ["string(1)", "int64_to_string"],
    ["timestamp(s)", "string_to_timestamp"],
    ["ts.getFullYear('UTC')", "timestamp_to_year_with_tz"],
    ["i in li", "in_list"],
    ["'k' in msd", "in_map"],
    ["li[0]", "index_list"],
    ["li[?0]", "list_optindex_optional_int"],
    ["1 == 1", "equals"],
    ["-i", "negate_int64"],
    ["!true", "logical_not"],
    ["true && false", "logical_and"],
    ["net.host(s)", "net_host_string"],
    ["sum(li)", "sum_list_int64"],
    ["math.greatest(1, 2, 3)", "math_@max_int_n"],
  ])("%s resolves to %s", (source, id) => {
    expect(rootResolution(source)).toMatchObject({ kind: "overload", overloadId: id });
  });

  it("a dyn argument resolves dynamically to every fitting overload", () => {
    const r = rootResolution("y + y");
    expect(r?.kind).toBe("dynamic");
    if (r?.kind !== "dynamic") return;
    expect(r.overloadIds).toEqual(expect.arrayContaining(["add_int64", "add_double", "add_string", "add_list", "add_timestamp_duration"]));
  });

  it("even a single fitting overload is dynamic when an argument is dyn", () => {
    expect(rootResolution("y + 1")).toEqual({ kind: "dynamic", overloadIds: ["add_int64"], function: "_+_" });
  });

  it("macros record their kind, variables and range", () => {
    const r = checkExpr("li.all(x, x > 0)", ENV).checked!;
    const res = r.resolutions.get(r.expr.id);
    expect(res?.kind).toBe("macro");
    if (res?.kind !== "macro") return;
    expect(res.info.macro).toBe("all");
    expect(res.info.vars).toEqual(["x"]);
    expect(res.info.range).toBe(r.expr.kind === "call" ? r.expr.target : null);
  });

  it("comprehension variables refer to the macro call that binds them", () => {
    const r = checkExpr("li.exists(x, x == 2)", ENV).checked!;
    const refs = [...r.references.values()].filter((ref) => ref.kind === "local");
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(ref).toEqual({ kind: "local", name: "x", binder: r.expr.id });
  });

  it("type identifiers are references to types", () => {
    const r = checkExpr("int", ENV).checked!;
    expect(r.references.get(r.expr.id)).toEqual({ kind: "type", type: T.int });
  });

  it("a dotted variable resolves as one qualified name", () => {
    const r = checkExpr("a.b.c", ENV).checked!;
    expect(r.references.get(r.expr.id)).toEqual({ kind: "input", name: "a.b.c" });
  });
});

describe("unchecked mode (cel-spec disableCheck)", () => {
  it("turns a type mismatch into a dynamic resolution over every candidate", async () => {
    const { parseExpression } = await import("../../grammar/index.js");
    const { checkExpression } = await import("../../compiler/check/index.js");
    const expr = parseExpression("'foo' < 1024").expr!;
    expect(checkExpression(expr, {}).checked).toBeNull();
    const { checked, diagnostics } = checkExpression(expr, {}, { unchecked: true });
    expect(diagnostics).toEqual([]);
    const r = checked!.resolutions.get(expr.id);
    expect(r?.kind).toBe("dynamic");
    if (r?.kind === "dynamic") expect(r.overloadIds).toEqual(expect.arrayContaining(["less_string", "less_int64", "less_int64_double"]));
  });
});

describe("optional chaining", () => {
  it("a field read through an optional needs no guard", () => {
    const r = checkExpr("optional.of(p).processors", ENV);
    expect(r.diagnostics).toEqual([]);
    expect(r.type).toBe("optional<list<string>>");
  });

  it("x.?f on an optional stays one optional deep", () => {
    expect(checkExpr("optional.of(p).?processors", ENV).type).toBe("optional<list<string>>");
  });
});

describe("type parameters widen to dyn as in CEL", () => {
  it.each([
    ["[1] + [dyn('string')]", "list<dyn>"],
    ["([[[1]], [[2]], [[3]]][0][0] + [2, 3, {'four': {'five': 'six'}}])[3]", "dyn"],
    ["[] + [1]", "list<int>"],
  ])("%s : %s", (source, expected) => {
    expect(checkExpr(source).type).toBe(expected);
  });
});

describe("checkExpression environment", () => {
  it("predeclares now", () => {
    const r = checkExpr("now.getFullYear()");
    expect(r.type).toBe("int");
    expect(r.checked!.references.get((r.checked!.expr as { target: { id: number } }).target.id)).toEqual({ kind: "now" });
  });

  it("a declared now wins", () => {
    expect(checkExpr("now + 1", { now: T.int }).type).toBe("int");
  });
});

describe("type variables", () => {
  it.each([
    ["[].map(n, n / 2)", "list<int>"],
    ["[].filter(n, n % 2 == 0)", "list<int>"],
    ["{}.map(c, c, c)", "list<bool>"],
    ["{}.map(c, [c, type(c)])", "list<list<dyn>>"],
    ["[[], [[]], [[[]]], [[[[]]]]]", "list<list<list<list<list<dyn>>>>>"],
    ["[optional.none(), optional.of(1)]", "list<optional<int>>"],
    ["optional.none().or(optional.none()).orValue(42)", "int"],
    ["[].map(x, x)", "list<dyn>"],
    ["cel.bind(e, [], e + ['a'])", "list<string>"],
  ])("%s : %s", (source, expected) => {
    const r = checkExpr(source);
    expect(r.diagnostics).toEqual([]);
    expect(r.type).toBe(expected);
  });

  it("no variable survives in the tables", () => {
    const r = checkExpr("[].map(x, [].map(y, y))");
    for (const t of r.checked!.exprTypes.values()) expect(JSON.stringify(t)).not.toContain('"param"');
  });
});
