// The typed IR between the checker and the Wasm backend. compiler/ir/lower.ts
// builds it from a checked policy; compiler/codegen emits Wasm from it and
// never looks at the AST or the checker's tables again.
//
// What the lowering decides, so codegen does not:
// - every name is resolved (input index, let, fn parameter, loop or bind
//   variable, constant value);
// - every library call is a call site (candidate overloads, whether the
//   checker's choice is trusted), every user fn call carries its run-time
//   type checks (compiler/check/runtime-checks.ts);
// - macros and `for` clauses are explicit loops (range, bound variables,
//   the kind of accumulation), `&&`/`||` and `?:` are explicit short-circuit
//   nodes over error values;
// - statically typed numbers are the unboxed fragments of ./scalar.ts;
// - every node carries the fuel the interpreter charges on entering it
//   (compiler/fuel.ts). Codegen charges these sums once per straight-line
//   run (basic block), at the first point that can stop evaluation, so
//   optimisation never moves a charge across an exit.
//
// Values are handles (docs/design/wasm-abi.md) except inside number
// fragments.

import type { CallSite, TypeCheck } from "../../runtime/engine/manifest.js";
import type { CelValue } from "../values.js";
import type { Comparison, NumberNode } from "./scalar.js";

/** A variable bound by a loop, `cel.bind` or an optional macro; codegen gives each its own local. */
export interface Binding {
  readonly name: string;
}

/** Comprehension kinds, by how they accumulate (compiler/check/checked.ts MacroKind). */
export type LoopKind =
  | "all"
  | "exists"
  | "exists_one"
  | "filter"
  | "map"
  | "transformList"
  | "transformMap"
  | "transformMapEntry";

export type Ir = { fuel: number } & (
  | { op: "const"; value: CelValue }
  /** A constant error value (negative handle): an undeclared name, an unsupported construct. */
  | { op: "error"; message: string }
  | { op: "input"; index: number }
  | { op: "let"; name: string }
  | { op: "param"; index: number }
  | { op: "local"; binding: Binding }
  | { op: "now" }
  | { op: "select"; operand: Ir; field: string; optional: boolean }
  | { op: "index"; operand: Ir; index: Ir; optional: boolean }
  /** `has(x.f)`: the operand's field is present. */
  | { op: "has"; operand: Ir; field: string }
  /** `has()` of a name the checker resolved (a qualified input): whether evaluating it errs. */
  | { op: "present"; value: Ir }
  | { op: "call"; site: CallSite; args: Ir[] }
  /** `!b` on a statically bool operand: computed in the module. */
  | { op: "not"; operand: Ir }
  | { op: "fn"; name: string; args: Ir[]; checks: (TypeCheck | null)[] }
  | { op: "list"; elements: { value: Ir; optional: boolean }[] }
  | { op: "map"; entries: { key: Ir; value: Ir; optional: boolean }[] }
  /** CEL's commutative `&&` (absorbing false) or `||` (absorbing true). */
  | { op: "logic"; and: boolean; left: Ir; right: Ir }
  | { op: "cond"; condition: Ir; then: Ir; otherwise: Ir }
  | { op: "bind"; binding: Binding; init: Ir; body: Ir }
  /** `optMap` / `optFlatMap`: body evaluated on the optional's value, if any. */
  | { op: "opt"; flat: boolean; target: Ir; binding: Binding; body: Ir }
  /**
   * A comprehension: each element of `range` (list items, or map keys in
   * order; pairs with `second`) costs FUEL.iteration, then `filter` (if
   * any) and `body`. `all`/`exists` stop at the absorbing value.
   */
  | { op: "loop"; kind: LoopKind; range: Ir; first: Binding; second: Binding | null; filter: Ir | null; body: Ir }
  | { op: "compare"; comparison: Comparison }
  | { op: "arith"; number: NumberNode }
);

/** A rule's `for` clause: a loop over `source` binding one or two variables. */
export interface ForIr {
  source: Ir;
  /** The variable's name, for the error of a source that cannot be iterated. */
  name: string;
  first: Binding;
  second: Binding | null;
}

export interface RuleIr {
  kind: "deny" | "warn" | "allow";
  /** The rule has `expires` (the host compares it with `now`). */
  expires: boolean;
  fors: ForIr[];
  when: Ir | null;
  unless: Ir | null;
  /** The message: literal text and holes rendered with `string()`; null: the rule's name. */
  message: (string | Ir)[] | null;
  name: string;
}

export interface PolicyIr {
  inputs: number;
  lets: { name: string; value: Ir }[];
  /** `result`: the run-time check of a body looser than the declared result type, if any. */
  fns: { name: string; params: number; body: Ir; result: TypeCheck | null }[];
  rules: RuleIr[];
  outputs: Ir[];
}
