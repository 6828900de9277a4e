// A static type in the bundle manifest's encoding (runtime/engine/type-desc.ts):
// how the IR's call sites and run-time checks describe parameter types, and
// how the manifest describes each input's used type.

import type { Type } from "../types.js";
import { UNREAD } from "../check/usage.js";
import type { TypeDesc } from "../../runtime/engine/type-desc.js";

export function typeDesc(t: Type): TypeDesc {
  if (t === UNREAD) return "skip";
  switch (t.kind) {
    case "list":
      return ["list", typeDesc(t.elem)];
    case "map":
      return ["map", typeDesc(t.key), typeDesc(t.value)];
    case "optional":
      return ["opt", typeDesc(t.inner)];
    case "type":
      return ["type"];
    case "record":
      return ["rec", t.name, [...t.fields].map(([n, f]) => [n, f.optional ? 1 : 0, typeDesc(f.type)] as [string, 0 | 1, TypeDesc])];
    default:
      return t.kind;
  }
}
