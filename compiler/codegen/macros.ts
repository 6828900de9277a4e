// Macros -> Wasm: has(), cel.bind, optMap/optFlatMap and the comprehensions
// as explicit loops. A range is snapshotted by the host (lists in order,
// maps in key order); each iteration charges FUEL.iteration before its body.
// `all`/`exists` stop at the absorbing value and otherwise return the first
// non-bool predicate's error; the other comprehensions return an error at once.

import type { CallExpr, Expr } from "../ast.js";
import type { MacroInfo } from "../check/checked.js";
import { FUEL } from "../fuel.js";
import { CelError } from "../values.js";
import type { ExprEmitter } from "./expr.js";
import { i32 } from "./module.js";

export function emitMacro(x: ExprEmitter, call: CallExpr, info: MacroInfo): number {
  switch (info.macro) {
    case "has":
      return emitHas(x, info.tested ?? call.args[0]!);
    case "bind": {
      const init = x.fb.local();
      const set = x.m.local.set(init, x.emit(call.args[1]!));
      x.fb.bind(info.vars[0]!, init);
      const body = x.emit(call.args[2]!);
      x.fb.unbind();
      return x.m.block(null, [set, body], i32);
    }
    case "optMap":
    case "optFlatMap":
      return emitOptMap(x, call, info);
    default:
      return emitComprehension(x, call, info);
  }
}

function emitHas(x: ExprEmitter, tested: Expr): number {
  const m = x.m;
  if (tested.kind !== "select") return x.mb.constHandle(new CelError("has() needs a field selection such as has(x.f)"));
  if (x.scope.checked.references.has(tested.id)) {
    return m.i32.ge_s(x.emit(tested), m.i32.const(0));
  }
  const label = x.mb.label("has");
  const operand = x.guard(label, x.emit(tested.operand));
  return m.block(label, [...operand.stmts, x.mb.host("has", [x.get(operand.local), x.mb.constHandle(tested.field)])], i32);
}

function emitOptMap(x: ExprEmitter, call: CallExpr, info: MacroInfo): number {
  const m = x.m;
  const label = x.mb.label("opt");
  const target = x.guard(label, x.emit(info.range ?? call.target!));
  const name = x.mb.constHandle(info.macro);
  const state = x.guard(label, x.mb.host("opt_check", [x.get(target.local), name]));
  const value = x.fb.local();
  x.fb.bind(info.vars[0]!, value);
  const body = x.guard(label, x.emit(call.args[1]!));
  x.fb.unbind();
  const result = info.macro === "optMap" ? x.mb.host("opt_wrap", [x.get(body.local)]) : x.mb.host("opt_flat", [x.get(body.local), name]);
  return m.block(
    label,
    [
      ...target.stmts,
      ...state.stmts,
      m.drop(m.br(label, m.i32.eqz(x.get(state.local)), x.get(target.local))),
      m.local.set(value, x.mb.host("opt_value", [x.get(target.local)])),
      ...body.stmts,
      result,
    ],
    i32,
  );
}

