// Type compatibility as CEL's checker sees it: `dyn` and `error` match
// anything, type parameters bind on first use, `type<X>` values all share
// the kind `type`, and a record is a map with string keys at run time.

import { T, type RecordType, type Type } from "../types.js";

/** Type parameter bindings of one overload match. */
export type Substitution = Map<string, Type>;

export function isDynOrError(t: Type): boolean {
  return t.kind === "dyn" || t.kind === "error" || isUnknown(t);
}

/**
 * A type not known yet: the element type of `[]`, the value type of
 * `optional.none()`. It fits anything and is refined by the first concrete
 * type it meets (`[] + [1]` is `list<int>`); what is still unknown when
 * checking ends becomes `dyn` (see `finalizeType`).
 */
export const UNKNOWN: Type = T.param("*");

export function isUnknown(t: Type): boolean {
  return t.kind === "param" && t.name === "*";
}

/**
 * A type parameter's binding after it meets `actual` too: unknown parts are
 * taken from `actual`, and `dyn` in `actual` wins, as in CEL
 * (`[1] + [dyn("s")]` is `list<dyn>`).
 */
export function refine(bound: Type, actual: Type): Type {
  if (isUnknown(bound)) return actual;
  if (actual.kind === "dyn") return actual;
  if (bound.kind === "list" && actual.kind === "list") return T.list(refine(bound.elem, actual.elem));
  if (bound.kind === "map" && actual.kind === "map") return T.map(refine(bound.key, actual.key), refine(bound.value, actual.value));
  if (bound.kind === "optional" && actual.kind === "optional") return T.optional(refine(bound.inner, actual.inner));
  return bound;
}

export function containsUnknown(t: Type): boolean {
  switch (t.kind) {
    case "param":
      return isUnknown(t);
    case "list":
      return containsUnknown(t.elem);
    case "map":
      return containsUnknown(t.key) || containsUnknown(t.value);
    case "optional":
      return containsUnknown(t.inner);
    case "type":
      return containsUnknown(t.of);
    default:
      return false;
  }
}

/** Unknown parts become `dyn`; a type without unknowns is returned as is (records keep their identity). */
export function finalizeType(t: Type): Type {
  if (!containsUnknown(t)) return t;
  switch (t.kind) {
    case "list":
      return T.list(finalizeType(t.elem));
    case "map":
      return T.map(finalizeType(t.key), finalizeType(t.value));
    case "optional":
      return T.optional(finalizeType(t.inner));
    case "type":
      return T.type(finalizeType(t.of));
    default:
      return T.dyn;
  }
}

/** A record seen as the map it is at run time. */
export function recordAsMap(r: RecordType): Type {
  return T.map(T.string, joinAll([...r.fields.values()].map((f) => f.type)));
}

/**
 * Can a value of type `actual` be passed where `expected` (which may mention
 * type parameters) is wanted? Binds parameters in `subst` as it goes.
 */
export function assignable(expected: Type, actual: Type, subst: Substitution): boolean {
  if (expected.kind === "param" && !isUnknown(expected)) {
    const bound = subst.get(expected.name);
    if (!bound) {
      subst.set(expected.name, actual);
      return true;
    }
    if (assignable(bound, actual, new Map())) {
      subst.set(expected.name, refine(bound, actual));
      return true;
    }
    // Widen the binding when the new type is the more general one (int then dyn).
    if (assignable(actual, bound, new Map())) {
      subst.set(expected.name, actual);
      return true;
    }
    return false;
  }
  if (isDynOrError(expected) || isDynOrError(actual)) {
    bindParams(expected, isUnknown(actual) ? UNKNOWN : T.dyn, subst);
    return true;
  }
  if (actual.kind === "null") return expected.kind === "null" || expected.kind === "record" || expected.kind === "optional";
  switch (expected.kind) {
    case "list":
      return actual.kind === "list" && assignable(expected.elem, actual.elem, subst);
    case "map":
      if (actual.kind === "record") return assignable(expected, recordAsMap(actual), subst);
      return actual.kind === "map" && assignable(expected.key, actual.key, subst) && assignable(expected.value, actual.value, subst);
    case "optional":
      return actual.kind === "optional" && assignable(expected.inner, actual.inner, subst);
    case "type":
      // Every type value has kind `type`; `type(x) == int` compares them at run time.
      if (actual.kind !== "type") return false;
      assignable(expected.of, actual.of, subst);
      return true;
    case "record":
      return actual.kind === "record" && sameRecordShape(expected, actual);
    default:
      return expected.kind === actual.kind;
  }
}

