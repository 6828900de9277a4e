// The loader, the value conversion and the scope rules, independent of any
// engine: the counts pin down that a change of rule or data is noticed.

import { describe, expect, test } from "vitest";
import { T } from "../../compiler/types.js";
import { CelDuration, CelList, CelMap, CelTimestamp, CelTypeValue, CelUint } from "../../compiler/values.js";
import { loadConformance } from "./load.js";
import { celGoTypeName, typeFromProto } from "./proto-types.js";
import { IN_SCOPE_SECTIONS, SKIP, mentionsMessages, stripLiteralsAndComments } from "./scope.js";
import { Unsupported, celValueFromProto, parseJsonTimestamp, sameValue } from "./values.js";

describe("loadConformance", () => {
  const data = loadConformance();
  const count = (section: string) => ({
    run: data.cases.filter((c) => c.section === section).length,
    skipped: data.skipped.filter((c) => c.section === section).length,
  });

  test("in-scope and skipped counts per section (cel-spec v0.25.1)", () => {
    const table = Object.fromEntries(IN_SCOPE_SECTIONS.map((s) => [s, count(s)]));
    expect(table).toEqual({
      basic: { run: 43, skipped: 0 },
      bindings_ext: { run: 5, skipped: 0 },
      comparisons: { run: 334, skipped: 72 },
      conversions: { run: 109, skipped: 0 },
      fields: { run: 60, skipped: 0 },
      fp_math: { run: 30, skipped: 0 },
      integer_math: { run: 64, skipped: 0 },
      lists: { run: 39, skipped: 0 },
      logic: { run: 30, skipped: 0 },
      macros: { run: 44, skipped: 0 },
      macros2: { run: 46, skipped: 0 },
      math_ext: { run: 199, skipped: 0 },
      optionals: { run: 59, skipped: 11 },
      parse: { run: 193, skipped: 26 },
      plumbing: { run: 5, skipped: 0 },
      string: { run: 51, skipped: 0 },
      string_ext: { run: 206, skipped: 3 },
      timestamps: { run: 76, skipped: 0 },
    });
    expect(data.cases.length).toBe(1593);
  });

  test("out-of-scope sections are whole sections, not tests", () => {
    expect([...data.outOfScope.keys()].sort()).toEqual(
      ["block_ext", "dynamic", "encoders_ext", "enums", "namespace", "proto2", "proto2_ext", "proto3", "type_deductions", "unknowns", "wrappers"].sort(),
    );
  });

  test("names are unique section/group/test paths", () => {
    const names = [...data.cases, ...data.skipped].map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain("string_ext/index_of/char_index#2");
    for (const n of names) expect(n.split("/").length).toBeGreaterThanOrEqual(3);
  });

  test("every skip names its rule", () => {
    const rules = Object.values(SKIP) as string[];
    for (const s of data.skipped) expect(rules.some((r) => s.reason.startsWith(r))).toBe(true);
  });

  test("a bound variable test carries its declaration, binding and value", () => {
    const c = data.cases.find((x) => x.name === "basic/variables/self_eval_bound_lookup")!;
    expect(c.declarations).toEqual([{ name: "x", type: T.int }]);
    expect(c.bindings.get("x")).toBe(123n);
    expect(c.expected).toEqual({ kind: "value", value: 123n });
  });

  test("a Duration message binding becomes a duration", () => {
    const c = data.cases.find((x) => x.name === "timestamps/duration_converters/get_milliseconds")!;
    expect(c.declarations[0]!.type).toEqual(T.duration);
    expect(c.bindings.get("x")).toEqual(new CelDuration(123_321_456_789n));
  });

  test("evalError and the default expectation (true)", () => {
    const unbound = data.cases.find((x) => x.name === "basic/functions/unbound")!;
    expect(unbound.expected.kind).toBe("error");
    expect(unbound.disableCheck).toBe(true);
    const noResult = data.cases.filter((c) => c.expected.kind === "value" && c.expected.value === true);
    expect(noResult.length).toBeGreaterThan(100);
  });
});

