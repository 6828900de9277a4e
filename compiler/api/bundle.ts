// The one place compile() turns checked policies into bundle bytes (the
// Wasm backend, compiler/codegen).

import type { CheckedPolicy } from "../check/checked.js";
import { generateBundle } from "../codegen/index.js";

export function bundleFor(checked: readonly CheckedPolicy[], options: { optimize?: boolean } = {}): Uint8Array | undefined {
  return generateBundle(checked, options);
}
