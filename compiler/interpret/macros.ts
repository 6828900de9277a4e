// Macros: has(), the comprehensions (one- and two-variable), cel.bind and the
// optional macros. Ranges iterate lists in order and maps in key order
// (access.ts sortedKeys), the same order as rule `for` clauses. Each
// iteration costs FUEL.iteration before its body runs.
//
// Error absorption follows CEL: `all` is an `&&` fold (a false anywhere wins
// over errors), `exists` an `||` fold (a true wins); they stop at the first
// absorbing value. Every other comprehension returns its first error at once.

import type { CallExpr, Expr } from "../ast.js";
import type { MacroInfo } from "../check/checked.js";
import { FUEL } from "../fuel.js";
import { CelError, CelList, CelMap, CelOptional, isError, type CelValue } from "../values.js";
import { asKey, keyToString, mapHasEqualKey, sortedKeys } from "./access.js";
import { bind, type Env } from "./env.js";
import type { Evaluator } from "./evaluator.js";
import { celTypeName } from "./runtime-type.js";

/** One iteration's bindings: the element (or key), and for two-variable forms the index (or key) first. */
interface Item {
  first: CelValue;
  second: CelValue;
}

/** List: (index, element); map: (key, value) in key order. One-variable forms bind `first` of a map item, `second` of a list item. */
export function rangeItems(range: CelValue): Item[] | CelError {
  if (range instanceof CelList) return range.items.map((v, i) => ({ first: BigInt(i), second: v }));
  if (range instanceof CelMap) return sortedKeys(range).map((k) => ({ first: k, second: range.get(k)! }));
  return new CelError(`expression of type '${celTypeName(range)}' cannot be the range of a comprehension`);
}

export function evalMacro(ev: Evaluator, call: CallExpr, info: MacroInfo, env: Env): CelValue {
  switch (info.macro) {
    case "has":
      return evalHas(ev, info.tested ?? call.args[0]!, env);
    case "bind": {
      // The initial value is bound as a value, error or not: only a body that reads it sees the error.
      const init = ev.eval(call.args[1]!, env);
      return ev.eval(call.args[2]!, bind(env, info.vars[0]!, init));
    }
    case "optMap":
    case "optFlatMap":
      return evalOptMap(ev, call, info, env);
    default:
      return evalComprehension(ev, call, info, env);
  }
}

function evalHas(ev: Evaluator, tested: Expr, env: Env): CelValue {
  if (tested.kind !== "select") return new CelError("has() needs a field selection such as has(x.f)");
  if (ev.program.references.has(tested.id)) {
    // A qualified name (`has(a.b)` naming a variable): present when it evaluates.
    return !isError(ev.eval(tested, env));
  }
  let operand = ev.eval(tested.operand, env);
  if (isError(operand)) return operand;
  if (operand instanceof CelOptional) {
    if (operand.value === undefined) return false;
    operand = operand.value;
  }
  if (operand instanceof CelMap) return operand.has(tested.field);
  return new CelError(`type '${celTypeName(operand)}' does not support field selection`);
}

function evalOptMap(ev: Evaluator, call: CallExpr, info: MacroInfo, env: Env): CelValue {
  const target = ev.eval(info.range ?? call.target!, env);
  if (isError(target)) return target;
  if (!(target instanceof CelOptional)) return new CelError(`${info.macro} needs an optional, got ${celTypeName(target)}`);
  if (target.value === undefined) return target;
  const result = ev.eval(call.args[1]!, bind(env, info.vars[0]!, target.value));
  if (isError(result)) return result;
  if (info.macro === "optMap") return new CelOptional(result);
  if (!(result instanceof CelOptional)) return new CelError(`optFlatMap body must return an optional, got ${celTypeName(result)}`);
  return result;
}

