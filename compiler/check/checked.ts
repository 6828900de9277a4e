// The checked AST: the parsed tree plus tables keyed by node id. It is the
// single input of both backends (compiler/interpret and compiler/ir). The
// checker never mutates the parsed tree.

import type { Expr, FnDecl, LetDecl, OutputDecl, PolicyFile, RuleDecl } from "../ast.js";
import type { RecordType, Type } from "../types.js";
import type { CelValue } from "../values.js";

/** What an identifier (or a qualified name such as `a.b`) refers to. */
export type Reference =
  | { kind: "input"; name: string }
  | { kind: "let"; name: string }
  | { kind: "const"; name: string; value: CelValue }
  | { kind: "param"; fn: string; index: number; name: string }
  /** A variable bound by a `for` clause, a comprehension or `cel.bind`; `binder` is the node id that binds it. */
  | { kind: "local"; name: string; binder: number }
  | { kind: "now" }
  /** A type name used as a value: `type(x) == int`. */
  | { kind: "type"; type: Type };

/** Macros keep their call node; this says how to evaluate it. */
export type MacroKind =
  | "has"
  | "all"
  | "exists"
  | "exists_one"
  | "map"
  | "map_filter" // map(x, cond, expr)
  | "filter"
  | "all2" // all(k, v, p)
  | "exists2"
  | "exists_one2"
  | "transformList" // transformList(i, v, expr) and (i, v, cond, expr)
  | "transformMap"
  | "transformMapEntry"
  | "bind" // cel.bind(x, init, body)
  | "optMap" // opt.optMap(x, expr)
  | "optFlatMap";

export interface MacroInfo {
  macro: MacroKind;
  /** Iteration variable names in order (one or two; for `bind` the bound name). */
  vars: string[];
  /** The call's arguments, by role, for the backends' convenience. */
  range: Expr | null;
  /** For has(): the select expression tested. */
  tested?: Expr;
}

/** A function call resolved to one overload of the library or to a user `fn`. */
export type Resolution =
  | { kind: "overload"; overloadId: string; function: string }
  /** Several overloads remain possible (an argument is `dyn`): the backends choose at run time by value types. */
  | { kind: "dynamic"; overloadIds: string[]; function: string }
  /** `checkArgs[i]`: the parameter type argument i must be checked against at run time (its static type is looser, see check/runtime-checks.ts), or null. */
  | { kind: "fn"; name: string; checkArgs: (Type | null)[] }
  | { kind: "macro"; info: MacroInfo };

export interface CheckedInput {
  name: string;
  /** The declared type. */
  type: Type;
  /** The declared type pruned to what the policy reads: conversion validates only this. */
  usedType: Type;
  nullable: boolean;
}

export interface CheckedPolicy {
  ast: PolicyFile;
  source: string;
  name: string;
  description: string;
  inputs: CheckedInput[];
  /** Named types after resolution. */
  types: Map<string, Type>;
  /** Every expression node id -> its type. */
  exprTypes: Map<number, Type>;
  /** Call, unary, binary and index node ids -> the resolved operation. */
  resolutions: Map<number, Resolution>;
  /** Ident and qualified-select node ids -> what they name. */
  references: Map<number, Reference>;
  consts: Map<string, CelValue>;
  lets: Map<string, LetDecl>;
  fns: Map<string, FnDecl>;
  /** Fns whose body's type is looser than their declared result: the result is checked at run time (check/runtime-checks.ts). */
  checkedResults: Map<string, Type>;
  outputs: OutputDecl[];
  /** Rules in source order. */
  rules: RuleDecl[];
}

/** A single expression checked against an environment (conformance tests, REPL). */
export interface CheckedExpr {
  expr: Expr;
  type: Type;
  exprTypes: Map<number, Type>;
  resolutions: Map<number, Resolution>;
  references: Map<number, Reference>;
}

export type { RecordType };
