// The bundle manifest: a versioned JSON document in the custom section
// `edict.manifest` (docs/design/wasm-abi.md). It carries everything the
// runtime needs besides the code: policies, rules, inputs and their used
// types, the constant pool, the library call sites and the host imports.

import { typeToString } from "../types.js";
import { base64Encode } from "../../runtime/lib/base64.js";
import { CelDuration, CelError, CelList, CelMap, CelOptional, CelTimestamp, CelTypeValue, CelUint, type CelValue } from "../values.js";
import type { BundleManifest } from "../../runtime/engine/manifest.js";

export type { BundleManifest };

// The IR's call sites already speak the manifest's type encoding (compiler/ir/type-desc.ts).
export { typeDesc } from "../ir/type-desc.js";

export { typeToString };

/** A compile-time value in the manifest's constant encoding (runtime/engine/render.ts decodes it). */
export function encodeConst(v: CelValue): unknown[] {
  if (v === null) return ["n"];
  if (typeof v === "boolean") return ["t", v];
  if (typeof v === "bigint") return ["i", v.toString()];
  if (typeof v === "number") return ["d", Object.is(v, -0) ? "-0" : String(v)];
  if (typeof v === "string") return ["s", v];
  if (v instanceof CelUint) return ["u", v.value.toString()];
  if (v instanceof Uint8Array) return ["b", base64Encode(v)];
  if (v instanceof CelTimestamp) return ["ts", v.nanos.toString()];
  if (v instanceof CelDuration) return ["du", v.nanos.toString()];
  if (v instanceof CelList) return ["l", v.items.map(encodeConst)];
  if (v instanceof CelMap) return ["m", [...v.entries()].map(({ key, value }) => [encodeConst(key), encodeConst(value)])];
  if (v instanceof CelOptional) return v.value === undefined ? ["o"] : ["o", encodeConst(v.value)];
  if (v instanceof CelTypeValue) return ["ty", v.name];
  if (v instanceof CelError) return ["e", v.message];
  throw new Error("cannot encode this constant");
}
