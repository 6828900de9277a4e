// The cel-spec v0.25.1 conformance data (shipped raw, as proto3 JSON, by
// @bufbuild/cel-spec) turned into normalized cases: declarations as Edict
// types, bindings and expectations as CelValues. Tests Edict cannot run are
// returned as skips with the rule that excluded them (see scope.ts).
//
// The raw JSON is read rather than `getConformanceSuite()` so the runner
// does not depend on @bufbuild/protobuf's message classes: every field used
// here is plain JSON.

import { tests as rawConformance } from "@bufbuild/cel-spec/testdata/conformance.js";
import type { Type } from "../../compiler/types.js";
import type { CelValue } from "../../compiler/values.js";
import { typeFromProto, type ProtoTypeJson } from "./proto-types.js";
import { IN_SCOPE_SECTIONS, SKIP, mentionsMessages } from "./scope.js";
import { Unsupported, celValueFromProto, type ProtoValueJson } from "./values.js";

export type Expectation = { kind: "value"; value: CelValue } | { kind: "error"; message: string };

export interface ConformanceCase {
  /** `section/group/test`, unique; the key of known-failures.json. */
  name: string;
  section: string;
  expr: string;
  description: string;
  /** The test's `typeEnv` variables (names may be dotted: `a.b.c`). */
  declarations: { name: string; type: Type }[];
  bindings: Map<string, CelValue>;
  expected: Expectation;
  /** cel-spec's `disableCheck`: the test was written for unchecked evaluation (see engines.ts). */
  disableCheck: boolean;
}

export interface SkippedCase {
  name: string;
  section: string;
  /** One of the `SKIP` reasons, plus detail after a colon. */
  reason: string;
}

export interface ConformanceData {
  cases: ConformanceCase[];
  skipped: SkippedCase[];
  /** Sections not in IN_SCOPE_SECTIONS, with their test counts. */
  outOfScope: Map<string, number>;
}

interface RawSuite {
  name: string;
  suites?: RawSuite[];
  tests?: { original: RawTest }[];
}

interface RawTest {
  name?: string;
  expr: string;
  description?: string;
  container?: string;
  disableCheck?: boolean;
  checkOnly?: boolean;
  typeEnv?: { name: string; ident?: { type: ProtoTypeJson }; function?: unknown }[];
  bindings?: Record<string, Record<string, unknown>>;
  value?: ProtoValueJson;
  typedResult?: { result?: ProtoValueJson; deducedType?: ProtoTypeJson };
  evalError?: { errors?: { message?: string }[] };
  anyEvalErrors?: unknown;
  unknown?: unknown;
  anyUnknowns?: unknown;
}

let cached: ConformanceData | undefined;

export function loadConformance(): ConformanceData {
  cached ??= normalize(rawConformance as RawSuite);
  return cached;
}

function normalize(root: RawSuite): ConformanceData {
  const data: ConformanceData = { cases: [], skipped: [], outOfScope: new Map() };
  const inScope = new Set(IN_SCOPE_SECTIONS);
  for (const section of root.suites ?? []) {
    const tests = flatten(section, section.name);
    if (!inScope.has(section.name)) {
      data.outOfScope.set(section.name, tests.length);
      continue;
    }
    for (const { path, test } of tests) {
      const result = toCase(section.name, path, test);
      if ("reason" in result) data.skipped.push(result);
      else data.cases.push(result);
    }
  }
  return data;
}

/**
 * Every test under `suite` with its `section/group/test` path. The data
 * repeats a few names within a group (string_ext/index_of/char_index); the
 * second one becomes `char_index#2`, so names stay unique and stable.
 */
function flatten(suite: RawSuite, path: string): { path: string; test: RawTest }[] {
  const out: { path: string; test: RawTest }[] = [];
  const seen = new Map<string, number>();
  for (const t of suite.tests ?? []) {
    const base = `${path}/${t.original.name ?? t.original.expr}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    out.push({ path: n === 1 ? base : `${base}#${n}`, test: t.original });
  }
  for (const s of suite.suites ?? []) out.push(...flatten(s, `${path}/${s.name}`));
  return out;
}

function toCase(section: string, name: string, t: RawTest): ConformanceCase | SkippedCase {
  const skip = (reason: string, detail?: string): SkippedCase => ({
    name,
    section,
    reason: detail ? `${reason}: ${detail}` : reason,
  });
  if (t.container) return skip(SKIP.container, t.container);
  if ((t.typeEnv ?? []).some((d) => d.function !== undefined)) return skip(SKIP.customFunction);
  if (mentionsMessages(t.expr)) return skip(SKIP.message);
  if (t.checkOnly) return skip(SKIP.checkOnly);
  if (t.unknown !== undefined || t.anyUnknowns !== undefined) return skip(SKIP.unknown);

  const declarations: { name: string; type: Type }[] = [];
  for (const d of t.typeEnv ?? []) {
    try {
      declarations.push({ name: d.name, type: typeFromProto(d.ident!.type) });
    } catch (e) {
      if (e instanceof Unsupported) return skip(SKIP.variableType, `${d.name}: ${e.message}`);
      throw e;
    }
  }

  const bindings = new Map<string, CelValue>();
  for (const [variable, exprValue] of Object.entries(t.bindings ?? {})) {
    try {
      if (!("value" in exprValue)) throw new Unsupported(`${Object.keys(exprValue).join()} binding`);
      bindings.set(variable, celValueFromProto(exprValue["value"] as ProtoValueJson));
    } catch (e) {
      if (e instanceof Unsupported) return skip(SKIP.binding, `${variable}: ${e.message}`);
      throw e;
    }
  }

  let expected: Expectation;
  try {
    expected = expectation(t);
  } catch (e) {
    if (e instanceof Unsupported) return skip(SKIP.expected, e.message);
    throw e;
  }

  return {
    name,
    section,
    expr: t.expr,
    description: t.description ?? "",
    declarations,
    bindings,
    expected,
    disableCheck: t.disableCheck === true,
  };
}

function expectation(t: RawTest): Expectation {
  if (t.evalError !== undefined) {
    return { kind: "error", message: (t.evalError.errors ?? []).map((e) => e.message ?? "").join("; ") };
  }
  if (t.anyEvalErrors !== undefined) return { kind: "error", message: "any error" };
  if (t.typedResult?.result !== undefined) return { kind: "value", value: celValueFromProto(t.typedResult.result) };
  // SimpleTest's default when no result is given: the expression evaluates to true.
  return { kind: "value", value: t.value === undefined ? true : celValueFromProto(t.value) };
}
