// Calls: library overloads (static or chosen at run time by value types),
// user `fn`s and macros. Arguments are evaluated left to right; the first
// argument that is an error is the result, and later arguments are not
// evaluated (so they cost no fuel). Library calls carry the size term of
// compiler/fuel.ts: arguments before the call, the result after it.

import type { CallExpr, Expr, IdentExpr } from "../ast.js";
import type { MacroInfo, Resolution } from "../check/checked.js";
import { fuelForBytes, fuelForElements } from "../fuel.js";
import { findMacro, overloadById, overloadsOf, type Overload } from "../library/index.js";
import { utf8Length } from "../../runtime/lib/utf8.js";
import { containersOf, hasWorkFuel, workFuel } from "../../runtime/engine/library.js";
import { regexProgramSize } from "./builtins/helper-twins.js";
import { CelError, CelList, CelMap, isError, type CelValue } from "../values.js";
import type { Env } from "./env.js";
import type { Evaluator } from "./evaluator.js";
import { evalMacro } from "./macros.js";
import { celTypeName, valueFitsType } from "./runtime-type.js";
import { argumentMismatch, resultMismatch } from "../../runtime/engine/mismatch.js";
import { typeToString, type Type } from "../types.js";

/** A unary or binary operator node (`&&`, `||` and `?:` are handled by the evaluator). */
export function callOperator(ev: Evaluator, nodeId: number, fn: string, argExprs: Expr[], env: Env): CelValue {
  const resolution = ev.program.resolutions.get(nodeId);
  const candidates = resolution ? overloadsOfResolution(resolution, false) : overloadsOf(fn).filter((o) => !o.member);
  const args = evalArgs(ev, argExprs, env);
  if (args instanceof CelError) return args;
  return invokeLibrary(ev, fn, candidates, args, resolution?.kind === "overload");
}

export function callFunction(ev: Evaluator, call: CallExpr, env: Env): CelValue {
  const resolution = ev.program.resolutions.get(call.id) ?? resolveWithoutChecker(ev, call);
  if (!resolution) return new CelError(`undeclared reference to function '${call.function}'`);
  switch (resolution.kind) {
    case "macro":
      return evalMacro(ev, call, resolution.info, env);
    case "fn":
      return callUserFn(ev, resolution.name, resolution.checkArgs, call.args, env);
    case "overload":
    case "dynamic": {
      const candidates = overloadsOfResolution(resolution, call.target !== null);
      // Member overloads take the receiver first; a namespaced global (`math.abs`) has a target that is only its namespace.
      const member = candidates[0]?.member ?? false;
      const argExprs = member && call.target ? [call.target, ...call.args] : call.args;
      const args = evalArgs(ev, argExprs, env);
      if (args instanceof CelError) return args;
      return invokeLibrary(ev, resolution.function, candidates, args, resolution.kind === "overload");
    }
  }
}

/** `string(v)` as a message hole renders it: the `string` overload that fits the value, with its size term. */
export function convertToString(ev: Evaluator, v: CelValue): CelValue {
  return invokeLibrary(ev, "string", overloadsOf("string"), [v], false);
}

function callUserFn(ev: Evaluator, name: string, checkArgs: readonly (Type | null)[], argExprs: Expr[], env: Env): CelValue {
  const decl = ev.program.fns.get(name);
  if (!decl) return new CelError(`undeclared reference to function '${name}'`);
  const args = evalArgs(ev, argExprs, env);
  if (args instanceof CelError) return args;
  for (let i = 0; i < checkArgs.length; i++) {
    const expected = checkArgs[i];
    if (expected && !valueFitsType(args[i]!, expected, true)) {
      return new CelError(argumentMismatch(name, decl.params[i]!.name.name, typeToString(expected), celTypeName(args[i]!)));
    }
  }
  // Parameters are values: the body sees neither the caller's locals nor its parameters.
  const result = ev.eval(decl.body, { locals: null, params: args });
  const declared = ev.program.checkedResults?.get(name);
  if (declared && !isError(result) && !valueFitsType(result, declared, true)) {
    return new CelError(resultMismatch(name, typeToString(declared), celTypeName(result)));
  }
  return result;
}

function evalArgs(ev: Evaluator, exprs: Expr[], env: Env): CelValue[] | CelError {
  const out: CelValue[] = [];
  for (const e of exprs) {
    const v = ev.eval(e, env);
    if (isError(v)) return v;
    out.push(v);
  }
  return out;
}

