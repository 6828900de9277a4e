// IR loops and macros -> Wasm: has(), optMap/optFlatMap and the
// comprehensions as explicit loops. A range is snapshotted by the host (lists
// in order, maps in key order); each iteration charges FUEL.iteration before
// its body. `all`/`exists` stop at the absorbing value and otherwise return
// the first non-bool predicate's error; the other comprehensions return an
// error at once.

import type { Ir } from "../ir/nodes.js";
import { FUEL } from "../fuel.js";
import type { ExprEmitter } from "./expr.js";
import { i32 } from "./module.js";

export function emitHas(x: ExprEmitter, operand: Ir, field: string): number {
  return x.withArgs([operand], ([h]) => x.mb.host("has", [x.get(h!), x.mb.constHandle(field)]));
}

export function emitOpt(x: ExprEmitter, e: Extract<Ir, { op: "opt" }>): number {
  const m = x.m;
  const label = x.mb.label("opt");
  const target = x.guard(label, x.emit(e.target));
  const name = x.mb.constHandle(e.flat ? "optFlatMap" : "optMap");
  const state = x.guard(label, x.mb.host("opt_check", [x.get(target.local), name]));
  const value = x.fb.local();
  x.fb.bind(e.binding, value);
  const body = x.guard(label, x.emit(e.body));
  const result = e.flat ? x.mb.host("opt_flat", [x.get(body.local), x.mb.constHandle("optFlatMap")]) : x.mb.host("opt_wrap", [x.get(body.local)]);
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

export function emitLoop(x: ExprEmitter, e: Extract<Ir, { op: "loop" }>): number {
  const m = x.m;
  const mb = x.mb;
  const label = mb.label("comp");
  const rangeValue = x.guard(label, x.emit(e.range));
  const twoVars = e.second !== null;
  const range = x.guard(label, mb.range(x.get(rangeValue.local), m.i32.const(-1), twoVars));
  const count = x.fb.local();
  const direct = x.fb.local();
  const i = x.fb.local();

  // Iteration variables, rebound at the top of every iteration.
  const first = x.fb.local();
  const second = x.fb.local();
  const bindings = [mb.rangeBindings(range.local, i, direct, first, twoVars ? second : null)];
  x.fb.bind(e.first, first);
  if (e.second) x.fb.bind(e.second, second);

  const acc = x.fb.local();
  const r = x.fb.local();
  const loop = mb.label("loop");
  const next = mb.label("next");
  let init: number[] = [];
  let step: number[];
  let done: number;
  const predicateError = () => m.br(label, undefined, mb.host("pred_error", [x.get(r)]));
  const bodyInto = (body: Ir) => m.local.set(r, x.emit(body));

  switch (e.kind) {
    case "all":
    case "exists": {
      const absorbing = e.kind === "exists" ? 1 : 0;
      init = [m.local.set(acc, m.i32.const(0))];
      step = [
        bodyInto(e.body),
        m.drop(m.br(label, m.i32.eq(x.get(r), m.i32.const(absorbing)), m.i32.const(absorbing))),
        m.if(m.i32.and(m.i32.eqz(x.get(acc)), m.i32.ge_u(x.get(r), m.i32.const(2))), m.local.set(acc, mb.host("pin", [mb.host("pred_error", [x.get(r)])]))),
      ];
      done = m.if(x.get(acc), x.get(acc), m.i32.const(1 - absorbing));
      break;
    }
    case "exists_one":
      init = [m.local.set(acc, m.i32.const(0))];
      step = [bodyInto(e.body), m.if(m.i32.ge_u(x.get(r), m.i32.const(2)), predicateError()), m.local.set(acc, m.i32.add(x.get(acc), x.get(r)))];
      done = m.i32.eq(x.get(acc), m.i32.const(1));
      break;
    case "filter":
      init = [m.local.set(acc, mb.host("list_new", []))];
      step = [
        bodyInto(e.body),
        m.if(m.i32.ge_u(x.get(r), m.i32.const(2)), predicateError()),
        m.if(x.get(r), m.drop(mb.host("list_add", [x.get(acc), x.get(first), m.i32.const(0)]))),
      ];
      done = x.get(acc);
      break;
    case "map":
    case "transformList":
    case "transformMap":
    case "transformMapEntry": {
      const toMap = e.kind === "transformMap" || e.kind === "transformMapEntry";
      init = [m.local.set(acc, mb.host(toMap ? "map_new" : "list_new", []))];
      step = [];
      if (e.filter) {
        step.push(bodyInto(e.filter), m.if(m.i32.ge_u(x.get(r), m.i32.const(2)), predicateError()), m.br(next, m.i32.eqz(x.get(r))));
      }
      step.push(bodyInto(e.body), m.drop(m.br(label, m.i32.lt_s(x.get(r), m.i32.const(0)), x.get(r))));
      if (e.kind === "transformMap") step.push(mb.host("map_put", [x.get(acc), x.get(first), x.get(r)]));
      else if (e.kind === "transformMapEntry") step.push(...x.guard(label, mb.host("map_merge", [x.get(acc), x.get(r)]), acc).stmts);
      else step.push(m.drop(mb.host("list_add", [x.get(acc), x.get(r), m.i32.const(0)])));
      done = x.get(acc);
      break;
    }
  }
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
