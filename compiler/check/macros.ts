// Macros: has(), the comprehensions (one and two variables), cel.bind and
// optMap/optFlatMap. The call node stays; its resolution is a MacroInfo and
// each bound variable's references point at the call node as binder.

import type { CallExpr, Expr, Span } from "../ast.js";
import type { MacroDecl } from "../library/index.js";
import { T, typeToString, type Type } from "../types.js";
import type { Local } from "./env.js";
import { CODES } from "./codes.js";
import type { ExprChecker } from "./expr.js";
import { isDynOrError, recordAsMap } from "./unify.js";

/** The variable types when iterating a value of type `t` with one or two variables; null if not iterable. */
export function iterationTypes(c: ExprChecker, t: Type): { first: Type; second: Type } | null {
  switch (t.kind) {
    case "list":
      return { first: t.elem, second: t.elem };
    case "map":
      return { first: t.key, second: t.value };
    case "record": {
      // Iterating a record walks its keys: every field is in play.
      c.usage.wholeValue(t);
      const m = recordAsMap(t) as { key: Type; value: Type };
      return { first: m.key, second: m.value };
    }
    case "dyn":
    case "error":
      return { first: t, second: t };
    case "param":
      // Not known yet (e.g. a variable over `[]`): iterate as dyn.
      return { first: T.dyn, second: T.dyn };
    default:
      return null;
  }
}

/** (first, second) variable types for a two-variable iteration: lists give (index, element). */
export function iterationPair(t: Type, it: { first: Type; second: Type }): [Type, Type] {
  return t.kind === "list" ? [T.int, it.second] : [it.first, it.second];
}

function variableName(c: ExprChecker, e: Expr | undefined): string | null {
  if (e?.kind === "ident" && !e.rootScoped && e.name === "__result__") {
    // CEL's expansion keeps the comprehension's accumulator under this name.
    c.error(CODES.macroVariable, e.span, "the iteration variable '__result__' would overwrite the comprehension's accumulator", "choose another name");
    return e.name;
  }
  if (e?.kind === "ident" && !e.rootScoped) return e.name;
  if (e) c.error(CODES.macroVariable, e.span, "a macro's variable must be a simple name", "write e.g. `list.all(x, x > 0)`");
  return null;
}

export function checkMacro(c: ExprChecker, e: CallExpr, macro: MacroDecl, target: Expr | null): Type {
  const vars = macro.kind === "has" ? [] : macro.kind === "bind" || macro.kind === "optMap" || macro.kind === "optFlatMap" ? [e.args[0]] : isTwoVariable(macro) ? [e.args[0], e.args[1]] : [e.args[0]];
  const names = vars.map((v) => variableName(c, v));
  const resolvedNames = names.map((n) => n ?? "_");
  c.resolutions.set(e.id, { kind: "macro", info: { macro: macro.kind, vars: resolvedNames, range: target, ...(macro.kind === "has" ? { tested: e.args[0] } : {}) } });
  const local = (name: string, type: Type): [string, Local] => {
    // The variable's own node (the `x` of `all(x, ...)`) gets the bound type and names itself.
    const node = vars[resolvedNames.indexOf(name)];
    const ref = { kind: "local" as const, name, binder: e.id };
    if (node) {
      c.exprTypes.set(node.id, type);
      c.references.set(node.id, ref);
    }
    return [name, { type, ref }];
  };
  const rest = e.args.slice(vars.length);

  switch (macro.kind) {
    case "has":
      return checkHas(c, e.args[0]!);
    case "bind": {
      const init = c.check(e.args[1]!);
      return c.withLocals([local(resolvedNames[0]!, init)], () => c.check(e.args[2]!));
    }
    case "optMap":
    case "optFlatMap": {
      const receiver = c.check(target!);
      let inner: Type = T.error;
      if (receiver.kind === "optional") inner = receiver.inner;
      else if (isDynOrError(receiver)) inner = receiver;
      else c.error(CODES.noMatchingOverload, target!.span, `${macro.function}() needs an optional, got ${typeToString(receiver)}`, "use optional.of(x) or x.?field to get an optional");
      const body = c.withLocals([local(resolvedNames[0]!, inner)], () => c.check(e.args[1]!));
      if (macro.kind === "optMap") return T.optional(body);
      if (body.kind === "optional" || isDynOrError(body)) return body.kind === "optional" ? body : T.optional(body);
      c.error(CODES.noMatchingOverload, e.args[1]!.span, `optFlatMap()'s expression must be optional, got ${typeToString(body)}`, "use optMap() to wrap a plain value");
      return T.error;
    }
  }

  const rangeType = c.check(target!);
  const it = iterationTypes(c, rangeType);
  if (!it) {
    c.error(CODES.notIterable, target!.span, `cannot iterate over ${typeToString(rangeType)}`, "comprehensions range over lists and maps");
  }
  const iter = it ?? { first: T.error, second: T.error };
  const [firstType, secondType] = vars.length === 2 ? iterationPair(rangeType, iter) : [iter.first, iter.second];
  if (vars.length === 2) c.usage.mapValues(rangeType);
  const locals = vars.length === 2 ? [local(resolvedNames[0]!, firstType), local(resolvedNames[1]!, secondType)] : [local(resolvedNames[0]!, firstType)];
  if (vars.length === 2 && names[0] !== null && names[0] === names[1]) {
    c.error(CODES.macroVariable, e.args[1]!.span, `both variables are named '${names[0]}'`, "give the two variables different names");
  }

  return c.withLocals(locals, () => {
    switch (macro.kind) {
      case "all":
      case "exists":
      case "exists_one":
      case "all2":
      case "exists2":
      case "exists_one2":
        c.checkBool(rest[0]!, `the predicate of ${macro.function}()`);
        return T.bool;
      case "filter":
        c.checkBool(rest[0]!, "the predicate of filter()");
        return T.list(firstType);
      case "map":
        return T.list(c.check(rest[0]!));
      case "map_filter":
        c.checkBool(rest[0]!, "the filter of map()");
        return T.list(c.check(rest[1]!));
      default:
        return checkTransform(c, macro, rest, firstType, e.span);
    }
  });
}

