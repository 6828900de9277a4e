// Checked AST -> IR (./nodes.ts) for expressions: names resolved, calls
// made call sites, macros made loops, numbers made unboxed fragments, each
// node carrying its fuel. Policies (lets, fns, rules) are lowered by
// ./lower-policy.ts with this.

import type { BinaryExpr, CallExpr, Expr } from "../ast.js";
import type { CheckedPolicy, MacroInfo, Reference, Resolution } from "../check/checked.js";
import { FUEL } from "../fuel.js";
import { BINARY_OP_FUNCTION, UNARY_OP_FUNCTION, overloadById, overloadsOf, type Overload } from "../library/index.js";
import { CelTypeValue, CelUint } from "../values.js";
import { typeToString } from "../types.js";
import { staticTypeName } from "../interpret/runtime-type.js";
import { typeDesc } from "./type-desc.js";
import { implementation } from "../../runtime/engine/library.js";
import { HELPER_EXPORTS } from "../../runtime/engine/helpers.js";
import type { CallSite } from "../../runtime/engine/manifest.js";
import type { Binding, Ir, LoopKind } from "./nodes.js";
import { lowerArithmetic, lowerComparison } from "./scalar.js";

const LOOPS: Partial<Record<MacroInfo["macro"], LoopKind>> = {
  all: "all",
  all2: "all",
  exists: "exists",
  exists2: "exists",
  exists_one: "exists_one",
  exists_one2: "exists_one",
  filter: "filter",
  map: "map",
  map_filter: "map",
  transformList: "transformList",
  transformMap: "transformMap",
  transformMapEntry: "transformMapEntry",
};

export class Lowering {
  /** Variables in scope, innermost last (loops, `cel.bind`, optional macros, `for` clauses). */
  private readonly scope: Binding[] = [];
  private readonly leaf = (e: Expr) => this.expr(e);

  constructor(
    readonly checked: CheckedPolicy,
    private readonly inputIndex: ReadonlyMap<string, number>,
  ) {}

  /** Runs `body` with `names` bound (in order), handing it their bindings; returns what `body` returned. */
  within<T>(names: string[], body: (bindings: Binding[]) => T): T {
    const bindings = names.map((name) => ({ name }));
    this.scope.push(...bindings);
    try {
      return body(bindings);
    } finally {
      this.scope.length -= bindings.length;
    }
  }

  expr(e: Expr): Ir {
    const fuel = FUEL.node[e.kind];
    switch (e.kind) {
      case "literal": {
        const v = e.value;
        if (v.type === "null") return { op: "const", fuel, value: null };
        return { op: "const", fuel, value: v.type === "uint" ? new CelUint(v.value) : v.value };
      }
      case "ident": {
        const ref = this.checked.references.get(e.id);
        return ref ? this.reference(ref, fuel) : this.byName(e.name, fuel);
      }
      case "select": {
        const ref = this.checked.references.get(e.id);
        if (ref) return this.reference(ref, fuel);
        return { op: "select", fuel, operand: this.expr(e.operand), field: e.field, optional: e.optional };
      }
      case "index":
        return { op: "index", fuel, operand: this.expr(e.operand), index: this.expr(e.index), optional: e.optional };
      case "call":
        return this.call(e, fuel);
      case "list":
        return { op: "list", fuel, elements: e.elements.map((el) => ({ value: this.expr(el.value), optional: el.optional })) };
      case "map":
        return { op: "map", fuel, entries: e.entries.map((en) => ({ key: this.expr(en.key), value: this.expr(en.value), optional: en.optional })) };
      case "struct":
        return { op: "error", fuel, message: `message construction '${e.typeName}{...}' is not supported` };
      case "unary": {
        // Numbers the checker typed statically are computed unboxed in the module (./scalar.ts).
        const number = lowerArithmetic(this.checked, e, this.leaf);
        if (number) return { op: "arith", fuel, number };
        return this.operator(e.id, UNARY_OP_FUNCTION[e.op], [e.operand], fuel);
      }
      case "binary":
        return this.binary(e, fuel);
      case "conditional":
        return { op: "cond", fuel, condition: this.expr(e.condition), then: this.expr(e.then), otherwise: this.expr(e.otherwise) };
    }
  }

  private binary(e: BinaryExpr, fuel: number): Ir {
    if (e.op === "&&" || e.op === "||") return { op: "logic", fuel, and: e.op === "&&", left: this.expr(e.left), right: this.expr(e.right) };
    const comparison = lowerComparison(this.checked, e, this.leaf);
    if (comparison) return { op: "compare", fuel, comparison };
    const number = lowerArithmetic(this.checked, e, this.leaf);
    if (number) return { op: "arith", fuel, number };
    return this.operator(e.id, BINARY_OP_FUNCTION[e.op], [e.left, e.right], fuel);
  }

  private reference(ref: Reference, fuel: number): Ir {
    switch (ref.kind) {
      case "input": {
        const index = this.inputIndex.get(ref.name);
        return index === undefined ? { op: "error", fuel, message: `undeclared reference to '${ref.name}'` } : { op: "input", fuel, index };
      }
      case "let":
        return { op: "let", fuel, name: ref.name };
      case "const":
        return { op: "const", fuel, value: ref.value };
      case "param":
        return { op: "param", fuel, index: ref.index };
      case "local":
        return this.byName(ref.name, fuel);
      case "now":
        return { op: "now", fuel };
      case "type":
        return { op: "const", fuel, value: new CelTypeValue(staticTypeName(ref.type)) };
    }
  }

