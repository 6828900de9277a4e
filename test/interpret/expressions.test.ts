import { describe, expect, test } from "vitest";
import { CelError, CelList, CelMap, CelOptional, CelUint, type CelValue } from "../../compiler/values.js";
import { T } from "../../compiler/types.js";
import { evalExpr } from "./support/run.js";

function errorMessage(v: CelValue): string {
  expect(v).toBeInstanceOf(CelError);
  return (v as CelError).message;
}

describe("literals and operators", () => {
  test.each([
    ["1 + 2", 3n],
    ["'a' + 'b'", "ab"],
    ["1u", new CelUint(1n)],
    ["null", null],
    ["true ? 1 : 2", 2n - 1n],
    ["false ? 1 : 2", 2n],
    ["[1, 2] + [3]", new CelList([1n, 2n, 3n])],
    ["2 in [1, 2]", true],
    ["'k' in {'k': 1}", true],
  ])("%s", (text, expected) => {
    expect(evalExpr(text)).toEqual(expected);
  });
});

describe("commutative logic", () => {
  const err = "1 / 0 == 1";
  test.each([
    [`false && ${err}`, false],
    [`${err} && false`, false],
    [`true || ${err}`, true],
    [`${err} || true`, true],
    ["true && true", true],
    ["false || false", false],
  ])("%s", (text, expected) => {
    expect(evalExpr(text)).toBe(expected);
  });

  test("error && true is the error; error && error is the first error", () => {
    expect(errorMessage(evalExpr(`1 / 0 == 1 && true`))).toBe("division by zero");
    expect(errorMessage(evalExpr(`{'a': 1}['b'] == 1 && 1 / 0 == 1`))).toBe("no such key: b");
  });

  test("ternary propagates a condition error and evaluates one branch only", () => {
    expect(errorMessage(evalExpr("1 / 0 == 1 ? 1 : 2"))).toBe("division by zero");
    expect(evalExpr("true ? 1 : 1 / 0")).toBe(1n);
  });

  test("an error argument short-circuits a call", () => {
    expect(errorMessage(evalExpr("size([1 / 0, 2])"))).toBe("division by zero");
  });
});

describe("select and index", () => {
  const m = new CelMap();
  m.set("f", 1n);
  m.set("g", "x");

  test("record field, missing field error", () => {
    expect(evalExpr("r.f", { r: m }, { r: T.dyn })).toBe(1n);
    expect(errorMessage(evalExpr("r.h", { r: m }, { r: T.dyn }))).toBe("no such key: h");
    expect(errorMessage(evalExpr("x.f", { x: 1n }, { x: T.dyn }))).toBe("type 'int' does not support field selection");
  });

  test("list index by int, uint and integral double; out of range", () => {
    expect(evalExpr("[10, 20][1]")).toBe(20n);
    expect(evalExpr("[10, 20][dyn(1u)]")).toBe(20n);
    expect(evalExpr("[10, 20][dyn(1.0)]")).toBe(20n);
    expect(errorMessage(evalExpr("[10, 20][dyn(1.5)]"))).toMatch(/unsupported index value/);
    expect(errorMessage(evalExpr("[10, 20][2]"))).toBe("index out of range: 2");
    expect(errorMessage(evalExpr("[10, 20][-1]"))).toBe("index out of range: -1");
  });

  test("map index with cross-type numeric keys", () => {
    expect(evalExpr("{1: 'one'}[dyn(1u)]")).toBe("one");
    expect(evalExpr("{1: 'one'}[dyn(1.0)]")).toBe("one");
    expect(evalExpr("{1u: 'one'}[dyn(1)]")).toBe("one");
    expect(errorMessage(evalExpr("{1: 'one'}[2]"))).toBe("no such key: 2");
  });

  test("optional select and index", () => {
    expect(evalExpr("r.?f", { r: m }, { r: T.map(T.string, T.dyn) })).toEqual(new CelOptional(1n));
    expect(evalExpr("r.?h", { r: m }, { r: T.map(T.string, T.dyn) })).toEqual(new CelOptional(undefined));
    expect(evalExpr("[1, 2][?5]")).toEqual(new CelOptional(undefined));
    expect(evalExpr("[1, 2][?0]")).toEqual(new CelOptional(1n));
    expect(evalExpr("{'a': 1}[?'a']")).toEqual(new CelOptional(1n));
    expect(evalExpr("r.?f.orValue(5)", { r: m }, { r: T.map(T.string, T.dyn) })).toBe(1n);
    expect(evalExpr("r.?h.orValue(5)", { r: m }, { r: T.map(T.string, T.dyn) })).toBe(5n);
  });

  test("selecting through an optional stays optional", () => {
    const outer = new CelMap();
    outer.set("inner", m);
    const b = { o: outer };
    const ty = { o: T.map(T.string, T.map(T.string, T.dyn)) };
    expect(evalExpr("o.?inner.f", b, ty)).toEqual(new CelOptional(1n));
    expect(evalExpr("o.?inner.zz", b, ty)).toEqual(new CelOptional(undefined));
    expect(evalExpr("o.?nothing.f", b, ty)).toEqual(new CelOptional(undefined));
  });
});

