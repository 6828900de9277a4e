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
 * Type variables: types not known yet, such as the element type of `[]`,
 * the value type of `optional.none()`, or a comprehension variable over
 * `[]`. Each is a `param` named `*N`. A variable is bound when an overload
 * resolution or a bool position decides it (`[].map(x, x + 1)` binds x to
 * int); what is still unbound when checking ends becomes `dyn`.
 */
let nextVar = 0;

export function freshVar(): Type {
  return T.param(`*${nextVar++}`);
}

/** A type variable of the checker (not an overload's `A`, `K`, `V`). */
export function isUnknown(t: Type): boolean {
  return t.kind === "param" && t.name.startsWith("*");
}

/** The name of a type variable or parameter. */
function nameOf(t: Type): string {
  return (t as { name: string }).name;
}

/** The bindings of the type variables of one checking session. */
export class TypeVars {
  private readonly bound = new Map<string, Type>();

  get(name: string): Type | undefined {
    return this.bound.get(name);
  }

  /** Keep the variable bindings of the overload match that was chosen. */
  commit(subst: Substitution): void {
    for (const [name, t] of subst) if (name.startsWith("*") && !this.bound.has(name)) this.bound.set(name, t);
  }

  /** Bind `t` to `to` if `t` is an unbound variable (a bool position, say). */
  bind(t: Type, to: Type): void {
    if (isUnknown(t) && !this.bound.has(nameOf(t))) this.bound.set(nameOf(t), to);
  }

  /** `t` with bound variables replaced, as deep as they go. */
  resolve(t: Type, depth = 0): Type {
    if (depth > 100 || !containsUnknown(t)) return t;
    switch (t.kind) {
      case "param": {
        const b = this.bound.get(t.name);
        return b ? this.resolve(b, depth + 1) : t;
      }
      case "list":
        return T.list(this.resolve(t.elem, depth + 1));
      case "map":
        return T.map(this.resolve(t.key, depth + 1), this.resolve(t.value, depth + 1));
      case "optional":
        return T.optional(this.resolve(t.inner, depth + 1));
      case "type":
        return T.type(this.resolve(t.of, depth + 1));
      default:
        return t;
    }
  }

  /** Resolved, with what is still unknown as `dyn`; a type without variables is returned as is (records keep their identity). */
  finalize(t: Type): Type {
    return finalizeType(this.resolve(t));
  }
}

/** Whether variable `name` occurs in `t` (binding it there would make an infinite type). */
function mentions(t: Type, name: string): boolean {
  switch (t.kind) {
    case "param":
      return t.name === name;
    case "list":
      return mentions(t.elem, name);
    case "map":
      return mentions(t.key, name) || mentions(t.value, name);
    case "optional":
      return mentions(t.inner, name);
    case "type":
      return mentions(t.of, name);
    default:
      return false;
  }
}

