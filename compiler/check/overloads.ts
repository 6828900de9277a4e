// Overload resolution against the library table. A call with a `dyn`
// argument may match several overloads; it then resolves to `dynamic` and
// the backends dispatch on the run-time value types.

import type { Expr, Span } from "../ast.js";
import { MIXED_NUMERIC_LIST, MIXED_NUMERIC_VARIADIC, OP, overloadsOf, type Overload } from "../library/index.js";
import { T, typeToString, type Type } from "../types.js";
import { CODES } from "./codes.js";
import type { ExprChecker } from "./expr.js";
import { looserThan } from "./runtime-checks.js";
import { assignable, finalizeType, isDynOrError, joinAll, substitute, type Substitution, type TypeVars } from "./unify.js";

interface Match {
  overload: Overload;
  result: Type;
  /** Parameter and type-variable bindings of this match. */
  subst: Substitution;
}

/** Overloads that only pass values through or look at their shape: record fields inside stay tracked. */
const TRANSPARENT = new Set([
  "index_list",
  "index_map",
  "list_optindex_optional_int",
  "map_optindex_optional_value",
  "optional_list_optindex_optional_int",
  "optional_map_optindex_optional_value",
  "optional_list_index_int",
  "optional_map_index_value",
  "size_list",
  "list_size",
  "size_map",
  "map_size",
  "add_list",
  "optional_of",
  "optional_value",
  "optional_hasValue",
  "optional_or_optional",
  "optional_orValue_value",
]);

/**
 * Overloads that look only at a map's keys or size: its values stay unread
 * (and unconverted). Every other call that receives a map (transparent or
 * not) counts its values as read: they may flow out under another type.
 */
const MAP_VALUES_UNTOUCHED = new Set(["in_map", "size_map", "map_size", "size_list", "list_size"]);

const NUMERIC_KINDS = new Set(["int", "uint", "double", "dyn", "error"]);

function arityFits(o: Overload, n: number): boolean {
  return o.variadic ? n >= o.params.length : n === o.params.length;
}

function paramAt(o: Overload, i: number): Type {
  return o.params[Math.min(i, o.params.length - 1)]!;
}

export function matchOverloads(candidates: readonly Overload[], args: Type[], vars?: TypeVars): Match[] {
  const out: Match[] = [];
  for (const o of candidates) {
    if (!arityFits(o, args.length)) continue;
    if (MIXED_NUMERIC_VARIADIC.has(o.id) && !args.every((a) => NUMERIC_KINDS.has(a.kind))) continue;
    if (MIXED_NUMERIC_LIST.has(o.id) && !args.every((a) => a.kind === "list" && NUMERIC_KINDS.has(a.elem.kind))) continue;
    const subst: Substitution = new Map();
    if (args.every((a, i) => assignable(paramAt(o, i), a, subst, vars))) {
      out.push({ overload: o, result: substitute(o.result, subst), subst });
      // As in CEL, a match's decisions about type variables hold for the candidates after it.
      vars?.commit(subst);
    }
  }
  // The mixed-number forms only when no single-type form fits, or when the
  // arguments (or a list's elements) are dyn and the values decide.
  if (out.length > 1) {
    const specific = out.filter((m) => !MIXED_NUMERIC_VARIADIC.has(m.overload.id) && !MIXED_NUMERIC_LIST.has(m.overload.id));
    if (specific.length > 0 && !args.some((a) => isDynOrError(a) || (a.kind === "list" && isDynOrError(a.elem)))) return specific;
  }
  return out;
}

/** How a call is shown in messages: `size(int)`, `int.contains(string)`, `int + string`. */
export function describeCall(fn: string, member: boolean, args: Type[]): string {
  const shown = args.map((a) => typeToString(finalizeType(a)));
  if (member) return `${shown[0]}.${fn}(${shown.slice(1).join(", ")})`;
  const binary = /^_(.+)_$/.exec(fn);
  if (binary && args.length === 2 && fn !== OP.index && fn !== OP.optIndex) return `${shown[0]} ${binary[1] === "in" ? "in" : binary[1]} ${shown[1]}`;
  if (fn === OP.index) return `${shown[0]}[${shown[1]}]`;
  if (fn === OP.optIndex) return `${shown[0]}[?${shown[1]}]`;
  if (fn === "-_" || fn === "!_") return `${fn[0]}${shown[0]}`;
  return `${fn}(${shown.join(", ")})`;
}

function describeOverload(o: Overload): string {
  const params = o.params.map(typeToString);
  const rest = o.variadic ? ", ..." : "";
  const call = o.member ? `${params[0]}.${o.function}(${params.slice(1).join(", ")}${rest})` : `${o.function}(${params.join(", ")}${rest})`;
  return `${call} -> ${typeToString(o.result)}`;
}

