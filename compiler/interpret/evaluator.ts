// The expression evaluator: walks the checked AST, charging fuel for every
// node it enters (compiler/fuel.ts). CEL errors are values (CelError) that
// propagate to the caller; only fuel, the deadline and internal faults throw
// (EvalAbort), because they end the whole evaluation.

import type { BinaryExpr, CallExpr, ConditionalExpr, Expr, IndexExpr, ListExpr, LiteralExpr, MapExpr, SelectExpr } from "../ast.js";
import type { Reference } from "../check/checked.js";
import { FUEL } from "../fuel.js";
import { BINARY_OP_FUNCTION, OP, UNARY_OP_FUNCTION } from "../library/index.js";
import { CelError, CelList, CelMap, CelOptional, CelTypeValue, CelUint, isError, type CelValue } from "../values.js";
import { asKey, indexList, indexMap, keyToString, listPosition, mapHasEqualKey, mapLookup, isValidMapKeyValue } from "./access.js";
import { callFunction, callOperator } from "./calls.js";
import type { BuiltinContext } from "./context.js";
import { ROOT_ENV, type BuiltinLookup, type Env, type Program } from "./env.js";
import type { FuelMeter } from "./meter.js";
import { celTypeName, staticTypeName } from "./runtime-type.js";

export class Evaluator {
  private readonly letValues = new Map<string, CelValue>();
  private readonly letsInProgress = new Set<string>();

  constructor(
    readonly program: Program,
    /** Inputs of a policy, or the bindings of a lone expression. */
    readonly globals: ReadonlyMap<string, CelValue>,
    readonly meter: FuelMeter,
    readonly ctx: BuiltinContext,
    readonly builtins: BuiltinLookup,
  ) {}

  eval(e: Expr, env: Env): CelValue {
    this.meter.charge(FUEL.node[e.kind]);
    switch (e.kind) {
      case "literal":
        return literalValue(e);
      case "ident": {
        const ref = this.program.references.get(e.id);
        return ref ? this.resolveReference(ref, env) : this.lookupName(e.name, env);
      }
      case "select":
        return this.evalSelect(e, env);
      case "index":
        return this.evalIndex(e, env);
      case "call":
        return callFunction(this, e as CallExpr, env);
      case "list":
        return this.evalList(e, env);
      case "map":
        return this.evalMap(e, env);
      case "struct":
        return new CelError(`message construction '${e.typeName}{...}' is not supported`);
      case "unary":
        return callOperator(this, e.id, UNARY_OP_FUNCTION[e.op], [e.operand], env);
      case "binary":
        return this.evalBinary(e, env);
      case "conditional":
        return this.evalConditional(e, env);
    }
  }

  /** The value of a `let`, computed on first use and remembered (errors too). */
  letValue(name: string): CelValue {
    const known = this.letValues.get(name);
    if (known !== undefined) return known;
    const decl = this.program.lets.get(name);
    if (!decl) return new CelError(`undeclared reference to '${name}'`);
    if (this.letsInProgress.has(name)) return new CelError(`let '${name}' refers to itself`);
    this.letsInProgress.add(name);
    try {
      const value = this.eval(decl.value, ROOT_ENV);
      this.letValues.set(name, value);
      return value;
    } finally {
      this.letsInProgress.delete(name);
    }
  }

  private resolveReference(ref: Reference, env: Env): CelValue {
    switch (ref.kind) {
      case "input": {
        const value = this.globals.get(ref.name);
        return value !== undefined ? value : new CelError(`undeclared reference to '${ref.name}'`);
      }
      case "let":
        return this.letValue(ref.name);
      case "const":
        return ref.value;
      case "param":
        return env.params && ref.index < env.params.length ? env.params[ref.index]! : new CelError(`undeclared reference to '${ref.name}'`);
      case "local":
        return this.lookupName(ref.name, env);
      case "now":
        return this.ctx.now;
      case "type":
        return new CelTypeValue(staticTypeName(ref.type));
    }
  }

  /** Name lookup without a checker reference: locals, then globals, then consts and lets. */
  private lookupName(name: string, env: Env): CelValue {
    const local = env.locals?.lookup(name);
    if (local !== undefined) return local;
    const global = this.globals.get(name);
    if (global !== undefined) return global;
    const constant = this.program.consts.get(name);
    if (constant !== undefined) return constant;
    if (this.program.lets.has(name)) return this.letValue(name);
    return new CelError(`undeclared reference to '${name}'`);
  }

  private evalSelect(e: SelectExpr, env: Env): CelValue {
    const ref = this.program.references.get(e.id);
    if (ref) return this.resolveReference(ref, env);
    const operand = this.eval(e.operand, env);
    if (isError(operand)) return operand;
    if (operand instanceof CelOptional) {
      // Selecting through an optional yields an optional (CEL optional library).
      return operand.value === undefined ? operand : optionalField(operand.value, e.field);
    }
    return e.optional ? optionalField(operand, e.field) : selectField(operand, e.field);
  }

