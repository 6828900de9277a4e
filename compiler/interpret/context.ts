// What a library overload may see besides its arguments. Shared between the
// interpreter core (which builds it once per evaluation) and the builtins
// (compiler/interpret/builtins/), which receive it on every call.
//
// Deliberately nothing about fuel: the core charges fuel for every call from
// the table in compiler/fuel.ts (per call, plus per byte/element of the
// arguments and result), so builtins stay pure functions of their inputs.

import type { CelTimestamp } from "../values.js";

export interface BuiltinContext {
  /** The evaluation instant (`now` in policies); the same throughout one evaluation. */
  readonly now: CelTimestamp;
}

// Note for the `type` overload: return `new CelTypeValue(celTypeName(v))`
// (./runtime-type.js). The interpreter turns type names used as values
// (`type(x) == int`, `== google.protobuf.Timestamp`) into CelTypeValue with
// the same spelling (`staticTypeName`), so the two must agree.