/** `memberGuess`: how to pass a receiver to an id the library table does not know. */
function overloadsOfResolution(r: Resolution, memberGuess: boolean): Overload[] {
  const ids = r.kind === "overload" ? [r.overloadId] : r.kind === "dynamic" ? r.overloadIds : [];
  const out: Overload[] = [];
  for (const id of ids) {
    const o = overloadById(id);
    // An id the library table does not know still dispatches by id, so a builtin can implement it.
    out.push(o ?? { id, function: "", member: memberGuess, params: [], result: { kind: "dyn" } });
  }
  return out;
}

function invokeLibrary(ev: Evaluator, fn: string, candidates: readonly Overload[], args: CelValue[], trusted: boolean): CelValue {
  const chosen = trusted ? candidates[0] : candidates.find((o) => fits(o, args));
  if (!chosen) return new CelError(`no such overload: ${fn}(${args.map(celTypeName).join(", ")})`);
  const impl = ev.builtins(chosen.id);
  if (!impl) return new CelError(`overload '${chosen.id}' is not implemented`);
  let argFuel = 0;
  for (const a of args) argFuel += sizeFuel(a);
  ev.meter.charge(argFuel);
  if (hasWorkFuel(chosen.id)) ev.meter.charge(workFuel(chosen.id, args, CONTAINERS, regexProgramSize));
  const result = impl(args, ev.ctx);
  if (typeof result === "string" || result instanceof Uint8Array) {
    const bytes = typeof result === "string" ? utf8Length(result) : result.length;
    ev.meter.checkValueSize(bytes);
    ev.meter.charge(fuelForBytes(bytes));
  } else if (!isError(result)) {
    ev.meter.charge(sizeFuel(result));
  }
  return result;
}

function fits(o: Overload, args: CelValue[]): boolean {
  const n = o.params.length;
  if (o.variadic ? args.length < n : args.length !== n) return false;
  return args.every((a, i) => valueFitsType(a, o.params[Math.min(i, n - 1)]!));
}

/** Lists and maps of interpreter values, for the work term of deep equality. */
const CONTAINERS = containersOf(
  (v) => v instanceof CelList || v instanceof CelMap,
  (v) => (v instanceof CelList ? v.items : [...(v as CelMap).entries()].map((e) => e.value)),
);

/** The size term of compiler/fuel.ts for one argument or result. */
export function sizeFuel(v: CelValue): number {
  if (typeof v === "string") return fuelForBytes(utf8Length(v));
  if (v instanceof Uint8Array) return fuelForBytes(v.length);
  if (v instanceof CelList || v instanceof CelMap) return fuelForElements(v.size);
  return 0;
}

/**
 * A resolution for a call the checker left unannotated (hand-built trees,
 * expressions checked against a partial environment): user fns, macros,
 * namespaced functions (`math.abs`) and member or global library functions.
 */
function resolveWithoutChecker(ev: Evaluator, call: CallExpr): Resolution | undefined {
  const target = call.target;
  if (target === null && ev.program.fns.has(call.function)) return { kind: "fn", name: call.function, checkArgs: [] };
  const namespace = target?.kind === "ident" && !ev.program.references.has(target.id) ? target.name : null;
  const qualified = namespace ? `${namespace}.${call.function}` : null;
  const macro = (qualified && findMacro(qualified, false, call.args.length)) || findMacro(call.function, target !== null, call.args.length);
  if (macro) return { kind: "macro", info: macroInfo(macro.kind, call) };
  if (qualified && overloadsOf(qualified).length > 0) {
    return { kind: "dynamic", overloadIds: overloadsOf(qualified).map((o) => o.id), function: qualified };
  }
  const member = target !== null;
  const ids = overloadsOf(call.function)
    .filter((o) => o.member === member)
    .map((o) => o.id);
  return ids.length > 0 ? { kind: "dynamic", overloadIds: ids, function: call.function } : undefined;
}

function macroInfo(macro: MacroInfo["macro"], call: CallExpr): MacroInfo {
  const twoVars = ["all2", "exists2", "exists_one2", "transformList", "transformMap", "transformMapEntry"].includes(macro);
  const varCount = macro === "has" ? 0 : twoVars ? 2 : 1;
  const vars = call.args.slice(0, varCount).map((a) => (a as IdentExpr).name);
  return { macro, vars, range: macro === "has" || macro === "bind" ? null : call.target, tested: macro === "has" ? call.args[0] : undefined };
}