function isTwoVariable(m: MacroDecl): boolean {
  return ["all2", "exists2", "exists_one2", "transformList", "transformMap", "transformMapEntry"].includes(m.kind);
}

function checkTransform(c: ExprChecker, macro: MacroDecl, rest: Expr[], keyType: Type, span: Span): Type {
  if (rest.length === 2) c.checkBool(rest[0]!, `the filter of ${macro.function}()`);
  const body = c.check(rest[rest.length - 1]!);
  if (macro.kind === "transformList") return T.list(body);
  if (macro.kind === "transformMap") return T.map(keyType, body);
  if (body.kind === "map") return body;
  if (isDynOrError(body)) return T.map(T.dyn, T.dyn);
  c.error(CODES.noMatchingOverload, span, `transformMapEntry()'s expression must be a map (one entry), got ${typeToString(body)}`, "write e.g. `m.transformMapEntry(k, v, {v: k})`");
  return T.error;
}

function checkHas(c: ExprChecker, arg: Expr): Type {
  if (arg.kind !== "select" || arg.optional) {
    c.check(arg);
    c.error(CODES.hasArgument, arg.span, "has() takes a field selection such as has(x.f)", "to test a map key use `\"k\" in m`");
    return T.bool;
  }
  const operand = c.check(arg.operand);
  let fieldType: Type = T.dyn;
  if (operand.kind === "record") {
    const field = operand.fields.get(arg.field);
    if (!field) c.unknownField(arg.fieldSpan, arg.field, operand);
    else {
      c.usage.field(operand, arg.field);
      fieldType = field.type;
    }
  } else if (operand.kind === "map") {
    fieldType = operand.value;
    if (operand.key.kind !== "string" && !isDynOrError(operand.key)) {
      c.error(CODES.noFields, arg.fieldSpan, `type '${typeToString(operand)}' has no fields (testing '${arg.field}')`, "has() tests fields of records and string-keyed maps");
    }
  } else if (!isDynOrError(operand) && operand.kind !== "optional") {
    c.error(CODES.noFields, arg.fieldSpan, `type '${typeToString(operand)}' has no fields (testing '${arg.field}')`, "has() tests fields of records and string-keyed maps");
  }
  c.exprTypes.set(arg.id, fieldType);
  return T.bool;
}
