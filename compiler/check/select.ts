// Field selection (`x.f`, `x.?f`) and indexing (`x[i]`, `x[?i]`): records
// by their declared fields (with the optional-field guard warning), maps
// with string keys, optionals (the result stays optional), dyn.

import type { IndexExpr, SelectExpr, Span } from "../ast.js";
import { OP } from "../library/index.js";
import { T, recordShape, typeToString, type RecordType, type Type } from "../types.js";
import { CODES } from "./codes.js";
import type { ExprChecker } from "./expr.js";
import { guardPath } from "./guards.js";
import { resolveOperator } from "./overloads.js";
import { didYouMean } from "./suggest.js";
import { isDynOrError } from "./unify.js";

/**
 * The type of `e` given its operand's type. `chained` is set under an
 * optional (`opt.f`): a missing field then gives an empty optional, not an
 * error, so there is nothing to guard.
 */
export function selectField(c: ExprChecker, e: SelectExpr, operand: Type, chained: boolean): Type {
  const wrap = (t: Type): Type => (e.optional ? T.optional(t) : t);
  switch (operand.kind) {
    case "dyn":
    case "param":
      return wrap(T.dyn);
    case "error":
      return T.error;
    case "record":
      return recordField(c, e, operand, wrap, chained);
    case "map":
      if (operand.key.kind !== "string" && !isDynOrError(operand.key)) break;
      c.usage.mapValues(operand);
      return wrap(operand.value);
    case "optional": {
      const inner = selectField(c, { ...e, optional: false }, operand.inner, true);
      return inner.kind === "error" ? inner : T.optional(inner);
    }
  }
  c.error(CODES.noFields, e.fieldSpan, `type '${typeToString(operand)}' has no fields (selecting '${e.field}')`, "only records and maps with string keys have fields");
  return T.error;
}

function recordField(c: ExprChecker, e: SelectExpr, record: RecordType, wrap: (t: Type) => Type, chained: boolean): Type {
  const field = record.fields.get(e.field);
  if (!field) {
    reportUnknownField(c, e.fieldSpan, e.field, record);
    return T.error;
  }
  c.usage.field(record, e.field);
  if (field.optional && !e.optional && !chained) warnIfUnguarded(c, e);
  return wrap(field.type);
}

/** "did you mean" for a field: the closest name, or the only field when there is just one. */
function fieldSuggestion(name: string, record: RecordType): string {
  const near = didYouMean(name, record.fields.keys());
  if (near !== "" || record.fields.size !== 1) return near;
  return `; did you mean '${[...record.fields.keys()][0]}'?`;
}

export function reportUnknownField(c: ExprChecker, span: Span, name: string, record: RecordType): void {
  c.error(
    CODES.unknownField,
    span,
    `unknown field '${name}' on ${recordShape(record)}${fieldSuggestion(name, record)}`,
    record.name ? `the fields of ${record.name} are declared in its type` : "add the field to the record type if the input has it",
  );
}

function warnIfUnguarded(c: ExprChecker, e: SelectExpr): void {
  const path = guardPath(e);
  if (path !== null && c.isGuarded(path)) return;
  const shown = path ?? `x.${e.field}`;
  const base = path === null ? "x" : path.slice(0, path.length - e.field.length - 1);
  c.diagnostics.warning(
    CODES.unguardedOptional,
    e.span,
    `optional field '${e.field}' is read without a has() guard; when it is absent this is an error`,
    `guard it with \`has(${shown}) && ...\`, or give a default with \`${base}.?${e.field}.orValue(...)\``,
  );
}

export function checkIndex(c: ExprChecker, e: IndexExpr): Type {
  const operand = c.check(e.operand);
  const index = c.check(e.index);
  if (operand.kind === "record" && e.index.kind === "literal" && e.index.value.type === "string") {
    // A record indexed by a literal key is typed like the field it names.
    const name = e.index.value.value;
    const field = operand.fields.get(name);
    c.resolutions.set(e.id, { kind: "overload", overloadId: e.optional ? "map_optindex_optional_value" : "index_map", function: e.optional ? OP.optIndex : OP.index });
    if (!field) {
      reportUnknownField(c, e.index.span, name, operand);
      return T.error;
    }
    c.usage.field(operand, name);
    return e.optional ? T.optional(field.type) : field.type;
  }
  const indexable = ["list", "map", "record", "dyn", "error", "optional", "param"];
  if (!indexable.includes(operand.kind)) {
    c.error(CODES.notIndexable, e.operand.span, `type '${typeToString(operand)}' cannot be indexed`, "only lists, maps and records can be indexed");
    return T.error;
  }
  return resolveOperator(c, e, e.optional ? OP.optIndex : OP.index, [operand, index], [e.operand, e.index]);
}