  /** Bound variables, then inputs, consts and lets, as the interpreter looks names up. */
  private byName(name: string, fuel: number): Ir {
    for (let k = this.scope.length - 1; k >= 0; k--) if (this.scope[k]!.name === name) return { op: "local", fuel, binding: this.scope[k]! };
    const c = this.checked;
    if (this.inputIndex.has(name)) return this.reference({ kind: "input", name }, fuel);
    if (c.consts.has(name)) return { op: "const", fuel, value: c.consts.get(name)! };
    if (c.lets.has(name)) return { op: "let", fuel, name };
    return { op: "error", fuel, message: `undeclared reference to '${name}'` };
  }

  private call(e: CallExpr, fuel: number): Ir {
    const resolution = this.checked.resolutions.get(e.id);
    if (!resolution) throw new Error(`wasm backend: call to '${e.function}' has no resolution from the checker`);
    switch (resolution.kind) {
      case "macro":
        return this.macro(e, resolution.info, fuel);
      case "fn": {
        const decl = this.checked.fns.get(resolution.name);
        if (!decl) return { op: "error", fuel, message: `undeclared reference to function '${resolution.name}'` };
        const checks = resolution.checkArgs.map((type, i) =>
          type ? { fn: resolution.name, param: decl.params[i]!.name.name, expected: typeToString(type), type: typeDesc(type) } : null,
        );
        return { op: "fn", fuel, name: resolution.name, args: e.args.map((a) => this.expr(a)), checks };
      }
      case "overload":
      case "dynamic": {
        const candidates = overloadsOfResolution(resolution, e.target !== null);
        const member = candidates[0]?.member ?? false;
        const argExprs = member && e.target ? [e.target, ...e.args] : e.args;
        return this.library(resolution.function, candidates, argExprs, resolution.kind === "overload", fuel);
      }
    }
  }

  private operator(nodeId: number, fn: string, args: Expr[], fuel: number): Ir {
    const resolution = this.checked.resolutions.get(nodeId);
    const candidates = resolution ? overloadsOfResolution(resolution, false) : overloadsOf(fn).filter((o) => !o.member);
    return this.library(fn, candidates, args, resolution?.kind === "overload", fuel);
  }

  private library(fn: string, candidates: readonly Overload[], args: Expr[], trusted: boolean, fuel: number): Ir {
    const missing = candidates.filter((o) => !implementation(o.id) && !HELPER_EXPORTS[o.id]).map((o) => o.id);
    if (missing.length > 0 && (trusted || missing.length === candidates.length)) {
      throw new Error(`the wasm backend does not support ${fn === "" ? "this call" : `'${fn}'`} yet (overload ${missing.join(", ")})`);
    }
    // `!b` on a statically bool operand: the operand is 0 or 1 once past its error guard, and the host call would charge nothing.
    if (trusted && candidates.length === 1 && candidates[0]!.id === "logical_not") return { op: "not", fuel, operand: this.expr(args[0]!) };
    return { op: "call", fuel, site: librarySite(fn, candidates, trusted, args.length), args: args.map((a) => this.expr(a)) };
  }

  private macro(call: CallExpr, info: MacroInfo, fuel: number): Ir {
    switch (info.macro) {
      case "has": {
        const tested = info.tested ?? call.args[0]!;
        if (tested.kind !== "select") return { op: "error", fuel, message: "has() needs a field selection such as has(x.f)" };
        // A has() charges its call node and the operand, not the select it tests (compiler/fuel.ts).
        if (this.checked.references.has(tested.id)) return { op: "present", fuel, value: this.expr(tested) };
        return { op: "has", fuel, operand: this.expr(tested.operand), field: tested.field };
      }
      case "bind": {
        const init = this.expr(call.args[1]!);
        return this.within([info.vars[0]!], ([binding]) => ({ op: "bind", fuel, binding: binding!, init, body: this.expr(call.args[2]!) }));
      }
      case "optMap":
      case "optFlatMap": {
        const target = this.expr(info.range ?? call.target!);
        return this.within([info.vars[0]!], ([binding]) => ({ op: "opt", fuel, flat: info.macro === "optFlatMap", target, binding: binding!, body: this.expr(call.args[1]!) }));
      }
      default: {
        const kind = LOOPS[info.macro];
        if (!kind) throw new Error(`wasm backend: macro ${info.macro} is not supported yet`);
        const range = this.expr(info.range ?? call.target!);
        const args = call.args;
        const filtered = info.macro === "map_filter" || (info.macro.startsWith("transform") && args.length === 4);
        return this.within(info.vars, ([first, second]) => ({
          op: "loop",
          fuel,
          kind,
          range,
          first: first!,
          second: second ?? null,
          filter: filtered ? this.expr(args[args.length - 2]!) : null,
          body: this.expr(args[args.length - 1]!),
        }));
      }
    }
  }
}

/** The call site of a library function (the manifest's `sites`; codegen numbers them). */
export function librarySite(fn: string, candidates: readonly Overload[], trusted: boolean, argc: number): CallSite {
  return {
    fn,
    ids: candidates.map((o) => o.id),
    params: candidates.map((o) => o.params.map(typeDesc)),
    variadic: candidates.map((o) => o.variadic ?? false),
    trusted,
    argc,
  };
}

function overloadsOfResolution(r: Resolution, memberGuess: boolean): Overload[] {
  const ids = r.kind === "overload" ? [r.overloadId] : r.kind === "dynamic" ? r.overloadIds : [];
  return ids.map((id) => overloadById(id) ?? { id, function: "", member: memberGuess, params: [], result: { kind: "dyn" } });
}