describe("list and map literals", () => {
  test("optional entries are kept only with a value", () => {
    expect(evalExpr("[1, ?optional.of(2), ?optional.none()]")).toEqual(new CelList([1n, 2n]));
    const v = evalExpr("{'a': 1, ?'b': optional.none(), ?'c': optional.of(3)}") as CelMap;
    expect([...v.entries()].map((e) => e.key)).toEqual(["a", "c"]);
  });

  test("duplicate keys are an error, across numeric types too", () => {
    expect(errorMessage(evalExpr("{'a': 1, 'a': 2}"))).toBe("duplicate map key: a");
    expect(errorMessage(evalExpr("{1: 1, dyn(1u): 2}"))).toMatch(/duplicate map key/);
  });

  test("an element error is the result", () => {
    expect(errorMessage(evalExpr("[1, 1 / 0]"))).toBe("division by zero");
  });
});

describe("macros", () => {
  test.each([
    ["[1, 2, 3].all(x, x > 0)", true],
    ["[1, 2, 3].all(x, x > 1)", false],
    ["[1, 2, 3].exists(x, x == 2)", true],
    ["[1, 2, 3].exists_one(x, x > 1)", false],
    ["[1, 2, 3].exists_one(x, x > 2)", true],
    ["[1, 2, 3].map(x, x * 2)", new CelList([2n, 4n, 6n])],
    ["[1, 2, 3].map(x, x > 1, x * 2)", new CelList([4n, 6n])],
    ["[1, 2, 3].filter(x, x != 2)", new CelList([1n, 3n])],
    ["{'b': 1, 'a': 2}.map(k, k)", new CelList(["a", "b"])],
    ["{'b': 1, 'a': 2}.all(k, v, v > 0)", true],
    ["[5, 6].exists(i, v, i == 1 && v == 6)", true],
    ["[5, 6].transformList(i, v, i + v)", new CelList([5n, 7n])],
    ["[5, 6, 7].transformList(i, v, v > 5, i)", new CelList([1n, 2n])],
    ["cel.bind(x, 2, x + x)", 4n],
    ["optional.of(2).optMap(x, x + 1)", new CelOptional(3n)],
    ["optional.none().optMap(x, x + 1)", new CelOptional(undefined)],
    ["optional.of(2).optFlatMap(x, optional.of(x + 1))", new CelOptional(3n)],
  ])("%s", (text, expected) => {
    expect(evalExpr(text)).toEqual(expected);
  });

  test("all absorbs errors when some element is false; exists when some is true", () => {
    expect(evalExpr("[0, 1].all(x, 1 / x > 0 && false)")).toBe(false);
    expect(evalExpr("[0, 1].exists(x, 1 / x == 1)")).toBe(true);
    expect(errorMessage(evalExpr("[0, 1].all(x, 1 / x > 0)"))).toBe("division by zero");
    expect(errorMessage(evalExpr("[1, 0].exists(x, 1 / x == 5)"))).toBe("division by zero");
  });

  test("exists_one, map and filter fail on the first error", () => {
    expect(errorMessage(evalExpr("[1, 0].exists_one(x, 1 / x == 1)"))).toBe("division by zero");
    expect(errorMessage(evalExpr("[1, 0].map(x, 1 / x)"))).toBe("division by zero");
  });

  test("transformMap and transformMapEntry", () => {
    const m = evalExpr("{'a': 1, 'b': 2}.transformMap(k, v, v * 10)") as CelMap;
    expect(m.get("a")).toBe(10n);
    expect(m.get("b")).toBe(20n);
    const e = evalExpr("{'a': 1}.transformMapEntry(k, v, {v: k})") as CelMap;
    expect(e.get(1n)).toBe("a");
    expect(errorMessage(evalExpr("{'a': 1, 'b': 1}.transformMapEntry(k, v, {v: k})"))).toMatch(/duplicate key 1/);
  });

  test("has() on maps", () => {
    const m = new CelMap();
    m.set("f", 1n);
    expect(evalExpr("has(r.f)", { r: m }, { r: T.map(T.string, T.int) })).toBe(true);
    expect(evalExpr("has(r.g)", { r: m }, { r: T.map(T.string, T.int) })).toBe(false);
  });

  test("cel.bind binds an error as a value: unused, it does no harm", () => {
    expect(evalExpr("cel.bind(x, 1 / 0, 5)")).toBe(5n);
    expect(errorMessage(evalExpr("cel.bind(x, 1 / 0, x + 1)"))).toBe("division by zero");
  });
});

describe("dynamic dispatch", () => {
  test("picks the overload the runtime values fit", () => {
    expect(evalExpr("x + y", { x: "a", y: "b" }, { x: T.dyn, y: T.dyn })).toBe("ab");
    expect(evalExpr("x + y", { x: 1n, y: 2n }, { x: T.dyn, y: T.dyn })).toBe(3n);
  });

  test("no fitting overload is an error", () => {
    expect(errorMessage(evalExpr("x + y", { x: 1n, y: "b" }, { x: T.dyn, y: T.dyn }))).toBe("no such overload: _+_(int, string)");
  });
});

test("fuel exhaustion in a lone expression is a CelError", () => {
  expect(errorMessage(evalExpr("[1, 2, 3].map(x, x + 1)", {}, {}, 5))).toMatch(/fuel budget of 5 units exhausted/);
});

describe("type values", () => {
  test.each([
    ["type(1) == int", true],
    ["type(1u) == uint", true],
    ["type(now) == google.protobuf.Timestamp", true],
    ["type(duration('1s')) == google.protobuf.Duration", true],
    ["type([]) == list", true],
    ["type({}) == map", true],
    ["type(null) == null_type", true],
    ["type(optional.none()) == optional_type", true],
    ["type(type(1)) == type", true],
    ["type(1) == string", false],
  ])("%s", (text, expected) => {
    expect(evalExpr(text, {}, {})).toBe(expected);
  });
});
