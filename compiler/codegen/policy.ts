// One policy's IR (compiler/ir/nodes.ts PolicyIr) -> Wasm functions: its
// lets (memoised per evaluation), fns, rules (for clauses as loops,
// when/unless/expires/message) and the entry that runs rules then outputs
// in the interpreter's order (compiler/interpret/README.md).

import binaryen from "binaryen";
import type { ForIr, Ir, PolicyIr, RuleIr } from "../ir/nodes.js";
import { librarySite } from "../ir/lower.js";
import { FUEL } from "../fuel.js";
import { overloadsOf } from "../library/index.js";
import { ExprEmitter, type PolicyScope } from "./expr.js";
import { FunctionBuilder, i32, type ModuleBuilder } from "./module.js";

const none = binaryen.none;

/** The `string()` call site of message holes: any overload, chosen by the value. */
const STRING_SITE = librarySite("string", overloadsOf("string"), false, 1);

export function emitPolicy(mb: ModuleBuilder, policy: PolicyIr, prefix: string, entry: string): void {
  const m = mb.m;
  const scope: PolicyScope = {
    inputGlobal: (index) => `${prefix}in_${index}`,
    letFunction: (name) => `${prefix}let_${name}`,
    fnFunction: (name) => `${prefix}fn_${name}`,
  };

  for (const { name, value } of policy.lets) {
    const state = `${prefix}ls_${name}`;
    const stored = `${prefix}lv_${name}`;
    m.addGlobal(state, i32, true, m.i32.const(0));
    m.addGlobal(stored, i32, true, m.i32.const(0));
    const fb = new FunctionBuilder(mb, 0);
    const x = new ExprEmitter(mb, fb, scope);
    const body = m.block(null, [
      m.if(m.i32.eq(m.global.get(state, i32), m.i32.const(2)), m.return(m.global.get(stored, i32))),
      m.if(m.global.get(state, i32), m.return(mb.constError(`let '${name}' refers to itself`))),
      m.global.set(state, m.i32.const(1)),
      m.global.set(stored, mb.host("pin", [x.emit(value)])),
      m.global.set(state, m.i32.const(2)),
      m.return(m.global.get(stored, i32)),
    ]);
    m.addFunction(scope.letFunction(name), none, i32, fb.vars, body);
  }

  for (const fn of policy.fns) {
    const fb = new FunctionBuilder(mb, fn.params);
    let body = new ExprEmitter(mb, fb, scope).emit(fn.body);
    if (fn.result) {
      const index = mb.check(fn.result);
      const r = fb.local();
      body = m.block(null, [
        m.local.set(r, body),
        m.if(m.i32.ge_s(m.local.get(r, i32), m.i32.const(0)), m.local.set(r, mb.host("check", [m.local.get(r, i32), m.i32.const(index)]))),
        m.local.get(r, i32),
      ], i32);
    }
    m.addFunction(scope.fnFunction(fn.name), binaryen.createType(Array.from({ length: fn.params }, () => i32)), i32, fb.vars, body);
  }

  policy.rules.forEach((rule, k) => {
    const fb = new FunctionBuilder(mb, 0);
    const body = new RuleEmitter(new ExprEmitter(mb, fb, scope), rule, k).emit();
    m.addFunction(`${prefix}rule_${k}`, none, i32, fb.vars, body);
  });

  // The entry takes the inputs' handles as parameters (one JS->Wasm call, no host call per input).
  const fb = new FunctionBuilder(mb, policy.inputs);
  const x = new ExprEmitter(mb, fb, scope);
  const stmts: number[] = [];
  for (let k = 0; k < policy.inputs; k++) {
    m.addGlobal(scope.inputGlobal(k), i32, true, m.i32.const(0));
    stmts.push(m.global.set(scope.inputGlobal(k), m.local.get(k, i32)));
  }
  for (const { name } of policy.lets) stmts.push(m.global.set(`${prefix}ls_${name}`, m.i32.const(0)));
  policy.rules.forEach((rule, k) => {
    const e = fb.local();
    stmts.push(
      mb.setRule(k),
      m.local.set(e, m.call(`${prefix}rule_${k}`, [], i32)),
      m.if(
        m.i32.lt_s(x.get(e), m.i32.const(0)),
        m.block(null, [mb.host("rule_error", [m.i32.const(k), x.get(e)]), rule.kind === "warn" ? m.nop() : m.return()]),
        // Only a rule that fired has anything for the host to record.
        m.if(x.get(e), mb.host("rule_end", [m.i32.const(k)])),
      ),
    );
  });
  stmts.push(mb.setRule(-1));
  policy.outputs.forEach((output, k) => {
    const v = fb.local();
    stmts.push(
      ...x.withPending(FUEL.output, () => m.local.set(v, x.emit(output))),
      m.if(m.i32.lt_s(x.get(v), m.i32.const(0)), m.block(null, [mb.host("output_error", [m.i32.const(k), x.get(v)]), m.return()])),
      mb.host("output", [m.i32.const(k), x.get(v)]),
    );
  });
  m.addFunction(entry, binaryen.createType(Array.from({ length: policy.inputs }, () => i32)), none, fb.vars, m.block(null, stmts));
  m.addFunctionExport(entry, entry);
}