function emitComprehension(x: ExprEmitter, call: CallExpr, info: MacroInfo): number {
  const m = x.m;
  const mb = x.mb;
  const label = mb.label("comp");
  const rangeValue = x.guard(label, x.emit(info.range ?? call.target!));
  const twoVars = info.vars.length === 2;
  const range = x.guard(label, mb.range(x.get(rangeValue.local), m.i32.const(-1), twoVars));
  const count = x.fb.local();
  const direct = x.fb.local();
  const i = x.fb.local();
  const args = call.args;
  const last = args[args.length - 1]!;
  const filter = info.macro === "map_filter" || (info.macro.startsWith("transform") && args.length === 4) ? args[args.length - 2]! : null;

  // Iteration variables, rebound at the top of every iteration.
  const first = x.fb.local();
  const second = x.fb.local();
  const bindings = [mb.rangeBindings(range.local, i, direct, first, twoVars ? second : null)];
  x.fb.bind(info.vars[0]!, first);
  if (twoVars) x.fb.bind(info.vars[1]!, second);

  const acc = x.fb.local();
  const r = x.fb.local();
  const loop = mb.label("loop");
  const next = mb.label("next");
  let init: number[] = [];
  let step: number[];
  let done: number;
  const predicateError = () => m.br(label, undefined, mb.host("pred_error", [x.get(r)]));
  const bodyInto = (e: Expr) => m.local.set(r, x.emit(e));

  switch (info.macro) {
    case "all":
    case "all2":
    case "exists":
    case "exists2": {
      const absorbing = info.macro.startsWith("exists") ? 1 : 0;
      init = [m.local.set(acc, m.i32.const(0))];
      step = [
        bodyInto(last),
        m.drop(m.br(label, m.i32.eq(x.get(r), m.i32.const(absorbing)), m.i32.const(absorbing))),
        m.if(m.i32.and(m.i32.eqz(x.get(acc)), m.i32.ge_u(x.get(r), m.i32.const(2))), m.local.set(acc, mb.host("pin", [mb.host("pred_error", [x.get(r)])]))),
      ];
      done = m.if(x.get(acc), x.get(acc), m.i32.const(1 - absorbing));
      break;
    }
    case "exists_one":
    case "exists_one2":
      init = [m.local.set(acc, m.i32.const(0))];
      step = [bodyInto(last), m.if(m.i32.ge_u(x.get(r), m.i32.const(2)), predicateError()), m.local.set(acc, m.i32.add(x.get(acc), x.get(r)))];
      done = m.i32.eq(x.get(acc), m.i32.const(1));
      break;
    case "filter":
      init = [m.local.set(acc, mb.host("list_new", []))];
      step = [
        bodyInto(last),
        m.if(m.i32.ge_u(x.get(r), m.i32.const(2)), predicateError()),
        m.if(x.get(r), m.drop(mb.host("list_add", [x.get(acc), x.get(first), m.i32.const(0)]))),
      ];
      done = x.get(acc);
      break;
    case "map":
    case "map_filter":
    case "transformList":
    case "transformMap":
    case "transformMapEntry": {
      const toMap = info.macro !== "map" && info.macro !== "map_filter" && info.macro !== "transformList";
      init = [m.local.set(acc, mb.host(toMap ? "map_new" : "list_new", []))];
      step = [];
      if (filter) {
        step.push(bodyInto(filter), m.if(m.i32.ge_u(x.get(r), m.i32.const(2)), predicateError()), m.br(next, m.i32.eqz(x.get(r))));
      }
      step.push(bodyInto(last), m.drop(m.br(label, m.i32.lt_s(x.get(r), m.i32.const(0)), x.get(r))));
      if (info.macro === "transformMap") step.push(mb.host("map_put", [x.get(acc), x.get(first), x.get(r)]));
      else if (info.macro === "transformMapEntry") step.push(...x.guard(label, mb.host("map_merge", [x.get(acc), x.get(r)]), acc).stmts);
      else step.push(m.drop(mb.host("list_add", [x.get(acc), x.get(r), m.i32.const(0)])));
      done = x.get(acc);
      break;
    }
    default:
      x.fb.unbind(twoVars ? 2 : 1);
      throw new Error(`wasm backend: macro ${info.macro} is not supported yet`);
  }
  x.fb.unbind(twoVars ? 2 : 1);
  // Values made by an iteration are dropped at its end (lets and a kept error are pinned by the host).
  const mark = x.fb.local();
  const body = m.loop(
    loop,
    m.if(
      m.i32.lt_s(x.get(i), x.get(count)),
      m.block(null, [
        m.block(next, [mb.charge(FUEL.iteration), ...bindings, ...step]),
        mb.release(x.get(mark)),
        m.local.set(i, m.i32.add(x.get(i), m.i32.const(1))),
        m.br(loop),
      ]),
    ),
  );
  return m.block(
    label,
    [...rangeValue.stmts, ...range.stmts, ...mb.rangeState(count, direct), m.local.set(i, m.i32.const(0)), ...init, m.local.set(mark, mb.mark()), body, done],
    i32,
  );
}
