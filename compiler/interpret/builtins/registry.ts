// The interpreter's library: every overload id of compiler/library, served by
// the one implementation of the CEL library in runtime/engine (the same code
// the Wasm bundles call through their host imports), adapted to the
// interpreter's value classes.
//
// Decision (recorded in docs/architecture.md): the library is implemented
// once. The interpreter stays the oracle for everything the compiler
// generates — control flow, short-circuit and error absorption, iteration
// order, rule firing, decision assembly and fuel — which is what the
// differential tests compare; the library's semantics are judged for both
// engines by the CEL conformance suite.
import type { Builtin, BuiltinLookup } from "../env.js";
import * as C from "../../values.js";
import { LIBRARY } from "../../library/index.js";
import { implementation } from "../../../runtime/engine/library.js";
import { HELPER_TWINS } from "./helper-twins.js";
import * as R from "../../../runtime/engine/values.js";

// Values are immutable in both representations, so a converted list or map
// is remembered: a policy calling `k in m` for every key of a large map
// converts the map once, not once per call.
const toRuntimeCache = new WeakMap<object, R.Value>();
const toCelCache = new WeakMap<object, C.CelValue>();

export function toRuntimeValue(v: C.CelValue): R.Value {
  if (v instanceof C.CelList || v instanceof C.CelMap) {
    const cached = toRuntimeCache.get(v);
    if (cached !== undefined) return cached;
    const converted = convertToRuntime(v);
    toRuntimeCache.set(v, converted);
    if (typeof converted === "object" && converted !== null) toCelCache.set(converted, v);
    return converted;
  }
  return convertToRuntime(v);
}

function convertToRuntime(v: C.CelValue): R.Value {
  if (v === null || typeof v !== "object" || v instanceof Uint8Array) return v as R.Value;
  if (v instanceof C.CelUint) return new R.Uint(v.value);
  if (v instanceof C.CelTimestamp) return new R.Timestamp(v.nanos);
  if (v instanceof C.CelDuration) return new R.Duration(v.nanos);
  if (v instanceof C.CelOptional) return new R.Optional(v.value === undefined ? undefined : toRuntimeValue(v.value));
  if (v instanceof C.CelTypeValue) return new R.TypeValue(v.name);
  if (v instanceof C.CelError) return new R.Err(v.message);
  if (v instanceof C.CelList) return new R.List(v.items.map(toRuntimeValue));
  const m = new R.CMap();
  for (const { key, value } of (v as C.CelMap).entries()) m.set(toRuntimeValue(key) as R.Key, toRuntimeValue(value));
  return m;
}

export function toCelValue(v: R.Value): C.CelValue {
  if (v instanceof R.List || v instanceof R.CMap) {
    const cached = toCelCache.get(v);
    if (cached !== undefined) return cached;
    const converted = convertToCel(v);
    toCelCache.set(v, converted);
    if (typeof converted === "object" && converted !== null) toRuntimeCache.set(converted, v);
    return converted;
  }
  return convertToCel(v);
}

function convertToCel(v: R.Value): C.CelValue {
  if (v === null || typeof v !== "object" || v instanceof Uint8Array) return v as C.CelValue;
  if (v instanceof R.Uint) return new C.CelUint(v.value);
  if (v instanceof R.Timestamp) return new C.CelTimestamp(v.nanos);
  if (v instanceof R.Duration) return new C.CelDuration(v.nanos);
  if (v instanceof R.Optional) return new C.CelOptional(v.value === undefined ? undefined : toCelValue(v.value));
  if (v instanceof R.TypeValue) return new C.CelTypeValue(v.name);
  if (v instanceof R.Err) return new C.CelError(v.message);
  if (v instanceof R.List) return new C.CelList(v.items.map(toCelValue));
  const m = new C.CelMap();
  for (const { key, value } of (v as R.CMap).entries()) m.set(toCelValue(key) as C.CelKey, toCelValue(value));
  return m;
}

/** The brief's name for an overload implementation (receiver first for member calls). */
export type BuiltinImpl = Builtin;

const cache = new Map<string, Builtin | undefined>();

export const getBuiltin: BuiltinLookup = (id) => {
  if (cache.has(id)) return cache.get(id);
  const impl = Object.prototype.hasOwnProperty.call(HELPER_TWINS, id) ? HELPER_TWINS[id] : implementation(id);
  const builtin: Builtin | undefined = impl
    ? (args, ctx) => toCelValue(impl(args.map(toRuntimeValue), { now: toRuntimeValue(ctx.now) as R.Timestamp }))
    : undefined;
  cache.set(id, builtin);
  return builtin;
};

/**
 * Library ids the evaluator implements itself, as syntax rather than calls:
 * the short-circuiting `&&`, `||`, `?:` (their operands must not be evaluated
 * first) and indexing/selection, which need the evaluator's cross-type map
 * lookup (compiler/interpret/access.ts). No call site dispatches them by id.
 */
export const EVALUATOR_FORMS: ReadonlySet<string> = new Set([
  "logical_and",
  "logical_or",
  "conditional",
  "index_list",
  "index_map",
  "select_optional_field",
  "list_optindex_optional_int",
  "optional_list_optindex_optional_int",
  "map_optindex_optional_value",
  "optional_map_optindex_optional_value",
  "optional_list_index_int",
  "optional_map_index_value",
]);

/** Every overload id of compiler/library that has an implementation here: all but EVALUATOR_FORMS (the builtins tests assert it). */
export function allBuiltinIds(): string[] {
  return LIBRARY.map((o) => o.id).filter((id) => getBuiltin(id) !== undefined);
}