const NUMBERS = new Set(["int", "uint", "double"]);

/** "1 argument", "1 or 2 arguments", "3 or more arguments" (receiver not counted). */
function arities(candidates: readonly Overload[], member: boolean): string {
  const counts = [...new Set(candidates.map((o) => o.params.length - (member ? 1 : 0)))].sort((a, b) => a - b);
  const variadic = candidates.some((o) => o.variadic);
  const words = counts.map(String);
  const shown = (words.length > 1 ? `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}` : words[0]!) + (variadic ? " or more" : "");
  return `${shown} argument${counts.length === 1 && counts[0] === 1 && !variadic ? "" : "s"}`;
}

function mismatchHelp(fn: string, args: Type[], candidates: readonly Overload[]): string | undefined {
  if (args.length === 2 && NUMBERS.has(args[0]!.kind) && NUMBERS.has(args[1]!.kind)) {
    return `int, uint and double are different types and are not converted implicitly: convert one side, e.g. double(x) or int(x)`;
  }
  const shown = candidates.slice(0, 6).map(describeOverload);
  if (shown.length === 0) return undefined;
  const isOperator = fn.startsWith("_") || fn.endsWith("_");
  return `${isOperator ? "the operator" : `'${fn}'`} accepts: ${shown.join("; ")}${candidates.length > 6 ? "; ..." : ""}`;
}

/**
 * Resolve a call of library function `fn` on arguments of the given types
 * (receiver first for member calls), record the resolution on `node`, and
 * return the result type. Reports "no matching overload" at `span`.
 */
export function resolveLibrary(
  c: ExprChecker,
  node: { id: number; span: Span },
  fn: string,
  member: boolean,
  args: Type[],
  span: Span,
): Type {
  if (args.some((a) => a.kind === "error")) {
    // An argument is already wrong and reported: resolve quietly to anything that fits.
    const fits = matchOverloads(overloadsOf(fn).filter((o) => o.member === member), args, c.vars);
    if (fits.length > 0) c.resolutions.set(node.id, { kind: "dynamic", overloadIds: fits.map((m) => m.overload.id), function: fn });
    return T.error;
  }
  const candidates = overloadsOf(fn).filter((o) => o.member === member);
  const matches = matchOverloads(candidates, args, c.vars);
  // One way to read the call: what it decided about type variables holds from now on.
  if (matches.length === 1) c.vars.commit(matches[0]!.subst);
  if (matches.length === 0 && c.lenient) {
    const fitting = candidates.filter((o) => arityFits(o, args.length));
    c.resolutions.set(node.id, { kind: "dynamic", overloadIds: fitting.map((o) => o.id), function: fn });
    return T.dyn;
  }
  if (matches.length === 0 && !candidates.some((o) => arityFits(o, args.length)) && !fn.startsWith("_") && !fn.endsWith("_")) {
    c.error(CODES.fnArity, span, `'${fn}' takes ${arities(candidates, member)}, got ${args.length - (member ? 1 : 0)}`, mismatchHelp(fn, [], candidates));
    return T.error;
  }
  if (matches.length === 0) {
    c.error(CODES.noMatchingOverload, span, `found no matching overload for '${fn}' applied to ${describeCall(fn, member, args)}`, mismatchHelp(fn, args, candidates));
    return T.error;
  }
  // A `dyn` nested where the overload is concrete (`list<dyn>` for `list<string>`) dispatches by value too (check/runtime-checks.ts).
  const dynamic =
    args.some((a) => a.kind === "dyn") || matches.length > 1 || args.some((a, i) => looserThan(paramAt(matches[0]!.overload, i), a, c.vars));
  if (dynamic) {
    c.resolutions.set(node.id, { kind: "dynamic", overloadIds: matches.map((m) => m.overload.id), function: fn });
  } else {
    c.resolutions.set(node.id, { kind: "overload", overloadId: matches[0]!.overload.id, function: fn });
  }
  const id = dynamic ? null : matches[0]!.overload.id;
  for (const a of args) {
    const passesThrough = id !== null && TRANSPARENT.has(id) && a.kind !== "record";
    if (!passesThrough && !(id !== null && id === "in_map" && a.kind === "map")) c.usage.wholeValue(a);
    if (id === null || !MAP_VALUES_UNTOUCHED.has(id)) c.usage.mapValues(a);
  }
  return matches.length === 1 ? c.vars.resolve(matches[0]!.result) : joinAll(matches.map((m) => m.result));
}

/** Operators: the node itself is the call; errors point at the whole expression. */
export function resolveOperator(c: ExprChecker, node: Expr, fn: string, args: Type[], _argExprs: Expr[]): Type {
  const span = node.kind === "binary" ? node.opSpan : node.span;
  return resolveLibrary(c, node, fn, false, args, span);
}
