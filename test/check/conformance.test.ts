// Every cel-spec conformance expression that CEL's own checker accepts must
// type-check here too (the suites about protobuf messages are skipped: Edict
// has no message types), and where the test states the deduced type, ours
// must be the same.

import { describe, expect, it } from "vitest";
import { checkExpression } from "../../compiler/check/index.js";
import { T, typeToString, type Type } from "../../compiler/types.js";
import { parseExpression } from "../../grammar/index.js";

import { tests as rawTests } from "@bufbuild/cel-spec/testdata/conformance.js";

const tests = rawTests as unknown as Suite;

interface Suite {
  name: string;
  suites?: Suite[];
  tests?: { original: Case; type?: string }[];
}
interface Case {
  name: string;
  expr: string;
  disableCheck?: boolean;
  container?: string;
  typeEnv?: { name: string; ident?: { type: ProtoType }; function?: unknown }[];
  typedResult?: { deducedType?: ProtoType };
  evalError?: unknown;
  /** The type cel-es's checker deduces, in CEL's spelling. */
  expectedType?: string;
}
type ProtoType = Record<string, any>;

const SUITES = new Set([
  "basic",
  "bindings_ext",
  "comparisons",
  "conversions",
  "fp_math",
  "integer_math",
  "lists",
  "logic",
  "macros",
  "macros2",
  "math_ext",
  "optionals",
  "string",
  "string_ext",
  "timestamps",
  "type_deductions",
  "plumbing",
]);

const PRIMITIVES: Record<string, Type> = {
  BOOL: T.bool,
  INT64: T.int,
  UINT64: T.uint,
  DOUBLE: T.double,
  STRING: T.string,
  BYTES: T.bytes,
};

/** Conformance type protos to Edict types; null for what Edict has no counterpart of (messages, enums, wrappers). */
function fromProto(p: ProtoType): Type | null {
  if (p.primitive) return PRIMITIVES[p.primitive] ?? null;
  if (p.wellKnown === "TIMESTAMP") return T.timestamp;
  if (p.wellKnown === "DURATION") return T.duration;
  if (p.dyn !== undefined) return T.dyn;
  if (p.null !== undefined) return T.null;
  if (p.listType) {
    const e = fromProto(p.listType.elemType);
    return e && T.list(e);
  }
  if (p.mapType) {
    const k = fromProto(p.mapType.keyType);
    const v = fromProto(p.mapType.valueType);
    return k && v && T.map(k, v);
  }
  if (p.abstractType?.name === "optional_type") {
    const inner = fromProto(p.abstractType.parameterTypes[0]);
    return inner && T.optional(inner);
  }
  if (p.type) {
    const inner = fromProto(p.type);
    return inner && T.type(inner);
  }
  return null;
}

/** cel-es's checker spells types `list(int)`, `optional_type(int)`; ours `list<int>`, `optional<int>`. */
function celTypeToEdict(s: string): string {
  return s.replace(/optional_type\(/g, "optional(").replace(/\(/g, "<").replace(/\)/g, ">").replace(/^null$/, "null_type").replace(/<null>/g, "<null_type>");
}

function cases(s: Suite, path: string[] = []): [string, Case][] {
  const here = [...path, s.name];
  return [
    ...(s.tests ?? []).map((t): [string, Case] => [[...here, t.original.name].join("/"), { ...t.original, expectedType: t.type }]),
    ...(s.suites ?? []).flatMap((sub) => cases(sub, here)),
  ];
}

const all = cases(tests).filter(([name]) => SUITES.has(name.split("/")[1]!));

const MESSAGE_WORDS = /TestAllTypes|google\.protobuf\.(?!Timestamp|Duration)|NestedMessage|GlobalEnum|cel\.expr|proto[23]|\{\}\.|Int32Value|Any\b/;

function runnable(c: Case): Record<string, Type> | null {
  if (c.disableCheck || c.container || MESSAGE_WORDS.test(c.expr)) return null;
  const env: Record<string, Type> = {};
  for (const d of c.typeEnv ?? []) {
    if (!d.ident) return null;
    const t = fromProto(d.ident.type);
    if (!t) return null;
    env[d.name] = t;
  }
  return env;
}

/** Cases where Edict deliberately deduces a different (still sound) type; each with its reason. */
const KNOWN_TYPE_DIFFERENCES = new Set<string>([
  // Edict's Type always gives `type` a parameter: the identifier `type` is type<type<dyn>>, CEL prints type(type).
  "conformance/conversions/type/type_denotation",
  "conformance/conversions/type/type_type",
  // CEL's legacy rule lets null unify with a type parameter candidate; Edict joins null with optional<int>.
  "conformance/type_deductions/legacy_nullable_types/null_assignable_to_abstract_parameter_candidate",
]);

describe("cel-spec conformance expressions type-check", () => {
  const runnableCases = all.flatMap(([name, c]) => {
    const env = runnable(c);
    return env ? [{ name, c, env }] : [];
  });

  it("covers a meaningful share of the suites", () => {
    expect(runnableCases.length).toBeGreaterThan(800);
  });

  it.each(runnableCases.map((r) => [r.name, r] as const))("%s", (_name, { c, env }) => {
    const parsed = parseExpression(c.expr);
    if (parsed.diagnostics.some((d) => d.severity === "error") || !parsed.expr) return;
    const { checked, diagnostics } = checkExpression(parsed.expr, env);
    const errors = diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.message}`);
    expect(errors).toEqual([]);
    const deduced = c.typedResult?.deducedType && fromProto(c.typedResult.deducedType);
    if (deduced && checked) expect(typeToString(checked.type)).toBe(typeToString(deduced));
    if (c.expectedType && checked && !KNOWN_TYPE_DIFFERENCES.has(_name)) expect(typeToString(checked.type)).toBe(celTypeToEdict(c.expectedType));
  });
});