function bindParams(t: Type, to: Type, subst: Substitution): void {
  switch (t.kind) {
    case "param":
      if (!subst.has(t.name) && !isUnknown(t)) subst.set(t.name, to);
      return;
    case "list":
      return bindParams(t.elem, to, subst);
    case "map":
      bindParams(t.key, to, subst);
      return bindParams(t.value, to, subst);
    case "optional":
      return bindParams(t.inner, to, subst);
    case "type":
      return bindParams(t.of, to, subst);
    default:
      return;
  }
}

export function sameRecordShape(a: RecordType, b: RecordType): boolean {
  if (a === b) return true;
  if (a.fields.size !== b.fields.size) return false;
  for (const [name, fa] of a.fields) {
    const fb = b.fields.get(name);
    if (!fb || fb.optional !== fa.optional || !typesEqual(fa.type, fb.type)) return false;
  }
  return true;
}

export function typesEqual(a: Type, b: Type): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case "list":
      return typesEqual(a.elem, (b as typeof a).elem);
    case "map":
      return typesEqual(a.key, (b as typeof a).key) && typesEqual(a.value, (b as typeof a).value);
    case "optional":
      return typesEqual(a.inner, (b as typeof a).inner);
    case "type":
      return typesEqual(a.of, (b as typeof a).of);
    case "param":
      return a.name === (b as typeof a).name;
    case "record":
      return sameRecordShape(a, b as RecordType);
    default:
      return true;
  }
}

/** Replace bound type parameters; unbound ones stay unknown. */
export function substitute(t: Type, subst: Substitution): Type {
  switch (t.kind) {
    case "param":
      return subst.get(t.name) ?? UNKNOWN;
    case "list":
      return T.list(substitute(t.elem, subst));
    case "map":
      return T.map(substitute(t.key, subst), substitute(t.value, subst));
    case "optional":
      return T.optional(substitute(t.inner, subst));
    case "type":
      return T.type(substitute(t.of, subst));
    default:
      return t;
  }
}

/**
 * The common type of several values (list elements, map values, ternary
 * branches): the type itself when they agree, else `dyn`, as CEL does for
 * mixed list literals. `error` is absorbed so one bad element does not
 * cascade.
 */
export function joinAll(types: Type[]): Type {
  const known = types.filter((t) => t.kind !== "error");
  if (known.length === 0) return types.length > 0 ? T.error : UNKNOWN;
  let acc: Type = known[0]!;
  for (const t of known.slice(1)) acc = join(acc, t);
  return acc;
}

export function join(a: Type, b: Type): Type {
  if (a === b) return a;
  if (isUnknown(a)) return b;
  if (isUnknown(b)) return a;
  if (a.kind === "dyn" || b.kind === "dyn") return T.dyn;
  if (a.kind === "null" && (b.kind === "record" || b.kind === "optional")) return b;
  if (b.kind === "null" && (a.kind === "record" || a.kind === "optional")) return a;
  if (a.kind !== b.kind) return T.dyn;
  switch (a.kind) {
    case "list":
      return T.list(join(a.elem, (b as typeof a).elem));
    case "map":
      return T.map(join(a.key, (b as typeof a).key), join(a.value, (b as typeof a).value));
    case "optional":
      return T.optional(join(a.inner, (b as typeof a).inner));
    case "type":
      return typesEqual(a, b) ? a : T.type(T.dyn);
    case "record":
      return sameRecordShape(a, b as RecordType) ? a : T.dyn;
    default:
      return a;
  }
}

/** Record types reachable inside a type (through lists, maps, optionals). */
export function recordsIn(t: Type, out: RecordType[] = []): RecordType[] {
  switch (t.kind) {
    case "record":
      out.push(t);
      for (const f of t.fields.values()) recordsIn(f.type, out);
      return out;
    case "list":
      return recordsIn(t.elem, out);
    case "map":
      recordsIn(t.key, out);
      return recordsIn(t.value, out);
    case "optional":
      return recordsIn(t.inner, out);
    default:
      return out;
  }
}
