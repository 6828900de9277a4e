// edict/runtime (spec section 9): load a bundle, evaluate it. No compiler,
// no Node built-ins, no eval: the bundle's Wasm module does the control
// flow and fuel; runtime/engine is the host side of its ABI.

import { loadAs, LoadedBundle } from "./engine/bundle.js";
import type { Decision, EvaluateOptions, LoadOptions, PolicyInfo } from "./types.js";

export type * from "./types.js";
export { DEFAULT_FUEL, DEFAULT_MEMORY_LIMIT_BYTES, DEFAULT_TIMEOUT_MS, MAX_INPUT_DEPTH } from "./types.js";

export interface Bundle {
  readonly policies: PolicyInfo[];
  evaluate(input: object, options?: EvaluateOptions): Decision;
}

export function loadBundle(bytes: Uint8Array | WebAssembly.Module, options: LoadOptions = {}): Promise<Bundle> {
  return loadAs(bytes, options, LoadedBundle);
}