  private evalIndex(e: IndexExpr, env: Env): CelValue {
    const operand = this.eval(e.operand, env);
    if (isError(operand)) return operand;
    const index = this.eval(e.index, env);
    if (isError(index)) return index;
    if (operand instanceof CelOptional) {
      return operand.value === undefined ? operand : optionalIndex(operand.value, index);
    }
    if (e.optional) return optionalIndex(operand, index);
    if (operand instanceof CelList) return indexList(operand, index);
    if (operand instanceof CelMap) return indexMap(operand, index);
    return new CelError(`type '${celTypeName(operand)}' does not support indexing`);
  }

  private evalList(e: ListExpr, env: Env): CelValue {
    const items: CelValue[] = [];
    for (const element of e.elements) {
      const v = this.eval(element.value, env);
      if (isError(v)) return v;
      if (element.optional) {
        if (!(v instanceof CelOptional)) return new CelError(`optional list element is a ${celTypeName(v)}, not an optional`);
        if (v.value !== undefined) items.push(v.value);
      } else {
        items.push(v);
      }
    }
    return new CelList(items);
  }

  /** Keys and values in source order; a key error stops before its value. */
  private evalMap(e: MapExpr, env: Env): CelValue {
    const map = new CelMap();
    for (const entry of e.entries) {
      const k = this.eval(entry.key, env);
      if (isError(k)) return k;
      let v = this.eval(entry.value, env);
      if (isError(v)) return v;
      const key = asKey(k);
      if (key === null) return new CelError(`unsupported map key type: ${celTypeName(k)}`);
      if (entry.optional) {
        if (!(v instanceof CelOptional)) return new CelError(`optional map entry is a ${celTypeName(v)}, not an optional`);
        if (v.value === undefined) continue;
        v = v.value;
      }
      if (mapHasEqualKey(map, key)) return new CelError(`duplicate map key: ${keyToString(key)}`);
      map.set(key, v);
    }
    return map;
  }

  private evalBinary(e: BinaryExpr, env: Env): CelValue {
    if (e.op === "&&" || e.op === "||") return this.evalLogic(e, env);
    return callOperator(this, e.id, BINARY_OP_FUNCTION[e.op], [e.left, e.right], env);
  }

  /**
   * CEL's commutative logic: the absorbing value (false for &&, true for ||)
   * wins over an error on either side; the right side is skipped (and costs
   * nothing) when the left side already absorbs.
   */
  private evalLogic(e: BinaryExpr, env: Env): CelValue {
    const absorbing = e.op === "||";
    const left = this.eval(e.left, env);
    if (left === absorbing) return absorbing;
    const right = this.eval(e.right, env);
    if (right === absorbing) return absorbing;
    const fn = e.op === "&&" ? OP.and : OP.or;
    if (typeof left !== "boolean") return logicOperandError(left, fn);
    if (typeof right !== "boolean") return logicOperandError(right, fn);
    return !absorbing;
  }

  private evalConditional(e: ConditionalExpr, env: Env): CelValue {
    const condition = this.eval(e.condition, env);
    if (isError(condition)) return condition;
    if (typeof condition !== "boolean") return new CelError(`no such overload: ${OP.conditional} applied to ${celTypeName(condition)}`);
    return this.eval(condition ? e.then : e.otherwise, env);
  }
}

function logicOperandError(v: CelValue, fn: string): CelError {
  return isError(v) ? v : new CelError(`no such overload: ${fn} applied to ${celTypeName(v)}`);
}

function literalValue(e: LiteralExpr): CelValue {
  const v = e.value;
  switch (v.type) {
    case "null":
      return null;
    case "uint":
      return new CelUint(v.value);
    default:
      return v.value;
  }
}

/** `v.f` on a record or map; other types have no fields. */
export function selectField(v: CelValue, field: string): CelValue {
  if (v instanceof CelMap) {
    const found = v.get(field);
    return found === undefined ? new CelError(`no such key: ${field}`) : found;
  }
  return new CelError(`type '${celTypeName(v)}' does not support field selection`);
}

/** `v.?f`: optional.of(v.f) when present, optional.none() when absent. */
function optionalField(v: CelValue, field: string): CelValue {
  if (v instanceof CelMap) return new CelOptional(v.get(field));
  return new CelError(`type '${celTypeName(v)}' does not support field selection`);
}

/** `v[?i]`: optional.of(v[i]) when present, optional.none() when absent or out of range. */
function optionalIndex(v: CelValue, index: CelValue): CelValue {
  if (v instanceof CelList) {
    const i = listPosition(index);
    if (isError(i)) return i;
    return new CelOptional(i >= 0n && i < BigInt(v.size) ? v.items[Number(i)] : undefined);
  }
  if (v instanceof CelMap) {
    if (!isValidMapKeyValue(index)) return new CelError(`unsupported map key type: ${celTypeName(index)}`);
    return new CelOptional(mapLookup(v, index));
  }
  return new CelError(`type '${celTypeName(v)}' does not support indexing`);
}