describe("proto values to CelValues", () => {
  test("scalars keep their CEL type", () => {
    expect(celValueFromProto({ int64Value: "-9223372036854775808" })).toBe(-(2n ** 63n));
    expect(celValueFromProto({ uint64Value: "18446744073709551615" })).toEqual(new CelUint(2n ** 64n - 1n));
    expect(celValueFromProto({ doubleValue: "-Infinity" })).toBe(-Infinity);
    expect(celValueFromProto({ bytesValue: "/w==" })).toEqual(new Uint8Array([255]));
    expect(celValueFromProto({ nullValue: null })).toBe(null);
    expect(celValueFromProto({ typeValue: "google.protobuf.Timestamp" })).toEqual(new CelTypeValue("google.protobuf.Timestamp"));
  });

  test("lists and maps nest", () => {
    const v = celValueFromProto({
      mapValue: { entries: [{ key: { uint64Value: "1" }, value: { listValue: { values: [{ stringValue: "a" }] } } }] },
    });
    expect(v).toBeInstanceOf(CelMap);
    expect((v as CelMap).get(new CelUint(1n))).toEqual(new CelList(["a"]));
  });

  test("messages other than Timestamp/Duration and enums are unsupported", () => {
    expect(() => celValueFromProto({ objectValue: { "@type": "type.googleapis.com/cel.expr.conformance.proto3.TestAllTypes" } })).toThrow(Unsupported);
    expect(() => celValueFromProto({ enumValue: { type: "x", value: 1 } })).toThrow(Unsupported);
    expect(celValueFromProto({ objectValue: { "@type": "type.googleapis.com/google.protobuf.Timestamp", value: "1970-01-01T00:00:01.5Z" } })).toEqual(
      new CelTimestamp(1_500_000_000n),
    );
  });

  test("timestamps with offsets", () => {
    expect(parseJsonTimestamp("1970-01-01T01:00:00+01:00")).toBe(0n);
    expect(parseJsonTimestamp("not a time")).toBe(null);
  });

  test("sameValue is type-exact, order-free for maps, NaN-aware", () => {
    expect(sameValue(1n, new CelUint(1n))).toBe(false);
    expect(sameValue(1n, 1)).toBe(false);
    expect(sameValue(NaN, NaN)).toBe(true);
    const a = new CelMap();
    a.set("x", 1n);
    a.set("y", 2n);
    const b = new CelMap();
    b.set("y", 2n);
    b.set("x", 1n);
    expect(sameValue(a, b)).toBe(true);
    b.set("x", 1);
    expect(sameValue(a, b)).toBe(false);
    expect(sameValue(new CelList([1n, 2n]), new CelList([2n, 1n]))).toBe(false);
  });
});

describe("types", () => {
  test("proto type descriptors to Edict types and back to cel-go names", () => {
    const t = typeFromProto({ mapType: { keyType: { primitive: "STRING" }, valueType: { listType: { elemType: { null: null } } } } });
    expect(t).toEqual(T.map(T.string, T.list(T.null)));
    expect(celGoTypeName(t)).toBe("map(string, list(null))");
    expect(typeFromProto({ messageType: "google.protobuf.Duration" })).toEqual(T.duration);
    expect(() => typeFromProto({ messageType: "cel.expr.conformance.proto3.TestAllTypes" })).toThrow(Unsupported);
    expect(() => typeFromProto({ wrapper: "INT64" })).toThrow(Unsupported);
  });
});

describe("scope rules", () => {
  test("message construction and protobuf names are detected outside literals only", () => {
    expect(mentionsMessages("TestAllTypes{single_int64: 1}")).toBe(true);
    expect(mentionsMessages("google.protobuf.Int64Value{value: 1} == 1")).toBe(true);
    expect(mentionsMessages("a.\nb.\nC\n{x: 1}")).toBe(true);
    expect(mentionsMessages("type(t) == google.protobuf.Timestamp")).toBe(false);
    expect(mentionsMessages("'a' in {'a': 1}")).toBe(false);
    expect(mentionsMessages("x ? {1: 2} : {}")).toBe(false);
    expect(mentionsMessages("'TestAllTypes{}' == r'x{'")).toBe(false);
    expect(mentionsMessages("[1] // TestAllTypes{}\n")).toBe(false);
  });

  test("stripping keeps offsets", () => {
    const s = `'ab' + """c'd""" + b"\\"x"`;
    expect(stripLiteralsAndComments(s).length).toBe(s.length);
    expect(stripLiteralsAndComments(s)).not.toMatch(/[acdx]/);
  });
});
