// Until the interpreter's builtins registry lands: the runtime's library
// (runtime/engine) adapted to the interpreter's CelValues, so differential
// tests compare the two engines' control flow and fuel on the same library.

import type { Builtin, BuiltinLookup } from "../../../compiler/interpret/env.js";
import * as C from "../../../compiler/values.js";
import { implementation } from "../../../runtime/engine/library.js";
import * as R from "../../../runtime/engine/values.js";

export function toRuntime(v: C.CelValue): R.Value {
  if (v === null || typeof v !== "object" || v instanceof Uint8Array) return v as R.Value;
  if (v instanceof C.CelUint) return new R.Uint(v.value);
  if (v instanceof C.CelTimestamp) return new R.Timestamp(v.nanos);
  if (v instanceof C.CelDuration) return new R.Duration(v.nanos);
  if (v instanceof C.CelOptional) return new R.Optional(v.value === undefined ? undefined : toRuntime(v.value));
  if (v instanceof C.CelTypeValue) return new R.TypeValue(v.name);
  if (v instanceof C.CelError) return new R.Err(v.message);
  if (v instanceof C.CelList) return new R.List(v.items.map(toRuntime));
  const m = new R.CMap();
  for (const { key, value } of (v as C.CelMap).entries()) m.set(toRuntime(key) as R.Key, toRuntime(value));
  return m;
}

export function toCel(v: R.Value): C.CelValue {
  if (v === null || typeof v !== "object" || v instanceof Uint8Array) return v as C.CelValue;
  if (v instanceof R.Uint) return new C.CelUint(v.value);
  if (v instanceof R.Timestamp) return new C.CelTimestamp(v.nanos);
  if (v instanceof R.Duration) return new C.CelDuration(v.nanos);
  if (v instanceof R.Optional) return new C.CelOptional(v.value === undefined ? undefined : toCel(v.value));
  if (v instanceof R.TypeValue) return new C.CelTypeValue(v.name);
  if (v instanceof R.Err) return new C.CelError(v.message);
  if (v instanceof R.List) return new C.CelList(v.items.map(toCel));
  const m = new C.CelMap();
  for (const { key, value } of (v as R.CMap).entries()) m.set(toCel(key) as C.CelKey, toCel(value));
  return m;
}

export const runtimeLibrary: BuiltinLookup = (id) => {
  const impl = implementation(id);
  if (!impl) return undefined;
  const builtin: Builtin = (args, ctx) => toCel(impl(args.map(toRuntime), { now: toRuntime(ctx.now) as R.Timestamp }));
  return builtin;
};