function evalComprehension(ev: Evaluator, call: CallExpr, info: MacroInfo, env: Env): CelValue {
  const range = ev.eval(info.range ?? call.target!, env);
  if (isError(range)) return range;
  const items = rangeItems(range);
  if (items instanceof CelError) return items;
  const isList = range instanceof CelList;
  const twoVars = info.vars.length === 2;
  const args = call.args;
  const last = args[args.length - 1]!;
  // Forms with a filter: map(x, cond, e) and the four-argument transforms.
  const filter = info.macro === "map_filter" || (info.macro.startsWith("transform") && args.length === 4) ? args[args.length - 2]! : null;

  const scope = (item: Item): Env => {
    if (twoVars) return bind(bind(env, info.vars[0]!, item.first), info.vars[1]!, item.second);
    return bind(env, info.vars[0]!, isList ? item.second : item.first);
  };
  const oneVarValue = (item: Item): CelValue => (isList ? item.second : item.first);

  switch (info.macro) {
    case "all":
    case "all2":
      return fold(ev, items, scope, last, false);
    case "exists":
    case "exists2":
      return fold(ev, items, scope, last, true);
    case "exists_one":
    case "exists_one2": {
      let count = 0;
      for (const item of items) {
        ev.meter.charge(FUEL.iteration);
        const r = ev.eval(last, scope(item));
        if (typeof r !== "boolean") return predicateError(r);
        if (r) count++;
      }
      return count === 1;
    }
    case "filter": {
      const out: CelValue[] = [];
      for (const item of items) {
        ev.meter.charge(FUEL.iteration);
        const r = ev.eval(last, scope(item));
        if (typeof r !== "boolean") return predicateError(r);
        if (r) out.push(oneVarValue(item));
      }
      return new CelList(out);
    }
    case "map":
    case "map_filter":
    case "transformList": {
      const out: CelValue[] = [];
      for (const item of items) {
        ev.meter.charge(FUEL.iteration);
        const s = scope(item);
        const kept = filter ? ev.eval(filter, s) : true;
        if (typeof kept !== "boolean") return predicateError(kept);
        if (!kept) continue;
        const v = ev.eval(last, s);
        if (isError(v)) return v;
        out.push(v);
      }
      return new CelList(out);
    }
    case "transformMap":
    case "transformMapEntry":
      return transformToMap(ev, info.macro, items, scope, filter, last);
    default:
      return new CelError(`unsupported macro ${info.macro}`);
  }
}

/** `all` (absorbing false) and `exists` (absorbing true): stop at the absorbing value; otherwise the first error, if any. */
function fold(ev: Evaluator, items: Item[], scope: (i: Item) => Env, body: Expr, absorbing: boolean): CelValue {
  let firstError: CelError | null = null;
  for (const item of items) {
    ev.meter.charge(FUEL.iteration);
    const r = ev.eval(body, scope(item));
    if (r === absorbing) return absorbing;
    if (typeof r !== "boolean") firstError ??= predicateError(r);
  }
  return firstError ?? !absorbing;
}

function transformToMap(
  ev: Evaluator,
  macro: "transformMap" | "transformMapEntry",
  items: Item[],
  scope: (i: Item) => Env,
  filter: Expr | null,
  body: Expr,
): CelValue {
  const out = new CelMap();
  for (const item of items) {
    ev.meter.charge(FUEL.iteration);
    const s = scope(item);
    const kept = filter ? ev.eval(filter, s) : true;
    if (typeof kept !== "boolean") return predicateError(kept);
    if (!kept) continue;
    const v = ev.eval(body, s);
    if (isError(v)) return v;
    if (macro === "transformMap") {
      out.set(asKey(item.first)!, v);
      continue;
    }
    if (!(v instanceof CelMap)) return new CelError(`transformMapEntry body must return a map, got ${celTypeName(v)}`);
    for (const { key, value } of v.entries()) {
      if (mapHasEqualKey(out, key)) return new CelError(`transformMapEntry: duplicate key ${keyToString(key)}`);
      out.set(key, value);
    }
  }
  return out;
}

function predicateError(v: CelValue): CelError {
  return isError(v) ? v : new CelError(`no such overload: predicate returned ${celTypeName(v)}, not bool`);
}
