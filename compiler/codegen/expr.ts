// Expressions -> Wasm. Every expression yields an i32 handle (0 false,
// 1 true, constants and host values positive, errors negative). Fuel is
// charged on entering each node, exactly as the interpreter charges it
// (compiler/fuel.ts); an error from a child leaves the node through its
// block label with that error, so work after it is neither done nor charged.

import type { BinaryExpr, CallExpr, ConditionalExpr, Expr, IndexExpr, ListExpr, MapExpr, SelectExpr } from "../ast.js";
import type { CheckedPolicy, Reference, Resolution } from "../check/checked.js";
import { FUEL } from "../fuel.js";
import { BINARY_OP_FUNCTION, UNARY_OP_FUNCTION, overloadById, overloadsOf, type Overload } from "../library/index.js";
import { CelError, CelTypeValue, CelUint } from "../values.js";
import type { Type } from "../types.js";
import { typeDesc, typeToString } from "./manifest.js";
import { implementation } from "../../runtime/engine/library.js";
import { HELPER_EXPORTS } from "../../runtime/engine/helpers.js";
import { emitMacro } from "./macros.js";
import { lowerArithmetic, lowerComparison } from "../ir/scalar.js";
import { NumberEmitter } from "./scalar.js";
import { i32, type FunctionBuilder, type ModuleBuilder } from "./module.js";

/** What the emitter needs to know about the policy around an expression. */
export interface PolicyScope {
  checked: CheckedPolicy;
  inputIndex: Map<string, number>;
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

  emit(e: Expr): number {
    const cost = FUEL.node[e.kind] + this.takePending();
    const code = this.withPending(cost, () => this.body(e));
    return code.length === 1 ? code[0]! : this.m.block(null, code, i32);
  }

  private body(e: Expr): number {
    switch (e.kind) {
      case "literal": {
        const v = e.value;
        if (v.type === "null") return this.mb.constHandle(null);
        if (v.type === "uint") return this.mb.constHandle(new CelUint(v.value));
        return this.mb.constHandle(v.value);
      }
      case "ident": {
        const ref = this.scope.checked.references.get(e.id);
        return ref ? this.reference(ref) : this.byName(e.name);
      }
      case "select":
        return this.select(e);
      case "index":
        return this.index(e);
      case "call":
        return this.call(e);
      case "list":
        return this.list(e);
      case "map":
        return this.map(e);
      case "struct":
        return this.mb.constHandle(new CelError(`message construction '${e.typeName}{...}' is not supported`));
      case "unary": {
        const arithmetic = lowerArithmetic(this.scope.checked, e);
        if (arithmetic) return new NumberEmitter(this).boxed(arithmetic);
        return this.operator(e.id, UNARY_OP_FUNCTION[e.op], [e.operand]);
      }
      case "binary": {
        if (e.op === "&&" || e.op === "||") return this.logic(e);
        // Numbers the checker typed statically are computed unboxed in the module (compiler/ir/scalar.ts).
        const comparison = lowerComparison(this.scope.checked, e);
        if (comparison) return new NumberEmitter(this).comparison(comparison);
        const arithmetic = lowerArithmetic(this.scope.checked, e);
        if (arithmetic) return new NumberEmitter(this).boxed(arithmetic);
        return this.operator(e.id, BINARY_OP_FUNCTION[e.op], [e.left, e.right]);
      }
      case "conditional":
        return this.conditional(e);
    }
  }

  reference(ref: Reference): number {
    const m = this.m;
    switch (ref.kind) {
      case "input": {
        const index = this.scope.inputIndex.get(ref.name);
        if (index === undefined) return this.mb.constHandle(new CelError(`undeclared reference to '${ref.name}'`));
        return m.global.get(this.scope.inputGlobal(index), i32);
      }
      case "let":
        return m.call(this.scope.letFunction(ref.name), [], i32);
      case "const":
        return this.mb.constHandle(ref.value);
      case "param":
        return this.get(ref.index);
      case "local":
        return this.byName(ref.name);
      case "now":
        return this.mb.host("now", []);
      case "type":
        return this.mb.constHandle(new CelTypeValue(staticTypeName(ref.type)));
    }
  }

  /** Locals, then inputs, consts and lets, as the interpreter looks names up. */
  private byName(name: string): number {
    const local = this.fb.lookup(name);
    if (local !== undefined) return this.get(local);
    const c = this.scope.checked;
    if (this.scope.inputIndex.has(name)) return this.reference({ kind: "input", name });
    if (c.consts.has(name)) return this.mb.constHandle(c.consts.get(name)!);
    if (c.lets.has(name)) return this.reference({ kind: "let", name });
    return this.mb.constHandle(new CelError(`undeclared reference to '${name}'`));
  }

  private select(e: SelectExpr): number {
    const ref = this.scope.checked.references.get(e.id);
    if (ref) return this.reference(ref);
    const m = this.m;
    const label = this.mb.label("sel");
    const operand = this.guard(label, this.emit(e.operand));
    const result = this.mb.host("select", [this.get(operand.local), this.mb.constHandle(e.field), m.i32.const(e.optional ? 1 : 0)]);
    return m.block(label, [...operand.stmts, result], i32);
  }