/** Give every unbound overload parameter in `t` a fresh variable, so a variable bound to `t` stays connected to the result. */
function instantiateParams(t: Type, subst: Substitution): void {
  switch (t.kind) {
    case "param":
      if (!isUnknown(t) && !subst.has(t.name)) subst.set(t.name, freshVar());
      return;
    case "list":
      return instantiateParams(t.elem, subst);
    case "map":
      instantiateParams(t.key, subst);
      return instantiateParams(t.value, subst);
    case "optional":
      return instantiateParams(t.inner, subst);
    case "type":
      return instantiateParams(t.of, subst);
    default:
      return;
  }
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
export function assignable(expected: Type, actual: Type, subst: Substitution, vars?: TypeVars): boolean {
  // Look through variables already bound (in this match, or for good).
  if (isUnknown(actual)) {
    const b = subst.get(nameOf(actual)) ?? vars?.get(nameOf(actual));
    if (b) return assignable(expected, b, subst, vars);
  }
  if (isUnknown(expected)) {
    const b = subst.get(nameOf(expected)) ?? vars?.get(nameOf(expected));
    if (b) return assignable(b, actual, subst, vars);
  }
  if (expected.kind === "param" && !isUnknown(expected)) {
    const bound = subst.get(expected.name);
    if (!bound) {
      subst.set(expected.name, actual);
      return true;
    }
    if (assignable(bound, actual, subst, vars)) {
      subst.set(expected.name, refine(bound, actual));
      return true;
    }
    // Widen the binding when the new type is the more general one (int then dyn).
    if (assignable(actual, bound, new Map(), vars)) {
      subst.set(expected.name, actual);
      return true;
    }
    return false;
  }
  if (isUnknown(actual) || isUnknown(expected)) {
    if (isUnknown(actual) && isUnknown(expected) && nameOf(actual) === nameOf(expected)) return true;
    let variable: string;
    let other: Type;
    if (isUnknown(actual)) {
      instantiateParams(expected, subst);
      variable = nameOf(actual);
      other = substitute(expected, subst);
    } else {
      variable = (expected as { name: string }).name;
      other = actual;
    }
    if (mentions(other, variable)) return false;
    // Binding to dyn teaches nothing; the variable stays open for a better use.
    if (!isDynOrError(other) || isUnknown(other)) subst.set(variable, other);
    return true;
  }
  if (isDynOrError(expected) || isDynOrError(actual)) {
    bindParams(expected, T.dyn, subst);
    return true;
  }
  if (actual.kind === "null") return expected.kind === "null" || expected.kind === "record" || expected.kind === "optional";
  switch (expected.kind) {
    case "list":
      return actual.kind === "list" && assignable(expected.elem, actual.elem, subst, vars);
    case "map":
      if (actual.kind === "record") return assignable(expected, recordAsMap(actual), subst, vars);
      return actual.kind === "map" && assignable(expected.key, actual.key, subst, vars) && assignable(expected.value, actual.value, subst, vars);
    case "optional":
      return actual.kind === "optional" && assignable(expected.inner, actual.inner, subst, vars);
    case "type":
      // Every type value has kind `type`; `type(x) == int` compares them at run time.
      if (actual.kind !== "type") return false;
      assignable(expected.of, actual.of, subst, vars);
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

/** Replace bound type parameters and variables; an unbound parameter gets a fresh variable (once per match). */
export function substitute(t: Type, subst: Substitution): Type {
  switch (t.kind) {
    case "param": {
      const b = subst.get(t.name);
      if (b) return isUnknown(b) && b !== t ? substitute(b, subst) : b;
      if (isUnknown(t)) return t;
      const v = freshVar();
      subst.set(t.name, v);
      return v;
    }
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
  if (known.length === 0) return types.length > 0 ? T.error : freshVar();
  let acc: Type = known[0]!;
  for (const t of known.slice(1)) acc = join(acc, t);
  return acc;
}

export function join(a: Type, b: Type): Type {
  if (a === b) return a;
  // An open variable takes the other type, unless it occurs in it (`[c, type(c)]` is list<dyn>).
  if (isUnknown(a)) return mentions(b, nameOf(a)) ? T.dyn : b;
  if (isUnknown(b)) return mentions(a, nameOf(b)) ? T.dyn : a;
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

/** Every type reachable inside `t`, itself first (through record fields, lists, maps, optionals), in order. */
export function typesIn(t: Type, out: Type[] = []): Type[] {
  out.push(t);
  switch (t.kind) {
    case "record":
      for (const f of t.fields.values()) typesIn(f.type, out);
      break;
    case "list":
      typesIn(t.elem, out);
      break;
    case "map":
      typesIn(t.key, out);
      typesIn(t.value, out);
      break;
    case "optional":
      typesIn(t.inner, out);
      break;
  }
  return out;
}

/** Record types reachable inside a type (through lists, maps, optionals). */
export function recordsIn(t: Type): RecordType[] {
  return typesIn(t).filter((u): u is RecordType => u.kind === "record");
}
