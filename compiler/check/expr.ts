// The expression checker: gives every node a type, resolves every operator,
// call and index to overloads, and every identifier to what it names.
// Calls and macros live in calls.ts and macros.ts; this file holds the
// node kinds that are not calls. Methods are named after the node they check.

import type { BinaryExpr, ConditionalExpr, Expr, IdentExpr, ListExpr, MapExpr, SelectExpr, Span, UnaryExpr } from "../ast.js";
import type { DiagnosticCollector } from "../diagnostics.js";
import { BINARY_OP_FUNCTION, OP, UNARY_OP_FUNCTION } from "../library/index.js";
import { compileRegex } from "../../runtime/lib/regex/index.js";
import { T, typeToString, type RecordType, type Type } from "../types.js";
import { checkCall } from "./calls.js";
import { checkIndex, reportUnknownField, selectField } from "./select.js";
import type { Reference, Resolution } from "./checked.js";
import { CODES } from "./codes.js";
import type { GlobalEnv, Local } from "./env.js";
import { guardsWhen } from "./guards.js";
import { resolveOperator } from "./overloads.js";
import { didYouMean } from "./suggest.js";
import { isDynOrError, join, joinAll, TypeVars } from "./unify.js";
import type { Usage } from "./usage.js";

/** Identifiers that name types when used as values (`type(x) == int`). */
export const TYPE_IDENTIFIERS: Record<string, Type> = {
  bool: T.bool,
  int: T.int,
  uint: T.uint,
  double: T.double,
  string: T.string,
  bytes: T.bytes,
  null_type: T.null,
  list: T.list(T.dyn),
  map: T.map(T.dyn, T.dyn),
  type: T.type(T.dyn),
  timestamp: T.timestamp,
  "google.protobuf.Timestamp": T.timestamp,
  duration: T.duration,
  "google.protobuf.Duration": T.duration,
  optional_type: T.optional(T.dyn),
};

/** The tables a checker fills; several checkers (one per declaration) may share them. */
export interface CheckTables {
  exprTypes: Map<number, Type>;
  resolutions: Map<number, Resolution>;
  references: Map<number, Reference>;
  /** Type variables of the session (shared by every declaration of a policy). */
  vars: TypeVars;
}

/** Replace what is still unknown by dyn, once checking is over. */
export function finalizeTables(tables: CheckTables): void {
  for (const [id, t] of tables.exprTypes) tables.exprTypes.set(id, tables.vars.finalize(t));
}

export function newTables(): CheckTables {
  return { exprTypes: new Map(), resolutions: new Map(), references: new Map(), vars: new TypeVars() };
}

export class ExprChecker {
  readonly exprTypes: Map<number, Type>;
  readonly resolutions: Map<number, Resolution>;
  readonly references: Map<number, Reference>;
  readonly vars: TypeVars;
  private readonly scopes: Map<string, Local>[] = [];
  private guards = new Set<string>();

  /** Unchecked mode (cel-spec's disableCheck): a call no overload fits resolves dynamically to every candidate, and fails at run time instead. */
  lenient = false;

  constructor(
    readonly env: GlobalEnv,
    readonly diagnostics: DiagnosticCollector,
    readonly usage: Usage,
    tables: CheckTables = newTables(),
  ) {
    this.exprTypes = tables.exprTypes;
    this.resolutions = tables.resolutions;
    this.references = tables.references;
    this.vars = tables.vars;
  }

  check(e: Expr): Type {
    // Variables bound so far are replaced; unbound ones stay open until the end (finalizeTables).
    const t = this.vars.resolve(this.checkNode(e));
    this.exprTypes.set(e.id, t);
    return t;
  }

  /** Check `e` where a bool is required (`when`, `&&`, macro predicates). */
  checkBool(e: Expr, what: string): Type {
    const t = this.check(e);
    this.vars.bind(t, T.bool);
    if (t.kind !== "bool" && !isDynOrError(t)) {
      this.error(CODES.notBool, e.span, `${what} must be bool, got ${typeToString(t)}`, "compare it to something, e.g. `x != \"\"` or `size(x) > 0`");
    }
    return t;
  }

  /** Why RE2 rejects `pattern`, or null when it compiles. */
  regexError(pattern: string): string | null {
    const r = compileRegex(pattern);
    return r.ok ? null : r.error;
  }

