// edict/runtime (spec section 9): load a bundle, evaluate it. No compiler,
// no Node built-ins, no eval: the bundle's Wasm module does the control
// flow and fuel; runtime/engine is the host side of its ABI.

import { finish, LoadedBundle, prepare } from "./engine/bundle.js";
import { verifyChecksum } from "./engine/manifest.js";
import type { Decision, EvaluateOptions, LoadOptions, PolicyInfo } from "./types.js";

export type * from "./types.js";
export { DEFAULT_FUEL, DEFAULT_MEMORY_LIMIT_BYTES, DEFAULT_TIMEOUT_MS, MAX_INPUT_DEPTH } from "./types.js";

export interface Bundle {
  readonly policies: PolicyInfo[];
  evaluate(input: object, options?: EvaluateOptions): Decision;
}

export async function loadBundle(bytes: Uint8Array | WebAssembly.Module, options: LoadOptions = {}): Promise<Bundle> {
  let module: WebAssembly.Module;
  if (bytes instanceof WebAssembly.Module) module = bytes;
  else if (bytes instanceof Uint8Array) {
    verifyChecksum(bytes);
    try {
      module = await WebAssembly.compile(bytes as unknown as BufferSource);
    } catch (e) {
      throw new Error(`corrupted or truncated Edict bundle: ${e instanceof Error ? e.message : String(e)}`);
    }
  } else {
    throw new TypeError("loadBundle expects the bundle's bytes (Uint8Array) or a WebAssembly.Module");
  }
  const { manifest, host, imports } = prepare(module, options);
  let instance: WebAssembly.Instance;
  try {
    instance = await WebAssembly.instantiate(module, imports);
  } catch (e) {
    throw new Error(`cannot instantiate the Edict bundle: ${e instanceof Error ? e.message : String(e)}`);
  }
  return finish(manifest, host, instance, options, LoadedBundle);
}