/** A rule function returns 1 if it fired, 0 if not, or the (negative) error handle that ended the rule. */
class RuleEmitter {
  /** Set to 1 by the first firing. */
  private readonly fired: number;

  constructor(
    readonly x: ExprEmitter,
    readonly rule: RuleIr,
    readonly index: number,
  ) {
    this.fired = x.fb.local();
  }

  emit(): number {
    const { m, mb } = this.x;
    const stmts: number[] = [];
    if (this.rule.expires) {
      const e = this.x.fb.local();
      stmts.push(
        mb.charge(FUEL.rule),
        m.local.set(e, mb.host("expired", [m.i32.const(this.index)])),
        m.if(m.i32.lt_s(this.x.get(e), m.i32.const(0)), m.return(this.x.get(e))),
        m.if(this.x.get(e), m.return(m.i32.const(0))),
        this.fireFrom(0),
      );
    } else {
      stmts.push(...this.x.withPending(FUEL.rule, () => this.fireFrom(0)));
    }
    stmts.push(m.return(this.x.get(this.fired)));
    return m.block(null, stmts);
  }

  /** Evaluates `value` into a fresh local; an error returns from the rule. */
  private orReturn(value: number): { stmts: number[]; local: number } {
    const m = this.x.m;
    const local = this.x.fb.local();
    return { local, stmts: [m.local.set(local, value), m.if(m.i32.lt_s(this.x.get(local), m.i32.const(0)), m.return(this.x.get(local)))] };
  }

  private fireFrom(depth: number): number {
    const { m, mb, fb } = this.x;
    const x = this.x;
    if (depth === this.rule.fors.length) return this.fireOnce();
    const clause: ForIr = this.rule.fors[depth]!;
    const source = this.orReturn(x.emit(clause.source));
    const range = this.orReturn(mb.range(x.get(source.local), mb.constHandle(clause.name), clause.second !== null));
    const count = fb.local();
    const direct = fb.local();
    const i = fb.local();
    const first = fb.local();
    const second = fb.local();
    const bindings = [mb.rangeBindings(range.local, i, direct, first, clause.second ? second : null)];
    fb.bind(clause.first, first);
    if (clause.second) fb.bind(clause.second, second);
    const inner = x.withPending(FUEL.iteration, () => this.fireFrom(depth + 1));
    const loop = mb.label("for");
    const mark = fb.local();
    return m.block(null, [
      ...source.stmts,
      ...range.stmts,
      ...mb.rangeState(count, direct),
      m.local.set(i, m.i32.const(0)),
      m.local.set(mark, mb.mark()),
      m.loop(
        loop,
        m.if(
          m.i32.lt_s(x.get(i), x.get(count)),
          m.block(null, [
            ...bindings,
            ...inner,
            mb.release(x.get(mark)),
            m.local.set(i, m.i32.add(x.get(i), m.i32.const(1))),
            m.br(loop),
          ]),
        ),
      ),
    ]);
  }

  private fireOnce(): number {
    const { m, mb } = this.x;
    const x = this.x;
    const skip = mb.label("skip");
    const stmts: number[] = [];
    const clause = (e: Ir, name: string, skipOn: 0 | 1) => {
      const v = this.orReturn(x.emit(e));
      stmts.push(
        ...v.stmts,
        m.if(m.i32.ge_u(x.get(v.local), m.i32.const(2)), m.return(mb.host("clause_error", [x.get(v.local), mb.constHandle(name)]))),
        m.br(skip, m.i32.eq(x.get(v.local), m.i32.const(skipOn))),
      );
    };
    if (this.rule.when) clause(this.rule.when, "when", 0);
    if (this.rule.unless) clause(this.rule.unless, "unless", 1);
    const message = this.orReturn(this.rule.message ? this.template(this.rule.message) : mb.constHandle(this.rule.name));
    stmts.push(...message.stmts, mb.host("fire", [m.i32.const(this.index), x.get(message.local)]), m.local.set(this.fired, m.i32.const(1)));
    return m.block(skip, stmts);
  }

  /** Literal text and `string()` of each hole (with its size term), concatenated; the first error is the result. */
  private template(parts: (string | Ir)[]): number {
    const { m, mb } = this.x;
    const x = this.x;
    const label = mb.label("tmpl");
    const stmts = [mb.charge(FUEL.template)];
    const handles: number[] = [];
    for (const part of parts) {
      if (typeof part === "string") {
        handles.push(mb.constHandle(part));
        continue;
      }
      const v = x.guard(label, x.emit(part));
      stmts.push(...v.stmts);
      const s = x.guard(label, x.callSite(STRING_SITE, [x.get(v.local)]));
      stmts.push(...s.stmts);
      handles.push(x.get(s.local));
    }
    stmts.push(...handles.map((p) => mb.host("arg", [p])), mb.host("concat", [m.i32.const(handles.length)]));
    return m.block(label, stmts, i32);
  }
}
