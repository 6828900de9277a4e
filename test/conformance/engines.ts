// Engines the conformance suite runs: each takes a normalized case and
// returns the value the expression evaluated to or the stage that rejected
// it. The runner (run.ts) compares results; engines never judge.
//
// Adding an engine (the Wasm backend): write a factory of type
// `EngineFactory` that returns an `Engine` (or `{ unavailable }` while its
// stage is missing), add it to ENGINE_FACTORIES, and give it its own entry in
// known-failures.json by running `UPDATE_KNOWN_FAILURES=1 npm run
// conformance`. `frontEnd()` below does parsing and checking exactly as the
// interpreter engine does, so engines differ only in evaluation; a Wasm
// engine would typically wrap the checked expression in a one-output policy
// (`input` per declaration, `output result = <expr>`), generate a bundle and
// read the output back as a CelValue. Every engine must map its own
// failures to `EngineResult` and never throw.
//
// disableCheck: Edict has no unchecked evaluation (the interpreter reads the
// checker's resolutions), so a `disableCheck` test is checked with every
// variable declared `dyn` — the static knowledge an unchecked CEL program
// has — and checked in the checker's `unchecked` mode, where a call no
// overload fits statically is left to run-time dispatch, as CEL's unchecked
// evaluation does. A rejection still counts only if the test expects an error.

import type { Expr } from "../../compiler/ast.js";
import type { CheckedExpr } from "../../compiler/check/checked.js";
import { T, type Type } from "../../compiler/types.js";
import { CelError, type CelValue } from "../../compiler/values.js";
import type { ConformanceCase } from "./load.js";

export type Stage = "parse" | "check" | "eval";

export type EngineResult =
  | { kind: "value"; value: CelValue }
  /** The expression was rejected at `stage` (for eval: it evaluated to a CEL error). */
  | { kind: "error"; stage: Stage; message: string }
  /** The engine threw or trapped: a bug, never an acceptable "expected error". */
  | { kind: "crash"; stage: Stage; message: string };

export interface Engine {
  readonly name: string;
  /** Runs one case. Never throws. */
  run(c: ConformanceCase): EngineResult;
}

export type EngineFactory = () => Promise<Engine | { unavailable: string }>;

/** Parse and check a case the same way for every engine. */
export interface FrontEnd {
  parse(source: string): { expr: Expr } | { error: string };
  check(expr: Expr, env: Record<string, Type>, unchecked?: boolean): { checked: CheckedExpr } | { error: string };
}

/** The declarations a case is checked with (all `dyn` under disableCheck, see above). */
export function checkEnvironment(c: ConformanceCase): Record<string, Type> {
  const env: Record<string, Type> = {};
  for (const d of c.declarations) env[d.name] = c.disableCheck ? T.dyn : d.type;
  return env;
}

export async function loadFrontEnd(): Promise<FrontEnd | { unavailable: string }> {
  let grammar: typeof import("../../grammar/index.js");
  let checker: typeof import("../../compiler/check/index.js");
  try {
    grammar = await import("../../grammar/index.js");
    checker = await import("../../compiler/check/index.js");
  } catch (e) {
    return { unavailable: `front end not loadable: ${message(e)}` };
  }
  return {
    parse(source) {
      const { expr, diagnostics } = grammar.parseExpression(source, "<conformance>");
      const errors = diagnostics.filter((d) => d.severity === "error");
      if (expr === null || errors.length > 0) return { error: errors.map((d) => d.message).join("; ") || "no expression" };
      return { expr };
    },
    check(expr, env, unchecked = false) {
      const { checked, diagnostics } = checker.checkExpression(expr, env, { file: "<conformance>", unchecked });
      const errors = diagnostics.filter((d) => d.severity === "error");
      if (checked === null || errors.length > 0) return { error: errors.map((d) => d.message).join("; ") || "rejected" };
      return { checked };
    },
  };
}

/** Parse + check a case; the checked expression or the result that ends the run. */
export function runFrontEnd(front: FrontEnd, c: ConformanceCase): { checked: CheckedExpr } | EngineResult {
  let parsed: ReturnType<FrontEnd["parse"]>;
  try {
    parsed = front.parse(c.expr);
  } catch (e) {
    return { kind: "crash", stage: "parse", message: message(e) };
  }
  if ("error" in parsed) return { kind: "error", stage: "parse", message: parsed.error };
  let checked: ReturnType<FrontEnd["check"]>;
  try {
    checked = front.check(parsed.expr, checkEnvironment(c), c.disableCheck);
  } catch (e) {
    return { kind: "crash", stage: "check", message: message(e) };
  }
  if ("error" in checked) return { kind: "error", stage: "check", message: checked.error };
  return checked;
}

/** The reference interpreter: parse, check, `evaluateExpression`. */
export const interpreterEngine: EngineFactory = async () => {
  const front = await loadFrontEnd();
  if ("unavailable" in front) return front;
  let interpreter: typeof import("../../compiler/interpret/index.js");
  try {
    interpreter = await import("../../compiler/interpret/index.js");
  } catch (e) {
    return { unavailable: `compiler/interpret not loadable: ${message(e)}` };
  }
  return {
    name: "interpreter",
    run(c) {
      const front_ = runFrontEnd(front, c);
      if (!("checked" in front_)) return front_;
      try {
        const value = interpreter.evaluateExpression(front_.checked, c.bindings);
        if (value instanceof CelError) {
          // evaluateExpression turns a thrown exception into an "internal error" value: still a bug.
          const kind = value.message.startsWith("internal error") ? "crash" : "error";
          return { kind, stage: "eval", message: value.message };
        }
        return { kind: "value", value };
      } catch (e) {
        return { kind: "crash", stage: "eval", message: message(e) };
      }
    },
  };
};

/** The Wasm backend (test/wasm/support/conformance-engine.ts), imported lazily: that module imports this one. */
const wasmEngine: EngineFactory = async () => {
  try {
    return await (await import("../wasm/support/conformance-engine.js")).wasmEngine();
  } catch (e) {
    return { unavailable: `Wasm backend not loadable: ${message(e)}` };
  }
};

/** Every engine the suite knows, in report order. */
export const ENGINE_FACTORIES: readonly EngineFactory[] = [interpreterEngine, wasmEngine];

export async function availableEngines(): Promise<{ engines: Engine[]; unavailable: string[] }> {
  const engines: Engine[] = [];
  const unavailable: string[] = [];
  for (const factory of ENGINE_FACTORIES) {
    const e = await factory();
    if ("unavailable" in e) unavailable.push(e.unavailable);
    else engines.push(e);
  }
  return { engines, unavailable };
}

function message(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}
