// IR expressions (compiler/ir/nodes.ts) -> Wasm. Every expression yields an
// i32 handle (0 false, 1 true, constants and host values positive, errors
// negative). Each node's fuel is charged on entering it, exactly as the
// interpreter charges it (compiler/fuel.ts); an error from a child leaves
// the node through its block label with that error, so work after it is
// neither done nor charged.

import type { Ir } from "../ir/nodes.js";
import type { CallSite } from "../../runtime/engine/manifest.js";
import { emitHas, emitLoop, emitOpt } from "./macros.js";
import { i32, type FunctionBuilder, type ModuleBuilder } from "./module.js";
import { NumberEmitter } from "./scalar.js";

/** What the emitter needs to know about the policy around an expression. */
export interface PolicyScope {
  /** The global holding input `index`'s handle, set once per evaluation by the policy entry. */
  inputGlobal: (index: number) => string;
  letFunction: (name: string) => string;
  fnFunction: (name: string) => string;
}

export class ExprEmitter {
  readonly m;
  constructor(
    readonly mb: ModuleBuilder,
    readonly fb: FunctionBuilder,
    readonly scope: PolicyScope,
  ) {
    this.m = mb.m;
  }

  get(local: number): number {
    return this.m.local.get(local, i32);
  }

  /** `local = value; if (local < 0) break label with local` as statements. */
  guard(label: string, value: number, local = this.fb.local()): { stmts: number[]; local: number } {
    const m = this.m;
    return {
      local,
      stmts: [m.local.set(local, value), m.drop(m.br(label, m.i32.lt_s(this.get(local), m.i32.const(0)), this.get(local)))],
    };
  }

  isBool(local: number): number {
    return this.m.i32.lt_u(this.get(local), this.m.i32.const(2));
  }

  /**
   * Fuel not yet charged. Charges are merged forward into the next node
   * entered when nothing between them can be observed (no exit, no host
   * call that charges or fails), so straight-line code charges once per
   * basic block and the totals, and the point of exhaustion, stay the
   * interpreter's.
   */
  pending = 0;

  takePending(): number {
    const units = this.pending;
    this.pending = 0;
    return units;
  }

  /** Generates code with `units` pending; if nothing consumed them, they are charged first. */
  withPending(units: number, generate: () => number): number[] {
    this.pending += units;
    const code = generate();
    const left = this.takePending();
    return left > 0 ? [this.mb.charge(left), code] : [code];
  }

  emit(e: Ir): number {
    const cost = e.fuel + this.takePending();
    const code = this.withPending(cost, () => this.body(e));
    return code.length === 1 ? code[0]! : this.m.block(null, code, i32);
  }

  private body(e: Ir): number {
    const m = this.m;
    const mb = this.mb;
    switch (e.op) {
      case "const":
        return mb.constHandle(e.value);
      case "error":
        return mb.constError(e.message);
      case "input":
        return m.global.get(this.scope.inputGlobal(e.index), i32);
      case "let":
        return m.call(this.scope.letFunction(e.name), [], i32);
      case "param":
        return this.get(e.index);
      case "local":
        return this.get(this.fb.lookup(e.binding));
      case "now":
        return mb.host("now", []);
      case "select":
        return this.withArgs([e.operand], ([h]) => mb.host("select", [this.get(h!), mb.constHandle(e.field), m.i32.const(e.optional ? 1 : 0)]));
      case "index":
        return this.withArgs([e.operand, e.index], ([a, b]) => mb.host("index", [this.get(a!), this.get(b!), m.i32.const(e.optional ? 1 : 0)]));
      case "has":
        return emitHas(this, e.operand, e.field);
      case "present":
        return m.i32.ge_s(this.emit(e.value), m.i32.const(0));
      case "call": {
        // The site is numbered before its arguments' code (their calls number after it), as the manifest has always listed them.
        const site = mb.site(e.site);
        return this.withArgs(e.args, (locals) => this.callSite(site, locals.map((l) => this.get(l))));
      }
      case "not":
        return this.withArgs([e.operand], ([operand]) => m.i32.eqz(this.get(operand!)));
      case "fn":
        return this.fn(e);
      case "list":
        return this.list(e);
      case "map":
        return this.map(e);
      case "logic":
        return this.logic(e);
      case "cond":
        return this.conditional(e);
      case "bind": {
        const init = this.fb.local();
        const set = m.local.set(init, this.emit(e.init));
        this.fb.bind(e.binding, init);
        return m.block(null, [set, this.emit(e.body)], i32);
      }
      case "opt":
        return emitOpt(this, e);
      case "loop":
        return emitLoop(this, e);
      case "compare":
        return new NumberEmitter(this).comparison(e.comparison);
      case "arith":
        return new NumberEmitter(this).boxed(e.number);
    }
  }