  error(code: string, span: Span, message: string, help?: string): void {
    this.diagnostics.error(code, span, message, help);
  }

  /** Run `body` with extra local variables in scope (innermost wins). */
  withLocals<R>(locals: [string, Local][], body: () => R): R {
    this.scopes.push(new Map(locals));
    try {
      return body();
    } finally {
      this.scopes.pop();
    }
  }

  /** Run `body` knowing that `has()` holds for these paths. */
  withGuards<R>(paths: string[], body: () => R): R {
    if (paths.length === 0) return body();
    const saved = this.guards;
    this.guards = new Set([...saved, ...paths]);
    try {
      return body();
    } finally {
      this.guards = saved;
    }
  }

  /** Whether `has()` is known to hold for this path here. */
  isGuarded(path: string): boolean {
    return this.guards.has(path);
  }

  /** Local variable by name, innermost scope first. */
  local(name: string): Local | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const found = this.scopes[i]!.get(name);
      if (found) return found;
    }
    return undefined;
  }

  private checkNode(e: Expr): Type {
    switch (e.kind) {
      case "literal":
        return e.value.type === "null" ? T.null : T[e.value.type];
      case "ident":
        return this.checkIdent(e);
      case "select":
        return this.checkSelect(e);
      case "index":
        return checkIndex(this, e);
      case "call":
        return checkCall(this, e);
      case "list":
        return this.checkList(e);
      case "map":
        return this.checkMap(e);
      case "struct":
        for (const f of e.fields) this.check(f.value);
        this.error(
          CODES.structLiteral,
          e.span,
          `message construction '${e.typeName}{...}' is not supported: Edict has no message types`,
          "build a map instead, e.g. {\"field\": value}",
        );
        return T.error;
      case "unary":
        return this.checkUnary(e);
      case "binary":
        return this.checkBinary(e);
      case "conditional":
        return this.checkConditional(e);
    }
  }

  private checkIdent(e: IdentExpr): Type {
    const found = this.lookup(e.name, e.rootScoped, e.span);
    if (found) {
      this.references.set(e.id, found.ref);
      return found.type;
    }
    const names = [...this.scopes.flatMap((s) => [...s.keys()]), ...this.env.names()];
    this.error(CODES.unknownName, e.span, `unknown name '${e.name}'${didYouMean(e.name, names)}`, "declare it (input, let, const) or check the spelling");
    return T.error;
  }

  /** Locals, then globals, then type names. */
  lookup(name: string, rootScoped: boolean, at: Span): Local | undefined {
    if (!rootScoped && !name.includes(".")) {
      const l = this.local(name);
      if (l) return l;
    }
    const g = this.env.value(name, at);
    if (g) return g;
    const typeValue = TYPE_IDENTIFIERS[name];
    if (typeValue) return { type: T.type(typeValue), ref: { kind: "type", type: typeValue } };
    return undefined;
  }

  /** `a.b.c` as a qualified name when `a` is not a local variable. */
  private qualifiedName(e: Expr): { name: string; rootScoped: boolean } | null {
    if (e.kind === "ident") return this.local(e.name) && !e.rootScoped ? null : { name: e.name, rootScoped: e.rootScoped };
    if (e.kind === "select" && !e.optional) {
      const base = this.qualifiedName(e.operand);
      return base ? { name: `${base.name}.${e.field}`, rootScoped: base.rootScoped } : null;
    }
    return null;
  }

  private checkSelect(e: SelectExpr): Type {
    const qualified = e.optional ? null : this.qualifiedName(e);
    if (qualified) {
      const found = this.lookup(qualified.name, qualified.rootScoped, e.span);
      if (found) {
        this.references.set(e.id, found.ref);
        return found.type;
      }
    }
    const operand = this.check(e.operand);
    return selectField(this, e, operand, false);
  }

  unknownField(span: Span, name: string, record: RecordType): void {
    reportUnknownField(this, span, name, record);
  }

  private checkList(e: ListExpr): Type {
    const types = e.elements.map((el) => {
      const t = this.check(el.value);
      if (!el.optional) return t;
      return this.unwrapOptionalElement(el.value.span, t);
    });
    const elem = joinAll(types);
    if (elem.kind === "dyn") types.forEach((t) => this.usage.wholeValue(t));
    // The list's element type may be a new map type object: reads through it cannot be followed back.
    types.forEach((t) => this.usage.mapValues(t));
    return T.list(elem);
  }

  private unwrapOptionalElement(span: Span, t: Type): Type {
    if (t.kind === "optional") return t.inner;
    if (isDynOrError(t)) return t;
    this.error(CODES.optionalElement, span, `an optional element ([?x] or {?k: v}) must be optional, got ${typeToString(t)}`, "remove the `?`, or pass an optional such as optional.of(x)");
    return T.error;
  }

  private checkMap(e: MapExpr): Type {
    const keys: Type[] = [];
    const values: Type[] = [];
    for (const entry of e.entries) {
      const k = this.check(entry.key);
      if (!["string", "int", "uint", "bool"].includes(k.kind) && !isDynOrError(k)) {
        this.error(CODES.badMapKeyType, entry.key.span, `map keys must be string, int, uint or bool, not ${typeToString(k)}`);
      }
      keys.push(k);
      const v = this.check(entry.value);
      values.push(entry.optional ? this.unwrapOptionalElement(entry.value.span, v) : v);
    }
    const value = joinAll(values);
    if (value.kind === "dyn") values.forEach((t) => this.usage.wholeValue(t));
    values.forEach((t) => this.usage.mapValues(t));
    return T.map(joinAll(keys), value);
  }

  private checkUnary(e: UnaryExpr): Type {
    const operand = this.check(e.operand);
    return resolveOperator(this, e, UNARY_OP_FUNCTION[e.op], [operand], [e.operand]);
  }

  private checkBinary(e: BinaryExpr): Type {
    if (e.op === "&&" || e.op === "||") {
      const outcome = e.op === "&&";
      // Each side is evaluated knowing the other side's guards hold (commutative logic).
      this.withGuards(guardsWhen(e.right, outcome), () => this.checkBool(e.left, `operand of '${e.op}'`));
      this.withGuards(guardsWhen(e.left, outcome), () => this.checkBool(e.right, `operand of '${e.op}'`));
      this.resolutions.set(e.id, { kind: "overload", overloadId: outcome ? "logical_and" : "logical_or", function: BINARY_OP_FUNCTION[e.op] });
      return T.bool;
    }
    const left = this.check(e.left);
    const right = this.check(e.right);
    // Comparing with null only tests presence: the other side's fields and values stay unread.
    const withNull = (e.op === "==" || e.op === "!=") && (left.kind === "null" || right.kind === "null");
    if ((e.op === "==" || e.op === "!=" || e.op === "in") && !withNull) {
      this.usage.wholeValue(left);
      // `k in m` looks at the map's keys only: its values (and records in them) stay unread.
      if (!(e.op === "in" && right.kind === "map")) this.usage.wholeValue(right);
    }
    if ((e.op === "==" || e.op === "!=") && (left.kind === "null" || right.kind === "null")) {
      // Anything may be compared with null (CEL's heterogeneous equality gives false).
      this.resolutions.set(e.id, { kind: "overload", overloadId: e.op === "==" ? "equals" : "not_equals", function: BINARY_OP_FUNCTION[e.op] });
      return T.bool;
    }
    return resolveOperator(this, e, BINARY_OP_FUNCTION[e.op], [left, right], [e.left, e.right]);
  }

  private checkConditional(e: ConditionalExpr): Type {
    this.checkBool(e.condition, "condition of '?:'");
    const then = this.withGuards(guardsWhen(e.condition, true), () => this.check(e.then));
    const otherwise = this.withGuards(guardsWhen(e.condition, false), () => this.check(e.otherwise));
    this.resolutions.set(e.id, { kind: "overload", overloadId: "conditional", function: OP.conditional });
    this.usage.flowsInto(then, otherwise);
    this.usage.flowsInto(otherwise, then);
    if (then.kind === "error") return otherwise;
    if (otherwise.kind === "error" || then.kind === "dyn") return then;
    if (otherwise.kind === "dyn") return otherwise;
    const joined = join(then, otherwise);
    if (joined.kind === "dyn" && !this.lenient) {
      this.error(
        CODES.noMatchingOverload,
        e.span,
        `the branches of '?:' have different types: ${typeToString(then)} and ${typeToString(otherwise)}`,
        "make both branches the same type, or wrap one in dyn(...)",
      );
      return T.error;
    }
    return joined;
  }
}