  private index(e: IndexExpr): number {
    const m = this.m;
    const label = this.mb.label("idx");
    const operand = this.guard(label, this.emit(e.operand));
    const index = this.guard(label, this.emit(e.index));
    const result = this.mb.host("index", [this.get(operand.local), this.get(index.local), m.i32.const(e.optional ? 1 : 0)]);
    return m.block(label, [...operand.stmts, ...index.stmts, result], i32);
  }

  private call(e: CallExpr): number {
    const resolution = this.scope.checked.resolutions.get(e.id);
    if (!resolution) throw new Error(`wasm backend: call to '${e.function}' has no resolution from the checker`);
    switch (resolution.kind) {
      case "macro":
        return emitMacro(this, e, resolution.info);
      case "fn": {
        const decl = this.scope.checked.fns.get(resolution.name);
        if (!decl) return this.mb.constHandle(new CelError(`undeclared reference to function '${resolution.name}'`));
        const args = resolution.checkArgs.map((type, i) =>
          type ? this.mb.check({ fn: resolution.name, param: decl.params[i]!.name.name, expected: typeToString(type), type: typeDesc(type) }) : -1,
        );
        return this.withArgs(e.args, (locals) => {
          const call = this.m.call(this.scope.fnFunction(resolution.name), locals.map((l) => this.get(l)), i32);
          if (args.every((c) => c < 0)) return call;
          // A checked argument that does not fit is the call's error (CEL: no call made).
          const label = this.mb.label("chk");
          const checks = locals.flatMap((l, i) => (args[i]! < 0 ? [] : this.guard(label, this.mb.host("check", [this.get(l), this.m.i32.const(args[i]!)]), l).stmts));
          return this.m.block(label, [...checks, call], i32);
        });
      }
      case "overload":
      case "dynamic": {
        const candidates = overloadsOfResolution(resolution, e.target !== null);
        const member = candidates[0]?.member ?? false;
        const argExprs = member && e.target ? [e.target, ...e.args] : e.args;
        return this.library(resolution.function, candidates, argExprs, resolution.kind === "overload");
      }
    }
  }

  private operator(nodeId: number, fn: string, args: Expr[]): number {
    const resolution = this.scope.checked.resolutions.get(nodeId);
    const candidates = resolution ? overloadsOfResolution(resolution, false) : overloadsOf(fn).filter((o) => !o.member);
    return this.library(fn, candidates, args, resolution?.kind === "overload");
  }

  /** Arguments left to right, stopping at the first error; then `make(argument locals)`. */
  withArgs(args: Expr[], make: (locals: number[]) => number): number {
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

  private library(fn: string, candidates: readonly Overload[], args: Expr[], trusted: boolean): number {
    const missing = candidates.filter((o) => !implementation(o.id) && !HELPER_EXPORTS[o.id]).map((o) => o.id);
    if (missing.length > 0 && (trusted || missing.length === candidates.length)) {
      throw new Error(`the wasm backend does not support ${fn === "" ? "this call" : `'${fn}'`} yet (overload ${missing.join(", ")})`);
    }
    // `!b` on a statically bool operand: the operand is 0 or 1 once past its error guard, and the host call would charge nothing.
    if (trusted && candidates.length === 1 && candidates[0]!.id === "logical_not") {
      return this.withArgs(args, ([operand]) => this.m.i32.eqz(this.get(operand!)));
    }
    const site = this.mb.site({
      fn,
      ids: candidates.map((o) => o.id),
      params: candidates.map((o) => o.params.map(typeDesc)),
      variadic: candidates.map((o) => o.variadic ?? false),
      trusted,
      argc: args.length,
    });
    return this.withArgs(args, (locals) => this.callSite(site, locals.map((l) => this.get(l))));
  }

  /** A call site with its arguments: one host call for up to two arguments, else pushed one by one. */
  callSite(site: number, args: number[]): number {
    const m = this.m;
    if (args.length === 1) return this.mb.host("call1", [m.i32.const(site), args[0]!]);
    if (args.length === 2) return this.mb.host("call2", [m.i32.const(site), args[0]!, args[1]!]);
    return m.block(null, [...args.map((a) => this.mb.host("arg", [a])), this.mb.host("call", [m.i32.const(site)])], i32);
  }

  private list(e: ListExpr): number {
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

  private map(e: MapExpr): number {
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
  private logic(e: BinaryExpr): number {
    const m = this.m;
    const absorbing = e.op === "||" ? 1 : 0;
    const label = this.mb.label("logic");
    const left = this.fb.local();
    const right = this.fb.local();
    const absorbs = (l: number) => m.i32.eq(this.get(l), m.i32.const(absorbing));
    const operandError = (l: number) => this.mb.host("logic_error", [this.get(l), m.i32.const(e.op === "&&" ? 1 : 0)]);
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

  private conditional(e: ConditionalExpr): number {
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

function overloadsOfResolution(r: Resolution, memberGuess: boolean): Overload[] {
  const ids = r.kind === "overload" ? [r.overloadId] : r.kind === "dynamic" ? r.overloadIds : [];
  return ids.map((id) => overloadById(id) ?? { id, function: "", member: memberGuess, params: [], result: { kind: "dyn" } });
}

export function staticTypeName(t: Type): string {
  switch (t.kind) {
    case "null":
      return "null_type";
    case "timestamp":
      return "google.protobuf.Timestamp";
    case "duration":
      return "google.protobuf.Duration";
    case "record":
      return "map";
    case "optional":
      return "optional_type";
    default:
      return t.kind;
  }
}
