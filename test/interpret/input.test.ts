import { describe, expect, test } from "vitest";
import { jsonToCel, InputError } from "../../compiler/interpret/json-to-cel.js";
import { celToJson } from "../../compiler/interpret/cel-to-json.js";
import { T, type RecordType, type Type } from "../../compiler/types.js";
import { CelDuration, CelList, CelMap, CelOptional, CelTimestamp, CelTypeValue, CelUint } from "../../compiler/values.js";
import { decide } from "./support/run.js";

function record(fields: Record<string, Type | [Type, "optional"]>, name: string | null = null): RecordType {
  return {
    kind: "record",
    name,
    fields: new Map(Object.entries(fields).map(([k, f]) => [k, Array.isArray(f) ? { type: f[0], optional: true } : { type: f, optional: false }])),
  };
}

function problem(json: unknown, type: Type, path = "x"): string {
  const r = jsonToCel(json, type, path);
  expect(r).toBeInstanceOf(InputError);
  return (r as InputError).message;
}

describe("JSON to CEL by declared type", () => {
  test("scalars", () => {
    expect(jsonToCel(3, T.int, "x")).toBe(3n);
    expect(jsonToCel(3, T.uint, "x")).toEqual(new CelUint(3n));
    expect(jsonToCel(3, T.double, "x")).toBe(3);
    expect(jsonToCel("NaN", T.double, "x")).toBeNaN();
    expect(jsonToCel("aGk=", T.bytes, "x")).toEqual(new Uint8Array([104, 105]));
    expect(jsonToCel("2009-02-13T23:31:30Z", T.timestamp, "x")).toEqual(new CelTimestamp(1234567890n * 1_000_000_000n));
    expect(jsonToCel("1h30m", T.duration, "x")).toEqual(new CelDuration(5400n * 1_000_000_000n));
    expect(jsonToCel(null, T.null, "x")).toBeNull();
  });

  test("numbers to int/uint only when integral and in range", () => {
    expect(problem(1.5, T.int)).toBe("x: expected int, got non-integral number 1.5");
    expect(problem(-1, T.uint)).toBe("x: number -1 is out of the uint range");
    expect(problem(2 ** 64, T.int)).toMatch(/out of the int range/);
    expect(problem("1", T.int)).toBe("x: expected int, got string");
  });

  test("dyn: numbers are doubles, objects map<string, dyn>", () => {
    const v = jsonToCel({ a: [1, "s", true, null] }, T.dyn, "x") as CelMap;
    expect(v.get("a")).toEqual(new CelList([1, "s", true, null]));
  });

  test("records: declared fields only, optional fields may be absent or null", () => {
    const r = record({ a: T.int, b: [T.string, "optional"] });
    const v = jsonToCel({ a: 1, extra: "ignored", b: null }, r, "x") as CelMap;
    expect(v.get("a")).toBe(1n);
    expect(v.has("b")).toBe(false);
    expect(v.has("extra")).toBe(false);
    expect(problem({ b: "s" }, r)).toBe("x.a: missing required field of type int");
  });

  test("map keys by key type", () => {
    const v = jsonToCel({ "1": "a", "-2": "b" }, T.map(T.int, T.string), "x") as CelMap;
    expect(v.get(1n)).toBe("a");
    expect(v.get(-2n)).toBe("b");
    expect(problem({ one: "a" }, T.map(T.int, T.string))).toBe('x["one"]: expected a map key of type int, got "one"');
  });

  test("errors name the JSON path", () => {
    const tls = record({ insecure: T.bool });
    const type = record({ exporters: T.map(T.string, record({ tls })) }, "Collector");
    expect(problem({ exporters: { "otlp/eu": { tls: { insecure: "yes" } } } }, type, "config")).toBe(
      'config.exporters["otlp/eu"].tls.insecure: expected bool, got string',
    );
    expect(problem({ list: [1, "2"] }, record({ list: T.list(T.int) }))).toBe("x.list[1]: expected int, got string");
    expect(problem({ "a b": 1 }, record({ "a b": T.string }))).toBe('x["a b"]: expected string, got number');
    expect(problem(3, record({}, "Agent"))).toBe("x: expected Agent, got number");
  });

  test("nesting deeper than 256 levels is an input error, not a stack overflow", () => {
    let ok: unknown = 1;
    for (let i = 0; i < 256; i++) ok = [ok];
    expect(jsonToCel(ok, T.dyn, "x")).toBeInstanceOf(CelList);
    expect(problem([ok], T.dyn)).toMatch(/nesting deeper than 256 levels/);
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(problem(deep, T.dyn)).toMatch(/nesting deeper than 256 levels/);
  });

  test("strings over the memory bound", () => {
    expect(jsonToCel("x".repeat(100), T.string, "x", { maxStringBytes: 10 })).toBeInstanceOf(InputError);
  });
});

describe("inputs of a policy", () => {
  const src = `input agent: Agent
input previous: Agent?
type Agent = { id: string }
deny r { when agent.id == "bad" || (previous != null && previous.id == "bad") }`;

  test("a missing required input is input_invalid", () => {
    expect(decide(src, {}).error).toEqual({ code: "input_invalid", message: "agent: missing required input" });
  });

  test("a nullable input may be absent or null", () => {
    expect(decide(src, { agent: { id: "a" } }).decision).toBe("allow");
    expect(decide(src, { agent: { id: "a" }, previous: null }).decision).toBe("allow");
    expect(decide(src, { agent: { id: "a" }, previous: { id: "bad" } }).decision).toBe("deny");
  });

  test("a field the policy does not read is not validated", () => {
    const s = `input a: { used: int, unused: int }\ndeny r { when a.used > 1 }`;
    expect(decide(s, { a: { used: 2, unused: "not an int" } })).toMatchObject({ decision: "deny", error: null });
  });

  test("input_invalid reports the path, costs no fuel and denies", () => {
    const d = decide(src, { agent: { id: 7 } });
    expect(d).toMatchObject({ decision: "deny", fuel: 0, error: { code: "input_invalid", message: "agent.id: expected string, got number" } });
  });

  test("the input must be an object", () => {
    expect(decide(src, [1]).error?.message).toBe("input: expected an object whose keys are input names, got array");
  });
});

describe("CEL to JSON (spec section 9)", () => {
  test("numbers", () => {
    expect(celToJson(5n)).toBe(5);
    expect(celToJson(2n ** 53n)).toBe("9007199254740992");
    expect(celToJson(-(2n ** 53n) + 1n)).toBe(-9007199254740991);
    expect(celToJson(new CelUint(2n ** 64n - 1n))).toBe("18446744073709551615");
    expect(celToJson(Number.NaN)).toBe("NaN");
    expect(celToJson(Number.NEGATIVE_INFINITY)).toBe("-Infinity");
    expect(celToJson(1.5)).toBe(1.5);
  });

  test("other values", () => {
    expect(celToJson(new Uint8Array([104, 105]))).toBe("aGk=");
    expect(celToJson(new CelTimestamp(1234567890n * 1_000_000_000n))).toBe("2009-02-13T23:31:30Z");
    expect(celToJson(new CelDuration(1_500_000_000n))).toBe("1.5s");
    expect(celToJson(new CelOptional(undefined))).toBeNull();
    expect(celToJson(new CelOptional(1n))).toBe(1);
    expect(celToJson(new CelTypeValue("int"))).toBe("int");
    const m = new CelMap();
    m.set(true, 1n);
    m.set(new CelUint(2n), null);
    m.set("__proto__", "safe");
    expect(celToJson(m)).toEqual(JSON.parse('{"true": 1, "2": null, "__proto__": "safe"}'));
  });
});