  /** Arguments left to right, stopping at the first error; then `make(argument locals)`. */
  withArgs(args: Ir[], make: (locals: number[]) => number): number {
    const label = this.mb.label("args");
    const stmts: number[] = [];
    const locals: number[] = [];
    for (const a of args) {
      const g = this.guard(label, this.emit(a));
      stmts.push(...g.stmts);
      locals.push(g.local);
    }
    return this.m.block(label, [...stmts, make(locals)], i32);
  }

  /** A call site (a CallSite, or its number) with its arguments: one host call for up to two arguments, else pushed one by one. */
  callSite(site: CallSite | number, args: number[]): number {
    const m = this.m;
    const index = typeof site === "number" ? site : this.mb.site(site);
    if (args.length === 1) return this.mb.host("call1", [m.i32.const(index), args[0]!]);
    if (args.length === 2) return this.mb.host("call2", [m.i32.const(index), args[0]!, args[1]!]);
    return m.block(null, [...args.map((a) => this.mb.host("arg", [a])), this.mb.host("call", [m.i32.const(index)])], i32);
  }

  private fn(e: Extract<Ir, { op: "fn" }>): number {
    const checks = e.checks.map((c) => (c ? this.mb.check(c) : -1));
    return this.withArgs(e.args, (locals) => {
      const call = this.m.call(this.scope.fnFunction(e.name), locals.map((l) => this.get(l)), i32);
      if (checks.every((c) => c < 0)) return call;
      // A checked argument that does not fit is the call's error (CEL: no call made).
      const label = this.mb.label("chk");
      const guarded = locals.flatMap((l, i) => (checks[i]! < 0 ? [] : this.guard(label, this.mb.host("check", [this.get(l), this.m.i32.const(checks[i]!)]), l).stmts));
      return this.m.block(label, [...guarded, call], i32);
    });
  }

  private list(e: Extract<Ir, { op: "list" }>): number {
    const m = this.m;
    const label = this.mb.label("list");
    const list = this.fb.local();
    const stmts = [m.local.set(list, this.mb.host("list_new", []))];
    for (const element of e.elements) {
      const v = this.guard(label, this.emit(element.value));
      stmts.push(...v.stmts);
      stmts.push(...this.guard(label, this.mb.host("list_add", [this.get(list), this.get(v.local), m.i32.const(element.optional ? 1 : 0)]), list).stmts);
    }
    return m.block(label, [...stmts, this.get(list)], i32);
  }

  private map(e: Extract<Ir, { op: "map" }>): number {
    const m = this.m;
    const label = this.mb.label("map");
    const map = this.fb.local();
    const stmts = [m.local.set(map, this.mb.host("map_new", []))];
    for (const entry of e.entries) {
      const k = this.guard(label, this.emit(entry.key));
      const v = this.guard(label, this.emit(entry.value));
      stmts.push(...k.stmts, ...v.stmts);
      const add = this.mb.host("map_add", [this.get(map), this.get(k.local), this.get(v.local), m.i32.const(entry.optional ? 1 : 0)]);
      stmts.push(...this.guard(label, add, map).stmts);
    }
    return m.block(label, [...stmts, this.get(map)], i32);
  }

  /** CEL's commutative logic: the absorbing value wins over an error on either side; the right side is skipped when the left absorbs. */
  private logic(e: Extract<Ir, { op: "logic" }>): number {
    const m = this.m;
    const absorbing = e.and ? 0 : 1;
    const label = this.mb.label("logic");
    const left = this.fb.local();
    const right = this.fb.local();
    const absorbs = (l: number) => m.i32.eq(this.get(l), m.i32.const(absorbing));
    const operandError = (l: number) => this.mb.host("logic_error", [this.get(l), m.i32.const(e.and ? 1 : 0)]);
    return m.block(
      label,
      [
        m.local.set(left, this.emit(e.left)),
        m.drop(m.br(label, absorbs(left), m.i32.const(absorbing))),
        m.local.set(right, this.emit(e.right)),
        m.drop(m.br(label, absorbs(right), m.i32.const(absorbing))),
        m.if(this.isBool(left), m.if(this.isBool(right), m.i32.const(1 - absorbing), operandError(right)), operandError(left)),
      ],
      i32,
    );
  }

  private conditional(e: Extract<Ir, { op: "cond" }>): number {
    const m = this.m;
    const label = this.mb.label("cond");
    const c = this.guard(label, this.emit(e.condition));
    const pick = m.if(
      this.isBool(c.local),
      m.if(this.get(c.local), this.emit(e.then), this.emit(e.otherwise)),
      this.mb.host("cond_error", [this.get(c.local)]),
    );
    return m.block(label, [...c.stmts, pick], i32);
  }
}
